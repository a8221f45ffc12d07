#pragma once
// Paints the buffers view: for each direction of the connection the sending
// program, its send buffer, the wire with the window the receiver advertises
// (zero window and probes in red), the receiver's receive buffer and program.
// Queued bytes are coloured by the send() call they came from. The signature
// is Exporter::RenderFn, so exports reuse it.

#include "ViewStyle.h"

#include <QList>
#include <QRectF>
#include <QString>

class QPainter;

namespace socklab {

class Timeline;

void paintBuffers(QPainter& p, const QRectF& area, const Timeline& tl, int cursor, const ViewStyle& style);

// The height (pixels) the view needs in this style to show `lanes` directions
// (1 or 2) with no text over another; compact: without the subtitle and the
// legend. Shorter areas show the data direction only, then drop those two.
qreal buffersNaturalHeight(const ViewStyle& style, int lanes, bool compact);

// Every text the view draws, where its ink goes (tests check that none covers another).
struct BuffersText {
    QRectF rect;
    QString text;
};
QList<BuffersText> buffersTexts(const QRectF& area, const Timeline& tl, int cursor, const ViewStyle& style);

// The colour of the i-th send() call of a connection (-1: bytes of no known call).
QColor sendCallColor(const ViewStyle& style, int index);

} // namespace socklab
