#pragma once
// Value-type events: everything the engine observes or infers. They flow one
// way (engine -> timeline -> views) and hold no pointers into the engine.

#include "Pooled.h"
#include "SparseList.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QVariantMap>

#include <cstdint>
#include <memory>
#include <optional>
#include <variant>

namespace socklab {

enum class EventKind : uint8_t { Call, Return, Segment, Datagram, State, Queue, Timer, Note, Wire };

// "kernel": the kernel told us (capture, TCP_INFO, sock_diag).
// "derived": inferred by socklab (e.g. a state passed too quickly to poll).
// "wire": what socklab's wire did to a packet (wire mode).
enum class Provenance : uint8_t { Kernel, Derived, Wire };

namespace TcpFlag {
constexpr uint8_t FIN = 0x01, SYN = 0x02, RST = 0x04, PSH = 0x08, ACK = 0x10, URG = 0x20,
                  ECE = 0x40, CWR = 0x80;
}

struct TcpOptions {
    // Handles first, then the numbers, so the struct has no padding holes
    // (a million segments each carry one: issue 12, memory per event).
    SparseList<QPair<uint32_t, uint32_t>> sackBlocks; // usually none: one pointer
    InternedList order; // option kinds in wire order: "mss", "nop", "sackOK", "TS", "wscale", "sack", "eol", "opt<N>"
    uint32_t tsVal = 0;
    uint32_t tsEcr = 0;
    int mss = -1;    // -1: absent
    int16_t wscale = -1; // -1: absent
    bool sackPermitted = false;
    bool hasTimestamps = false;
};

// A TCP segment (kind Segment) or UDP/ICMP datagram (kind Datagram).
struct PacketData {
    // Laid out handles first, then numbers by size, without padding holes.
    // Repeating text (actors, addresses, protocol, option order) is pooled:
    // one pointer each (issue 12: memory per event). A captured frame that is
    // in the timeline's frame store keeps no raw bytes in memory, only the
    // first bytes of its payload: a small segment costs one small heap block.
    Interned fromActor; // actor that sent it ("" when unknown)
    Interned toActor;
    Interned srcAddr;
    Interned dstAddr;
    Interned protocol;  // "tcp", "udp", "icmp", "icmp6"
    // Wire mode: "dropped" when socklab's wire dropped it. The kernel sent it (the
    // wire got it from the kernel's queue), but it never crossed lo: not captured.
    Interned wire;
    QByteArray payload; // first bytes of the payload (up to what was kept)
    // The captured frame's first bytes (all of it when small); empty when
    // derived, and when the frame is in the timeline's frame store (frameOffset
    // >= 0): Timeline::fullFrame / frameHead read it back. captured() tells.
    QByteArray raw;
    TcpOptions options;
    qint64 frameOffset = -1; // the frame's record in the timeline's frame store (-1: none)
    // TCP
    uint32_t seq = 0;    // absolute
    uint32_t ack = 0;    // absolute
    uint32_t relSeq = 0; // relative to the sender's ISN, as Wireshark shows
    uint32_t relAck = 0; // relative to the receiver's ISN
    uint32_t len = 0; // payload bytes
    uint32_t wireLen = 0;
    uint32_t capLen = 0;    // bytes captured; more than raw.size() when raw was cut for memory
    uint16_t srcPort = 0;
    uint16_t dstPort = 0;
    uint16_t win = 0;    // raw window field
    uint16_t linkType = 1;   // pcap DLT of raw
    int16_t icmpType = -1; // ICMP: type/code and the quoted datagram's ports
    int16_t icmpCode = -1;
    int16_t winScale = -1;  // scale in force for this direction (-1 unknown)
    uint8_t ipVersion = 4;
    uint8_t flags = 0;

    bool has(uint8_t f) const { return (flags & f) != 0; }
    // The kernel sent it and socklab captured it (not derived).
    bool captured() const { return capLen > 0 || !raw.isEmpty(); }
    uint64_t scaledWindow() const { return winScale > 0 ? (uint64_t(win) << winScale) : win; }
};

struct CallData {
    QString call;      // "accept", "connect", "send", ...
    QString socket;    // the Python variable name ("sockfd", "connfd", ...)
    QVariantMap args;  // what the call was given
    int step = -1;     // scenario step index
    int codeLine = -1; // line in the actor's Python code (1-based)
    QString codeFile;  // programs run in the lab: the Python file of codeLine (empty: the actor's code)
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
    bool uncertain = false; // derived after capture lost packets of this connection
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

// What socklab's wire did to a packet (kind Wire, provenance Wire).
struct WireData {
    // Pooled words (as PacketData's): they repeat in every one of a transfer's wire events.
    Interned action;    // "pass", "drop", "hold", "release", "delay", "duplicate", "reorder"
    Interned reason;    // "policy", "loss", "rule", "user", "delay", "rate", "reorder", "timer", "end"
    Interned direction; // "c2s" (from the connecting side) or "s2c"
    qint64 packetId = 0; // the kernel's queue id: the same packet in its hold and release
    qint64 delayUs = 0;  // delay: the planned wait; release: how long it was held
    int rule = -1;       // the rule that acted (-1: the policy)
    PacketData packet;   // the packet, decoded from the wire's copy
};

// A rare, large alternative held out of line: every event pays one pointer for
// it instead of its whole size (a std::variant is as big as its biggest
// member). Immutable once made and shared by copies of the event. Made
// implicitly from the value, so `e.data = WireData{...}` still works.
template <typename T>
class OutOfLine {
public:
    OutOfLine(T value) : m_value(std::make_shared<const T>(std::move(value))) {} // NOLINT: implicit by design
    const T& operator*() const { return *m_value; }
    const T* operator->() const { return m_value.get(); }
    const T* get() const { return m_value.get(); }

private:
    std::shared_ptr<const T> m_value;
};

struct Event {
    qint64 tUs = 0; // microseconds since the timeline's origin
    Interned actor;
    EventKind kind = EventKind::Note;
    Provenance provenance = Provenance::Kernel;
    // Wire mode, a captured segment or datagram: how long socklab's wire delayed
    // it before it crossed lo (its policy's delay, jitter or rate; 0: not
    // delayed). What the wire did, on the packet the kernel sent: one event,
    // not a "delay" wire event beside it. In the bytes the layout pads anyway.
    uint32_t wireDelayUs = 0;
    // WireData (a whole PacketData and three strings) is out of line: wire
    // events are rare, and inline it made every event 456 B instead of 360.
    std::variant<CallData, ReturnData, PacketData, StateData, QueueData, TimerData, NoteData, OutOfLine<WireData>> data;

    const CallData* call() const { return std::get_if<CallData>(&data); }
    const ReturnData* ret() const { return std::get_if<ReturnData>(&data); }
    const PacketData* packet() const { return std::get_if<PacketData>(&data); }
    const StateData* state() const { return std::get_if<StateData>(&data); }
    const QueueData* queue() const { return std::get_if<QueueData>(&data); }
    const TimerData* timer() const { return std::get_if<TimerData>(&data); }
    const NoteData* note() const { return std::get_if<NoteData>(&data); }
    const WireData* wire() const
    {
        const auto* w = std::get_if<OutOfLine<WireData>>(&data);
        return w ? w->get() : nullptr;
    }
};

// What one event costs inline (issue 12: memory per event); packets dominate.
static_assert(sizeof(Event) <= 216, "an event grew: hold the new large member out of line");

// What a session file keeps of each captured frame (its headers and first
// payload bytes); the tap keeps as much in memory when it has no frame store.
constexpr int kFrameHeadBytes = 320;

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
