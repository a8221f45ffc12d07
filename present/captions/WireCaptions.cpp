#include "WireCaptions.h"

#include "Captions.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>

#include <optional>

namespace socklab {

namespace {

struct Words {
    Q_DECLARE_TR_FUNCTIONS(WireCaptions)
};

struct Seg {
    qint64 tUs = 0;
    const PacketData* p = nullptr;
    bool dropped() const { return p->wire == QLatin1String("dropped"); }
};

// Every TCP segment an actor's kernel sent (captured, or dropped by the wire), in time order.
QList<Seg> segmentsOf(const Timeline& tl, const QString& actor, int from = 0, int to = -1)
{
    QList<Seg> out;
    const int last = to < 0 ? tl.size() - 1 : qMin(to, tl.size() - 1);
    for (int i = qMax(0, from); i <= last; ++i) {
        const Event& e = tl.at(i);
        if (e.kind != EventKind::Segment || e.provenance == Provenance::Derived) continue;
        if (const PacketData* p = e.packet(); p && p->fromActor == actor) out.append({e.tUs, p});
    }
    return out;
}

bool isData(const PacketData* p) { return p->len > 0; }
bool isBareAck(const PacketData* p)
{
    return p->len == 0 && p->has(TcpFlag::ACK) && !(p->flags & (TcpFlag::SYN | TcpFlag::FIN | TcpFlag::RST));
}

struct Range {
    int first = 0, last = -1;
};
Range rangeOf(const Timeline& tl, int stepIndex)
{
    const int n = tl.steps[stepIndex].index;
    Range r;
    r.first = qMax(0, tl.indexOfStep(n));
    const int next = tl.indexOfStep(n + 1);
    r.last = next < 0 ? tl.size() - 1 : next - 1;
    return r;
}

// Did the kernel report `state` for `actor` (from event `from` on)?
bool kernelSaw(const Timeline& tl, const QString& actor, const QString& state, int from = 0)
{
    for (int i = qMax(0, from); i < tl.size(); ++i)
        if (const StateData* s = tl.at(i).state();
            s && tl.at(i).actor == actor && s->state == state && tl.at(i).provenance == Provenance::Kernel)
            return true;
    return false;
}

bool derivedSaw(const Timeline& tl, const QString& actor, const QString& state, int from = 0)
{
    for (int i = qMax(0, from); i < tl.size(); ++i)
        if (const StateData* s = tl.at(i).state(); s && tl.at(i).actor == actor && s->state == state) return true;
    return false;
}

// "SYN_SENT (read from the kernel)" — or honestly derived, or not seen at all.
QString stateWithSource(const Timeline& tl, const QString& actor, const QString& state, int from = 0)
{
    if (kernelSaw(tl, actor, state, from)) return Words::tr("%1 (read from the kernel)").arg(state);
    if (derivedSaw(tl, actor, state, from)) return Words::tr("%1 (derived: no probe saw it in time)").arg(state);
    return Words::tr("%1 (not observed)").arg(state);
}

// Milliseconds as a lesson quotes them: "1020", or "0.4" for what loopback does within a millisecond.
QString ms(qint64 us)
{
    if (us < 10000) return QString::number(double(us) / 1000.0, 'f', 1);
    return QString::number((us + 500) / 1000);
}

const ReturnData* returnOf(const Timeline& tl, const QString& actor, const QString& call, int step, qint64* tUs)
{
    for (const Event& e : tl.events())
        if (const ReturnData* r = e.ret(); r && e.actor == actor && r->call == call && r->step == step && !r->blocked) {
            if (tUs) *tUs = e.tUs;
            return r;
        }
    return nullptr;
}

qint64 callTime(const Timeline& tl, const QString& actor, const QString& call, int step)
{
    for (const Event& e : tl.events())
        if (const CallData* c = e.call(); c && e.actor == actor && c->call == call && c->step == step) return e.tUs;
    return -1;
}

// The wire's actions of a kind ("drop", "hold", "release") in a range.
QList<std::pair<qint64, const WireData*>> wireActions(const Timeline& tl, const QString& action, int from = 0, int to = -1)
{
    QList<std::pair<qint64, const WireData*>> out;
    const int last = to < 0 ? tl.size() - 1 : qMin(to, tl.size() - 1);
    for (int i = qMax(0, from); i <= last; ++i)
        if (const WireData* w = tl.at(i).wire(); w && w->action == action) out.append({tl.at(i).tUs, w});
    return out;
}

// The first copy of `seq` (a data segment or FIN) the actor's kernel sent after `afterUs` that crossed the wire.
// A copy, not a pointer into `segs`: callers pass the list segmentsOf() just made
// (a pointer into that temporary dangled once the statement ended).
std::optional<Seg> resent(const QList<Seg>& segs, uint32_t seq, uint8_t flag, qint64 afterUs)
{
    for (const Seg& s : segs)
        if (s.tUs > afterUs && !s.dropped() && s.p->seq == seq && (flag == 0 ? isData(s.p) : s.p->has(flag))) return s;
    return std::nullopt;
}

QVariantMap wirePolicy(const Timeline& tl) { return tl.parameters.value("wire").toMap(); }

QString lostSyn(const Timeline& tl, const StepRecord& s)
{
    QList<Seg> syns;
    for (const Seg& g : segmentsOf(tl, s.actor))
        if (g.p->has(TcpFlag::SYN) && !g.p->has(TcpFlag::ACK)) syns << g;
    if (syns.isEmpty() || !syns.first().dropped())
        return Words::tr("The client calls connect(); its SYN has not been dropped by the wire in this run.");
    qint64 returnedUs = -1;
    const ReturnData* r = returnOf(tl, s.actor, QStringLiteral("connect"), s.index, &returnedUs);
    const qint64 calledUs = callTime(tl, s.actor, QStringLiteral("connect"), s.index);
    QString text = Words::tr("socklab's wire drops the client's first SYN (ISN %1). connect() blocks; the client's socket "
                      "is in %2.")
                       .arg(syns.first().p->seq)
                       .arg(stateWithSource(tl, s.actor, QStringLiteral("SYN_SENT")));
    text += ' ';
    if (syns.size() < 2)
        return text + Words::tr("No SYN,ACK comes; the kernel has not sent the SYN again yet.");
    text += Words::tr("No SYN,ACK comes, so after %1 ms (its first retransmission timeout, 1 s) the client's kernel sends "
               "the SYN again, with the same sequence number %2.")
                .arg(ms(syns[1].tUs - syns[0].tUs))
                .arg(syns[1].p->seq);
    if (r && returnedUs >= 0 && calledUs >= 0) {
        text += ' ';
        text += Words::tr("This one passes; the handshake completes and connect() returns %1 only now, %2 ms after it was called.")
                    .arg(r->result)
                    .arg(ms(returnedUs - calledUs));
    }
    return text;
}

QString mtuConnect(const Timeline& tl, const StepRecord& s)
{
    const int mtu = wirePolicy(tl).value("mtu", 1500).toInt();
    int mss = -1;
    for (const Seg& g : segmentsOf(tl, s.actor))
        if (g.p->has(TcpFlag::SYN)) {
            mss = g.p->options.mss;
            break;
        }
    return Words::tr("The client connects through the wire. Its SYN announces MSS %1: the lab's MTU is %2 bytes, less 20 "
              "bytes of IP header and 20 of TCP header. On plain loopback (MTU 65536) it would announce 65483.")
        .arg(mss)
        .arg(mtu);
}

QString mtuSend(const Timeline& tl, const StepRecord& s, int stepIndex)
{
    const Range r = rangeOf(tl, stepIndex);
    QList<Seg> data;
    for (const Seg& g : segmentsOf(tl, s.actor, r.first, r.last))
        if (isData(g.p) && !g.dropped()) data << g;
    if (data.isEmpty())
        for (const Seg& g : segmentsOf(tl, s.actor))
            if (isData(g.p) && !g.dropped()) data << g;
    qint64 bytes = 0;
    uint32_t largest = 0;
    bool allTs = !data.isEmpty();
    for (const Seg& g : data) {
        bytes += g.p->len;
        largest = qMax(largest, g.p->len);
        allTs = allTs && g.p->options.hasTimestamps;
    }
    qint64 result = s.values.value("result").toLongLong();
    if (const ReturnData* ret = returnOf(tl, s.actor, QStringLiteral("send"), s.index, nullptr)) result = ret->result;
    QString text = Words::tr("The client calls send() once with %1 bytes and it returns %2. On the wire they are %3 segments "
                      "of at most %4 payload bytes.")
                       .arg(bytes)
                       .arg(result)
                       .arg(data.size())
                       .arg(largest);
    if (allTs) {
        text += ' ';
        text += Words::tr("Every segment carries the timestamp option (TSval %1 … %2): its 12 bytes come out of the MSS, "
                   "1460 − 12 = 1448.")
                    .arg(data.first().p->options.tsVal)
                    .arg(data.last().p->options.tsVal);
    }
    text += ' ';
    text += Words::tr("On loopback without the wire (MTU 65536) the same send() would be one segment.");
    return text;
}

QString mtuRecv(const Timeline& tl, const StepRecord& s)
{
    qint64 result = s.values.value("result").toLongLong();
    if (const ReturnData* ret = returnOf(tl, s.actor, QStringLiteral("recv"), s.index, nullptr)) result = ret->result;
    int segments = 0;
    for (const Seg& g : segmentsOf(tl, QStringLiteral("client")))
        if (isData(g.p) && !g.dropped()) ++segments;
    return Words::tr("The server's recv(MSG_WAITALL) returns all %1 bytes at once: its kernel joined the %2 segments into "
              "one byte stream — TCP keeps no message boundaries.")
        .arg(result)
        .arg(segments);
}

// The data segment the wire dropped in a range (by a rule), or null.
const WireData* droppedData(const Timeline& tl, const Range& r, qint64* tUs)
{
    for (const auto& [t, w] : wireActions(tl, QStringLiteral("drop"), r.first, r.last))
        if (w->packet.len > 0 && w->packet.protocol == QLatin1String("tcp")) {
            *tUs = t;
            return w;
        }
    return nullptr;
}

QString lostDataSend(const Timeline& tl, const StepRecord& s, int stepIndex)
{
    const Range r = rangeOf(tl, stepIndex);
    qint64 dropUs = 0;
    const WireData* drop = droppedData(tl, r, &dropUs);
    int sent = 0;
    for (const Seg& g : segmentsOf(tl, s.actor, r.first, r.last))
        if (isData(g.p)) ++sent;
    if (!drop) return Words::tr("The client sends %1 segments; the wire dropped none of them in this run.").arg(sent);
    const uint32_t seq = drop->packet.seq;
    int acks = 0, withSack = 0;
    for (const Seg& g : segmentsOf(tl, QStringLiteral("server")))
        if (g.tUs >= dropUs && isBareAck(g.p) && g.p->ack == seq) {
            ++acks;
            if (!g.p->options.sackBlocks.isEmpty()) ++withSack;
        }
    const std::optional<Seg> again = resent(segmentsOf(tl, s.actor), seq, 0, dropUs);
    QString text = Words::tr("The client calls send() once: its kernel cuts the bytes into %1 segments, and socklab's wire "
                      "drops one of them (seq=%2, %3 bytes). The server's kernel receives the later ones out of order "
                      "and answers each at once with the same ack=%2: %4 duplicate ACKs, %5 of them with SACK blocks "
                      "naming the bytes that did arrive.")
                       .arg(sent)
                       .arg(drop->packet.relSeq)
                       .arg(drop->packet.len)
                       .arg(acks)
                       .arg(withSack);
    text += ' ';
    if (again)
        text += Words::tr("That tells the client's kernel what is missing: it sends seq=%1 again %2 ms after the first copy "
                   "(fast retransmit), without waiting for a timeout.")
                    .arg(again->p->relSeq)
                    .arg(ms(again->tUs - dropUs));
    else
        text += Words::tr("The missing segment has not been sent again yet.");
    return text;
}

QString lostDataLast(const Timeline& tl, const StepRecord& s, int stepIndex)
{
    const Range r = rangeOf(tl, stepIndex);
    qint64 dropUs = 0;
    const WireData* drop = droppedData(tl, r, &dropUs);
    if (!drop) return Words::tr("The client sends its last message; the wire dropped nothing in this run.");
    const std::optional<Seg> again = resent(segmentsOf(tl, s.actor), drop->packet.seq, 0, dropUs);
    QString text = Words::tr("The client sends its last message (%1 bytes, seq=%2) and the wire drops it too. Nothing comes "
                      "after it, so no duplicate ACK can tell the sender: only a timer can.")
                       .arg(drop->packet.len)
                       .arg(drop->packet.relSeq);
    text += ' ';
    if (again)
        text += Words::tr("After %1 ms the client's kernel sends seq=%2 again by itself (a timeout retransmission — on "
                   "Linux the tail-loss probe fires before the full retransmission timeout).")
                    .arg(ms(again->tUs - dropUs))
                    .arg(again->p->relSeq);
    else
        text += Words::tr("It has not been sent again yet.");
    return text;
}

QString serverRecv(const Timeline& tl, const StepRecord& s, bool last)
{
    qint64 result = s.values.value("result").toLongLong();
    const ReturnData* ret = returnOf(tl, s.actor, QStringLiteral("recv"), s.index, nullptr);
    if (ret) result = ret->result;
    if (last)
        return Words::tr("The server's recv() returns the %1 bytes of the last message: it arrived on the second try.").arg(result);
    return Words::tr("recv(MSG_WAITALL) returns %1 bytes, in order: the bytes after the hole waited in the server's kernel "
              "until the retransmitted segment filled it. The program never sees the loss.")
        .arg(result);
}

// The FIN an actor's kernel sent that the wire acted on (hold or drop) in a range.
const WireData* heldFin(const Timeline& tl, const QString& actor, int from, qint64* tUs)
{
    for (const auto& [t, w] : wireActions(tl, QStringLiteral("hold"), from))
        if (w->packet.has(TcpFlag::FIN) && w->packet.fromActor == actor) {
            *tUs = t;
            return w;
        }
    return nullptr;
}

QString finHeld(const Timeline& tl, const StepRecord& s, int stepIndex, const QString& state, const QString& peer,
                const QString& peerState, bool simultaneous)
{
    const Range r = rangeOf(tl, stepIndex);
    qint64 t = 0;
    const WireData* w = heldFin(tl, s.actor, r.first, &t);
    const uint32_t seq = w ? w->packet.relSeq : 0;
    if (!w) return Words::tr("The %1 calls close(); the wire held no FIN in this run.").arg(actorTitle(s.actor));
    if (simultaneous && s.actor == QLatin1String("server"))
        return Words::tr("The server calls close() too, before the client's FIN has reached it: its kernel sends its own FIN "
                  "(seq=%1), also held, and its socket is in %2. Two FINs are on the wire at once.")
            .arg(seq)
            .arg(stateWithSource(tl, s.actor, state, r.first));
    QString text = Words::tr("The %1 calls close(): its kernel sends FIN (seq=%2) and socklab holds it on the wire. The %1's "
                      "socket is in %3; the %4's is in %5.")
                       .arg(actorTitle(s.actor))
                       .arg(seq)
                       .arg(stateWithSource(tl, s.actor, state, r.first))
                       .arg(actorTitle(peer), stateWithSource(tl, peer, peerState)); // seen at any time so far
    text += ' ';
    text += Words::tr("A packet held in the wire's queue still counts as in the host's queue, so the kernel does not send it "
               "again.");
    return text;
}

QString finDropped(const Timeline& tl, int stepIndex)
{
    const Range r = rangeOf(tl, stepIndex);
    const QList<std::pair<qint64, const WireData*>> drops = wireActions(tl, QStringLiteral("drop"), r.first);
    const WireData* drop = nullptr;
    qint64 dropUs = 0;
    for (const auto& [t, w] : drops)
        if (w->packet.has(TcpFlag::FIN)) {
            drop = w;
            dropUs = t;
            break;
        }
    if (!drop) return Words::tr("socklab drops the held FIN; none was held in this run.");
    const QString actor = drop->packet.fromActor;
    const std::optional<Seg> again = resent(segmentsOf(tl, actor), drop->packet.seq, TcpFlag::FIN, dropUs);
    QString text = Words::tr("socklab drops the held FIN.");
    text += ' ';
    if (!again) return text + Words::tr("The client's kernel has not sent it again yet.");
    text += Words::tr("No ACK comes, so the client's kernel sends the FIN again %1 ms later, with the same seq=%2. This copy "
               "passes and the server's kernel acknowledges it: the client's socket is in %3, the server's in %4, and "
               "the server's recv() returns b''.")
                .arg(ms(again->tUs - dropUs))
                .arg(again->p->relSeq)
                .arg(stateWithSource(tl, QStringLiteral("client"), QStringLiteral("FIN_WAIT_2"), r.first),
                     stateWithSource(tl, QStringLiteral("server"), QStringLiteral("CLOSE_WAIT"), r.first));
    return text;
}

qint64 timeWaitSeconds(const Timeline& tl, const QString& actor, int from)
{
    for (int i = qMax(0, from); i < tl.size(); ++i)
        if (const TimerData* t = tl.at(i).timer(); t && tl.at(i).actor == actor && t->timer == QLatin1String("timewait"))
            return qRound(double(t->expiresMs) / 1000.0);
    return 60;
}

QString finReleased(const Timeline& tl, int stepIndex)
{
    const Range r = rangeOf(tl, stepIndex);
    qint64 dropUs = 0;
    const WireData* drop = nullptr;
    for (const auto& [t, w] : wireActions(tl, QStringLiteral("drop"), r.first))
        if (w->packet.has(TcpFlag::FIN) && !drop) {
            drop = w;
            dropUs = t;
        }
    const std::optional<Seg> again = drop ? resent(segmentsOf(tl, drop->packet.fromActor), drop->packet.seq, TcpFlag::FIN, dropUs) : std::nullopt;
    QString text;
    if (again)
        text = Words::tr("socklab drops the server's FIN too; %1 ms later its kernel sends it again (seq=%2).")
                   .arg(ms(again->tUs - dropUs))
                   .arg(again->p->relSeq)
               + ' ';
    text += Words::tr("The client's kernel answers ACK and keeps the connection in %1 for %2 s; the ACK ends the "
                      "server's socket.")
                .arg(stateWithSource(tl, QStringLiteral("client"), QStringLiteral("TIME_WAIT"), r.first))
                .arg(timeWaitSeconds(tl, QStringLiteral("client"), r.first));
    return text;
}

QString crossed(const Timeline& tl, int stepIndex)
{
    const Range r = rangeOf(tl, stepIndex);
    int resentFins = 0; // the FINs sent again after the crossing: held by the wire now
    for (const auto& [t, w] : wireActions(tl, QStringLiteral("hold"), r.first, r.last))
        if (w->packet.has(TcpFlag::FIN)) ++resentFins;
    QString text = Words::tr("socklab lets both FINs cross and holds every packet that follows them (the ACKs, the FINs sent "
                      "again). Each kernel has received the other's FIN while its own is not yet acknowledged, so both "
                      "sockets go to CLOSING: the client's %1, the server's %2.")
                       .arg(stateWithSource(tl, QStringLiteral("client"), QStringLiteral("CLOSING"), r.first),
                            stateWithSource(tl, QStringLiteral("server"), QStringLiteral("CLOSING"), r.first));
    if (resentFins > 0) {
        text += ' ';
        text += Words::tr("Without an ACK the kernels send their FINs again (%1 FINs sent again, held on the wire).").arg(resentFins);
    }
    return text;
}

QString bothTimeWait(const Timeline& tl, int stepIndex)
{
    const Range r = rangeOf(tl, stepIndex);
    return Words::tr("socklab lets them go: each FIN is acknowledged and both sockets enter TIME_WAIT — the client's %1, "
              "the server's %2. In a simultaneous close both sides wait, not only one.")
        .arg(stateWithSource(tl, QStringLiteral("client"), QStringLiteral("TIME_WAIT"), r.first),
             stateWithSource(tl, QStringLiteral("server"), QStringLiteral("TIME_WAIT"), r.first));
}

struct UdpCounts {
    int sent = 0, delivered = 0;
    QList<int> lost;
};
UdpCounts udpCounts(const Timeline& tl)
{
    UdpCounts c;
    static const QRegularExpression num(QStringLiteral("^msg (\\d+)"));
    for (const Event& e : tl.events())
        if (const PacketData* p = e.packet(); p && e.kind == EventKind::Datagram && p->protocol == QLatin1String("udp")
                                              && e.provenance != Provenance::Derived) {
            const auto m = num.match(QString::fromLatin1(p->payload));
            if (!m.hasMatch()) continue;
            ++c.sent;
            if (p->wire == QLatin1String("dropped")) c.lost << m.captured(1).toInt();
            else ++c.delivered;
        }
    return c;
}

QString listOf(const QList<int>& numbers)
{
    QStringList parts;
    for (int n : numbers)
        parts << QString::number(n);
    return parts.isEmpty() ? QStringLiteral("—") : parts.join(QStringLiteral(", "));
}

QString reliable(const Timeline& tl, const StepRecord& s, const QString& id)
{
    const QVariantMap pol = wirePolicy(tl);
    const double loss = pol.value("c2s").toMap().value("loss_percent").toDouble();
    const int count = tl.parameters.value("count", 20).toInt();
    if (id == QLatin1String("reliable.udp-send")) {
        const UdpCounts u = udpCounts(tl);
        return Words::tr("The client sends %1 numbered datagrams with sendto(); every call returns at once. socklab's wire "
                  "(loss %2%, seed %3) drops %4 of them: numbers %5. UDP has no acknowledgement: nobody notices, "
                  "nothing is sent again.")
            .arg(u.sent)
            .arg(loss)
            .arg(pol.value("seed").toString())
            .arg(u.lost.size())
            .arg(listOf(u.lost));
    }
    if (id == QLatin1String("reliable.connect")) {
        qint64 returnedUs = -1;
        const ReturnData* r = returnOf(tl, s.actor, QStringLiteral("connect"), s.index, &returnedUs);
        const qint64 calledUs = callTime(tl, s.actor, QStringLiteral("connect"), s.index);
        int synsLost = 0;
        for (const auto& [t, w] : wireActions(tl, QStringLiteral("drop")))
            if (w->packet.has(TcpFlag::SYN)) ++synsLost;
        if (!r || returnedUs < 0 || calledUs < 0)
            return Words::tr("Now the client connects over TCP through the same lossy wire.");
        return Words::tr("Now the client connects over TCP through the same lossy wire: %1 handshake segments are lost and sent "
                  "again; connect() returns %2 after %3 ms.")
            .arg(synsLost)
            .arg(r->result)
            .arg(ms(returnedUs - calledUs));
    }
    // TCP: segments the wire dropped, and the data segments sent again.
    int tcpDropped = 0;
    for (const auto& [t, w] : wireActions(tl, QStringLiteral("drop")))
        if (w->packet.protocol == QLatin1String("tcp")) ++tcpDropped;
    int resentData = 0;
    QSet<uint32_t> seen;
    for (const Seg& g : segmentsOf(tl, QStringLiteral("client")))
        if (isData(g.p) || g.p->has(TcpFlag::FIN)) {
            if (seen.contains(g.p->seq)) ++resentData;
            seen.insert(g.p->seq);
        }
    if (id == QLatin1String("reliable.tcp-send"))
        return Words::tr("The client sends the same %1 messages over TCP and closes. The wire drops %2 TCP segments (data and "
                  "ACKs alike); the client's kernel sends %3 segments again until the server's kernel has acknowledged "
                  "every byte.")
            .arg(count)
            .arg(tcpDropped)
            .arg(resentData);
    // reliable.result: what the server printed, and the datagrams that arrived.
    int tcpGot = -1;
    bool inOrder = false;
    static const QRegularExpression tcpLine(QStringLiteral("^TCP\\D*(\\d+)"));
    for (const Event& e : tl.events())
        if (const NoteData* n = e.note(); n && n->code == QLatin1String("program-output") && e.actor == s.actor) {
            const QString text = n->args.value("text").toString();
            if (const auto m = tcpLine.match(text); m.hasMatch()) {
                tcpGot = m.captured(1).toInt();
                inOrder = text.contains(QStringLiteral("按顺序"));
            }
        }
    const UdpCounts u = udpCounts(tl);
    QString text = tcpGot < 0 ? Words::tr("The server has not told what TCP delivered.")
                   : inOrder  ? Words::tr("TCP delivered %1 of %2 messages, in order.").arg(tcpGot).arg(count)
                              : Words::tr("TCP delivered %1 of %2 messages, not in order.").arg(tcpGot).arg(count);
    text += ' ';
    text += Words::tr("UDP delivered %1 of %2: %3 lost for good. TCP is connection-oriented and reliable; UDP is "
               "connectionless and unreliable.")
                .arg(u.delivered)
                .arg(count)
                .arg(u.lost.size());
    return text;
}

} // namespace

QString wireCaptionText(const Timeline& tl, int stepIndex)
{
    if (stepIndex < 0 || stepIndex >= tl.steps.size()) return {};
    const StepRecord& s = tl.steps[stepIndex];
    const QString& id = s.captionId;
    if (id == QLatin1String("lost-syn.connect")) return lostSyn(tl, s);
    if (id == QLatin1String("lost-syn.send"))
        return Words::tr("send() returns %1: the connection works as if nothing had happened. The program never learned that a "
                  "SYN was lost; only its connect() took longer.")
            .arg(s.values.value("result").toLongLong());
    if (id == QLatin1String("mtu.connect")) return mtuConnect(tl, s);
    if (id == QLatin1String("mtu.send")) return mtuSend(tl, s, stepIndex);
    if (id == QLatin1String("mtu.recv")) return mtuRecv(tl, s);
    if (id == QLatin1String("lost-data.send")) return lostDataSend(tl, s, stepIndex);
    if (id == QLatin1String("lost-data.server-recv")) return serverRecv(tl, s, false);
    if (id == QLatin1String("lost-data.last")) return lostDataLast(tl, s, stepIndex);
    if (id == QLatin1String("lost-data.server-last")) return serverRecv(tl, s, true);
    if (id == QLatin1String("lost-fin.client-close"))
        return finHeld(tl, s, stepIndex, QStringLiteral("FIN_WAIT_1"), QStringLiteral("server"),
                       QStringLiteral("ESTABLISHED"), false);
    if (id == QLatin1String("lost-fin.dropped")) return finDropped(tl, stepIndex);
    if (id == QLatin1String("lost-fin.server-close"))
        return finHeld(tl, s, stepIndex, QStringLiteral("LAST_ACK"), QStringLiteral("client"),
                       QStringLiteral("FIN_WAIT_2"), false);
    if (id == QLatin1String("lost-fin.released")) return finReleased(tl, stepIndex);
    if (id == QLatin1String("simultaneous-close.client-close"))
        return finHeld(tl, s, stepIndex, QStringLiteral("FIN_WAIT_1"), QStringLiteral("server"),
                       QStringLiteral("ESTABLISHED"), true);
    if (id == QLatin1String("simultaneous-close.server-close"))
        return finHeld(tl, s, stepIndex, QStringLiteral("FIN_WAIT_1"), QStringLiteral("client"),
                       QStringLiteral("FIN_WAIT_1"), true);
    if (id == QLatin1String("simultaneous-close.crossed")) return crossed(tl, stepIndex);
    if (id == QLatin1String("simultaneous-close.time-wait")) return bothTimeWait(tl, stepIndex);
    if (id.startsWith(QLatin1String("reliable."))
        && QStringList{"reliable.udp-send", "reliable.connect", "reliable.tcp-send", "reliable.result"}.contains(id))
        return reliable(tl, s, id);
    return {};
}

} // namespace socklab
