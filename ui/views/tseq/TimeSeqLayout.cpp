#include "TimeSeqLayout.h"

#include "WireMarks.h"

#include <QHash>

#include <algorithm>

namespace socklab {

namespace {

quint32 dirKey(uint16_t src, uint16_t dst) { return (quint32(src) << 16) | dst; }

bool isTcp(const PacketData& p) { return p.protocol == QLatin1String("tcp"); }

// A TCP packet of the timeline: a capture (or a drop) or the wire's hold.
const PacketData* tcpOf(const Event& e, bool* hold)
{
    *hold = false;
    if (const PacketData* p = e.packet()) return isTcp(*p) ? p : nullptr;
    if (const WireData* w = e.wire(); w && w->action == QLatin1String("hold") && isTcp(w->packet)) {
        *hold = true;
        return &w->packet;
    }
    return nullptr;
}

} // namespace

void TimeSeqLayout::setTimeline(const Timeline& tl)
{
    m_bars.clear();
    m_acks.clear();
    m_sender.clear();
    m_receiver.clear();
    m_srcPort = m_dstPort = 0;
    m_t0 = 0, m_t1 = 1, m_seqMax = 1;

    // The data direction: the one that carried the most bytes (else the one that sent the first SYN).
    QHash<quint32, qint64> bytes;
    quint32 first = 0, synDir = 0;
    bool any = false, anySyn = false;
    for (const Event& e : tl.events()) {
        bool hold;
        const PacketData* p = tcpOf(e, &hold);
        if (!p || hold) continue;
        const quint32 k = dirKey(p->srcPort, p->dstPort);
        if (!any) first = k, any = true;
        if (!anySyn && p->has(TcpFlag::SYN) && !p->has(TcpFlag::ACK)) synDir = k, anySyn = true;
        bytes[k] += p->len;
    }
    if (!any) return;
    quint32 dir = anySyn ? synDir : first;
    for (auto it = bytes.cbegin(); it != bytes.cend(); ++it)
        if (it.value() > bytes.value(dir)) dir = it.key();
    m_srcPort = uint16_t(dir >> 16);
    m_dstPort = uint16_t(dir & 0xffff);

    const QHash<int, int> holdEnds = WireMarks::holdEnds(tl);
    bool haveIsn = false;
    quint32 isn = 0;
    qint64 highest = 0;
    bool haveT = false;
    auto seeTime = [&](qint64 t) {
        if (!haveT) m_t0 = m_t1 = t, haveT = true;
        m_t0 = std::min(m_t0, t);
        m_t1 = std::max(m_t1, t);
    };
    for (int i = 0; i < tl.size(); ++i) {
        const Event& e = tl.at(i);
        bool hold;
        const PacketData* p = tcpOf(e, &hold);
        if (!p) continue;
        if (p->srcPort == m_srcPort && p->dstPort == m_dstPort) {
            if (!haveIsn) isn = p->seq, haveIsn = true, m_sender = p->fromActor, m_receiver = p->toActor;
            TimeSeqBar b;
            b.eventIndex = i;
            b.tUs = e.tUs;
            b.syn = p->has(TcpFlag::SYN);
            b.fin = p->has(TcpFlag::FIN);
            b.seqLo = qint64(quint32(p->seq - isn));
            b.seqHi = b.seqLo + p->len + (b.syn ? 1 : 0) + (b.fin ? 1 : 0);
            if (b.seqHi == b.seqLo) continue; // a bare ACK takes no numbers: not a bar
            if (hold) {
                b.held = true;
                b.endEventIndex = holdEnds.value(i, -1);
            } else {
                b.dropped = p->wire == QLatin1String("dropped");
                b.retransmission = b.seqLo < highest;
                highest = std::max(highest, b.seqHi);
            }
            m_seqMax = std::max(m_seqMax, b.seqHi);
            seeTime(e.tUs);
            m_bars.append(b);
        } else if (p->srcPort == m_dstPort && p->dstPort == m_srcPort && !hold && p->has(TcpFlag::ACK)
                   && p->wire.isEmpty() && haveIsn) {
            TimeSeqAck a;
            a.eventIndex = i;
            a.tUs = e.tUs;
            a.ack = qint64(quint32(p->ack - isn));
            a.windowEdge = a.ack + qint64(p->scaledWindow());
            seeTime(e.tUs);
            m_seqMax = std::max(m_seqMax, a.ack);
            m_acks.append(a);
        }
    }
    if (m_t1 <= m_t0) m_t1 = m_t0 + 1;
}

QList<TimeSeqBar> TimeSeqLayout::bars(int cursor) const
{
    QList<TimeSeqBar> out;
    for (const TimeSeqBar& b : m_bars) {
        if (b.eventIndex > cursor) break;
        if (b.held && b.endEventIndex >= 0 && b.endEventIndex <= cursor) continue; // released or dropped by now
        out.append(b);
    }
    return out;
}

QList<TimeSeqAck> TimeSeqLayout::acks(int cursor) const
{
    QList<TimeSeqAck> out;
    for (const TimeSeqAck& a : m_acks) {
        if (a.eventIndex > cursor) break;
        out.append(a);
    }
    return out;
}

int TimeSeqLayout::retransmissions(int cursor) const
{
    const QList<TimeSeqBar> b = bars(cursor);
    return int(std::count_if(b.cbegin(), b.cend(), [](const TimeSeqBar& x) { return x.retransmission; }));
}

int TimeSeqLayout::drops(int cursor) const
{
    const QList<TimeSeqBar> b = bars(cursor);
    return int(std::count_if(b.cbegin(), b.cend(), [](const TimeSeqBar& x) { return x.dropped; }));
}

qreal TimeSeqLayout::xOf(qint64 tUs) const
{
    return m_plot.left() + m_plot.width() * qreal(tUs - m_t0) / qreal(m_t1 - m_t0);
}

qreal TimeSeqLayout::yOf(qint64 seq) const
{
    return m_plot.bottom() - m_plot.height() * qreal(seq) / qreal(m_seqMax);
}

QLineF TimeSeqLayout::barLine(const TimeSeqBar& b) const
{
    const qreal x = xOf(b.tUs);
    return QLineF(x, yOf(b.seqLo), x, yOf(b.seqHi));
}

bool TimeSeqLayout::worthShowing(const Timeline& tl)
{
    if (WireMarks::hasWireEvents(tl)) return true;
    TimeSeqLayout l;
    l.setTimeline(tl);
    return l.retransmissions(tl.size() - 1) > 0;
}

} // namespace socklab
