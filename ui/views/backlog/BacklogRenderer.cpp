#include "BacklogRenderer.h"

#include "Captions.h"

#include "BacklogLayout.h"
#include "BuffersRenderer.h"
#include "Timeline.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QImage>
#include <QPainter>

#include <algorithm>
#include <iterator>

namespace socklab {

namespace {

QList<BacklogText>* g_record = nullptr; // set by backlogTexts() for one call, on the calling thread

void text(QPainter& p, const QRectF& r, int flags, const QString& t, const QFont& f, const QColor& c)
{
    p.setFont(f);
    p.setPen(c);
    QRectF drawn;
    const QString shown = QFontMetricsF(f).elidedText(t, Qt::ElideRight, r.width());
    p.drawText(r, flags, shown, &drawn);
    if (g_record && !shown.isEmpty()) g_record->append({drawn.intersected(r), shown});
}

// The seconds between two ticks of the time axis: the smallest round step whose
// labels ("12.5 s") stand apart; 0.5 s ticks over a 4 s axis in a narrow
// presenter pane ran into one smear.
qint64 tickStepUs(qint64 spanUs, qreal axisPx, qreal labelPx)
{
    static const qint64 steps[] = {100000,   200000,   500000,    1000000,   2000000,  5000000,
                                   10000000, 20000000, 30000000,  60000000,  120000000, 300000000, 600000000};
    for (qint64 s : steps)
        if (axisPx * qreal(s) / qreal(qMax<qint64>(1, spanUs)) >= labelPx) return s;
    return steps[std::size(steps) - 1];
}

QString attemptName(const ConnectionAttempt& a)
{
    return a.client.isEmpty() ? QStringLiteral(":%1").arg(a.clientPort)
                              : QStringLiteral("%1 :%2").arg(actorTitle(a.client)).arg(a.clientPort);
}

// Sizes of the view's parts; compact (a short pane): tighter margins, no heading over the SYNs.
struct Metrics {
    bool compact;
    qreal s, margin, th, lh, sh, boxH;
    Metrics(const ViewStyle& st, bool compact)
        : compact(compact), s(st.scale), margin((compact ? 8 : 16) * st.scale), th(QFontMetricsF(st.headerFont).height()),
          lh(QFontMetricsF(st.labelFont).height()), sh(QFontMetricsF(st.smallFont).height()),
          // The listener's box holds its name and two small lines.
          boxH(qMax(6 * st.scale + th + 2 * QFontMetricsF(st.smallFont).height() * 1.15 + 6 * st.scale, 64 * st.scale))
    {
    }
    qreal countGap() const { return (compact ? 6 : 18) * s; }
    qreal queueBlock() const { return th + 12 * s + boxH + 6 * s + lh + countGap(); } // title, slots, count
    qreal minRow() const { return qMax(lh * 1.1, sh * 2 + 12 * s + 2); }
    qreal synHeading() const { return compact ? 0 : lh + 8 * s; }
    qreal axis() const { return sh + 6 * s; }
};

} // namespace

qreal backlogNaturalHeight(const ViewStyle& st, bool compact)
{
    // The queue, then the SYNs' heading, one connection's row and the time axis.
    const Metrics k(st, compact);
    return 2 * k.margin + k.queueBlock() + k.synHeading() + k.minRow() + k.axis() + 4 * k.s;
}

QList<BacklogText> backlogTexts(const QRectF& area, const Timeline& tl, int cursor, const ViewStyle& style)
{
    QList<BacklogText> out;
    QImage scratch(qMax(1, int(area.right()) + 1), qMax(1, int(area.bottom()) + 1), QImage::Format_ARGB32_Premultiplied);
    QPainter p(&scratch);
    g_record = &out;
    paintBacklog(p, area, tl, cursor, style);
    g_record = nullptr;
    return out;
}

void paintBacklog(QPainter& p, const QRectF& area, const Timeline& tl, int cursor, const ViewStyle& st)
{
    const BacklogModel m = backlogAt(tl, cursor);
    // The whole run fixes the rows and the time axis, so nothing jumps while stepping.
    const BacklogModel all = backlogAt(tl, tl.size() - 1);
    p.save();
    p.fillRect(area, st.background);
    p.setRenderHint(QPainter::Antialiasing);
    const Metrics k(st, area.height() < backlogNaturalHeight(st, false));
    const qreal s = k.s, margin = k.margin;
    const QRectF inner = area.adjusted(margin, margin, -margin, -margin);
    if (all.listener.isEmpty()) {
        text(p, inner, Qt::AlignCenter, QCoreApplication::translate("BacklogView", "No listening socket in this run."), st.labelFont, st.muted);
        p.restore();
        return;
    }
    const qreal th = k.th, lh = k.lh, sh = k.sh;
    qreal y = inner.top();
    const QString title = m.backlog >= 0
        ? QCoreApplication::translate("BacklogView", "listen(%1): the accept queue holds %2 finished connections (Linux allows backlog + 1)")
              .arg(m.backlog).arg(m.slotCount())
        : QCoreApplication::translate("BacklogView", "The accept queue appears once the server calls listen().");
    text(p, QRectF(inner.left(), y, inner.width(), th), Qt::AlignLeft | Qt::AlignTop, title, st.headerFont, st.foreground);
    y += th + 12 * s;
    // Where the SYNs' time axis goes: under the queue where the pane is tall
    // enough, else beside it (a projector's short, wide lesson pane), else nowhere.
    const qreal needed = k.synHeading() + k.minRow() + 4 * s + k.axis();
    const bool below = inner.top() + k.queueBlock() + needed <= inner.bottom();
    const qreal sideW = inner.width() * 0.4;
    const bool side = !below && sideW >= 280 * s && y + k.minRow() + 4 * s + k.axis() <= inner.bottom();
    const qreal queueRight = side ? inner.right() - sideW - 16 * s : inner.right();
    const qreal synTop = y;

    // The listener and its accept queue, as slots.
    const QColor listenerColor = st.actorColor(tl, all.listener);
    const qreal boxW = qMin(inner.width() * 0.2, 220 * s), boxH = k.boxH;
    const QRectF box(inner.left(), y, boxW, boxH);
    p.setPen(QPen(listenerColor, st.lineWidth));
    p.setBrush(st.faded(listenerColor, 0.85));
    p.drawRoundedRect(box, 6 * s, 6 * s);
    text(p, QRectF(box.left() + 6, box.top() + 6 * s, boxW - 12, th), Qt::AlignCenter, actorTitle(all.listener),
         st.headerFont, st.foreground);
    const qreal line = sh * 1.15;
    text(p, QRectF(box.left() + 6, box.top() + 6 * s + th, boxW - 12, line), Qt::AlignCenter,
         m.closed ? QCoreApplication::translate("BacklogView", "%1 :%2 closed").arg(all.socket).arg(all.port)
                  : QCoreApplication::translate("BacklogView", "%1 :%2 LISTEN").arg(all.socket).arg(all.port),
         st.smallFont, st.muted);
    // What the listener's program does with the queue: the same run's calls say it.
    text(p, QRectF(box.left() + 6, box.top() + 6 * s + th + line, boxW - 12, line), Qt::AlignCenter,
         all.acceptCalls > 0 ? QCoreApplication::translate("BacklogView", "accept() takes the oldest")
                             : QCoreApplication::translate("BacklogView", "never calls accept()"),
         st.smallFont, st.muted);

    const int slotCount = qMax(m.slotCount(), all.slotCount());
    const QList<int> waiting = m.waiting();
    const qint64 queued = m.inQueue();
    const bool full = m.backlog >= 0 && queued >= m.slotCount();
    const qreal qx = box.right() + (side ? 60 : 80) * s;
    const qreal slotW = qMin(200 * s, (queueRight - qx) / qMax(1, slotCount) - 10 * s);
    // The queue's arrow: accept() would take from the head (the left end).
    p.setPen(QPen(st.muted, st.lineWidth, Qt::DashLine));
    p.drawLine(QPointF(box.right() + 4, box.center().y()), QPointF(qx - 4, box.center().y()));
    text(p, QRectF(box.right(), box.center().y() - sh - 2, qx - box.right(), sh), Qt::AlignCenter,
         QStringLiteral("accept()"), st.smallFont, st.muted);
    for (int i = 0; i < slotCount; ++i) {
        const QRectF r(qx + i * (slotW + 10 * s), y, slotW, boxH);
        const bool filled = i < queued;
        p.setPen(QPen(full ? st.errorColor() : st.muted, full ? st.highlightWidth : st.lineWidth,
                      filled ? Qt::SolidLine : Qt::DashLine));
        if (filled) {
            const ConnectionAttempt* a = i < waiting.size() ? &m.attempts[waiting[i]] : nullptr;
            const QColor c = a && !a->client.isEmpty() ? st.actorColor(tl, a->client) : st.derivedColor();
            p.setBrush(st.faded(c, 0.7));
            p.drawRoundedRect(r, 5 * s, 5 * s);
            text(p, QRectF(r.left() + 4, r.top() + 6 * s, r.width() - 8, lh), Qt::AlignCenter,
                 a ? attemptName(*a) : QCoreApplication::translate("BacklogView", "connection"), st.labelFont, st.foreground);
            text(p, QRectF(r.left() + 4, r.top() + 6 * s + lh, r.width() - 8, lh), Qt::AlignCenter,
                 QCoreApplication::translate("BacklogView", "ESTABLISHED, waiting"), st.smallFont, st.foreground);
        } else {
            p.setBrush(Qt::NoBrush);
            p.drawRoundedRect(r, 5 * s, 5 * s);
            text(p, r, Qt::AlignCenter, QCoreApplication::translate("BacklogView", "free slot"), st.smallFont, st.muted);
        }
    }
    y += boxH + 6 * s;
    const QString count = m.backlog < 0 ? QString()
        : m.closed ? QCoreApplication::translate("BacklogView", "listening socket closed: the connections that waited were reset")
        : full ? QCoreApplication::translate("BacklogView", "accept queue %1 / %2: full — new SYNs are dropped silently").arg(queued).arg(m.slotCount())
               : QCoreApplication::translate("BacklogView", "accept queue %1 / %2").arg(queued).arg(m.slotCount());
    // Beside the SYNs the count starts under the listener: the lesson's sentence ("full — …") stays whole.
    const qreal countX = side ? inner.left() : qx;
    text(p, QRectF(countX, y, queueRight - countX, lh), Qt::AlignLeft | Qt::AlignTop, count, st.labelFont,
         full ? st.errorColor() : st.foreground);
    y += lh + k.countGap();

    // Every connection attempt's SYNs on one time axis — where the view has room
    // for one row and the axis (and, when not compact, their heading).
    if (!below && !side) {
        p.restore();
        return;
    }
    const QRectF syns = side ? QRectF(inner.right() - sideW, synTop, sideW, inner.bottom() - synTop)
                             : QRectF(inner.left(), y, inner.width(), inner.bottom() - y);
    y = syns.top();
    if (!k.compact && !side) {
        text(p, QRectF(syns.left(), y, syns.width(), lh), Qt::AlignLeft | Qt::AlignTop,
             QCoreApplication::translate("BacklogView", "SYNs to port %1 — answered with SYN+ACK (green) or dropped (red) and sent again by the client's kernel")
                 .arg(all.port),
             st.labelFont, st.foreground);
        y += k.synHeading();
    }
    qint64 t0 = -1, t1 = 0;
    for (const ConnectionAttempt& a : all.attempts)
        for (const SynAttempt& syn : a.syns) {
            if (t0 < 0 || syn.tUs < t0) t0 = syn.tUs;
            t1 = qMax(t1, syn.tUs);
        }
    if (t0 < 0) {
        text(p, QRectF(syns.left(), y, syns.width(), lh), Qt::AlignLeft | Qt::AlignTop, QCoreApplication::translate("BacklogView", "No SYN yet."),
             st.labelFont, st.muted);
        p.restore();
        return;
    }
    t1 = qMax(t1 + 300000, t0 + 1000000);
    const qreal nameW = qMin(syns.width() * (side ? 0.36 : 0.18), 220 * s);
    const qreal ax0 = syns.left() + nameW, ax1 = syns.right() - (side ? 24 : 50) * s;
    auto tx = [&](qint64 t) { return ax0 + (ax1 - ax0) * qreal(t - t0) / qreal(t1 - t0); };
    // A row holds its name and a SYN with its label above and its gap below; rows that
    // do not fit the view are left out rather than drawn over each other and the caption.
    const qreal minRow = k.minRow();
    const qreal room = syns.bottom() - y - k.axis();
    const int rows = int(qMin<qsizetype>(all.attempts.size(), qMax<qsizetype>(0, qsizetype(room / minRow))));
    const qreal rowH = qBound(minRow, room / qMax(1, rows), qMax(lh * 3.2, 64 * s));
    // The rows shown, in their order; when not all fit, the attempts whose SYN
    // was dropped first (what the lesson is about), then the others.
    QList<int> shown;
    for (const bool dropped : {true, false})
        for (int i = 0; i < all.attempts.size() && shown.size() < rows; ++i) {
            bool any = false;
            for (const SynAttempt& syn : all.attempts[i].syns)
                any = any || syn.dropped;
            if (any == dropped) shown << i;
        }
    std::sort(shown.begin(), shown.end());
    // Seconds ticks.
    const qreal axisY = y + rowH * rows + 4 * s;
    p.setPen(QPen(st.muted, 1));
    p.drawLine(QPointF(ax0, axisY), QPointF(ax1, axisY));
    const QFontMetricsF smallMetrics(st.smallFont);
    const QString widest = QCoreApplication::translate("BacklogView", "%1 s").arg(QString::number(double(t1 - t0) / 1e6, 'f', 1));
    const qreal tickLabelW = smallMetrics.horizontalAdvance(widest) + 16 * s;
    const qint64 tick = tickStepUs(t1 - t0, ax1 - ax0, tickLabelW);
    for (qint64 t = 0; t0 + t <= t1; t += tick) {
        const qreal x = tx(t0 + t);
        p.setPen(QPen(st.grid, 1));
        p.drawLine(QPointF(x, y), QPointF(x, axisY));
        text(p, QRectF(x - tickLabelW / 2, axisY + 2, tickLabelW, sh), Qt::AlignHCenter | Qt::AlignTop,
             QCoreApplication::translate("BacklogView", "%1 s").arg(QString::number(double(t) / 1e6, 'f', tick < 1000000 ? 1 : 0)),
             st.smallFont, st.muted);
    }
    // Where the cursor is on this axis.
    if (cursor >= 0 && cursor < tl.size()) {
        const qint64 now = tl.at(cursor).tUs;
        if (now >= t0 && now <= t1) {
            p.setPen(QPen(st.highlight, st.lineWidth));
            p.drawLine(QPointF(tx(now), y), QPointF(tx(now), axisY));
        }
    }
    for (int row = 0; row < rows; ++row) {
        const ConnectionAttempt& whole = all.attempts[shown[row]];
        const ConnectionAttempt* a = nullptr;
        for (const ConnectionAttempt& c : m.attempts)
            if (c.clientPort == whole.clientPort) a = &c;
        const qreal cy = y + rowH * (row + 0.5);
        text(p, QRectF(syns.left(), cy - lh / 2, nameW - 8 * s, lh), Qt::AlignRight | Qt::AlignVCenter,
             attemptName(whole), st.labelFont, a ? st.foreground : st.muted);
        p.setPen(QPen(st.grid, 1));
        p.drawLine(QPointF(ax0, cy), QPointF(ax1, cy));
        if (!a) continue;
        qreal labelsEnd = -1e9, gapsEnd = -1e9; // a label that would run into the one before is left out
        for (int k = 0; k < a->syns.size(); ++k) {
            const SynAttempt& syn = a->syns[k];
            const qreal x = tx(syn.tUs), r = 6 * s;
            const QColor c = syn.answered ? QColor(40, 160, 70) : syn.dropped ? st.errorColor() : st.muted;
            if (syn.dropped) {
                p.setPen(QPen(c, st.highlightWidth * 0.8, Qt::SolidLine, Qt::RoundCap));
                p.drawLine(QPointF(x - r, cy - r), QPointF(x + r, cy + r));
                p.drawLine(QPointF(x - r, cy + r), QPointF(x + r, cy - r));
            } else {
                p.setPen(Qt::NoPen);
                p.setBrush(c);
                p.drawEllipse(QPointF(x, cy), r, r);
            }
            const QString label = syn.answered ? QCoreApplication::translate("BacklogView", "SYN → SYN+ACK")
                                : syn.dropped  ? QCoreApplication::translate("BacklogView", "SYN dropped")
                                               : QStringLiteral("SYN");
            const qreal lw = smallMetrics.horizontalAdvance(label) + 6;
            const qreal lx = qBound(ax0 - 6 * s, x - lw / 2, syns.right() - lw); // right of the name column
            if (lx >= labelsEnd + 6 * s) {
                text(p, QRectF(lx, cy - r - sh - 1, lw, sh), Qt::AlignHCenter | Qt::AlignBottom, label, st.smallFont, c);
                labelsEnd = lx + lw;
            }
            // The retransmission gap, between this SYN and the one before (where it fits).
            if (syn.gapUs >= 0) {
                const qreal xp = tx(a->syns[k - 1].tUs);
                const QString gap = QCoreApplication::translate("BacklogView", "+%1 s").arg(QString::number(double(syn.gapUs) / 1e6, 'f', 1));
                const qreal gw = smallMetrics.horizontalAdvance(gap) + 6;
                if (x - xp >= gw && xp >= gapsEnd) {
                    text(p, QRectF(xp, cy + r + 1, x - xp, sh), Qt::AlignHCenter | Qt::AlignTop, gap, st.smallFont, st.foreground);
                    gapsEnd = x;
                }
            }
        }
    }
    p.restore();
}

} // namespace socklab
