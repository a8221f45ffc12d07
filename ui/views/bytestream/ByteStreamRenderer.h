#pragma once
// Paints the byte-stream view (message boundaries): send() calls as coloured
// blocks over one byte line, recv() results as brackets under it, the parsed
// messages below. The signature is Exporter::RenderFn, so exports reuse it.

#include "ViewStyle.h"

class QPainter;
class QRectF;

namespace socklab {

class Timeline;

void paintByteStream(QPainter& p, const QRectF& area, const Timeline& tl, int cursor, const ViewStyle& style);


} // namespace socklab
