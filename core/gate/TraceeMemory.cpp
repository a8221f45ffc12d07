#include "TraceeMemory.h"

#include <QFile>

#include <algorithm>

#include <arpa/inet.h>
#include <cstring>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

namespace socklab {

QByteArray readTracee(pid_t tid, uint64_t address, size_t length)
{
    QByteArray out;
    if (address == 0 || length == 0) return out;
    out.resize(qsizetype(length));
    iovec local{out.data(), length};
    iovec remote{reinterpret_cast<void*>(address), length};
    const ssize_t n = ::process_vm_readv(tid, &local, 1, &remote, 1, 0);
    out.resize(n > 0 ? qsizetype(n) : 0);
    return out;
}

QVariantMap sockaddrOf(pid_t tid, uint64_t address, uint64_t length)
{
    const QByteArray raw = readTracee(tid, address, size_t(qMin<uint64_t>(length, sizeof(sockaddr_in6))));
    if (raw.size() < qsizetype(sizeof(sa_family_t))) return {};
    sockaddr_storage ss{};
    std::memcpy(&ss, raw.constData(), size_t(raw.size()));
    char text[INET6_ADDRSTRLEN] = {};
    if (ss.ss_family == AF_INET && raw.size() >= qsizetype(sizeof(sockaddr_in))) {
        const auto* a = reinterpret_cast<const sockaddr_in*>(&ss);
        ::inet_ntop(AF_INET, &a->sin_addr, text, sizeof text);
        return {{"family", "AF_INET"}, {"addr", QString::fromLatin1(text)}, {"port", ntohs(a->sin_port)}};
    }
    if (ss.ss_family == AF_INET6 && raw.size() >= qsizetype(sizeof(sockaddr_in6))) {
        const auto* a = reinterpret_cast<const sockaddr_in6*>(&ss);
        ::inet_ntop(AF_INET6, &a->sin6_addr, text, sizeof text);
        return {{"family", "AF_INET6"}, {"addr", QString::fromLatin1(text)}, {"port", ntohs(a->sin6_port)}};
    }
    return {};
}

bool epollTargetsOf(pid_t tgid, int epfd, QList<int>* fds)
{
    QFile f(QStringLiteral("/proc/%1/fdinfo/%2").arg(tgid).arg(epfd));
    if (!f.open(QIODevice::ReadOnly)) return false;
    // "tfd:        5 events:       19 data:                5  pos:0 ino:2b1 sdev:8", one per watched file.
    fds->clear();
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (!line.startsWith("tfd:")) continue;
        bool ok = false;
        const int fd = line.mid(4).trimmed().split(' ').value(0).toInt(&ok);
        if (ok && !fds->contains(fd)) fds->append(fd);
    }
    std::sort(fds->begin(), fds->end());
    return true;
}

FdKind fdKindOf(pid_t tgid, int fd, int* pidfd)
{
    if (fd < 0) return FdKind::Other;
    char path[64], link[128];
    std::snprintf(path, sizeof path, "/proc/%d/fd/%d", int(tgid), fd);
    const ssize_t n = ::readlink(path, link, sizeof link - 1);
    if (n <= 0) return FdKind::Other;
    link[n] = 0;
    if (std::strcmp(link, "/dev/null") == 0) return FdKind::DevNull;
    if (std::strncmp(link, "socket:", 7) != 0) return FdKind::Other;
    // Which family: a copy of the descriptor (we trace it) tells SO_DOMAIN.
    if (*pidfd < 0) *pidfd = int(::syscall(SYS_pidfd_open, tgid, 0));
    if (*pidfd < 0) return FdKind::InetSocket; // cannot tell: count it
    const int copy = int(::syscall(SYS_pidfd_getfd, *pidfd, fd, 0));
    if (copy < 0) return FdKind::InetSocket;
    int domain = 0;
    socklen_t len = sizeof domain;
    const bool ok = ::getsockopt(copy, SOL_SOCKET, SO_DOMAIN, &domain, &len) == 0;
    ::close(copy);
    return !ok || domain == AF_INET || domain == AF_INET6 ? FdKind::InetSocket : FdKind::OtherSocket;
}

namespace {

// A copy of the tracee's descriptor (closed by the caller), or -1.
int copyOf(pid_t tgid, int fd, int* pidfd)
{
    if (fd < 0) return -1;
    if (*pidfd < 0) *pidfd = int(::syscall(SYS_pidfd_open, tgid, 0));
    if (*pidfd < 0) return -1;
    return int(::syscall(SYS_pidfd_getfd, *pidfd, fd, 0));
}

} // namespace

int localPortOf(pid_t tgid, int fd, int* pidfd)
{
    const int copy = copyOf(tgid, fd, pidfd);
    if (copy < 0) return 0;
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    int port = 0;
    if (::getsockname(copy, reinterpret_cast<sockaddr*>(&ss), &len) == 0) {
        if (ss.ss_family == AF_INET) port = ntohs(reinterpret_cast<const sockaddr_in*>(&ss)->sin_port);
        else if (ss.ss_family == AF_INET6) port = ntohs(reinterpret_cast<const sockaddr_in6*>(&ss)->sin6_port);
    }
    ::close(copy);
    return port;
}

qint64 nextDatagramLength(pid_t tgid, int fd, int* pidfd)
{
    const int copy = copyOf(tgid, fd, pidfd);
    if (copy < 0) return -1;
    int type = 0, queued = 0;
    socklen_t len = sizeof type;
    qint64 out = -1;
    if (::getsockopt(copy, SOL_SOCKET, SO_TYPE, &type, &len) == 0 && type == SOCK_DGRAM
        && ::ioctl(copy, FIONREAD, &queued) == 0 && queued > 0)
        out = queued;
    ::close(copy);
    return out;
}

} // namespace socklab
