#pragma once
// One of the user's programs running in the lab: fork/exec with pipes for
// stdin/stdout/stderr, in a process group of its own (so that stopping it
// also stops whatever it started), with PR_SET_PDEATHSIG so that it never
// outlives socklab.

#include "Problem.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

#include <sys/types.h>

namespace socklab {

struct ProgramOutput {
    int program = -1;
    QString stream; // "stdout" or "stderr"
    QByteArray bytes;
};

class LabProcess
{
public:
    explicit LabProcess(QStringList argv);
    ~LabProcess(); // kills the whole group (SIGKILL) if still there, and reaps it
    LabProcess(const LabProcess&) = delete;
    LabProcess& operator=(const LabProcess&) = delete;

    // "python3 server.py" -> "server.py", "python3 -m http.server" -> "http.server",
    // "nc -l ..." -> "nc".
    static QString actorNameFor(const QStringList& argv);
    // The program's absolute path along PATH (or as given); empty when there is none.
    static QString resolve(const QString& program);

    // Added to the program's environment ("NAME=value"), before spawn().
    void setExtraEnvironment(QList<QByteArray> env) { m_extraEnv = std::move(env); }

    // Forks from the CALLING thread (whose network namespace the child gets).
    // The child keeps only its three standard streams across execve().
    bool spawn(Problem* error);

    // Traced by the call gate: the child asks to be traced (PTRACE_TRACEME),
    // stops itself, installs `seccomp` (async-signal-safe, may be empty) and
    // runs the program. `afterFork` runs in the parent (the tracer) and returns
    // once the exec happened (true) or failed (false, *execErrno set). The gate
    // reaps the process: it calls noteExited(), and reap() never calls waitpid().
    struct Traced {
        std::function<bool()> seccomp;
        std::function<bool(pid_t pid, int reportFd, int* execErrno)> afterFork;
    };
    bool spawnTraced(const Traced& traced, Problem* error);
    bool traced() const { return m_traced; }
    void noteExited(int waitStatus) { m_tracedStatus = waitStatus; } // from the gate's wait()

    const QStringList& argv() const { return m_argv; }
    pid_t pid() const { return m_pid; }
    bool running() const { return m_pid > 0 && !m_exited; }
    bool exited() const { return m_exited; }
    int exitStatus() const { return m_status; } // when it exited normally
    int termSignal() const { return m_signal; } // 0 when it exited normally
    bool succeeded() const { return m_exited && m_signal == 0 && m_status == 0; }
    // How it ended, as values: {"status": 0} or {"signal": 6, "signal_name": "SIGABRT"} ({"running": true} before).
    QVariantMap exitValues() const;

    // Non-blocking: what the program wrote since the last call.
    QByteArray readStdout() { return drain(m_out); }
    QByteArray readStderr() { return drain(m_err); }
    bool writeStdin(const QByteArray& bytes);
    void closeStdin();
    bool stdinOpen() const { return m_in >= 0; }

    bool reap();                  // true when it has just exited (non-blocking)
    void signalGroup(int signal); // to the program and everything in its group

private:
    QByteArray drain(int& fd);
    bool spawnImpl(const Traced* traced, Problem* error);
    void takeStatus(int status);

    QStringList m_argv;
    QList<QByteArray> m_extraEnv;
    bool m_traced = false;
    std::optional<int> m_tracedStatus;
    pid_t m_pid = -1;
    int m_in = -1, m_out = -1, m_err = -1;
    bool m_exited = false;
    int m_status = 0;
    int m_signal = 0;
};

} // namespace socklab
