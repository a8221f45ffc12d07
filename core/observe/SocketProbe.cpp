#include "SocketProbe.h"

#include <linux/sockios.h>
#include <linux/tcp.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iterator>
#include <string.h>

namespace socklab {

namespace {

// tcp_info only ever grows at its end, so a field's offset is fixed forever.
// Headers older than the running kernel lack the newest fields: fall back to
// the ABI offsets then (checked against the header whenever it has them).
constexpr size_t kSndWndAbiOffset = 228;
constexpr size_t kRcvWndAbiOffset = 232;

template <class T> constexpr size_t sndWndOffset()
{
    if constexpr (requires(T t) { t.tcpi_snd_wnd; })
        return offsetof(T, tcpi_snd_wnd);
    else
        return kSndWndAbiOffset;
}

template <class T> constexpr size_t rcvWndOffset()
{
    if constexpr (requires(T t) { t.tcpi_rcv_wnd; })
        return offsetof(T, tcpi_rcv_wnd);
    else
        return kRcvWndAbiOffset;
}

static_assert(sndWndOffset<tcp_info>() == kSndWndAbiOffset);
static_assert(rcvWndOffset<tcp_info>() == kRcvWndAbiOffset);

// Reads a u32 at `off` only when the kernel's answer covers it.
qint64 u32At(const unsigned char* p, size_t len, size_t off)
{
    if (off + sizeof(uint32_t) > len) return -1;
    uint32_t v = 0;
    std::memcpy(&v, p + off, sizeof v);
    return v;
}

qint64 u8At(const unsigned char* p, size_t len, size_t off)
{
    return off < len ? p[off] : -1;
}

bool intOpt(int fd, int level, int name, int& out)
{
    socklen_t len = sizeof out;
    return ::getsockopt(fd, level, name, &out, &len) == 0;
}

qint64 ioctlCount(int fd, unsigned long request)
{
    int v = 0;
    return ::ioctl(fd, request, &v) == 0 ? v : -1;
}

uint16_t portOf(const sockaddr_storage& ss)
{
    if (ss.ss_family == AF_INET) return ntohs(reinterpret_cast<const sockaddr_in&>(ss).sin_port);
    if (ss.ss_family == AF_INET6) return ntohs(reinterpret_cast<const sockaddr_in6&>(ss).sin6_port);
    return 0;
}

uint16_t localPortOf(int fd)
{
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    return ::getsockname(fd, reinterpret_cast<sockaddr*>(&ss), &len) == 0 ? portOf(ss) : 0;
}

uint16_t remotePortOf(int fd)
{
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    return ::getpeername(fd, reinterpret_cast<sockaddr*>(&ss), &len) == 0 ? portOf(ss) : 0;
}

// Returns false (errno set) when TCP_INFO cannot be read.
bool readTcpInfo(int fd, ProbeResult& r)
{
    // Bigger than any tcp_info so far: the kernel copies min(len, its size).
    alignas(8) unsigned char buf[512] = {};
    socklen_t len = sizeof buf;
    if (::getsockopt(fd, IPPROTO_TCP, TCP_INFO, buf, &len) != 0) return false;
    const TcpInfoFields f = parseTcpInfo(buf, len);
    if (f.state >= 0) r.state = tcpStateName(f.state);
    r.rto = f.rto;
    r.sndWnd = f.sndWnd;
    r.rcvWnd = f.rcvWnd;
    r.sndWscale = f.sndWscale;
    r.rcvWscale = f.rcvWscale;
    r.unacked = f.unacked;
    r.probes = f.probes;
    r.backoff = f.backoff;
    r.retransmits = f.retransmits;
    r.totalRetrans = f.totalRetrans;
    return true;
}

void readQueues(int fd, ProbeResult& r, bool tcp)
{
    r.inq = ioctlCount(fd, SIOCINQ);
    r.outq = ioctlCount(fd, SIOCOUTQ);
    if (tcp) r.outqNsd = ioctlCount(fd, SIOCOUTQNSD); // TCP only
}

struct ErrnoEntry {
    int value;
    const char* name;
};

// clang-format off
#define E(x) {x, #x}
// Aliases (EWOULDBLOCK, EDEADLOCK, ENOTSUP) share a value: the first wins.
constexpr ErrnoEntry kErrnos[] = {
    E(EPERM), E(ENOENT), E(ESRCH), E(EINTR), E(EIO), E(ENXIO), E(E2BIG), E(EBADF), E(ECHILD),
    E(EAGAIN), E(ENOMEM), E(EACCES), E(EFAULT), E(EBUSY), E(EEXIST), E(ENODEV), E(EINVAL),
    E(ENFILE), E(EMFILE), E(ENOSPC), E(ESPIPE), E(EPIPE), E(ERANGE), E(ENOSYS), E(ENOBUFS),
    E(ENOTSOCK), E(EDESTADDRREQ), E(EMSGSIZE), E(EPROTOTYPE), E(ENOPROTOOPT), E(EPROTONOSUPPORT),
    E(ESOCKTNOSUPPORT), E(EOPNOTSUPP), E(EPFNOSUPPORT), E(EAFNOSUPPORT), E(EADDRINUSE),
    E(EADDRNOTAVAIL), E(ENETDOWN), E(ENETUNREACH), E(ENETRESET), E(ECONNABORTED), E(ECONNRESET),
    E(EISCONN), E(ENOTCONN), E(ESHUTDOWN), E(ETIMEDOUT), E(ECONNREFUSED), E(EHOSTDOWN),
    E(EHOSTUNREACH), E(EALREADY), E(EINPROGRESS), E(EPROTO), E(ENODATA), E(ENOTDIR), E(EISDIR),
    E(EROFS), E(ENAMETOOLONG), E(ELOOP), E(ENOTEMPTY), E(EDEADLK), E(ETXTBSY), E(EFBIG),
    E(EMLINK), E(ENOTTY), E(EDOM), E(EOVERFLOW), E(ECANCELED), E(ENOMSG), E(EBADMSG),
};
#undef E
// clang-format on

} // namespace

TcpInfoFields parseTcpInfo(const void* data, size_t len)
{
    TcpInfoFields f;
    if (!data || len == 0) return f;
    const auto* p = static_cast<const unsigned char*>(data);

    f.state = static_cast<int>(u8At(p, len, offsetof(tcp_info, tcpi_state)));
    f.retransmits = u8At(p, len, offsetof(tcp_info, tcpi_retransmits));
    f.probes = u8At(p, len, offsetof(tcp_info, tcpi_probes));
    f.backoff = u8At(p, len, offsetof(tcp_info, tcpi_backoff));

    // The wscale bit-fields share the byte after tcpi_options; let the
    // compiler unpack them from a zeroed copy rather than guess bit order.
    const size_t wscaleByte = offsetof(tcp_info, tcpi_options) + 1;
    if (len > wscaleByte) {
        tcp_info ti{};
        std::memcpy(&ti, p, std::min(len, sizeof ti));
        f.sndWscale = ti.tcpi_snd_wscale;
        f.rcvWscale = ti.tcpi_rcv_wscale;
    }

    f.rto = u32At(p, len, offsetof(tcp_info, tcpi_rto));
    f.unacked = u32At(p, len, offsetof(tcp_info, tcpi_unacked));
    f.totalRetrans = u32At(p, len, offsetof(tcp_info, tcpi_total_retrans));
    f.sndWnd = u32At(p, len, sndWndOffset<tcp_info>());
    f.rcvWnd = u32At(p, len, rcvWndOffset<tcp_info>());
    return f;
}

ProbeResult probeSocket(int fd)
{
    ProbeResult r;
    int type = 0;
    if (!intOpt(fd, SOL_SOCKET, SO_TYPE, type)) { // EBADF, ENOTSOCK
        r.errnoName = errnoName(errno);
        return r;
    }
    r.type = type;

    int domain = 0, protocol = 0, buf = 0;
    intOpt(fd, SOL_SOCKET, SO_DOMAIN, domain);
    intOpt(fd, SOL_SOCKET, SO_PROTOCOL, protocol);
    if (intOpt(fd, SOL_SOCKET, SO_SNDBUF, buf)) r.sndbuf = buf;
    if (intOpt(fd, SOL_SOCKET, SO_RCVBUF, buf)) r.rcvbuf = buf;
    r.localPort = localPortOf(fd);
    r.remotePort = remotePortOf(fd);

    const bool inet = domain == AF_INET || domain == AF_INET6;
    const bool tcp = inet && type == SOCK_STREAM && protocol == IPPROTO_TCP;
    if (tcp && !readTcpInfo(fd, r)) {
        r.errnoName = errnoName(errno);
        return r;
    }
    if (tcp || (inet && type == SOCK_DGRAM)) readQueues(fd, r, tcp);
    r.ok = true;
    return r;
}

QString tcpStateName(int s)
{
    static const char* const kNames[] = {
        nullptr, "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2",    "TIME_WAIT",
        "CLOSE", "CLOSE_WAIT",  "LAST_ACK", "LISTEN",   "CLOSING",   "NEW_SYN_RECV",
    };
    if (s >= 1 && s < int(std::size(kNames))) return QString::fromLatin1(kNames[s]);
    return QStringLiteral("UNKNOWN(%1)").arg(s);
}

QString errnoName(int err)
{
    if (err == 0) return {};
    for (const auto& e : kErrnos)
        if (e.value == err) return QString::fromLatin1(e.name);
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 32))
    if (const char* n = ::strerrorname_np(err)) return QString::fromLatin1(n);
#endif
    return QStringLiteral("E%1").arg(err);
}

} // namespace socklab
