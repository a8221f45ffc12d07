#include "SockDiag.h"

#include "SocketProbe.h"

#include <arpa/inet.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <iterator>
#include <vector>

namespace socklab {

namespace {

constexpr int kRecvTimeoutMs = 1000; // per recvmsg(): a silent kernel never hangs us
constexpr int kDumpDeadlineMs = 3000;
constexpr size_t kRecvBufSize = 64 * 1024; // > the kernel's largest dump skb (32 KiB)
// 24 bytecode bytes per port; the attribute length and jump offsets are u16.
constexpr qsizetype kMaxKernelPorts = 1024;
constexpr int kMaxDrainReads = 10000;

constexpr uint8_t extBit(int attr)
{
    return uint8_t(1u << (attr - 1));
}

void appendOp(QByteArray& bc, uint8_t code, uint8_t yes, uint16_t no)
{
    const inet_diag_bc_op op{code, yes, no};
    bc.append(reinterpret_cast<const char*>(&op), sizeof op);
}

// Kernel-side filter "sport == p || dport == p" for every p. Each op falls
// through on a match (yes = its own length) and jumps on a miss (no): the
// kernel audits that walking the "yes" chain ends exactly at the end.
//   check (not last): {EQ,8,12}{0,0,port}{JMP,4,<to end>}   match -> JMP -> end = accept
//   last check:       {EQ,8,12}{0,0,port}                    miss  -> end+4 = reject
QByteArray portFilter(const QSet<uint16_t>& ports)
{
    QList<uint16_t> sorted(ports.begin(), ports.end());
    std::sort(sorted.begin(), sorted.end());
    const qsizetype checks = sorted.size() * 2;
    const qsizetype total = (checks - 1) * 12 + 8;
    QByteArray bc;
    bc.reserve(total);
    for (qsizetype i = 0; i < checks; ++i) {
        const uint8_t code = (i % 2 == 0) ? INET_DIAG_BC_S_EQ : INET_DIAG_BC_D_EQ;
        appendOp(bc, code, 8, 12);
        appendOp(bc, 0, 0, sorted[i / 2]);
        if (i + 1 < checks) appendOp(bc, INET_DIAG_BC_JMP, 4, uint16_t(total - bc.size()));
    }
    return bc;
}

QString addrText(int family, const uint32_t (&addr)[4])
{
    char text[INET6_ADDRSTRLEN] = {};
    if (!::inet_ntop(family, addr, text, sizeof text)) return {};
    return QString::fromLatin1(text);
}

QString timerName(int t)
{
    // idiag_timer 1..4; "probe" is the zero-window probe (persist) timer.
    static const char* const kNames[] = {"", "retransmit", "keepalive", "timewait", "probe"};
    return (t >= 0 && t < int(std::size(kNames))) ? QString::fromLatin1(kNames[t]) : QString();
}

QString stateName(int state)
{
    // Request sockets live in state NEW_SYN_RECV; the textbook calls it SYN_RECV.
    return state == 12 ? QStringLiteral("SYN_RECV") : tcpStateName(state);
}

qint64 skmemAt(const char* data, size_t len, int index)
{
    if ((size_t(index) + 1) * sizeof(uint32_t) > len) return -1;
    uint32_t v = 0;
    std::memcpy(&v, data + size_t(index) * sizeof v, sizeof v);
    return v;
}

void applyTcpInfo(DiagSocket& s, const char* data, size_t len)
{
    const TcpInfoFields f = parseTcpInfo(data, len);
    s.sndWnd = f.sndWnd;
    s.rcvWnd = f.rcvWnd;
    s.rto = f.rto;
    s.sndWscale = f.sndWscale;
    s.rcvWscale = f.rcvWscale;
    s.probes = f.probes;
    s.backoff = f.backoff;
}

void applyAttr(DiagSocket& s, int type, const char* data, size_t len)
{
    switch (type) {
    case INET_DIAG_MEMINFO:
        if (len >= sizeof(inet_diag_meminfo)) {
            inet_diag_meminfo m{};
            std::memcpy(&m, data, sizeof m);
            if (s.rmemAlloc < 0) s.rmemAlloc = m.idiag_rmem;
            if (s.wmemQueued < 0) s.wmemQueued = m.idiag_wmem;
        }
        break;
    case INET_DIAG_SKMEMINFO: {
        // An array of u32 that may grow: take what is there.
        auto take = [&](qint64& field, int index) {
            const qint64 v = skmemAt(data, len, index);
            if (v >= 0) field = v;
        };
        take(s.rmemAlloc, SK_MEMINFO_RMEM_ALLOC);
        take(s.rcvbuf, SK_MEMINFO_RCVBUF);
        take(s.wmemQueued, SK_MEMINFO_WMEM_QUEUED);
        take(s.sndbuf, SK_MEMINFO_SNDBUF);
        break;
    }
    case INET_DIAG_INFO:
        if (s.protocol == IPPROTO_TCP) applyTcpInfo(s, data, len);
        break;
    default:
        break;
    }
}

// One SOCK_DIAG_BY_FAMILY payload: inet_diag_msg followed by attributes.
bool parseSocket(const char* p, size_t len, int protocol, DiagSocket& s)
{
    if (len < sizeof(inet_diag_msg)) return false;
    inet_diag_msg m{};
    std::memcpy(&m, p, sizeof m);
    s.family = m.idiag_family;
    s.protocol = protocol;
    s.state = stateName(m.idiag_state);
    s.localAddr = addrText(m.idiag_family, m.id.idiag_src);
    s.remoteAddr = addrText(m.idiag_family, m.id.idiag_dst);
    s.localPort = ntohs(m.id.idiag_sport);
    s.remotePort = ntohs(m.id.idiag_dport);
    s.timer = timerName(m.idiag_timer);
    s.expiresMs = m.idiag_expires;
    s.retransmits = m.idiag_retrans;
    s.rqueue = m.idiag_rqueue;
    s.wqueue = m.idiag_wqueue;
    s.inode = m.idiag_inode;
    s.uid = m.idiag_uid;

    size_t off = NLMSG_ALIGN(sizeof(inet_diag_msg));
    while (off < len && len - off >= sizeof(rtattr)) {
        rtattr a{};
        std::memcpy(&a, p + off, sizeof a);
        if (a.rta_len < sizeof(rtattr) || a.rta_len > len - off)
            break; // malformed: keep what we have
        applyAttr(s, a.rta_type & NLA_TYPE_MASK, p + off + RTA_LENGTH(0),
                  a.rta_len - RTA_LENGTH(0));
        off += RTA_ALIGN(a.rta_len);
    }
    return true;
}

bool matchesPorts(const DiagSocket& s, const QSet<uint16_t>& ports)
{
    return ports.isEmpty() || ports.contains(s.localPort) || ports.contains(s.remotePort);
}

const char* familyName(int family)
{
    return family == AF_INET6 ? "IPv6" : "IPv4";
}

} // namespace

SockDiag::SockDiag()
{
    // socket() binds to the calling thread's network namespace for good.
    fd_.reset(::socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_SOCK_DIAG));
    if (!fd_) {
        fail(QStringLiteral("socket(NETLINK_SOCK_DIAG)"), errno);
        return;
    }
    const timeval tv{kRecvTimeoutMs / 1000, (kRecvTimeoutMs % 1000) * 1000};
    // Without the timeouts a kernel that never answers would block the caller.
    if (::setsockopt(fd_.get(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv) != 0
        || ::setsockopt(fd_.get(), SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv) != 0) {
        fail(QStringLiteral("setsockopt(SO_RCVTIMEO/SO_SNDTIMEO) on the netlink socket"), errno);
        fd_.reset();
    }
}

SockDiag::~SockDiag() = default;

QList<DiagSocket> SockDiag::tcp(const QSet<uint16_t>& ports, bool withInfo)
{
    uint8_t ext = extBit(INET_DIAG_MEMINFO) | extBit(INET_DIAG_SKMEMINFO);
    if (withInfo) ext |= extBit(INET_DIAG_INFO);
    return query(IPPROTO_TCP, ports, ext);
}

QList<DiagSocket> SockDiag::udp(const QSet<uint16_t>& ports)
{
    return query(IPPROTO_UDP, ports, extBit(INET_DIAG_MEMINFO) | extBit(INET_DIAG_SKMEMINFO));
}

void SockDiag::fail(const QString& what, int err)
{
    lastErrno_ = err;
    const QString msg =
        err ? QStringLiteral("%1: %2 (%3)")
                  .arg(what, errnoName(err), QString::fromLocal8Bit(std::strerror(err)))
            : what;
    error_ = error_.isEmpty() ? msg : error_ + QStringLiteral("; ") + msg;
}

QList<DiagSocket> SockDiag::query(int protocol, const QSet<uint16_t>& ports, uint8_t ext)
{
    error_.clear();
    lastErrno_ = 0;
    lastKernelCount_ = 0;
    if (!fd_) {
        fail(QStringLiteral("netlink socket is not open"), 0);
        return {};
    }
    // Too many ports for the u16 offsets: let user space do all the filtering.
    QByteArray bytecode;
    if (!ports.isEmpty() && ports.size() <= kMaxKernelPorts && bytecodeOk_)
        bytecode = portFilter(ports);

    QList<DiagSocket> raw;
    for (int family : {AF_INET, AF_INET6})
        dumpFamily(family, protocol, ext, bytecode, raw); // on failure, keep going: error_ says why
    lastKernelCount_ = int(raw.size());

    QList<DiagSocket> out;
    for (const DiagSocket& s : raw)
        if (matchesPorts(s, ports)) out.append(s);
    return out;
}

bool SockDiag::dumpFamily(int family, int protocol, uint8_t ext, QByteArray& bytecode,
                          QList<DiagSocket>& out)
{
    const qsizetype before = out.size();
    const QString earlierError = error_;
    if (dump(family, protocol, ext, bytecode, out)) return true;
    if (bytecode.isEmpty() || lastErrno_ != EINVAL) return false;
    // A kernel that rejects the filter (older than S_EQ/D_EQ): filter in user space.
    bytecodeOk_ = false;
    bytecode.clear();
    error_ = earlierError;
    out.resize(before);
    return dump(family, protocol, ext, bytecode, out);
}

bool SockDiag::dump(int family, int protocol, uint8_t ext, const QByteArray& bytecode,
                    QList<DiagSocket>& out)
{
    drainStale();
    if (!sendRequest(family, protocol, ext, bytecode)) return false;
    return receive(protocol, out);
}

bool SockDiag::sendRequest(int family, int protocol, uint8_t ext, const QByteArray& bytecode)
{
    const size_t reqSpace = NLMSG_SPACE(sizeof(inet_diag_req_v2));
    const size_t attrSpace = bytecode.isEmpty() ? 0 : RTA_SPACE(size_t(bytecode.size()));
    QByteArray msg(qsizetype(reqSpace + attrSpace), '\0');

    nlmsghdr h{};
    h.nlmsg_len = uint32_t(msg.size());
    h.nlmsg_type = SOCK_DIAG_BY_FAMILY;
    h.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    h.nlmsg_seq = ++seq_;
    std::memcpy(msg.data(), &h, sizeof h);

    inet_diag_req_v2 req{};
    req.sdiag_family = uint8_t(family);
    req.sdiag_protocol = uint8_t(protocol);
    req.idiag_ext = ext;
    req.idiag_states = ~0u; // every state, TIME_WAIT and request sockets included
    req.id.idiag_cookie[0] = req.id.idiag_cookie[1] = INET_DIAG_NOCOOKIE;
    std::memcpy(msg.data() + NLMSG_HDRLEN, &req, sizeof req);

    if (!bytecode.isEmpty()) {
        rtattr a{};
        a.rta_len = uint16_t(RTA_LENGTH(size_t(bytecode.size())));
        a.rta_type = INET_DIAG_REQ_BYTECODE;
        std::memcpy(msg.data() + reqSpace, &a, sizeof a);
        std::memcpy(msg.data() + reqSpace + RTA_LENGTH(0), bytecode.constData(),
                    size_t(bytecode.size()));
    }

    sockaddr_nl kernel{};
    kernel.nl_family = AF_NETLINK;
    ssize_t n;
    do {
        n = ::sendto(fd_.get(), msg.constData(), size_t(msg.size()), 0,
                     reinterpret_cast<const sockaddr*>(&kernel), sizeof kernel);
    } while (n < 0 && errno == EINTR);
    if (n != msg.size()) {
        fail(QStringLiteral("%1 sock_diag request").arg(QLatin1String(familyName(family))),
             n < 0 ? errno : EIO);
        return false;
    }
    inFlight_ = true;
    return true;
}

bool SockDiag::receive(int protocol, QList<DiagSocket>& out)
{
    std::vector<char> buf(kRecvBufSize);
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(kDumpDeadlineMs);
    for (;;) {
        sockaddr_nl from{};
        iovec iov{buf.data(), buf.size()};
        msghdr mh{};
        mh.msg_name = &from;
        mh.msg_namelen = sizeof from;
        mh.msg_iov = &iov;
        mh.msg_iovlen = 1;
        const ssize_t n = ::recvmsg(fd_.get(), &mh, 0);
        const bool late = std::chrono::steady_clock::now() > deadline;
        if (n < 0 && errno == EINTR && !late) continue;
        if (n < 0) {
            fail(QStringLiteral("sock_diag answer"), errno == EAGAIN ? ETIMEDOUT : errno);
            return false;
        }
        if (mh.msg_flags & MSG_TRUNC) {
            fail(QStringLiteral("sock_diag answer truncated"), EMSGSIZE);
            return false;
        }
        if (from.nl_pid == 0) { // only the kernel speaks for the kernel
            const int r = parseBatch(buf.data(), size_t(n), protocol, out);
            if (r != 0) return r > 0;
        }
        if (late) {
            fail(QStringLiteral("sock_diag dump did not finish in time"), ETIMEDOUT);
            return false;
        }
    }
}

int SockDiag::parseBatch(const char* buf, size_t len, int protocol, QList<DiagSocket>& out)
{
    size_t off = 0;
    while (len - off >= sizeof(nlmsghdr)) {
        nlmsghdr h{};
        std::memcpy(&h, buf + off, sizeof h);
        if (h.nlmsg_len < NLMSG_HDRLEN || h.nlmsg_len > len - off) {
            fail(QStringLiteral("malformed sock_diag message"), EBADMSG);
            return -1;
        }
        const char* payload = buf + off + NLMSG_HDRLEN;
        const size_t plen = h.nlmsg_len - NLMSG_HDRLEN;
        if (h.nlmsg_seq == seq_) { // anything else is left over from an abandoned dump
            if (h.nlmsg_type == NLMSG_DONE) {
                inFlight_ = false;
                int status = 0;
                if (plen >= sizeof status) std::memcpy(&status, payload, sizeof status);
                if (status >= 0) return 1;
                fail(QStringLiteral("sock_diag dump"), -status);
                return -1;
            }
            if (h.nlmsg_type == NLMSG_ERROR) {
                int status = -EBADMSG;
                if (plen >= sizeof status) std::memcpy(&status, payload, sizeof status);
                inFlight_ = (status == -EBUSY); // EBUSY: an older dump still runs
                if (status == 0) return 1;      // a plain ACK ends the exchange
                fail(QStringLiteral("sock_diag request"), -status);
                return -1;
            }
            DiagSocket s;
            if (h.nlmsg_type == SOCK_DIAG_BY_FAMILY && parseSocket(payload, plen, protocol, s))
                out.append(s);
        }
        const size_t step = NLMSG_ALIGN(h.nlmsg_len);
        if (step >= len - off) break;
        off += step;
    }
    return 0;
}

void SockDiag::drainStale()
{
    if (!inFlight_) return;
    // Each read lets the kernel queue the next part of the old dump; stop
    // when nothing more comes. Non-blocking, so this never waits.
    std::vector<char> buf(kRecvBufSize);
    for (int i = 0; i < kMaxDrainReads; ++i) {
        const ssize_t n = ::recv(fd_.get(), buf.data(), buf.size(), MSG_DONTWAIT);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
    }
    inFlight_ = false;
}

QueueData queueDataOf(const DiagSocket& d, const QString& socket)
{
    QueueData q;
    q.socket = socket;
    q.localPort = d.localPort;
    if (d.protocol == IPPROTO_TCP && d.state == QLatin1String("LISTEN")) {
        q.acceptQueue = d.rqueue;
        q.backlog = d.wqueue;
    } else {
        q.inq = d.rqueue;
        q.outq = d.wqueue;
        q.sndbuf = d.sndbuf;
        q.rcvbuf = d.rcvbuf;
    }
    return q;
}

} // namespace socklab
