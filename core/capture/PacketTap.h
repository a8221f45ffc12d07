#pragma once
// Captures the lab's loopback with libpcap on a thread of its own (inside the
// lab's namespace). TPACKET_V3 ring (variable-length frames: a 64 KiB GSO
// frame costs 64 KiB, not a fixed slot) retired every couple of
// milliseconds, so bulk transfers fit and single packets still arrive at
// once. With a spool the whole frame goes to a pcap file on disk and only
// its first bytes stay in memory.

#include "Event.h"
#include "FrameStore.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>

struct pcap_pkthdr;

namespace socklab {

class Lab;
class SpoolWriter;

struct CapturedFrame {
    qint64 epochUs = 0; // kernel timestamp
    QByteArray bytes;   // the frame, or its first bytes when spooled
    uint32_t wireLen = 0;
    uint32_t capLen = 0;     // bytes captured; more than bytes.size() when cut for memory
    qint64 spoolOffset = -1; // its record in the spool file, -1 if not spooled
};

struct TapStats {
    quint64 captured = 0;
    quint64 kernelDrops = 0; // pcap_stats ps_drop
    quint64 ifDrops = 0;
    quint64 notSpooled = 0; // frames whose tail is lost: the disk was too far behind (or failed)
};

// The kernel reported packets it could not give us (ring full), seen at epochUs.
struct CaptureLoss {
    qint64 epochUs = 0;
    quint64 captured = 0;  // frames captured so far
    quint64 dropped = 0;   // drops so far
    quint64 newDrops = 0;  // since the previous report
};

struct TapOptions {
    int snapLen = 262144; // whole loopback GSO frames (up to 64 KiB + headers)
    // Whole frames go to a pcap file (spoolPath, or an unnamed temporary file
    // in tempDir); false: frames stay whole in memory.
    bool spool = false;
    QString spoolPath;
    QString tempDir;
    // With a spool: a frame's bytes decoded in memory (headers + first payload
    // bytes); its event keeps the payload's part, the file the whole frame.
    int keepBytes = kFrameHeadBytes;
    qint64 spoolQueueBytes = 64 << 20;  // frames waiting for the disk, at most
    int bufferBytes = 128 << 20; // the ring (its pages count in RSS); SOCKLAB_TEST_CAPTURE_BUFFER overrides it (tests)
    int timeoutMs = 2;          // a ring block is handed over at the latest after this
};

class PacketTap
{
public:
    explicit PacketTap(const Lab& lab);
    ~PacketTap(); // stops the thread
    PacketTap(const PacketTap&) = delete;
    PacketTap& operator=(const PacketTap&) = delete;

    // A BPF filter for the session's ports, e.g. "tcp port 8888 or udp port 9999".
    static QString filterForPorts(const QList<uint16_t>& tcpPorts, const QList<uint16_t>& udpPorts);

    bool start(const QString& filter, QString* error, TapOptions options = {});
    void stop();
    bool running() const { return m_running.load(); }

    QList<CapturedFrame> take(); // frames captured since the last take()
    QList<CaptureLoss> takeLosses(); // drops reported since the last call
    int linkType() const { return m_linkType; }
    TapStats stats() const;
    // A capture or spool failure after start ("" when none); capture goes on if it can.
    QString error() const;
    std::shared_ptr<FrameStore> frameStore() const { return m_store; }
    // Keep only counts (for bulk benchmarks): frames are counted, not stored.
    void setCountOnly(bool on) { m_countOnly = on; }

private:
    void loop();
    void drain();
    void updateStats();
    void setError(const QString& e);
    static void onPacket(unsigned char* user, const ::pcap_pkthdr* h, const unsigned char* bytes);

    const Lab& m_lab;
    TapOptions m_options;
    std::thread m_thread;
    std::atomic<bool> m_running{false};
    std::atomic<bool> m_countOnly{false};
    int m_stopFd = -1; // eventfd that wakes the poll loop
    void* m_pcap = nullptr;
    int m_linkType = 1;
    std::shared_ptr<FrameStore> m_store;
    std::unique_ptr<SpoolWriter> m_spoolWriter; // appended to on the capture thread only
    QList<CapturedFrame> m_batch;              // capture thread only
    quint64 m_batchCount = 0;                  // capture thread only
    mutable std::mutex m_mutex; // guards what follows
    QList<CapturedFrame> m_frames;
    QList<CaptureLoss> m_losses;
    TapStats m_stats;
    QString m_error;
};

} // namespace socklab
