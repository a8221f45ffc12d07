#include "StateMachineRenderer.h"

#include "StateReadings.h"

#include "Captions.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QSet>
#include <QTransform>

#include <algorithm>
#include <cmath>

namespace socklab {

QList<ActorState> StateMachineRenderer::statesAt(const Timeline& tl, int cursor)
{
    QHash<QString, ActorState> latest; // actor/socket -> its latest state
    QHash<QString, QString> before;    // actor/socket -> state before the latest
    QSet<QString> listeners;
    QStringList order;
    const int end = qMin(cursor, tl.size() - 1);
    // No state goes backwards, UDP has no TCP state to show: only transitions count.
    const QList<int> transitions = StateReadings::transitions(tl);
    for (auto it = transitions.begin(); it != transitions.end() && *it <= end; ++it) {
        const int i = *it;
        const Event& e = tl.at(i);
        const StateData* s = e.state();
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
    // The geometry stretches to the pane (up to 1.6 times taller than wide, so a
    // tall right third is used, not left empty); the text is sized on screen.
    const QSizeF s = StateMachineLayout::size();
    const qreal kx = qMin(target.width() / s.width(), target.height() / s.height() * 1.6);
    const qreal ky = qMin(target.height() / s.height(), kx * 1.6);
    QTransform t;
    t.translate(target.left() + (target.width() - s.width() * kx) / 2, target.top() + (target.height() - s.height() * ky) / 2);
    t.scale(kx, ky);
    return t;
}

qreal StateMachineRenderer::minimumTextPx(const ViewStyle& S) { return S.presenter ? 14.0 : 11.0; }

namespace {

// A font of `px` pixels (never below the style's floor): the diagram's text is
// sized on screen, not scaled down with its geometry.
QFont pixelFont(QFont f, qreal naturalPt, qreal k, qreal minPx)
{
    const qreal px = qMax(minPx, naturalPt * 96.0 / 72.0 * k);
    f.setPixelSize(qMax(1, int(std::ceil(px))));
    return f;
}

// Where the segment from `outside` to `inside` enters the rectangle.
QPointF entryPoint(const QRectF& r, const QPointF& outside, const QPointF& inside)
{
    if (!r.contains(inside) || r.contains(outside)) return inside;
    QPointF a = outside, b = inside;
    for (int i = 0; i < 24; ++i) {
        const QPointF m = (a + b) / 2;
        (r.contains(m) ? b : a) = m;
    }
    return a;
}

} // namespace

QList<StateMachineText> StateMachineRenderer::texts(const QRectF& target, const Timeline& tl, int cursor,
                                                    const ViewStyle& S)
{
    QList<StateMachineText> out;
    paintOrMeasure(nullptr, target, tl, cursor, S, &out);
    return out;
}

void StateMachineRenderer::paint(QPainter& p, const QRectF& target, const Timeline& tl, int cursor,
                                 const ViewStyle& S)
{
    paintOrMeasure(&p, target, tl, cursor, S, nullptr);
}

void StateMachineRenderer::paintOrMeasure(QPainter* painter, const QRectF& target, const Timeline& tl, int cursor,
                                          const ViewStyle& S, QList<StateMachineText>* texts)
{
    static const StateMachineLayout layout;
    const QList<ActorState> states = statesAt(tl, cursor);
    const QTransform T = fit(target);
    const qreal k = qMin(T.m11(), T.m22());
    const qreal minPx = minimumTextPx(S);
    const qreal lw = qMax(1.2, S.lineWidth * qMin(1.0, k * 1.6));
    QFont edgeFont = pixelFont(S.smallFont, S.smallFont.pointSizeF() * (S.presenter ? 0.75 : 1.0), k, minPx);
    QFont nodeFont = pixelFont(S.stateFont, S.stateFont.pointSizeF(), k, minPx);
    QFont badgeFont = pixelFont(S.smallFont, S.smallFont.pointSizeF(), k, minPx);
    badgeFont.setBold(true);

    // Node boxes on screen: the layout's box, grown to hold its name in the on-screen font.
    QHash<QString, QRectF> boxes;
    {
        QFont f = nodeFont;
        f.setItalic(true); // the widest variant
        const QFontMetricsF fm(f);
        for (const StateNode& n : layout.nodes()) {
            const QRectF r = T.mapRect(n.rect);
            const qreal w = qMax(r.width(), fm.horizontalAdvance(n.state) + 12);
            const qreal h = qMax(r.height(), fm.height() + 8);
            boxes.insert(n.state, QRectF(r.center().x() - w / 2, r.center().y() - h / 2, w, h));
        }
    }
    auto note = [&](const QRectF& r, const QFont& f, const QString& text, int kind) {
        if (texts) texts->append({r, qreal(f.pixelSize()), text, kind});
    };

    if (painter) {
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->fillRect(target, S.background);
    }
    auto colourOf = [&](const QString& actor) { return S.actorColor(tl, actor); };
    // The actor badges above the nodes, one per actor in a state: placed before
    // the transition labels so that a label moves out of a badge's way (in a
    // short pane "rcv FIN / snd ACK" sits right where the TIME_WAIT badge goes).
    struct Badge {
        QRectF rect;
        QString text;
        QString actor;
    };
    QList<Badge> badges;
    {
        const QFontMetricsF bm(badgeFont);
        for (const StateNode& n : layout.nodes()) {
            const QRectF r = boxes.value(n.state);
            qreal bx = r.left();
            for (const ActorState& a : states) {
                if (a.state != n.state) continue;
                const QString name = actorTitle(a.actor);
                const QString text = a.derived ? name + QStringLiteral(" *") : name;
                QRectF b(bx, r.top() - bm.height() - 2, bm.horizontalAdvance(text) + 14, bm.height());
                if (b.right() > target.right() - 2) b.moveRight(target.right() - 2);
                if (b.top() < target.top() + 2) b.moveTop(r.bottom() + 2); // CLOSED at the top of a short pane
                // Not over another node's badge or name (a squat pane): below its own node, else further right.
                auto hits = [&](const QRectF& c) {
                    for (const Badge& o : std::as_const(badges))
                        if (o.rect.intersects(c)) return true;
                    for (auto it = boxes.cbegin(); it != boxes.cend(); ++it)
                        if (it.key() != n.state && it.value().intersects(c)) return true;
                    return false;
                };
                if (hits(b)) {
                    QRectF below = b;
                    below.moveTop(r.bottom() + 2);
                    if (!hits(below) && target.contains(below)) b = below;
                    else
                        for (int k = 0; k < 12 && hits(b) && b.right() + 8 < target.right() - 2; ++k) b.translate(8, 0);
                }
                badges.append({b, text, a.actor});
                bx = b.right() + 6;
            }
        }
    }
    QList<QRectF> taken; // what a transition label must not cover: node boxes, badges, other labels
    for (const QRectF& b : std::as_const(boxes)) taken << b;
    for (const Badge& b : std::as_const(badges)) taken << b.rect;
    auto clear = [&](const QRectF& r) {
        if (!target.adjusted(2, 2, -2, -2).contains(r)) return false;
        return std::none_of(taken.cbegin(), taken.cend(), [&](const QRectF& t) { return t.intersects(r); });
    };
    QHash<int, QColor> hotEdges;
    for (const ActorState& a : states) {
        const int e = layout.edgeIndex(a.previous, a.state);
        if (e >= 0) hotEdges.insert(e, colourOf(a.actor));
    }
    auto arrowHead = [&](const QPointF& tip, const QPointF& from, const QColor& c, qreal size) {
        if (!painter) return;
        const qreal ang = std::atan2(tip.y() - from.y(), tip.x() - from.x());
        QPainterPath h;
        h.moveTo(tip);
        h.lineTo(tip - QPointF(std::cos(ang - 0.42) * size, std::sin(ang - 0.42) * size));
        h.lineTo(tip - QPointF(std::cos(ang + 0.42) * size, std::sin(ang + 0.42) * size));
        h.closeSubpath();
        painter->setPen(Qt::NoPen);
        painter->setBrush(c);
        painter->drawPath(h);
    };
    const QList<StateEdge>& edges = layout.edges();
    struct LabelDraw {
        QRectF rect;
        QFont font;
        QString text;
        bool hot;
    };
    QList<LabelDraw> labelDraws;
    for (int i = 0; i < edges.size(); ++i) {
        const StateEdge& e = edges[i];
        const bool hot = hotEdges.contains(i);
        const QColor c = hot ? hotEdges[i] : S.faded(S.foreground, 0.55);
        QPolygonF path = T.map(e.path);
        const int n = int(path.size());
        path[n - 1] = entryPoint(boxes.value(e.to), path[n - 2], path[n - 1]);
        if (painter) {
            if (hot) {
                painter->setPen(QPen(S.faded(S.highlight, 0.3), lw * 4.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
                painter->setBrush(Qt::NoBrush);
                painter->drawPolyline(path);
            }
            painter->setPen(QPen(c, hot ? lw * 2.2 : lw, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            painter->setBrush(Qt::NoBrush);
            painter->drawPolyline(path);
        }
        arrowHead(path.last(), path[n - 2], c, qMax(8.0, (hot ? 16 : 11) * k * 1.4));
    }
    // The labels, the lit transitions' first: in a narrow pane (a 1024x768
    // projector's right third) not every label finds a free place, and the one
    // the lesson is at must. A faded label with no free place is left out
    // rather than drawn over another text.
    QList<int> labelOrder;
    for (int i = 0; i < edges.size(); ++i)
        if (hotEdges.contains(i)) labelOrder << i;
    for (int i = 0; i < edges.size(); ++i)
        if (!hotEdges.contains(i)) labelOrder << i;
    for (int i : std::as_const(labelOrder)) {
        const StateEdge& e = edges[i];
        const bool hot = hotEdges.contains(i);
        // The label in the on-screen font; split at " / " when it would be wider than a box.
        QFont f = edgeFont;
        f.setBold(hot);
        const QFontMetricsF fm(f);
        QString text = e.label;
        if (fm.horizontalAdvance(text) + 8 > 172 * k * 1.15 && text.contains(QLatin1String(" / ")))
            text.replace(QLatin1String(" / "), QLatin1String("\n"));
        const QStringList lines = text.split('\n');
        qreal w = 0;
        for (const QString& l : lines) w = qMax(w, fm.horizontalAdvance(l) + 8);
        const qreal h = fm.height() * lines.size();
        const QPointF at = T.map(e.labelAt);
        QRectF r(at.x() - w / 2, at.y() - h / 2, w, h);
        // Never cut at the pane's edge ("rcv ACK of FIN" on the right).
        if (r.right() > target.right() - 2) r.moveRight(target.right() - 2);
        if (r.left() < target.left() + 2) r.moveLeft(target.left() + 2);
        if (!clear(r)) {
            // Beside its line, then up or down: the nearest place that covers nothing,
            // else (a lit label) the one that covers least.
            QRectF best = r;
            qreal bestCost = 1e18, bestCovered = 0;
            const qreal stepX = w / 4 + 2, stepY = h / 4;
            for (int ix = -14; ix <= 14; ++ix)
                for (int iy = -14; iy <= 14; ++iy) {
                    const QRectF c = r.translated(ix * stepX, iy * stepY);
                    if (!target.adjusted(2, 2, -2, -2).contains(c)) continue;
                    qreal covered = 0;
                    for (const QRectF& t : std::as_const(taken)) {
                        const QRectF x = t.intersected(c);
                        if (!x.isEmpty()) covered += x.width() * x.height();
                    }
                    const qreal cost = covered * 1000 + std::hypot(ix * stepX, iy * stepY);
                    if (cost < bestCost) bestCost = cost, best = c, bestCovered = covered;
                }
            if (bestCovered > 0 && !hot) continue;
            r = best;
        }
        taken << r;
        labelDraws.append({r, f, text, hot});
        note(r, f, e.label, 1);
    }
    // The labels after every line: a later line (the lit LAST_ACK → CLOSED path)
    // must not run through an earlier edge's label ("close / snd FI").
    if (painter)
        for (const LabelDraw& d : std::as_const(labelDraws)) {
            painter->setFont(d.font);
            painter->setPen(Qt::NoPen);
            painter->setBrush(d.hot ? S.faded(S.highlight, 0.5) : S.background);
            painter->drawRoundedRect(d.rect, 3, 3);
            painter->setPen(d.hot ? S.foreground : S.muted);
            painter->drawText(d.rect, Qt::AlignCenter, d.text);
        }
    for (const StateNode& n : layout.nodes()) {
        QList<const ActorState*> here;
        for (const ActorState& a : states)
            if (a.state == n.state) here << &a;
        const QRectF r = boxes.value(n.state);
        QFont f = nodeFont;
        f.setItalic(!here.isEmpty() && here.first()->derived);
        if (painter) {
            painter->setPen(QPen(here.isEmpty() ? S.faded(S.foreground, 0.4) : colourOf(here.first()->actor),
                                 here.isEmpty() ? lw : lw * 2.6,
                                 !here.isEmpty() && here.first()->derived ? Qt::DashLine : Qt::SolidLine));
            painter->setBrush(here.isEmpty() ? S.panel : S.faded(colourOf(here.first()->actor), 0.72));
            painter->drawRoundedRect(r, 8, 8);
            painter->setFont(f);
            painter->setPen(S.foreground);
            painter->drawText(r, Qt::AlignCenter, n.state);
        }
        note(r, f, n.state, 0);
    }
    // The badges last: on top of the lines that run past them.
    for (const Badge& b : std::as_const(badges)) {
        if (painter) {
            painter->setFont(badgeFont);
            painter->setPen(Qt::NoPen);
            painter->setBrush(colourOf(b.actor));
            painter->drawRoundedRect(b.rect, 6, 6);
            painter->setPen(Qt::white);
            painter->drawText(b.rect, Qt::AlignCenter, b.text);
        }
        note(b.rect, badgeFont, b.text, 2);
    }
    if (painter) painter->restore();
}

} // namespace socklab
