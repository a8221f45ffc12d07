#pragma once
// One of the user's programs running in the lab: fork/exec with pipes for
// stdin/stdout/stderr, in a process group of its own (so that stopping it
// also stops whatever it started), with PR_SET_PDEATHSIG so that it never
// outlives socklab.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

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

    // Forks from the CALLING thread (whose network namespace the child gets).
    bool spawn(QString* error);

    const QStringList& argv() const { return m_argv; }
    pid_t pid() const { return m_pid; }
    bool running() const { return m_pid > 0 && !m_exited; }
    bool exited() const { return m_exited; }
    int exitStatus() const { return m_status; } // when it exited normally
    int termSignal() const { return m_signal; } // 0 when it exited normally
    bool succeeded() const { return m_exited && m_signal == 0 && m_status == 0; }
    QString exitDescription() const; // "exited with status 0", "killed by signal 6 (SIGABRT)"

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

    QStringList m_argv;
    pid_t m_pid = -1;
    int m_in = -1, m_out = -1, m_err = -1;
    bool m_exited = false;
    int m_status = 0;
    int m_signal = 0;
};

} // namespace socklab
