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

#include "GateEvent.h"
#include "LabProcess.h"
#include "Timeline.h"
#include "WirePolicy.h"
#include "WireRule.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QSet>
#include "Problem.h"

#include <QStringList>

#include <functional>
#include <optional>

#include <memory>
#include <optional>
#include <vector>

namespace socklab {

class CallGate;
struct CapturedFrame;
class PythonHook;
class Lab;
class LabThread;
class PacketAnnotator;
class PacketTap;
class PcapWriter;
class Recorder;
class SockDiag;
class SocketWatcher;
class StateDeriver;
class SegmentSynthesizer;
class Wire;
class WireDelays;

struct ProgramLabOptions {
    QString capture;        // force a capture mode (empty: best available)
    QString pcapPath;       // write the captured packets here
    int timeoutMs = 30000;  // then SIGTERM
    int graceMs = 1000;     // then SIGKILL
    int lingerMs = 1500;    // after the last program exits, the others are stopped
    int startGapMs = 5000;  // the next program starts when the previous one serves or exits, or after this
    bool gate = true;       // record every socket call (ptrace + seccomp); false: run the programs untouched
    bool holdAtStart = false; // stepping: every call waits at the gate until step()/run()
    QList<GateBreakpoint> breakpoints; // a call on one of these lines waits at the gate (then: holding)
    // A scenario folder's programs (ScriptedRun): their actor names and roles,
    // extra environment, standard input, the code file shown, and no ending of
    // its own (the script ends the run with finishNow()).
    QStringList actorNames;
    QStringList roles;
    QList<QList<QByteArray>> extraEnv;
    QList<std::optional<QByteArray>> stdinData;
    QStringList codeFiles;
    QString scenarioId;
    bool scripted = false;
    // Host mode (no private namespace could be made): a scenario's programs may
    // still run on the host's loopback, on these free ports (the capture sees
    // only them). Empty: outside a namespace nothing runs ("lab-no-namespace").
    QList<uint16_t> hostPorts;
    // Called for every call and return event of the gate before it is recorded.
    std::function<void(int program, Event&)> decorate;
    std::optional<WirePolicy> wire;    // wire mode: every packet through socklab's wire (set: lo's MTU too)
    // Wire mode: rules in place before the first program starts ("Hold the
    // next packet" checked before Run: a rule added after start() could miss a
    // SYN sent at once). Their indices: wireRuleIds().
    QList<WireRule> wireRules;
};

// A program as the gate sees it now, for "who goes next" and the code pane.
struct ProgramStatus {
    enum class Where { NotStarted, Running, HeldAtGate, InKernel, Exited };
    Where where = Where::NotStarted;
    QString call;     // HeldAtGate / InKernel: the call ("accept")
    QString codeFile; // Python: its file and line
    int codeLine = -1;
    qint64 sinceUs = -1; // timeline time it has been held / in the kernel since
    quint64 callId = 0;  // distinct for every call
};

class ProgramLab
{
public:
    explicit ProgramLab(QList<QStringList> commands, ProgramLabOptions options = {});
    ~ProgramLab();
    ProgramLab(const ProgramLab&) = delete;
    ProgramLab& operator=(const ProgramLab&) = delete;

    bool start(Problem* error); // every command resolved, lab and capture up, first program running
    bool poll();                // one round; false once finished
    void runToEnd();
    void stop();                // SIGTERM now, SIGKILL after the grace period
    void finishNow();           // scripted: the end (what still runs is killed)
    // Scripted: the lesson's record ends here (a last look with sock_diag, capture
    // stopped); afterwards only notes are kept: programs running to their end, killed.
    void seal();
    // Scripted runs: a note in the timeline, and the timeline to add steps to.
    void note(const QString& code, QVariantMap args, const QString& actor = {}) { addNote(code, std::move(args), actor); }
    Timeline& scriptTimeline() { return m_timeline; }
    void nameSocket(int program, int fd, const QString& name);
    qint64 nowUs() const;
    bool anyRunning() const;

