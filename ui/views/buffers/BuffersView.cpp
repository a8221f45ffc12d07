#include "BuffersView.h"

#include "BuffersRenderer.h"

#include <QPainter>

namespace socklab {

BuffersView::BuffersView(QWidget* parent) : QWidget(parent), m_style(ViewStyle::normal(palette())) {}

void BuffersView::setTimeline(const Timeline& tl)
{
    m_timeline = tl;
    m_cursor = tl.size() - 1;
    update();
}

void BuffersView::setCursor(int eventIndex)
{
    m_cursor = eventIndex;
    update();
}

void BuffersView::setPresenter(bool on)
{
    setStyle(on ? ViewStyle::presenterMode(palette()) : ViewStyle::normal(palette()));
}

void BuffersView::setStyle(const ViewStyle& style)
{
    m_style = style;
    update();
}

QSize BuffersView::sizeHint() const { return {1000, int(buffersNaturalHeight(m_style, 2, false))}; }

int BuffersView::neededHeight() const { return int(buffersNaturalHeight(m_style, 1, true)); }

void BuffersView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    paintBuffers(p, QRectF(rect()), m_timeline, m_cursor, m_style);
}

} // namespace socklab
