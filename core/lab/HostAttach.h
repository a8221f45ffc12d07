#pragma once
// Attaches to a TCP/UDP port of programs already running on the HOST (not in
// a lab) and records its loopback sockets as a timeline: states, queue levels
// and TIME_WAIT timers from sock_diag (needs no privilege), and, when capture
// on the host's lo is allowed (root or CAP_NET_RAW), the packets of that port
// only. Without capture no segment is invented: the timeline's captureMode is
// "states-only" and a note says so. Observation only: nothing is ever sent.
//
// Must be created and polled on a thread that has not entered a lab (the main
// thread): sock_diag and the capture see the calling thread's namespace.
// Drive it with poll() every ~10 ms, or runToEnd().

#include "Problem.h"
#include "Timeline.h"

#include <QElapsedTimer>
#include <QStringList>

#include <atomic>
#include <memory>

namespace socklab {

struct CapturedFrame;
class HostSockets;
class Lab;
class PacketAnnotator;
class PacketTap;
class PcapWriter;
class Recorder;
class SockDiag;
class StateDeriver;

struct HostAttachOptions {
    uint16_t port = 0;
    QString address;          // one loopback address, or empty: any loopback address
    int durationMs = 30000;   // <= 0: until stop()
    QString pcapPath;         // write the captured packets here (needs capture)
    QString capture;          // "" best available, "states-only" to force it
};

class HostAttach
{
public:
    explicit HostAttach(HostAttachOptions options);
    ~HostAttach();
    HostAttach(const HostAttach&) = delete;
    HostAttach& operator=(const HostAttach&) = delete;

    // "8080", "127.0.0.1:8080", "[::1]:8080"; false with a message for a bad
    // port or a non-loopback address (socklab attaches to the loopback only).
    static bool parseTarget(const QString& text, uint16_t* port, QString* address, Problem* error);
    static bool checkAddress(const QString& address, Problem* error);

    bool start(Problem* error); // false when nothing can be observed
    bool poll();                // one round; false once finished
    void runToEnd(const std::atomic<int>* cancel = nullptr); // cancel: non-zero (a signal's number) ends it
    void stop();                // a last look, then finished

    bool finished() const { return m_finished; }
    bool capturing() const { return m_tap != nullptr; }
    const Timeline& timeline() const { return m_timeline; }
    int socketsSeen() const;
    ProblemList warnings() const { return m_warnings; }

private:
    void merge(const QList<CapturedFrame>& frames);
    void addNote(const QString& code, QVariantMap args);
    void finish();

    HostAttachOptions m_options;
    std::unique_ptr<Lab> m_lab; // "host" mode: only what PacketTap needs to capture lo
    std::unique_ptr<Recorder> m_recorder;
    std::unique_ptr<SockDiag> m_diag;
    std::unique_ptr<HostSockets> m_sockets;
    std::unique_ptr<PacketTap> m_tap;
    std::unique_ptr<PcapWriter> m_pcap;
    std::unique_ptr<StateDeriver> m_deriver;
    std::unique_ptr<PacketAnnotator> m_annotator;
    Timeline m_timeline;
    QElapsedTimer m_clock;
    ProblemList m_warnings;
    bool m_started = false, m_finished = false;
};

} // namespace socklab
