#include "TimeSeqRenderer.h"

#include "Captions.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace socklab {

namespace {

// 1, 2, 5 × 10^n: about `count` steps over `span`.
double niceStep(double span, int count)
{
    const double raw = span / qMax(1, count);
    const double mag = std::pow(10.0, std::floor(std::log10(qMax(raw, 1e-12))));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (raw <= m * mag) return m * mag;
    return 10 * mag;
}

QColor heldColor() { return QColor(214, 140, 0); }

} // namespace

namespace {

qreal headerHeight(const ViewStyle& st, bool legend)
{
    const QFontMetricsF sm(st.smallFont);
    const QFontMetricsF hm(st.labelFont);
    return hm.height() * 1.4 + (legend ? sm.height() * 1.6 : 0) + 8 * st.scale;
}

qreal footerHeight(const ViewStyle& st) { return QFontMetricsF(st.smallFont).height() * 2.6 + 6 * st.scale; }

} // namespace

qreal timeSeqNaturalHeight(const ViewStyle& st)
{
    // Title, legend, the time axis and a plot four lines high (two numbers apart, at least).
    return headerHeight(st, true) + footerHeight(st) + QFontMetricsF(st.smallFont).height() * 4;
}

bool timeSeqShowsLegend(const QRectF& area, const ViewStyle& st)
{
    // A short pane (the presenter's lesson dock) keeps the plot rather than the legend.
    return area.height() >= timeSeqNaturalHeight(st);
}

QRectF timeSeqPlotRect(const QRectF& area, const ViewStyle& st)
{
    const QFontMetricsF sm(st.smallFont);
    const qreal left = sm.horizontalAdvance(QStringLiteral("1000000")) + sm.height() + 14 * st.scale;
    const qreal top = headerHeight(st, timeSeqShowsLegend(area, st));
    const qreal right = 16 * st.scale;
    return area.adjusted(left, top, -right, -footerHeight(st));
}

QRectF timeSeqDataRect(const QRectF& area, const ViewStyle& st)
{
    // Headroom over the highest number: a bar's top tick and its "R" stay inside the frame.
    const QRectF plot = timeSeqPlotRect(area, st);
    const qreal headroom = qMin(QFontMetricsF(st.smallFont).height() * 1.4, plot.height() / 4);
    return plot.adjusted(0, headroom, 0, 0);
}

QList<TimeSeqTick> timeSeqSeqTicks(const QRectF& area, qint64 maxSeq, const ViewStyle& st)
{
    // Numbers at 1, 2, 5 × 10^n, never closer than a line of text: a short
    // plot shows fewer of them, at least its top one. (y as TimeSeqLayout::yOf
    // maps it on timeSeqDataRect.)
    const QRectF data = timeSeqDataRect(area, st);
    const QFontMetricsF sm(st.smallFont);
    const QRectF plot = timeSeqPlotRect(area, st);
    const double top = double(qMax<qint64>(1, maxSeq));
    // Never coarser than the largest 1, 2, 5 × 10^n under the top: a one-number axis names its top.
    const double mag = std::pow(10.0, std::floor(std::log10(top)));
    const double floorStep = top >= 5 * mag ? 5 * mag : top >= 2 * mag ? 2 * mag : mag;
    const double step = qMin(niceStep(top, qMax(1, int(plot.height() / (sm.height() * 2.5)))), floorStep);
    QList<TimeSeqTick> ticks;
    for (double s = top - std::fmod(top, step); s >= -1e-9; s -= step) {
        const qreal y = data.bottom() - data.height() * s / top;
        if (!ticks.isEmpty() && y - ticks.last().y < sm.height() * 1.1) continue;
        ticks.append({qint64(s), y});
    }
    return ticks;
}

QRectF timeSeqRetransmissionMark(const QRectF& plot, const QLineF& bar, const ViewStyle& st)
{
    const QFontMetricsF sm(st.smallFont);
    const qreal tick = 4 * st.scale;
    const qreal w = sm.horizontalAdvance(QStringLiteral("R")) + 4, h = sm.height();
    const qreal top = qMin(bar.y1(), bar.y2());
    // Above the bar's top; where that leaves the plot, beside the bar from its top down.
    const qreal y = top - h >= plot.top() ? top - h : qMin(top, plot.bottom() - h);
    return QRectF(bar.x1() + tick + 2, qMax(plot.top(), y), w, h);
}

void paintTimeSeq(QPainter& p, const QRectF& area, const Timeline& tl, int cursor, const ViewStyle& st)
{
    TimeSeqLayout layout;
    layout.setTimeline(tl);
    paintTimeSeq(p, area, layout, cursor, st);
}

