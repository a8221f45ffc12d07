#pragma once
// Classic pcap files through libpcap: save a session's frames so Wireshark /
// tshark can open them, and read them back for tests and replays.

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <cstdint>

typedef struct pcap pcap_t;
typedef struct pcap_dumper pcap_dumper_t;

namespace socklab {

class PcapWriter
{
public:
    PcapWriter() = default;
    ~PcapWriter();
    PcapWriter(const PcapWriter&) = delete;
    PcapWriter& operator=(const PcapWriter&) = delete;

    // Creates (truncates) `path`. False + error() on failure, e.g.
    // "cannot write /nope/x.pcap: No such file or directory".
    bool open(const QString& path, int linkType, int snapLen = 262144);
    // Frames longer than the snap length are cut; wireLen 0 means frame.size().
    bool write(qint64 epochUs, QByteArrayView frame, uint32_t wireLen);
    // Flushes and closes; safe to call twice. The destructor calls it.
    void close();
    bool isOpen() const { return dumper_ != nullptr; }
    QString error() const { return error_; }

private:
    pcap_t* dead_ = nullptr;
    pcap_dumper_t* dumper_ = nullptr;
    QString path_;
    int snapLen_ = 0;
    QString error_;
};

struct PcapRecord {
    qint64 epochUs = 0;
    QByteArray frame; // captured bytes
    uint32_t wireLen = 0;
};

struct PcapContents {
    bool ok = false;
    QString error;
    int linkType = -1;
    QList<PcapRecord> records;
};

// Reads a pcap (or pcapng) file whole; timestamps come back in microseconds.
PcapContents readPcapFile(const QString& path);

} // namespace socklab
