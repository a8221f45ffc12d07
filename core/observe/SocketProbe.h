#pragma once
// Reads what the kernel will tell us about one of our OWN socket descriptors:
// TCP_INFO, the SIOCINQ/SIOCOUTQ queues, buffer sizes and the bound ports.
// Needs no privileges. Units are the kernel's: rto in microseconds, bytes
// for queues, windows and buffers.

#include <QString>

#include <cstddef>
#include <cstdint>

namespace socklab {

struct ProbeResult {
    bool ok = false;
    QString errnoName; // "EBADF", "ENOTSOCK", ... when a read that matters failed
    QString state;     // from TCP_INFO tcpi_state, kernel names ("" for non-TCP)
    // SIOCINQ (unread bytes), SIOCOUTQ (unacked + unsent), SIOCOUTQNSD
    // (unsent). A LISTEN socket refuses these: they stay -1.
    qint64 inq = -1, outq = -1, outqNsd = -1;
    // SO_SNDBUF / SO_RCVBUF as read back (the kernel doubles what was set).
    qint64 sndbuf = -1, rcvbuf = -1;
    qint64 rto = -1;                 // tcpi_rto, microseconds
    qint64 sndWnd = -1, rcvWnd = -1; // tcpi_snd_wnd / tcpi_rcv_wnd, bytes (newer kernels only)
    int sndWscale = -1, rcvWscale = -1;
    qint64 unacked = -1, probes = -1, backoff = -1, retransmits = -1, totalRetrans = -1;
    // getsockname / getpeername, IPv4 or IPv6 (0 when unbound / unconnected).
    uint16_t localPort = 0, remotePort = 0;
    int type = 0; // SO_TYPE: SOCK_STREAM / SOCK_DGRAM
};

// The subset of struct tcp_info socklab shows. -1 for every field the kernel's
// answer was too short to contain (kernels and headers differ in length).
struct TcpInfoFields {
    int state = -1;
    qint64 retransmits = -1, probes = -1, backoff = -1;
    int sndWscale = -1, rcvWscale = -1;
    qint64 rto = -1, unacked = -1, totalRetrans = -1;
    qint64 sndWnd = -1, rcvWnd = -1;
};

// Parses a raw tcp_info of `len` bytes (from getsockopt or INET_DIAG_INFO);
// never reads past `len`.
TcpInfoFields parseTcpInfo(const void* data, size_t len);

ProbeResult probeSocket(int fd);

// 1 -> "ESTABLISHED" ... 10 -> "LISTEN", 11 -> "CLOSING", 12 -> "NEW_SYN_RECV";
// anything else -> "UNKNOWN(<n>)".
QString tcpStateName(int tcpiState);

// Symbolic errno name ("ECONNREFUSED"); "" for 0; "E<number>" when unknown.
QString errnoName(int err);

} // namespace socklab
