#pragma once
// Paints the backlog view: the listener's accept queue as slots with the
// connections waiting in them, and under it every connection attempt's SYNs on
// a small time axis — dropped SYNs in red with the gaps of their retransmissions.
// The signature is Exporter::RenderFn, so exports reuse it.

#include "ViewStyle.h"

#include <QList>
#include <QRectF>
#include <QString>

class QPainter;

namespace socklab {

class Timeline;

void paintBacklog(QPainter& p, const QRectF& area, const Timeline& tl, int cursor, const ViewStyle& style);
// The height that holds the queue and, under it, one connection's SYNs on the
// time axis; compact: with tighter margins and no heading over the SYNs (what
// a shorter view draws).
qreal backlogNaturalHeight(const ViewStyle& style, bool compact = false);

// Every text the view draws, where its ink goes (tests check that none covers another).
struct BacklogText {
    QRectF rect;
    QString text;
};
QList<BacklogText> backlogTexts(const QRectF& area, const Timeline& tl, int cursor, const ViewStyle& style);


} // namespace socklab
