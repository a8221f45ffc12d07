#include "TimeSeqView.h"

#include "TimeSeqRenderer.h"

#include <QPainter>

namespace socklab {

TimeSeqView::TimeSeqView(QWidget* parent) : QWidget(parent), m_style(ViewStyle::normal(palette())) {}

void TimeSeqView::setTimeline(const Timeline& tl)
{
    m_layout.setTimeline(tl);
    m_cursor = tl.size() - 1;
    update();
}

void TimeSeqView::setCursor(int eventIndex)
{
    m_cursor = eventIndex;
    update();
}

void TimeSeqView::setStyle(const ViewStyle& style)
{
    m_style = style;
    update();
}

void TimeSeqView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    paintTimeSeq(p, QRectF(rect()), m_layout, m_cursor, m_style);
}

} // namespace socklab
