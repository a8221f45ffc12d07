#include "BuffersRenderer.h"

#include "BuffersLayout.h"
#include "Captions.h"
#include "Timeline.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QImage>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <QPainterPath>

namespace socklab {

namespace {

QString seconds(qint64 us) { return QString::number(double(us) / 1e6, 'f', 2); }

struct Painter {
    QPainter& p;
    const Timeline& tl;
    const ViewStyle& st;
    qreal s; // st.scale
    QList<BuffersText>* record = nullptr; // buffersTexts(): where each text's ink went

    void text(const QRectF& r, int flags, const QString& t, const QFont& f, const QColor& c)
    {
        p.setFont(f);
        p.setPen(c);
        const QString shown = QFontMetricsF(f).elidedText(t, Qt::ElideRight, r.width());
        QRectF drawn;
        p.drawText(r, flags, shown, &drawn);
        if (record && !shown.isEmpty()) record->append({drawn.intersected(r), shown});
    }

    void arrow(QPointF a, QPointF b, const QColor& c, qreal w)
    {
        p.setPen(QPen(c, w, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(a, b);
        const qreal h = 7 * s;
        QPainterPath head;
        head.moveTo(b);
        head.lineTo(b.x() - h, b.y() - h * 0.6);
        head.lineTo(b.x() - h, b.y() + h * 0.6);
        head.closeSubpath();
        p.fillPath(head, c);
    }

    void program(const QRectF& r, const EndpointBuffers* ep, bool blockedSend)
    {
        if (!ep) return;
        const QColor c = st.actorColor(tl, ep->actor);
        p.setPen(QPen(blockedSend ? st.errorColor() : c, blockedSend ? st.highlightWidth : st.lineWidth));
        p.setBrush(st.faded(c, 0.85));
        p.drawRoundedRect(r, 6 * s, 6 * s);
        const qreal lh = QFontMetricsF(st.headerFont).height();
        text(QRectF(r.left() + 4, r.top() + 4 * s, r.width() - 8, lh), Qt::AlignCenter, actorTitle(ep->actor), st.headerFont,
             st.foreground);
        text(QRectF(r.left() + 4, r.top() + 4 * s + lh, r.width() - 8, lh), Qt::AlignCenter,
             QCoreApplication::translate("BuffersView", "%1 :%2").arg(ep->socket).arg(ep->localPort), st.smallFont, st.muted);
        text(QRectF(r.left() + 4, r.top() + 4 * s + 2 * lh, r.width() - 8, lh), Qt::AlignCenter, QCoreApplication::translate("BuffersView", "(program)"),
             st.smallFont, st.muted);
    }

    // A queue as a capacity bar: coloured runs of bytes, the unsent tail hatched.
    void bar(const QRectF& r, const QueueBar& q, const QString& title, bool zeroWindowHere)
    {
        const qreal lh = QFontMetricsF(st.labelFont).height();
        text(QRectF(r.left(), r.top() - lh - 3 * s, r.width(), lh), Qt::AlignLeft | Qt::AlignBottom, title,
             st.presenter ? st.smallFont : st.labelFont, st.foreground);
        p.setPen(Qt::NoPen);
        p.setBrush(st.panel);
        p.drawRect(r);
        const qreal cap = q.capacity > 0 ? qreal(q.capacity) : qreal(qMax<qint64>(1, q.used));
        qreal x = r.left();
        for (const QueuePart& part : q.parts) {
            const qreal w = r.width() * qMin<qreal>(1.0, qreal(part.bytes) / cap);
            const QRectF pr(x, r.top(), qMin(w, r.right() - x), r.height());
            const QColor c = sendCallColor(st, part.sendIndex);
            p.fillRect(pr, part.unsent ? st.faded(c, 0.45) : c);
            if (part.unsent) p.fillRect(pr, QBrush(st.faded(st.foreground, 0.3), Qt::BDiagPattern));
            p.setPen(QPen(st.background, 1));
            p.drawLine(QPointF(pr.right(), pr.top()), QPointF(pr.right(), pr.bottom()));
            x += w;
        }
        // With the window closed, what is left of the buffer is no room for data.
        if (zeroWindowHere && x < r.right())
            p.fillRect(QRectF(x, r.top(), r.right() - x, r.height()), QBrush(st.faded(st.errorColor(), 0.5), Qt::Dense6Pattern));
        const bool full = q.full() || zeroWindowHere;
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(full ? st.errorColor() : st.muted, full ? st.highlightWidth : st.lineWidth));
        p.drawRect(r);
        QString foot;
        if (!q.known()) foot = QCoreApplication::translate("BuffersView", "not measured yet");
        else if (q.derived) foot = QCoreApplication::translate("BuffersView", "≈ %1 B of %2 B (from the segments)").arg(q.used).arg(q.capacity);
        else if (q.capacity > 0) foot = QCoreApplication::translate("BuffersView", "%1 B of %2 B").arg(q.used).arg(q.capacity);
        else foot = QCoreApplication::translate("BuffersView", "%1 B").arg(q.used);
        text(QRectF(r.left(), r.bottom() + 3 * s, r.width(), lh), Qt::AlignLeft | Qt::AlignTop, foot, st.labelFont,
             full ? st.errorColor() : st.foreground);
    }
};

} // namespace

QColor sendCallColor(const ViewStyle& st, int index)
{
    if (index < 0) return st.derivedColor();
    // Well-separated hues, saturated enough to read on light and dark backgrounds.
    static const int hues[] = {210, 28, 135, 280, 350, 55, 180, 95};
    return QColor::fromHsv(hues[index % 8], st.dark ? 140 : 170, st.dark ? 235 : 215);
}

namespace {

// What one direction's lane needs above and below its centre line so that
// every text of it has its own room.
struct LaneExtent {
    qreal above, below;
};

LaneExtent laneExtent(const ViewStyle& st)
{
    const qreal s = st.scale;
    const qreal sh = QFontMetricsF(st.labelFont).height(), hh = QFontMetricsF(st.headerFont).height();
    const qreal stateH = QFontMetricsF(st.stateFont).height();
    const qreal barHalf = 23 * s, boxHalf = hh * 1.7;
    return {std::max({2 * sh + 4 * s, barHalf + 3 * s + sh, boxHalf}),
            std::max({3 * sh + 4 * s, qMax(boxHalf + 4 * s, barHalf + 5 * s + 2 * sh) + 1.2 * stateH})};
}

// The least height of a lane: with its centre line at 0.45 of it, or, compact,
// just where its upper parts end.
qreal laneMinimum(const ViewStyle& st, bool compact)
{
    const LaneExtent e = laneExtent(st);
    return compact ? e.above + e.below : std::max(e.above / 0.45, e.below / 0.55);
}

// Margins and title; unless compact also the subtitle and the legend of send() colours.
qreal chromeHeight(const ViewStyle& st, bool compact)
{
    const qreal s = st.scale;
    const qreal h = 2 * (compact ? 8 : 16) * s + QFontMetricsF(st.headerFont).height() + 10 * s;
    return compact ? h : h + QFontMetricsF(st.labelFont).height() + QFontMetricsF(st.smallFont).height() * 2.2;
}

} // namespace

qreal buffersNaturalHeight(const ViewStyle& st, int lanes, bool compact)
{
    return std::ceil(chromeHeight(st, compact) + qMax(1, lanes) * laneMinimum(st, compact));
}

namespace {
void paintBuffersRecording(QPainter& qp, const QRectF& area, const Timeline& tl, int cursor, const ViewStyle& st,
                           QList<BuffersText>* record);
} // namespace

void paintBuffers(QPainter& qp, const QRectF& area, const Timeline& tl, int cursor, const ViewStyle& st)
{
    paintBuffersRecording(qp, area, tl, cursor, st, nullptr);
}

QList<BuffersText> buffersTexts(const QRectF& area, const Timeline& tl, int cursor, const ViewStyle& style)
{
    QList<BuffersText> out;
    QImage scratch(qMax(1, int(area.right()) + 1), qMax(1, int(area.bottom()) + 1), QImage::Format_ARGB32_Premultiplied);
    QPainter p(&scratch);
    paintBuffersRecording(p, area, tl, cursor, style, &out);
    return out;
}

namespace {
void paintBuffersRecording(QPainter& qp, const QRectF& area, const Timeline& tl, int cursor, const ViewStyle& st,
                           QList<BuffersText>* record)
{
    const BuffersModel m = buffersAt(tl, cursor);
    qp.save();
    qp.fillRect(area, st.background);
    qp.setRenderHint(QPainter::Antialiasing);
    Painter p{qp, tl, st, st.scale, record};
    // Shorter than the whole picture needs (large type in a projector's pane):
    // the subtitle and the colour legend give way before any text overlaps.
    const bool compact = area.height() < buffersNaturalHeight(st, 1, false);
    const qreal margin = (compact ? 8 : 16) * st.scale;
    const QRectF inner = area.adjusted(margin, margin, -margin, -margin);
    if (m.endpoints.isEmpty()) {
        p.text(inner, Qt::AlignCenter, QCoreApplication::translate("BuffersView", "No connection yet: each connected socket gets a send buffer and a receive buffer."),
               st.labelFont, st.muted);
        qp.restore();
        return;
    }

    // The lesson's point, on top.
    const qreal th = QFontMetricsF(st.headerFont).height();
    p.text(QRectF(inner.left(), inner.top(), inner.width(), th), Qt::AlignHCenter | Qt::AlignTop,
           QCoreApplication::translate("BuffersView", "send() only copies into the send buffer; recv() only takes from the receive buffer"), st.headerFont,
           st.foreground);
    const qreal sh = QFontMetricsF(st.labelFont).height();
    const qreal subH = compact ? 0 : sh;
    if (!compact)
        p.text(QRectF(inner.left(), inner.top() + th, inner.width(), sh), Qt::AlignHCenter | Qt::AlignTop,
               QCoreApplication::translate("BuffersView", "program → send buffer → network → receive buffer → program; the kernels move the bytes"),
               st.labelFont, st.muted);

    const int a = 0, b = m.peerOf(0);
    const EndpointBuffers* epA = &m.endpoints[a];
    const EndpointBuffers* epB = b >= 0 ? &m.endpoints[b] : nullptr;
    // Too short for both directions without texts running into each other (a
    // projector's pane under large type): only the direction that carries the
    // data, the one whose sender has made send() calls.
    bool bothLanes = epB != nullptr;
    if (epB && area.height() < buffersNaturalHeight(st, 2, false)) {
        if (epA->sends.isEmpty() && !epB->sends.isEmpty()) std::swap(epA, epB);
        if (epB->sends.isEmpty()) bothLanes = false;
    }
    const qreal legendH = compact ? 0 : QFontMetricsF(st.smallFont).height() * 2.2;
    const qreal top = inner.top() + th + subH + 10 * st.scale;
    const qreal laneH = (inner.bottom() - legendH - top) / (bothLanes ? 2 : 1);

    // One lane per direction: sender program, its send buffer, the wire, the receiver's buffer and program.
    auto lane = [&](const EndpointBuffers* from, const EndpointBuffers* to, qreal y0) {
        const qreal w = inner.width();
        const qreal boxW = w * 0.11, gapW = w * 0.055, barW = w * 0.26, wireW = w - 2 * boxW - 2 * gapW - 2 * barW;
        const qreal barH = qMin(laneH * 0.3, 46 * st.scale);
        const qreal cy = y0 + (compact ? qMin(laneH * 0.45, laneExtent(st).above) : laneH * 0.45);
        const qreal boxH = qMin(laneH * 0.62, QFontMetricsF(st.headerFont).height() * 3.4);
        qreal x = inner.left();
        const QRectF fromBox(x, cy - boxH / 2, boxW, boxH);
        x += boxW + gapW;
        const QRectF sendBar(x, cy - barH / 2, barW, barH);
        x += barW;
        const QRectF wire(x, cy - barH / 2, wireW, barH);
        x += wireW;
        const QRectF recvBar(x, cy - barH / 2, barW, barH);
        x += barW + gapW;
        const QRectF toBox(x, cy - boxH / 2, boxW, boxH);

        const bool zeroWin = to && to->zeroWindow();
        p.program(fromBox, from, from->sendBlocked);
        p.program(toBox, to, false);
        p.arrow({fromBox.right() + 3, cy}, {sendBar.left() - 3, cy}, st.foreground, st.lineWidth);
        p.text(QRectF(fromBox.right(), cy - sh - 2, gapW, sh), Qt::AlignCenter, QStringLiteral("send()"), st.smallFont,
               st.foreground);
        if (to) {
            p.arrow({recvBar.right() + 3, cy}, {toBox.left() - 3, cy}, st.foreground, st.lineWidth);
            p.text(QRectF(recvBar.right(), cy - sh - 2, gapW, sh), Qt::AlignCenter, QStringLiteral("recv()"),
                   st.smallFont, st.foreground);
        }
        p.bar(sendBar, from->sendQueue, QCoreApplication::translate("BuffersView", "%1 send buffer (SO_SNDBUF)").arg(actorTitle(from->actor)), false);
        if (from->sendQueue.known() && from->sendQueue.used > 0) {
            const qint64 unacked = from->sendQueue.used - from->sendQueue.unsent;
            p.text(QRectF(sendBar.left(), sendBar.bottom() + 3 * st.scale + sh, sendBar.width(), sh),
                   Qt::AlignLeft | Qt::AlignTop,
                   QCoreApplication::translate("BuffersView", "%1 B sent, not yet acknowledged · %2 B not yet sent").arg(unacked).arg(from->sendQueue.unsent),
                   st.smallFont, st.muted);
        }
        if (to) {
            p.bar(recvBar, to->recvQueue, QCoreApplication::translate("BuffersView", "%1 receive buffer (SO_RCVBUF)").arg(actorTitle(to->actor)), zeroWin);
            p.text(QRectF(recvBar.left(), recvBar.bottom() + 3 * st.scale + sh, recvBar.width(), sh),
                   Qt::AlignLeft | Qt::AlignTop, QCoreApplication::translate("BuffersView", "%1 B taken by recv() so far").arg(to->received), st.smallFont,
                   st.muted);
        }

        // The wire: the window the receiver advertised in its latest ACK, and the sender's probes.
        const qreal wx0 = wire.left() + 8 * st.scale, wx1 = wire.right() - 8 * st.scale;
        p.arrow({wx0, cy}, {wx1, cy}, st.muted, st.lineWidth);
        const QRectF above(wire.left(), cy - 2 * sh - 4 * st.scale, wire.width(), 2 * sh);
        if (to && to->window >= 0)
            p.text(above, Qt::AlignHCenter | Qt::AlignBottom, zeroWin ? QCoreApplication::translate("BuffersView", "window 0: stop!") : QCoreApplication::translate("BuffersView", "window %1 B").arg(to->window),
                   zeroWin ? st.headerFont : st.labelFont, zeroWin ? st.errorColor() : st.foreground);
        else
            p.text(above, Qt::AlignHCenter | Qt::AlignBottom, QCoreApplication::translate("BuffersView", "no ACK yet"), st.labelFont, st.muted);
        const QRectF below(wire.left(), cy + 4 * st.scale, wire.width(), sh);
        if (to)
            p.text(below, Qt::AlignHCenter | Qt::AlignTop, QCoreApplication::translate("BuffersView", "advertised by %1").arg(actorTitle(to->actor)), st.smallFont, st.muted);
        if (!from->probes.isEmpty()) {
            QStringList at;
            for (const ZeroWindowProbe& z : from->probes)
                at << seconds(z.tUs);
            const QRectF pr(wire.left(), cy + 4 * st.scale + sh, wire.width(), 2 * sh);
            p.text(QRectF(pr.left(), pr.top(), pr.width(), sh), Qt::AlignHCenter | Qt::AlignTop,
                   QCoreApplication::translate("BuffersView", "%n zero-window probe(s)", nullptr, int(from->probes.size())), st.labelFont, st.errorColor());
            p.text(QRectF(pr.left(), pr.top() + sh, pr.width(), sh), Qt::AlignHCenter | Qt::AlignTop,
                   QCoreApplication::translate("BuffersView", "at %1 s").arg(at.join(QStringLiteral(", "))), st.smallFont, st.errorColor());
            // One dot per probe on the wire.
            qp.setPen(Qt::NoPen);
            qp.setBrush(st.errorColor());
            for (int i = 0; i < from->probes.size() && i < 12; ++i)
                qp.drawEllipse(QPointF(wx0 + (wx1 - wx0) * (i + 1) / (qMin<int>(12, from->probes.size()) + 1), cy),
                               3.5 * st.scale, 3.5 * st.scale);
        }
        if (from->sendBlocked)
            // Under the box, and under the send buffer's own lines, which it spans.
            p.text(QRectF(fromBox.left(), qMax(fromBox.bottom() + 4 * st.scale, sendBar.bottom() + 5 * st.scale + 2 * sh),
                          sendBar.right() - fromBox.left(), sh * 1.2),
                   Qt::AlignLeft | Qt::AlignTop, QCoreApplication::translate("BuffersView", "send() blocked — send buffer full"), st.stateFont, st.errorColor());
    };
    lane(epA, epB, top);
    if (bothLanes) lane(epB, epA, top + laneH);

    if (compact) {
        qp.restore();
        return;
    }
    // Legend: which colour is which send() call.
    const EndpointBuffers& sender = *epA;
    qreal lx = inner.left();
    const qreal ly = inner.bottom() - legendH * 0.6;
    const QFontMetricsF fm(st.smallFont);
    for (int i = 0; i < sender.sends.size() && i < 8; ++i) {
        const SendCallRange& r = sender.sends[i];
        const QString label = r.finished() ? QCoreApplication::translate("BuffersView", "send #%1: %2 of %3 B copied").arg(i + 1).arg(r.end - r.begin).arg(r.requested)
                                           : QCoreApplication::translate("BuffersView", "send #%1: %2 B, still copying").arg(i + 1).arg(r.requested);
        const qreal w = 16 * st.scale + fm.horizontalAdvance(label) + 18 * st.scale;
        if (lx + w > inner.right()) break;
        qp.fillRect(QRectF(lx, ly - 5 * st.scale, 12 * st.scale, 10 * st.scale), sendCallColor(st, i));
        p.text(QRectF(lx + 16 * st.scale, ly - fm.height() / 2, w, fm.height()), Qt::AlignLeft | Qt::AlignVCenter, label,
               st.smallFont, st.foreground);
        lx += w;
    }
    qp.fillRect(QRectF(lx, ly - 5 * st.scale, 12 * st.scale, 10 * st.scale), QBrush(st.muted, Qt::BDiagPattern));
    p.text(QRectF(lx + 16 * st.scale, ly - fm.height() / 2, inner.right() - lx, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
           QCoreApplication::translate("BuffersView", "hatched: not yet sent"), st.smallFont, st.foreground);
    qp.restore();
}
} // namespace

} // namespace socklab