void paintTimeSeq(QPainter& p, const QRectF& area, TimeSeqLayout& L, int cursor, const ViewStyle& st)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.fillRect(area, st.background);
    p.setClipRect(area);
    const QFontMetricsF sm(st.smallFont);
    const QFontMetricsF hm(st.labelFont);
    if (L.empty()) {
        p.setFont(st.labelFont);
        p.setPen(st.muted);
        p.drawText(area, Qt::AlignCenter | Qt::TextWordWrap,
                   QCoreApplication::translate("TimeSeqView", "No TCP segment yet: the time–sequence graph draws a connection's sequence numbers over time."));
        p.restore();
        return;
    }
    const QRectF plot = timeSeqPlotRect(area, st);
    L.setPlot(timeSeqDataRect(area, st));
    const bool legend = timeSeqShowsLegend(area, st);

    // Title: whose numbers, and what happened to them so far.
    p.setFont(st.labelFont);
    p.setPen(st.foreground);
    const QString title = QCoreApplication::translate("TimeSeqView", "%1 → %2: sequence numbers over time (port %3 → %4)")
                              .arg(L.sender().isEmpty() ? QCoreApplication::translate("TimeSeqView", "sender") : actorTitle(L.sender()),
                                   L.receiver().isEmpty() ? QCoreApplication::translate("TimeSeqView", "receiver") : actorTitle(L.receiver()))
                              .arg(L.senderPort()).arg(L.receiverPort());
    const QString counts = QCoreApplication::translate("TimeSeqView", "%n retransmission(s)", nullptr, L.retransmissions(cursor)) + QStringLiteral(" · ")
        + QCoreApplication::translate("TimeSeqView", "%n dropped by the wire", nullptr, L.drops(cursor));
    const qreal cw = sm.horizontalAdvance(counts);
    QRectF titleRect(area.left() + 8 * st.scale, area.top() + 4 * st.scale, area.width() - 16 * st.scale, hm.height() * 1.3);
    if (!legend) { // no legend line: the counts go at the title's end
        titleRect.setRight(titleRect.right() - cw - 16 * st.scale);
        p.setFont(st.smallFont);
        p.setPen(st.muted);
        p.drawText(QRectF(area.right() - 8 * st.scale - cw, titleRect.top(), cw, titleRect.height()),
                   Qt::AlignRight | Qt::AlignVCenter, counts);
        p.setFont(st.labelFont);
        p.setPen(st.foreground);
    }
    p.drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter, hm.elidedText(title, Qt::ElideRight, titleRect.width()));
    p.setFont(st.smallFont);
    p.setPen(st.muted);

    // Legend, on one line under the title.
    struct Key { QColor color; QString text; int style; };
    const QColor data = st.actors.actorColor(QStringLiteral("client"), 0);
    const QList<Key> keys{{data, QCoreApplication::translate("TimeSeqView", "segment"), 0},
                          {st.errorColor(), QCoreApplication::translate("TimeSeqView", "retransmission"), 0},
                          {st.errorColor(), QCoreApplication::translate("TimeSeqView", "dropped by the wire"), 1},
                          {heldColor(), QCoreApplication::translate("TimeSeqView", "held by the wire"), 2},
                          {st.foreground, QCoreApplication::translate("TimeSeqView", "ACK"), 3},
                          {st.muted, QCoreApplication::translate("TimeSeqView", "window edge"), 4}};
    qreal lx = area.left() + 8 * st.scale;
    const qreal ly = titleRect.bottom() + sm.height() * 0.2;
    for (const Key& k : legend ? keys : QList<Key>{}) {
        const qreal w = sm.horizontalAdvance(k.text);
        const QPointF a(lx, ly + sm.height() / 2);
        p.setPen(QPen(k.color, st.lineWidth * 1.5, k.style == 4 ? Qt::DotLine : Qt::SolidLine));
        if (k.style <= 2) p.drawLine(a + QPointF(8, -sm.height() * 0.4), a + QPointF(8, sm.height() * 0.4));
        else p.drawLine(a + QPointF(0, 0), a + QPointF(16, 0));
        if (k.style == 1) {
            p.drawLine(a + QPointF(4, -4), a + QPointF(12, 4));
            p.drawLine(a + QPointF(4, 4), a + QPointF(12, -4));
        }
        p.setPen(st.foreground);
        const qreal gap = 22 + 6 * st.scale;
        p.drawText(QRectF(lx + gap, ly, w + 4, sm.height()), Qt::AlignLeft | Qt::AlignVCenter, k.text);
        lx += gap + w + 18 * st.scale;
    }
    if (legend && lx + cw < area.right() - 8) {
        p.setPen(st.muted);
        p.drawText(QRectF(area.right() - 8 * st.scale - cw, ly, cw, sm.height()), Qt::AlignRight | Qt::AlignVCenter, counts);
    }

    // Axes and grid.
    p.setPen(QPen(st.grid, 1));
    p.setBrush(Qt::NoBrush);
    p.drawRect(plot);
    const double span = double(L.lastUs() - L.firstUs()) / 1e6;
    const double tStep = niceStep(span, qMax(2, int(plot.width() / (sm.horizontalAdvance(QStringLiteral("00.000 s")) * 1.8))));
    for (double t = 0; t <= span + 1e-9; t += tStep) {
        const qreal x = L.xOf(L.firstUs() + qint64(t * 1e6));
        p.setPen(QPen(st.grid, 1, Qt::DotLine));
        p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        p.setPen(st.muted);
        const QString label = QStringLiteral("%1 s").arg(t, 0, 'f', tStep < 0.01 ? 3 : tStep < 0.1 ? 2 : tStep < 1 ? 1 : 0);
        const qreal w = sm.horizontalAdvance(label);
        p.drawText(QRectF(qBound(area.left(), x - w / 2, area.right() - w), plot.bottom() + 3, w + 2, sm.height()),
                   Qt::AlignCenter, label);
    }
    for (const TimeSeqTick& t : timeSeqSeqTicks(area, L.maxSeq(), st)) {
        p.setPen(QPen(st.grid, 1, Qt::DotLine));
        p.drawLine(QPointF(plot.left(), t.y), QPointF(plot.right(), t.y));
        p.setPen(st.muted);
        p.drawText(QRectF(area.left(), t.y - sm.height() / 2, plot.left() - area.left() - 6, sm.height()),
                   Qt::AlignRight | Qt::AlignVCenter, QString::number(t.seq));
    }
    p.setPen(st.foreground);
    p.drawText(QRectF(plot.left(), plot.bottom() + sm.height() * 1.3, plot.width(), sm.height()), Qt::AlignCenter,
               QCoreApplication::translate("TimeSeqView", "time since the first segment"));
    const QString yName = QCoreApplication::translate("TimeSeqView", "relative sequence number");
    if (sm.horizontalAdvance(yName) <= plot.height()) { // written along the axis where it fits
        p.save();
        p.translate(area.left() + sm.height() * 0.1, plot.center().y());
        p.rotate(-90);
        p.drawText(QRectF(-plot.height() / 2, 0, plot.height(), sm.height()), Qt::AlignCenter, yName);
        p.restore();
    }

    // The receiver's ACKs and window edge: step lines up to the cursor.
    const QList<TimeSeqAck> acks = L.acks(cursor);
    auto steps = [&](auto value, const QPen& pen) {
        if (acks.isEmpty()) return;
        QPainterPath path;
        path.moveTo(L.xOf(acks.first().tUs), L.yOf(value(acks.first())));
        for (qsizetype i = 1; i < acks.size(); ++i) {
            path.lineTo(L.xOf(acks[i].tUs), L.yOf(value(acks[i - 1])));
            path.lineTo(L.xOf(acks[i].tUs), L.yOf(value(acks[i])));
        }
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
    };
    p.setClipRect(plot.adjusted(-2, -2, 2, 2));
    steps([](const TimeSeqAck& a) { return qMin(a.windowEdge, qint64(1) << 40); }, QPen(st.muted, st.lineWidth, Qt::DotLine));
    steps([](const TimeSeqAck& a) { return a.ack; }, QPen(st.foreground, st.lineWidth));

    // Segments: a vertical bar each, a tick at both ends as tcptrace draws them.
    const qreal tick = 4 * st.scale;
    for (const TimeSeqBar& b : L.bars(cursor)) {
        const QLineF l = L.barLine(b);
        const QColor c = b.held ? heldColor() : (b.retransmission || b.dropped) ? st.errorColor() : data;
        QPen pen(c, st.lineWidth * (b.held ? 2.4 : 1.8), b.held ? Qt::DashLine : Qt::SolidLine, Qt::FlatCap);
        p.setPen(pen);
        p.drawLine(l);
        p.setPen(QPen(c, st.lineWidth));
        p.drawLine(QPointF(l.x1() - tick, l.y1()), QPointF(l.x1() + tick, l.y1()));
        p.drawLine(QPointF(l.x2() - tick, l.y2()), QPointF(l.x2() + tick, l.y2()));
        if (b.dropped) {
            const QPointF m = l.center();
            const qreal r = 6 * st.scale;
            p.setPen(QPen(st.errorColor(), st.lineWidth * 1.6, Qt::SolidLine, Qt::RoundCap));
            p.drawLine(m + QPointF(-r, -r), m + QPointF(r, r));
            p.drawLine(m + QPointF(-r, r), m + QPointF(r, -r));
        }
        if (b.retransmission && !b.dropped) {
            p.setFont(st.smallFont);
            p.setPen(st.errorColor());
            p.drawText(timeSeqRetransmissionMark(plot, l, st), Qt::AlignCenter, QStringLiteral("R"));
        }
    }
    p.restore();
}

} // namespace socklab
