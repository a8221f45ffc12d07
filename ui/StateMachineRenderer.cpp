#include "StateMachineRenderer.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QSet>
#include <QTransform>

#include <cmath>

namespace socklab {

QList<ActorState> StateMachineRenderer::statesAt(const Timeline& tl, int cursor)
{
    QHash<QString, ActorState> latest; // actor/socket -> its latest state
    QHash<QString, QString> before;    // actor/socket -> state before the latest
    QSet<QString> listeners;
    QStringList order;
    const int end = qMin(cursor, tl.size() - 1);
    for (int i = 0; i <= end; ++i) {
        const Event& e = tl.at(i);
        const StateData* s = e.state();
        if (!s || s->socket.isEmpty()) continue;
        const QString key = e.actor + '/' + s->socket;
        if (s->state == QLatin1String("LISTEN")) listeners.insert(key);
        ActorState& a = latest[key];
        if (a.state == s->state) continue; // a kernel confirmation of a derived state
        before[key] = a.state;
        a = {e.actor, s->socket, s->state, s->previous.isEmpty() ? before[key] : s->previous, s->cause,
             e.provenance == Provenance::Derived, i};
        order.removeAll(key);
        order.append(key);
    }
    QList<ActorState> out;
    QSet<QString> done;
    // Most recent first, connection sockets before listeners.
    for (int pass = 0; pass < 2; ++pass)
        for (int k = int(order.size()) - 1; k >= 0; --k) {
            const ActorState& a = latest[order[k]];
            if (done.contains(a.actor) || (pass == 0) == listeners.contains(order[k])) continue;
            done.insert(a.actor);
            out.append(a);
        }
    return out;
}

QTransform StateMachineRenderer::fit(const QRectF& target)
{
    const QSizeF s = StateMachineLayout::size();
    const qreal k = qMin(target.width() / s.width(), target.height() / s.height());
    QTransform t;
    t.translate(target.left() + (target.width() - s.width() * k) / 2, target.top() + (target.height() - s.height() * k) / 2);
    t.scale(k, k);
    return t;
}

void StateMachineRenderer::paint(QPainter& p, const QRectF& target, const Timeline& tl, int cursor,
                                 const ViewStyle& S)
{
    static const StateMachineLayout layout;
    const QList<ActorState> states = statesAt(tl, cursor);
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(target, S.background);
    p.setTransform(fit(target), true);
    // Presenter lines and type stay thick after scaling down to small views.
    const qreal k = qMax(0.35, fit(target).m11());
    const qreal lw = S.lineWidth / k * 0.75;
    QFont edgeFont = S.smallFont;
    edgeFont.setPointSizeF(qMax(7.0, S.smallFont.pointSizeF() * (S.presenter ? 0.75 : 1.0)));
    QFont nodeFont = S.stateFont;

    auto colourOf = [&](const QString& actor) { return S.actorColor(tl, actor); };
    QHash<int, QColor> hotEdges;
    for (const ActorState& a : states) {
        const int e = layout.edgeIndex(a.previous, a.state);
        if (e >= 0) {
            hotEdges.insert(e, colourOf(a.actor));
        }
    }
    auto arrowHead = [&](const QPointF& tip, const QPointF& from, const QColor& c, qreal size) {
        const qreal ang = std::atan2(tip.y() - from.y(), tip.x() - from.x());
        QPainterPath h;
        h.moveTo(tip);
        h.lineTo(tip - QPointF(std::cos(ang - 0.42) * size, std::sin(ang - 0.42) * size));
        h.lineTo(tip - QPointF(std::cos(ang + 0.42) * size, std::sin(ang + 0.42) * size));
        h.closeSubpath();
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        p.drawPath(h);
    };
    const QList<StateEdge>& edges = layout.edges();
    for (int i = 0; i < edges.size(); ++i) {
        const StateEdge& e = edges[i];
        const bool hot = hotEdges.contains(i);
        const QColor c = hot ? hotEdges[i] : S.faded(S.foreground, 0.55);
        if (hot) {
            p.setPen(QPen(S.faded(S.highlight, 0.3), lw * 4.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            p.setBrush(Qt::NoBrush);
            p.drawPolyline(e.path);
        }
        p.setPen(QPen(c, hot ? lw * 2.2 : lw, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(Qt::NoBrush);
        p.drawPolyline(e.path);
        arrowHead(e.path.last(), e.path[e.path.size() - 2], c, hot ? 16 : 11);
        QFont f = edgeFont;
        f.setBold(hot);
        p.setFont(f);
        const QFontMetricsF fm(f);
        const qreal w = fm.horizontalAdvance(e.label) + 8;
        const QRectF r(e.labelAt.x() - w / 2, e.labelAt.y() - fm.height() / 2, w, fm.height());
        p.setPen(Qt::NoPen);
        p.setBrush(hot ? S.faded(S.highlight, 0.5) : S.background);
        p.drawRoundedRect(r, 3, 3);
        p.setPen(hot ? S.foreground : S.muted);
        p.drawText(r, Qt::AlignCenter, e.label);
    }
    for (const StateNode& n : layout.nodes()) {
        QList<const ActorState*> here;
        for (const ActorState& a : states)
            if (a.state == n.state) here << &a;
        const QRectF r = n.rect;
        p.setPen(QPen(here.isEmpty() ? S.faded(S.foreground, 0.4) : colourOf(here.first()->actor),
                      here.isEmpty() ? lw : lw * 2.6,
                      !here.isEmpty() && here.first()->derived ? Qt::DashLine : Qt::SolidLine));
        p.setBrush(here.isEmpty() ? S.panel : S.faded(colourOf(here.first()->actor), 0.72));
        p.drawRoundedRect(r, 10, 10);
        QFont f = nodeFont;
        f.setItalic(!here.isEmpty() && here.first()->derived);
        p.setFont(f);
        p.setPen(S.foreground);
        p.drawText(r, Qt::AlignCenter, n.state);
        // Badges with the actor names above the node, one per actor in this state.
        qreal bx = r.left();
        for (const ActorState* a : here) {
            QFont bf = S.smallFont;
            bf.setBold(true);
            p.setFont(bf);
            const QFontMetricsF bm(bf);
            const QString name = a->actor == QLatin1String("client") ? QCoreApplication::translate("Ladder", "client")
                               : a->actor == QLatin1String("server") ? QCoreApplication::translate("Ladder", "server")
                                                                     : a->actor;
            const QString text = a->derived ? name + QStringLiteral(" *") : name;
            const QRectF b(bx, r.top() - bm.height() - 2, bm.horizontalAdvance(text) + 14, bm.height());
            p.setPen(Qt::NoPen);
            p.setBrush(colourOf(a->actor));
            p.drawRoundedRect(b, 6, 6);
            p.setPen(Qt::white);
            p.drawText(b, Qt::AlignCenter, text);
            bx = b.right() + 6;
        }
    }
    p.restore();
}

} // namespace socklab
