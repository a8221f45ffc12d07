#pragma once
// A NETLINK_SOCK_DIAG (inet_diag) client: lists TCP/UDP sockets the way `ss`
// does, including what no descriptor can show (TIME_WAIT, SYN_RECV request
// sockets, a listener's accept queue). Needs no privileges.
//
// Not thread-safe: call it from one thread at a time. The netlink socket
// belongs to the network namespace of the thread that constructed the object,
// whichever thread queries it later.

#include "Event.h"
#include "UniqueFd.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>

#include <netinet/in.h>
#include <sys/socket.h>

#include <cstdint>

namespace socklab {

struct DiagSocket {
    int family = AF_INET;
    int protocol = IPPROTO_TCP;
    // Kernel names: "ESTABLISHED", "SYN_SENT", "SYN_RECV" (also for request
    // sockets), "FIN_WAIT1", "FIN_WAIT2", "TIME_WAIT", "CLOSE", "CLOSE_WAIT",
    // "LAST_ACK", "LISTEN", "CLOSING". UDP: "CLOSE" unconnected, "ESTABLISHED" connected.
    QString state;
    QString localAddr, remoteAddr; // inet_ntop text ("127.0.0.1", "::1")
    uint16_t localPort = 0, remotePort = 0;
    QString timer;        // "", "retransmit", "keepalive", "timewait", "probe" (zero-window)
    qint64 expiresMs = 0; // time until the timer fires
    int retransmits = 0;  // idiag_retrans (retransmits, or probes for keepalive/probe timers)
    // LISTEN: accept-queue length and backlog; otherwise unread / unsent bytes.
    qint64 rqueue = 0, wqueue = 0;
    quint64 inode = 0; // 0: no descriptor owns it (TIME_WAIT, orphans, request sockets)
    uint32_t uid = 0;
    // From INET_DIAG_SKMEMINFO (or INET_DIAG_MEMINFO); -1 when absent.
    qint64 rmemAlloc = -1, rcvbuf = -1, wmemQueued = -1, sndbuf = -1;
    // From INET_DIAG_INFO (struct tcp_info) when asked for and present; -1 when
    // absent. rto in microseconds, windows in bytes (rcvWnd needs kernel >= 6.2).
    qint64 sndWnd = -1, rcvWnd = -1, rto = -1;
    int sndWscale = -1, rcvWscale = -1;
    qint64 probes = -1;
    qint64 backoff = -1;
};

class SockDiag
{
public:
    // Opens the netlink socket in the CALLING THREAD's network namespace.
    SockDiag();
    ~SockDiag();
    SockDiag(const SockDiag&) = delete;
    SockDiag& operator=(const SockDiag&) = delete;

    bool isOpen() const { return fd_.valid(); }
    // Why the last query (or the constructor) failed; "" when it succeeded.
    QString error() const { return error_; }

    // All TCP sockets (IPv4 and IPv6) with a local OR remote port in `ports`
    // (empty = all). On a partial failure the sockets gathered so far are
    // returned and error() says what went wrong.
    QList<DiagSocket> tcp(const QSet<uint16_t>& ports, bool withInfo = true);
    QList<DiagSocket> udp(const QSet<uint16_t>& ports);

    // Diagnostics: sockets the kernel returned in the last query before the
    // user-space port re-filter. Equal to the result size when the kernel-side
    // filter did its job.
    int lastKernelCount() const { return lastKernelCount_; }

private:
    QList<DiagSocket> query(int protocol, const QSet<uint16_t>& ports, uint8_t ext);
    bool dumpFamily(int family, int protocol, uint8_t ext, QByteArray& bytecode,
                    QList<DiagSocket>& out);
    bool dump(int family, int protocol, uint8_t ext, const QByteArray& bytecode,
              QList<DiagSocket>& out);
    bool sendRequest(int family, int protocol, uint8_t ext, const QByteArray& bytecode);
    bool receive(int protocol, QList<DiagSocket>& out);
    // Parses one datagram; returns 1 when the dump is done, 0 to read on, -1 on error.
    int parseBatch(const char* buf, size_t len, int protocol, QList<DiagSocket>& out);
    void drainStale();
    void fail(const QString& what, int err);

    UniqueFd fd_;
    uint32_t seq_ = 0;
    bool inFlight_ = false;  // a dump was left unfinished: drain it before the next one
    bool bytecodeOk_ = true; // false once the kernel rejected the port filter
    int lastKernelCount_ = 0;
    int lastErrno_ = 0;
    QString error_;
};

// The queue levels sock_diag reports, as a Queue event's data: a listener's
// accept queue and backlog, otherwise unread / unsent bytes and buffer sizes.
QueueData queueDataOf(const DiagSocket& d, const QString& socket);

} // namespace socklab
