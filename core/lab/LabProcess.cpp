#include "LabProcess.h"

#include "SysError.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace socklab {

namespace {

const QStringList& interpreters()
{
    static const QStringList names{"python", "python3", "node", "ruby", "perl", "bash", "sh", "dash", "php"};
    return names;
}

void closeFd(int& fd)
{
    if (fd >= 0) ::close(fd);
    fd = -1;
}

} // namespace

LabProcess::LabProcess(QStringList argv) : m_argv(std::move(argv)) {}

LabProcess::~LabProcess()
{
    closeStdin();
    closeFd(m_out);
    closeFd(m_err);
    if (m_pid > 0 && !m_exited && m_traced) {
        ::kill(-m_pid, SIGKILL); // the gate's wait() reaps it
    } else if (m_pid > 0 && !m_exited) {
        ::kill(-m_pid, SIGKILL);
        int status = 0;
        while (::waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {}
    }
}

QString LabProcess::actorNameFor(const QStringList& argv)
{
    if (argv.isEmpty()) return {};
    const QString prog = QFileInfo(argv.first()).fileName();
    QString base = prog;
    base.remove(QRegularExpression(QStringLiteral("[0-9.]+$")));
    if (!interpreters().contains(prog) && !interpreters().contains(base)) return prog;
    for (int i = 1; i < argv.size(); ++i) {
        const QString& a = argv[i];
        if (a == QLatin1String("-m") && i + 1 < argv.size()) return argv[i + 1];
        if (a == QLatin1String("-c")) return prog;
        if (!a.startsWith('-')) return QFileInfo(a).fileName();
    }
    return prog;
}

QString LabProcess::resolve(const QString& program)
{
    if (program.contains('/')) {
        const QFileInfo f(program);
        return f.isFile() && f.isExecutable() ? f.absoluteFilePath() : QString();
    }
    return QStandardPaths::findExecutable(program);
}

bool LabProcess::spawn(Problem* error) { return spawnImpl(nullptr, error); }

bool LabProcess::spawnTraced(const Traced& traced, Problem* error) { return spawnImpl(&traced, error); }

bool LabProcess::spawnImpl(const Traced* traced, Problem* error)
{
    const QString path = resolve(m_argv.value(0));
    if (path.isEmpty()) {
        if (error) *error = Problem(QStringLiteral("command-not-found"), {{"command", m_argv.value(0)}});
        return false;
    }
    // Everything the child needs is built before fork(): after it, in a
    // multi-threaded process, only async-signal-safe calls are allowed.
    QList<QByteArray> argStore, envStore;
    for (const QString& a : m_argv)
        argStore << a.toLocal8Bit();
    for (char** e = environ; *e; ++e)
        if (std::strncmp(*e, "PYTHONUNBUFFERED=", 17) != 0) envStore << QByteArray(*e);
    envStore << "PYTHONUNBUFFERED=1"; // so the console shows print() as it happens
    for (const QByteArray& e : std::as_const(m_extraEnv)) {
        const QByteArray name = e.left(e.indexOf('=') + 1);
        envStore.removeIf([&](const QByteArray& x) { return x.startsWith(name); });
        envStore << e;
    }
    std::vector<char*> args, env;
    for (QByteArray& a : argStore)
        args.push_back(a.data());
    args.push_back(nullptr);
    for (QByteArray& e : envStore)
        env.push_back(e.data());
    env.push_back(nullptr);
    const QByteArray file = path.toLocal8Bit();

    // Four pipes or none: a failure closes only what was opened.
    int pipes[4][2] = {{-1, -1}, {-1, -1}, {-1, -1}, {-1, -1}};
    for (auto& p : pipes) {
        if (::pipe2(p, O_CLOEXEC) == 0) continue;
        const int e = errno;
        for (auto& q : pipes)
            for (int& fd : q)
                closeFd(fd);
        if (error) *error = Problem(QStringLiteral("fork-failed"), {{"detail", sysError(QStringLiteral("pipe2"), e)}});
        return false;
    }
    int(&in)[2] = pipes[0];
    int(&out)[2] = pipes[1];
    int(&err)[2] = pipes[2];
    int(&report)[2] = pipes[3];
    const pid_t parent = ::getpid();
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::setpgid(0, 0);
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) ::_exit(127); // socklab is already gone
        if (::dup2(in[0], 0) < 0 || ::dup2(out[1], 1) < 0 || ::dup2(err[1], 2) < 0) ::_exit(127);
        // The report pipe moves to 3 (close-on-exec: its EOF says "exec done").
        if (report[1] != 3) {
            if (::dup3(report[1], 3, O_CLOEXEC) < 0) ::_exit(127);
            report[1] = 3;
        }
        // Nothing of socklab's leaks into the program: only 0, 1, 2 (and the
        // report pipe, closed by execve itself) stay open.
        if (::close_range(4, ~0U, 0) != 0) ::_exit(127);
        // socklab ignores SIGPIPE; the program must get the default back.
        struct sigaction dfl {};
        dfl.sa_handler = SIG_DFL;
        for (int s = 1; s < NSIG; ++s)
            ::sigaction(s, &dfl, nullptr);
        sigset_t none;
        sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        if (traced) {
            int e = 0;
            if (::ptrace(PTRACE_TRACEME, 0, nullptr, nullptr) != 0 || ::raise(SIGSTOP) != 0) e = errno;
            else if (traced->seccomp && !traced->seccomp()) e = errno ? errno : EINVAL;
            if (e != 0) {
                (void)!::write(report[1], &e, sizeof e);
                ::_exit(127);
            }
        }
        ::execve(file.constData(), args.data(), env.data());
        const int e = errno;
        (void)!::write(report[1], &e, sizeof e);
        ::_exit(127);
    }
    const int forkErrno = errno;
    closeFd(in[0]);
    closeFd(out[1]);
    closeFd(err[1]);
    closeFd(report[1]);
    m_in = in[1];
    m_out = out[0];
    m_err = err[0];
    ::fcntl(m_out, F_SETFL, O_NONBLOCK);
    ::fcntl(m_err, F_SETFL, O_NONBLOCK);
    ::fcntl(m_in, F_SETFL, O_NONBLOCK);
    if (pid < 0) {
        closeFd(report[0]);
        if (error) *error = Problem(QStringLiteral("fork-failed"), {{"detail", sysError(QStringLiteral("fork"), forkErrno)}});
        return false;
    }
    m_pid = pid;
    m_traced = traced != nullptr;
    ::setpgid(pid, pid); // also from here: no race with a kill(-pgid) right after
    int execErrno = 0;
    bool execFailed = false;
    if (traced) {
        execFailed = !traced->afterFork(pid, report[0], &execErrno);
    } else {
        ssize_t n;
        while ((n = ::read(report[0], &execErrno, sizeof execErrno)) < 0 && errno == EINTR) {}
        execFailed = n == sizeof execErrno;
    }
    closeFd(report[0]);
    if (execFailed) {
        if (!traced) {
            reap();
            int status = 0;
            if (!m_exited) ::waitpid(m_pid, &status, 0);
        }
        m_exited = true;
        m_status = 127;
        if (error)
            *error = Problem(QStringLiteral("exec-failed"),
                             {{"command", path}, {"detail", QString::fromLocal8Bit(strerror(execErrno))}});
        return false;
    }
    return true;
}