    bool finished() const { return m_finished; }
    const Timeline& timeline() const { return m_timeline; }
    int programCount() const { return int(m_commands.size()); } // started or not yet
    QString actorName(int program) const { return m_names.value(program); }
    QString command(int program) const;
    bool started(int program) const;
    pid_t pid(int program) const;
    const Lab* lab() const { return m_lab.get(); }
    Wire* wire() const { return m_wire.get(); } // wire mode: rules, held packets (null otherwise)
    QList<int> wireRuleIds() const { return m_wireRuleIds; } // of options.wireRules, in order

    // For console panes: output since the last call, in order.
    QList<ProgramOutput> takeConsoleOutput() { return std::exchange(m_console, {}); }
    bool writeStdin(int program, const QByteArray& bytes);
    void closeStdin(int program);

    // Stepping through the gate (only with options.gate).
    bool gated() const { return m_gate != nullptr; }
    void setHolding(bool hold);
    bool holding() const;
    bool step(int program = -1); // release exactly one held call (-1: the one waiting longest)
    void run();                  // release everything; hold again at a breakpoint
    void setBreakpoints(const QList<GateBreakpoint>& breakpoints);
    ProgramStatus status(int program) const;
    // "server waits in accept() — step the client": every running program is
    // held at the gate or sleeping in the kernel, and at least one is held.
    bool waitingForStep() const;

    // Why the run failed (crash, non-zero status, timeout, exec failure): empty on success.
    ProblemList problems() const { return m_problems; }
    // Worth telling but not a failure: no socket opened, a non-loopback listener.
    ProblemList warnings() const { return m_warnings; }

private:
    void startDue(qint64 nowMs);
    bool startProgram(int i, Problem* error);
    void collectOutput(int i, bool flush);
    void reapAll();
    void handleTimeout(qint64 nowMs);
    void stopRunning(const QString& reason);
    void merge(const QList<CapturedFrame>& frames);
    void finish();
    void lastLook(); // capture stopped, a last sock_diag round, pcap closed
    QString ownerActor(uint16_t local, uint16_t remote);
    void addNote(const QString& code, QVariantMap args, const QString& actor = {});
    void takeGateEvents();
    void addBlocked(const QString& actor, const QString& call, pid_t tid, qint64 tUs);
    void flushHeldCalls(int program, qint64 releasedUs); // -1: all

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
    std::unique_ptr<SegmentSynthesizer> m_synth; // states-only: the segments the calls imply
    std::unique_ptr<PacketAnnotator> m_annotator;
    std::unique_ptr<SocketWatcher> m_watcher;
    std::unique_ptr<PythonHook> m_hook;
    std::unique_ptr<CallGate> m_gate;
    // Scripted: a call held at the gate is recorded when it is released, so it
    // belongs to the step that released it (tid -> its call event, its program).
    QHash<pid_t, std::pair<int, Event>> m_heldCalls;
    std::unique_ptr<Wire> m_wire;
    std::unique_ptr<WireDelays> m_wireDelays; // wire mode with capture: delays waiting for their packets' capture
    QList<int> m_wireRuleIds;
    QHash<pid_t, bool> m_blockedOpen; // thread -> a "blocked" return was told for its current call
    QList<GateThreadStatus> m_gateStatus;
    std::vector<std::unique_ptr<LabProcess>> m_programs;
    QHash<int, QByteArray> m_partial; // program*2+stream -> line not yet ended
    QList<ProgramOutput> m_console;
    Timeline m_timeline;
    QElapsedTimer m_clock;
    qint64 m_lastStartMs = 0, m_lastActivityMs = 0, m_allExitedMs = -1, m_termSentMs = -1;
    qint64 m_lastExitedMs = -1;
    bool m_timedOut = false, m_stopping = false, m_finished = false, m_sealed = false;
    ProblemList m_problems, m_warnings;
    QSet<QString> m_talked; // actors seen in captured packets
};

} // namespace socklab
