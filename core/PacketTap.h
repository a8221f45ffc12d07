#pragma once
// Captures the lab's loopback with libpcap on a thread of its own (inside the
// lab's namespace), keeping one copy of each packet and its kernel timestamp.

#include <QByteArray>
#include <QList>
#include <QString>

#include <atomic>
#include <mutex>
#include <thread>

namespace socklab {

class Lab;

struct CapturedFrame {
    qint64 epochUs = 0; // kernel timestamp
    QByteArray bytes;
    uint32_t wireLen = 0;
};

struct TapStats {
    quint64 captured = 0;
    quint64 kernelDrops = 0; // pcap_stats ps_drop
    quint64 ifDrops = 0;
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

    bool start(const QString& filter, QString* error, int snapLen = 262144);
    void stop();
    bool running() const { return m_running.load(); }

    QList<CapturedFrame> take(); // frames captured since the last take()
    int linkType() const { return m_linkType; }
    TapStats stats() const;
    // Keep only counts (for bulk benchmarks): frames are counted, not stored.
    void setCountOnly(bool on) { m_countOnly = on; }

private:
    void loop();

    const Lab& m_lab;
    std::thread m_thread;
    std::atomic<bool> m_running{false};
    std::atomic<bool> m_countOnly{false};
    int m_stopFd = -1; // eventfd that wakes the poll loop
    void* m_pcap = nullptr;
    int m_linkType = 1;
    mutable std::mutex m_mutex;
    QList<CapturedFrame> m_frames;
    quint64 m_captured = 0;
    TapStats m_finalStats;
};

} // namespace socklab
