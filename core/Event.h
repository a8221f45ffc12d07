#pragma once
// Value-type events: everything the engine observes or infers. They flow one
// way (engine -> timeline -> views) and hold no pointers into the engine.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QVariantMap>

#include <cstdint>
#include <optional>
#include <variant>

namespace socklab {

enum class EventKind { Call, Return, Segment, Datagram, State, Queue, Timer, Note };

// "kernel": the kernel told us (capture, TCP_INFO, sock_diag).
// "derived": inferred by socklab (e.g. a state passed too quickly to poll).
enum class Provenance { Kernel, Derived };

namespace TcpFlag {
constexpr uint8_t FIN = 0x01, SYN = 0x02, RST = 0x04, PSH = 0x08, ACK = 0x10, URG = 0x20,
                  ECE = 0x40, CWR = 0x80;
}

struct TcpOptions {
    int mss = -1;    // -1: absent
    int wscale = -1; // -1: absent
    bool sackPermitted = false;
    bool hasTimestamps = false;
    uint32_t tsVal = 0;
    uint32_t tsEcr = 0;
    QList<QPair<uint32_t, uint32_t>> sackBlocks;
    QStringList order; // option kinds in wire order: "mss", "nop", "sackOK", "TS", "wscale", "sack", "eol", "opt<N>"
};

// A TCP segment (kind Segment) or UDP/ICMP datagram (kind Datagram).
struct PacketData {
    QString fromActor; // actor that sent it ("" when unknown)
    QString toActor;
    int ipVersion = 4;
    QString srcAddr;
    QString dstAddr;
    uint16_t srcPort = 0;
    uint16_t dstPort = 0;
    // TCP
    uint8_t flags = 0;
    uint32_t seq = 0;    // absolute
    uint32_t ack = 0;    // absolute
    uint32_t relSeq = 0; // relative to the sender's ISN, as Wireshark shows
    uint32_t relAck = 0; // relative to the receiver's ISN
    uint16_t win = 0;    // raw window field
    int winScale = -1;   // scale in force for this direction (-1 unknown)
    TcpOptions options;
    uint32_t len = 0; // payload bytes
    // UDP / ICMP
    QString protocol;  // "tcp", "udp", "icmp", "icmp6"
    int icmpType = -1; // ICMP: type/code and the quoted datagram's ports
    int icmpCode = -1;
    QByteArray payload; // first bytes of the payload (up to the snap length)
    QByteArray raw;     // the whole captured frame; empty when derived
    int linkType = 1;   // pcap DLT of raw
    uint32_t wireLen = 0;

    bool has(uint8_t f) const { return (flags & f) != 0; }
    uint64_t scaledWindow() const { return winScale > 0 ? (uint64_t(win) << winScale) : win; }
};

struct CallData {
    QString call;      // "accept", "connect", "send", ...
    QString socket;    // the Python variable name ("sockfd", "connfd", ...)
    QVariantMap args;  // what the call was given
    int step = -1;     // scenario step index
    int codeLine = -1; // line in the actor's Python code (1-based)
};

struct ReturnData {
    QString call;
    QString socket;
    qint64 result = 0;
    QString errnoName; // "ECONNREFUSED"; empty on success
    QVariantMap values; // e.g. {"data": bytes, "peer": "127.0.0.1:40312"}
    bool blocked = false; // true: the call has blocked (not yet returned)
    int step = -1;
};

struct StateData {
    QString socket;
    QString state; // kernel names: LISTEN, SYN_SENT, ... TIME_WAIT, CLOSED
    QString previous;
    uint16_t localPort = 0;
    uint16_t remotePort = 0;
    QString cause; // derived: "rcv SYN / snd SYN,ACK"; kernel: "tcp_info", "sock_diag"
};

struct QueueData {
    QString socket;
    qint64 inq = -1;     // SIOCINQ: unread bytes in the receive queue
    qint64 outq = -1;    // SIOCOUTQ: unacknowledged + unsent
    qint64 outqNsd = -1; // SIOCOUTQNSD: not yet sent
    qint64 sndbuf = -1;
    qint64 rcvbuf = -1;
    qint64 acceptQueue = -1; // listener: connections waiting for accept()
    qint64 backlog = -1;     // listener: the listen(n) limit
    uint16_t localPort = 0;
};

struct TimerData {
    QString socket;
    QString timer; // "timewait", "retransmit", "keepalive", "probe"
    qint64 expiresMs = 0;
    int retransmits = 0;
    uint16_t localPort = 0;
    uint16_t remotePort = 0;
};

struct NoteData {
    QString code;      // "step", "state-mismatch", "capture-mode", "teardown-3", ...
    QVariantMap args;
};

struct Event {
    qint64 tUs = 0; // microseconds since the timeline's origin
    EventKind kind = EventKind::Note;
    QString actor;
    Provenance provenance = Provenance::Kernel;
    std::variant<CallData, ReturnData, PacketData, StateData, QueueData, TimerData, NoteData> data;

    const CallData* call() const { return std::get_if<CallData>(&data); }
    const ReturnData* ret() const { return std::get_if<ReturnData>(&data); }
    const PacketData* packet() const { return std::get_if<PacketData>(&data); }
    const StateData* state() const { return std::get_if<StateData>(&data); }
    const QueueData* queue() const { return std::get_if<QueueData>(&data); }
    const TimerData* timer() const { return std::get_if<TimerData>(&data); }
    const NoteData* note() const { return std::get_if<NoteData>(&data); }
};

QString kindName(EventKind k);
std::optional<EventKind> kindFromName(const QString& name);
QString provenanceName(Provenance p);
QStringList tcpFlagNames(uint8_t flags); // {"SYN","ACK"}
uint8_t tcpFlagsFromNames(const QStringList& names);
// RFC 9293 names with underscores: CLOSE -> CLOSED, FIN_WAIT1 -> FIN_WAIT_1,
// NEW_SYN_RECV -> SYN_RECV; others unchanged.
QString canonicalTcpState(const QString& kernelName);
// The eleven states of RFC 9293, in the order of its diagram.
const QStringList& tcpStates();

} // namespace socklab
