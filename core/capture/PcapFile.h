#pragma once
// Classic pcap files through libpcap: save a session's frames so Wireshark /
// tshark can open them, and read them back for tests and replays.

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <cstdint>
#include <cstdio>

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

    // Creates (truncates) `path`; a directory, FIFO or device is refused. False + error() on failure, e.g.
    // "cannot write /nope/x.pcap: No such file or directory".
    bool open(const QString& path, int linkType, int snapLen = 262144);
    // The same on a descriptor open for writing (taken over: closed by close()).
    // `name` is what error messages call it.
    bool openFd(int fd, const QString& name, int linkType, int snapLen = 262144);
    // Frames longer than the snap length are cut; wireLen 0 means frame.size().
    bool write(qint64 epochUs, QByteArrayView frame, uint32_t wireLen);
    // Flushes and closes; safe to call twice. The destructor calls it. False
    // when something could not be written: a file open()ed by path is then
    // removed (no half-written capture is left), error() says why.
    bool close();
    bool isOpen() const { return dumper_ != nullptr; }
    // File offset of the next record (24 after the file header).
    qint64 nextOffset() const { return offset_; }
    // Hands buffered records to the kernel, so a reader of the file sees them.
    bool flush();
    QString error() const { return error_; }
    // What the system or libpcap said, without socklab's words (for a Problem's "detail").
    QString systemError() const { return systemError_.isEmpty() ? error_ : systemError_; }

private:
    pcap_t* dead_ = nullptr;
    pcap_dumper_t* dumper_ = nullptr;
    QString path_;
    int snapLen_ = 0;
    qint64 offset_ = 0;
    bool ownsPath_ = false; // opened by path (not a descriptor): removed when writing failed
    QString error_;
    QString systemError_;

    bool openStream(FILE* fp, const QString& name, int linkType, int snapLen);
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
