#pragma once
// The RFC 9293 TCP state diagram as geometry: eleven state boxes in the
// standard arrangement and the transitions between them with their labels,
// in a fixed logical coordinate space (size()) that renderers scale to fit.

#include <QList>
#include <QPolygonF>
#include <QRectF>
#include <QSizeF>
#include <QString>

namespace socklab {

struct StateNode {
    QString state; // kernel name: "SYN_SENT"
    QRectF rect;
};

struct StateEdge {
    QString from;
    QString to;
    QString label;  // "rcv SYN / snd SYN,ACK"
    QPolygonF path; // polyline from the border of `from` to the border of `to`
    QPointF labelAt; // centre of the label
};

class StateMachineLayout
{
public:
    StateMachineLayout();

    static QSizeF size() { return {1000, 860}; }
    const QList<StateNode>& nodes() const { return m_nodes; }
    const QList<StateEdge>& edges() const { return m_edges; }
    int nodeIndex(const QString& state) const;
    // The edge for a transition (-1 when the diagram has none, e.g. rcv RST).
    int edgeIndex(const QString& from, const QString& to) const;

private:
    void node(const QString& s, qreal cx, qreal cy);
    void edge(const QString& from, const QString& to, const QString& label, QList<QPointF> via = {},
              QPointF labelOffset = {});
    void route(const QString& from, const QString& to, const QString& label, QList<QPointF> points, QPointF labelAt);
    QList<StateNode> m_nodes;
    QList<StateEdge> m_edges;
};

} // namespace socklab
