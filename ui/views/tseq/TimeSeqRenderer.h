#pragma once
// Paints the time–sequence graph of a timeline at a cursor (TimeSeqLayout does
// the math). Exports draw it too (Exporter's table).

#include "TimeSeqLayout.h"
#include "ViewStyle.h"

class QPainter;

namespace socklab {

// The height at which the title, the legend and a plot with five numbers fit.
qreal timeSeqNaturalHeight(const ViewStyle& style);
// Below that height (a presenter's short pane) the legend line is left out for the plot.
bool timeSeqShowsLegend(const QRectF& area, const ViewStyle& style);
// The plot's rectangle inside `area`: room for the title, the legend and the axes' numbers.
QRectF timeSeqPlotRect(const QRectF& area, const ViewStyle& style);
// Where the numbers are drawn: the plot less some headroom for a bar's top tick.
QRectF timeSeqDataRect(const QRectF& area, const ViewStyle& style);
// The sequence numbers written on the axis, top down, never closer than a line of text.
struct TimeSeqTick {
    qint64 seq = 0;
    qreal y = 0;
};
QList<TimeSeqTick> timeSeqSeqTicks(const QRectF& area, qint64 maxSeq, const ViewStyle& style);
// Where a retransmitted bar's "R" goes: above the bar's top, or beside it when
// that is above the plot (a bar at the top of a short plot had its R cut off).
QRectF timeSeqRetransmissionMark(const QRectF& plot, const QLineF& bar, const ViewStyle& style);
void paintTimeSeq(QPainter& p, const QRectF& area, const Timeline& tl, int cursor, const ViewStyle& style);
// The same with a layout already built for tl (the widget keeps one).
void paintTimeSeq(QPainter& p, const QRectF& area, TimeSeqLayout& layout, int cursor, const ViewStyle& style);


} // namespace socklab