QVariantMap LabProcess::exitValues() const
{
    if (!m_exited) return {{"running", true}};
    if (m_signal != 0)
        return {{"signal", m_signal}, {"signal_name", QStringLiteral("SIG") + QString::fromLatin1(sigabbrev_np(m_signal))}};
    return {{"status", m_status}};
}

QByteArray LabProcess::drain(int& fd)
{
    QByteArray all;
    if (fd < 0) return all;
    char buf[4096];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n > 0) {
            all.append(buf, n);
            continue;
        }
        if (n == 0) closeFd(fd); // the program (and its children) closed it
        else if (errno == EINTR) continue;
        break;
    }
    return all;
}

bool LabProcess::writeStdin(const QByteArray& bytes)
{
    if (m_in < 0) return false;
    qsizetype off = 0;
    while (off < bytes.size()) {
        pollfd p{m_in, POLLOUT, 0};
        if (::poll(&p, 1, 1000) <= 0) return false; // a program that never reads stdin
        const ssize_t n = ::write(m_in, bytes.constData() + off, size_t(bytes.size() - off));
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN) continue;
            return false; // EPIPE: it closed its stdin or exited
        }
        off += n;
    }
    return true;
}

void LabProcess::closeStdin() { closeFd(m_in); }

bool LabProcess::reap()
{
    if (m_pid <= 0 || m_exited) return false;
    if (m_traced) {
        // Only the tracer may wait() for a traced child (it would steal its stops).
        if (!m_tracedStatus) return false;
        takeStatus(*m_tracedStatus);
        return true;
    }
    int status = 0;
    const pid_t r = ::waitpid(m_pid, &status, WNOHANG);
    if (r != m_pid) return false;
    takeStatus(status);
    return true;
}

void LabProcess::takeStatus(int status)
{
    m_exited = true;
    if (WIFSIGNALED(status)) m_signal = WTERMSIG(status);
    else m_status = WEXITSTATUS(status);
}

void LabProcess::signalGroup(int signal)
{
    if (m_pid > 0) ::kill(-m_pid, signal);
}

} // namespace socklab
