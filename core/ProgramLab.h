#pragma once
// Runs the user's own programs inside a lab and records their sockets as a
// timeline, like a scenario's: captured segments attributed to the programs,
// kernel states, queue levels and timers from sock_diag, derived states, and
// each program's output as notes. Ports are discovered, not configured.
//
// Drive it with poll() every ~10 ms (the window's timer) or runToEnd() (the
// command line). It ends when every program has exited, when the last one has
// exited (the others, servers that never end, are stopped), or at the timeout by
// SIGTERM then SIGKILL; the destructor always kills and reaps what is left.

#include "LabProcess.h"
#include "Timeline.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>

#include <memory>
#include <vector>

namespace socklab {

struct CapturedFrame;
class Lab;
class LabThread;
class PacketAnnotator;
class PacketTap;
class PcapWriter;
class Recorder;
class SockDiag;
class SocketWatcher;
class StateDeriver;

struct ProgramLabOptions {
    QString capture;        // force a capture mode (empty: best available)
    QString pcapPath;       // write the captured packets here
    int timeoutMs = 30000;  // then SIGTERM
    int graceMs = 1000;     // then SIGKILL
    int lingerMs = 1500;    // after the last program exits, the others are stopped
    int startGapMs = 5000;  // the next program starts when the previous one serves or exits, or after this
};

class ProgramLab
{
public:
    explicit ProgramLab(QList<QStringList> commands, ProgramLabOptions options = {});
    ~ProgramLab();
    ProgramLab(const ProgramLab&) = delete;
    ProgramLab& operator=(const ProgramLab&) = delete;

    bool start(QString* error); // every command resolved, lab and capture up, first program running
    bool poll();                // one round; false once finished
    void runToEnd();
    void stop();                // SIGTERM now, SIGKILL after the grace period

    bool finished() const { return m_finished; }
    const Timeline& timeline() const { return m_timeline; }
    int programCount() const { return int(m_commands.size()); } // started or not yet
    QString actorName(int program) const { return m_names.value(program); }
    QString command(int program) const;
    bool started(int program) const;
    pid_t pid(int program) const;
    const Lab* lab() const { return m_lab.get(); }

    // For console panes: output since the last call, in order.
    QList<ProgramOutput> takeConsoleOutput() { return std::exchange(m_console, {}); }
    bool writeStdin(int program, const QByteArray& bytes);
    void closeStdin(int program);

    // Why the run failed (crash, non-zero status, timeout, exec failure): empty on success.
    QStringList problems() const { return m_problems; }
    // Worth telling but not a failure: no socket opened, a non-loopback listener.
    QStringList warnings() const { return m_warnings; }

private:
    void startDue(qint64 nowMs);
    bool startProgram(int i, QString* error);
    void collectOutput(int i, bool flush);
    void reapAll();
    void handleTimeout(qint64 nowMs);
    void stopRunning(const QString& reason);
    void merge(const QList<CapturedFrame>& frames);
    void finish();
    QString ownerActor(uint16_t local, uint16_t remote);
    void addNote(const QString& code, QVariantMap args, const QString& actor = {});

    QList<QStringList> m_commands;
    ProgramLabOptions m_options;
    QStringList m_names;
    std::unique_ptr<Lab> m_lab;
    std::unique_ptr<LabThread> m_labThread;
    std::unique_ptr<Recorder> m_recorder;
    std::unique_ptr<PacketTap> m_tap;
    std::unique_ptr<SockDiag> m_diag;
    std::unique_ptr<PcapWriter> m_pcap;
    std::unique_ptr<StateDeriver> m_deriver;
    std::unique_ptr<PacketAnnotator> m_annotator;
    std::unique_ptr<SocketWatcher> m_watcher;
    std::vector<std::unique_ptr<LabProcess>> m_programs;
    QHash<int, QByteArray> m_partial; // program*2+stream -> line not yet ended
    QList<ProgramOutput> m_console;
    Timeline m_timeline;
    QElapsedTimer m_clock;
    qint64 m_lastStartMs = 0, m_lastActivityMs = 0, m_allExitedMs = -1, m_termSentMs = -1;
    qint64 m_lastExitedMs = -1;
    bool m_timedOut = false, m_stopping = false, m_finished = false;
    QStringList m_problems, m_warnings;
    QSet<QString> m_talked; // actors seen in captured packets
};

} // namespace socklab
