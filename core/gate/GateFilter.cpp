#include "GateFilter.h"

#include <QHash>

#include <cerrno>
#include <cstring>
#include <linux/seccomp.h>
#include <seccomp.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace socklab {

namespace {

// Every call that touches a socket, or may: read/write/close and the waits
// are sorted out by the tracer (only sockets count); dup2/dup3/close_range
// only keep its descriptor cache right.
const char* const kTrapped[] = {
    "socket", "bind", "listen", "accept", "accept4", "connect", "shutdown",
    "sendto", "sendmsg", "sendmmsg", "recvfrom", "recvmsg", "recvmmsg",
    "setsockopt", "getsockopt", "close", "read", "write", "readv", "writev", "sendfile",
    "poll", "ppoll", "select", "pselect6", "epoll_wait", "epoll_pwait", "epoll_pwait2",
    "dup2", "dup3", "close_range",
};

const QHash<long, QString>& names()
{
    static const QHash<long, QString> map = [] {
        QHash<long, QString> m;
        for (const char* n : kTrapped) {
            const int nr = seccomp_syscall_resolve_name(n);
            if (nr >= 0) m.insert(nr, QString::fromLatin1(n));
        }
        return m;
    }();
    return map;
}

QString seccompError(const char* what, int rc)
{
    return QStringLiteral("%1: %2").arg(QString::fromLatin1(what), QString::fromLocal8Bit(strerror(-rc)));
}

} // namespace

QString GateFilter::nameOf(long nr) { return names().value(nr); }

long GateFilter::numberOf(const char* name)
{
    const int nr = seccomp_syscall_resolve_name(name);
    return nr >= 0 ? nr : -1;
}

bool GateFilter::build(QString* error)
{
    scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
    if (!ctx) {
        if (error) *error = QStringLiteral("seccomp_init failed");
        return false;
    }
    int rc = 0;
    for (const char* n : kTrapped) {
        const int nr = seccomp_syscall_resolve_name(n);
        if (nr < 0) continue; // not on this architecture (select on arm64)
        if ((rc = seccomp_rule_add(ctx, SCMP_ACT_TRACE(0), nr, 0)) != 0) break;
    }
    // libseccomp exports to a descriptor: a memfd, read back before fork().
    const int fd = rc == 0 ? ::memfd_create("socklab-gate-bpf", MFD_CLOEXEC) : -1;
    if (rc == 0 && fd < 0) rc = -errno;
    if (rc == 0) rc = seccomp_export_bpf(ctx, fd);
    seccomp_release(ctx);
    if (rc == 0) {
        const off_t size = ::lseek(fd, 0, SEEK_END);
        if (size <= 0 || size % off_t(sizeof(sock_filter)) != 0) rc = -EINVAL;
        else {
            m_code.resize(size_t(size) / sizeof(sock_filter));
            if (::pread(fd, m_code.data(), size_t(size), 0) != size) rc = -EIO;
        }
    }
    if (fd >= 0) ::close(fd);
    if (rc != 0) {
        if (error) *error = seccompError("seccomp filter", rc);
        return false;
    }
    m_prog.len = static_cast<unsigned short>(m_code.size());
    m_prog.filter = m_code.data();
    return true;
}

bool GateFilter::install() const
{
    if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return false;
    return ::syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &m_prog) == 0;
}

} // namespace socklab
