#include "WireFirewall.h"

#include "SysError.h"
#include "UniqueFd.h"

#include <QFileInfo>
#include <QStandardPaths>
#include <QStringList>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <net/if.h>
#include <spawn.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace socklab {

namespace {

QString findTool(const QString& name)
{
    QString p = QStandardPaths::findExecutable(name);
    if (p.isEmpty()) p = QStandardPaths::findExecutable(name, {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
    return p;
}

// Runs `argv` (from the calling thread, so in its namespace), waits; 0 or its
// exit status, with what it wrote to stderr in `output`.
int runTool(const QStringList& argv, QString* output)
{
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        *output = sysError(QStringLiteral("pipe2"), errno);
        return -1;
    }
    UniqueFd readEnd(fds[0]), writeEnd(fds[1]);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, writeEnd.get(), 1);
    posix_spawn_file_actions_adddup2(&fa, writeEnd.get(), 2);
    QList<QByteArray> bytes;
    std::vector<char*> args;
    for (const QString& a : argv) bytes << a.toLocal8Bit();
    for (QByteArray& b : bytes) args.push_back(b.data());
    args.push_back(nullptr);
    pid_t pid = -1;
    const int rc = ::posix_spawn(&pid, args[0], &fa, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    writeEnd.reset();
    if (rc != 0) {
        *output = sysError(argv.first(), rc);
        return -1;
    }
    QByteArray text;
    char buf[512];
    ssize_t n;
    while ((n = ::read(readEnd.get(), buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))
        if (n > 0 && text.size() < 4096) text.append(buf, n);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    *output = QString::fromLocal8Bit(text).simplified();
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

} // namespace

QString WireFirewall::iptablesPath()
{
    // SOCKLAB_WIRE_IPTABLES: another program in its place (tests: one that fails, or none).
    if (qEnvironmentVariableIsSet("SOCKLAB_WIRE_IPTABLES")) {
        const QString p = qEnvironmentVariable("SOCKLAB_WIRE_IPTABLES");
        return QFileInfo(p).isExecutable() ? p : QString();
    }
    return findTool(QStringLiteral("iptables-nft"));
}

bool WireFirewall::setLoopbackMtu(int mtu, QString* error)
{
    const UniqueFd s(::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    if (!s) {
        *error = sysError(QStringLiteral("socket"), errno);
        return false;
    }
    ifreq req{};
    std::strncpy(req.ifr_name, "lo", IFNAMSIZ - 1);
    req.ifr_mtu = mtu;
    if (::ioctl(s.get(), SIOCSIFMTU, &req) != 0) {
        *error = sysError(QStringLiteral("setting lo's MTU (SIOCSIFMTU %1)").arg(mtu), errno);
        return false;
    }
    return true;
}

int WireFirewall::loopbackMtu()
{
    const UniqueFd s(::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    ifreq req{};
    std::strncpy(req.ifr_name, "lo", IFNAMSIZ - 1);
    if (!s || ::ioctl(s.get(), SIOCGIFMTU, &req) != 0) return -1;
    return req.ifr_mtu;
}

bool WireFirewall::divertLoopback(uint16_t queue, QString* error)
{
    const QString v4 = iptablesPath();
    if (v4.isEmpty()) {
        *error = QStringLiteral("iptables-nft not found (package iptables)");
        return false;
    }
    const QStringList rule{QStringLiteral("-A"), QStringLiteral("OUTPUT"), QStringLiteral("-o"), QStringLiteral("lo"),
                           QStringLiteral("-m"), QStringLiteral("mark"), QStringLiteral("!"), QStringLiteral("--mark"),
                           QStringLiteral("0x%1").arg(kInjectedMark, 0, 16), QStringLiteral("-j"),
                           QStringLiteral("NFQUEUE"), QStringLiteral("--queue-num"), QString::number(queue)};
    QString out;
    const int rc = runTool(QStringList{v4} + rule, &out);
    if (rc != 0) {
        *error = QStringLiteral("%1: %2").arg(QFileInfo(v4).fileName(), out.isEmpty() ? QStringLiteral("exit status %1").arg(rc) : out);
        return false;
    }
    // ::1 too where ip6tables-nft exists; IPv4 alone is what the lessons use.
    if (const QString v6 = findTool(QStringLiteral("ip6tables-nft")); !v6.isEmpty()) runTool(QStringList{v6} + rule, &out);
    return true;
}

} // namespace socklab
