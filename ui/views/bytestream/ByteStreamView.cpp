#include "ByteStreamView.h"

#include "ByteStreamRenderer.h"

#include <QPainter>

namespace socklab {

ByteStreamView::ByteStreamView(QWidget* parent) : QWidget(parent), m_style(ViewStyle::normal(palette())) {}

void ByteStreamView::setTimeline(const Timeline& tl)
{
    m_timeline = tl;
    m_cursor = tl.size() - 1;
    update();
}

void ByteStreamView::setCursor(int eventIndex)
{
    m_cursor = eventIndex;
    update();
}

void ByteStreamView::setStyle(const ViewStyle& style)
{
    m_style = style;
    update();
}

void ByteStreamView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    paintByteStream(p, QRectF(rect()), m_timeline, m_cursor, m_style);
}

} // namespace socklab
