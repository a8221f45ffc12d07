#pragma once
// Paints the time–sequence graph of a timeline at a cursor (TimeSeqLayout does
// the math). The signature is Exporter::RenderFn, so exports reuse it.

#include "TimeSeqLayout.h"
#include "ViewStyle.h"

class QPainter;

namespace socklab {

// The plot's rectangle inside `area`: room for the title, the legend and the axes' numbers.
QRectF timeSeqPlotRect(const QRectF& area, const ViewStyle& style);
void paintTimeSeq(QPainter& p, const QRectF& area, const Timeline& tl, int cursor, const ViewStyle& style);
// The same with a layout already built for tl (the widget keeps one).
void paintTimeSeq(QPainter& p, const QRectF& area, TimeSeqLayout& layout, int cursor, const ViewStyle& style);

// Makes "tseq" known to exports (PNG/SVG/PDF, notes, `socklab export --view tseq`).
void registerTimeSeqView();

} // namespace socklab
