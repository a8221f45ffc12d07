#include "StateMachineLayout.h"

#include <QLineF>

namespace socklab {

namespace {

constexpr qreal kW = 172, kH = 46;

// Where the segment from the rect's centre toward p leaves the rect.
QPointF borderPoint(const QRectF& r, const QPointF& toward)
{
    const QPointF c = r.center();
    const qreal dx = toward.x() - c.x(), dy = toward.y() - c.y();
    if (qFuzzyIsNull(dx) && qFuzzyIsNull(dy)) return c;
    const qreal sx = qFuzzyIsNull(dx) ? 1e9 : (r.width() / 2) / qAbs(dx);
    const qreal sy = qFuzzyIsNull(dy) ? 1e9 : (r.height() / 2) / qAbs(dy);
    const qreal s = qMin(sx, sy);
    return c + QPointF(dx * s, dy * s);
}

} // namespace

StateMachineLayout::StateMachineLayout()
{
    // The arrangement of RFC 9293 figure 5 (RFC 793 figure 6).
    node("CLOSED", 500, 50);
    node("LISTEN", 500, 190);
    node("SYN_RECV", 170, 330);
    node("SYN_SENT", 830, 330);
    node("ESTABLISHED", 500, 450);
    node("FIN_WAIT_1", 170, 570);
    node("CLOSE_WAIT", 830, 570);
    node("FIN_WAIT_2", 170, 690);
    node("CLOSING", 500, 690);
    node("LAST_ACK", 830, 690);
    node("TIME_WAIT", 170, 810);

    route("CLOSED", "LISTEN", "listen()", {{470, 73}, {470, 167}}, {430, 120});
    route("LISTEN", "CLOSED", "close", {{530, 167}, {530, 73}}, {560, 120});
    route("CLOSED", "SYN_SENT", "connect / snd SYN", {{586, 50}, {830, 50}, {830, 307}}, {830, 180});
    edge("LISTEN", "SYN_RECV", "rcv SYN / snd SYN,ACK", {}, {-40, -22});
    edge("SYN_SENT", "SYN_RECV", "rcv SYN / snd ACK", {}, {0, -14});
    edge("SYN_RECV", "ESTABLISHED", "rcv ACK of SYN", {}, {-70, 0});
    edge("SYN_SENT", "ESTABLISHED", "rcv SYN,ACK / snd ACK", {}, {82, 0});
    edge("SYN_RECV", "FIN_WAIT_1", "close / snd FIN", {}, {-70, 0});
    edge("ESTABLISHED", "FIN_WAIT_1", "close / snd FIN", {}, {-10, -20});
    edge("ESTABLISHED", "CLOSE_WAIT", "rcv FIN / snd ACK", {}, {10, -20});
    edge("FIN_WAIT_1", "FIN_WAIT_2", "rcv ACK of FIN", {}, {-68, 0});
    edge("FIN_WAIT_1", "CLOSING", "rcv FIN / snd ACK", {}, {50, -10});
    edge("FIN_WAIT_2", "TIME_WAIT", "rcv FIN / snd ACK", {}, {-72, 0});
    route("CLOSING", "TIME_WAIT", "rcv ACK of FIN", {{500, 713}, {500, 810}, {256, 810}}, {380, 824});
    edge("CLOSE_WAIT", "LAST_ACK", "close / snd FIN", {}, {62, 0});
    route("LAST_ACK", "CLOSED", "rcv ACK of FIN", {{916, 690}, {960, 690}, {960, 36}, {586, 36}}, {960, 450});
    route("TIME_WAIT", "CLOSED", "timeout 2MSL", {{84, 810}, {30, 810}, {30, 36}, {414, 36}}, {220, 36});
}

void StateMachineLayout::route(const QString& from, const QString& to, const QString& label, QList<QPointF> points,
                               QPointF labelAt)
{
    StateEdge e{from, to, label, {}, labelAt};
    for (const QPointF& p : points) e.path << p;
    m_edges.append(e);
}

void StateMachineLayout::node(const QString& s, qreal cx, qreal cy)
{
    m_nodes.append({s, QRectF(cx - kW / 2, cy - kH / 2, kW, kH)});
}

void StateMachineLayout::edge(const QString& from, const QString& to, const QString& label, QList<QPointF> via,
                              QPointF labelOffset)
{
    const QRectF a = m_nodes[nodeIndex(from)].rect, b = m_nodes[nodeIndex(to)].rect;
    StateEdge e{from, to, label, {}, {}};
    const QPointF firstTarget = via.isEmpty() ? b.center() : via.first();
    const QPointF lastSource = via.isEmpty() ? a.center() : via.last();
    e.path << borderPoint(a, firstTarget);
    for (const QPointF& p : via) e.path << p;
    e.path << borderPoint(b, lastSource);
    // Label at the middle of the longest piece, nudged off the line.
    int best = 0;
    for (int i = 1; i + 1 < e.path.size(); ++i)
        if (QLineF(e.path[i], e.path[i + 1]).length() > QLineF(e.path[best], e.path[best + 1]).length()) best = i;
    e.labelAt = (e.path[best] + e.path[best + 1]) / 2 + labelOffset;
    m_edges.append(e);
}

int StateMachineLayout::nodeIndex(const QString& state) const
{
    for (int i = 0; i < m_nodes.size(); ++i)
        if (m_nodes[i].state == state) return i;
    return -1;
}

int StateMachineLayout::edgeIndex(const QString& from, const QString& to) const
{
    for (int i = 0; i < m_edges.size(); ++i)
        if (m_edges[i].from == from && m_edges[i].to == to) return i;
    return -1;
}

} // namespace socklab
