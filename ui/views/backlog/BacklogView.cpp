#include "BacklogView.h"

#include "BacklogRenderer.h"

#include <QPainter>

#include <cmath>

namespace socklab {

BacklogView::BacklogView(QWidget* parent) : QWidget(parent), m_style(ViewStyle::normal(palette())) {}

void BacklogView::setTimeline(const Timeline& tl)
{
    m_timeline = tl;
    m_cursor = tl.size() - 1;
    update();
}

int BacklogView::neededHeight() const { return int(std::ceil(backlogNaturalHeight(m_style, true))); }

void BacklogView::setCursor(int eventIndex)
{
    m_cursor = eventIndex;
    update();
}

void BacklogView::setPresenter(bool on)
{
    setStyle(on ? ViewStyle::presenterMode(palette()) : ViewStyle::normal(palette()));
}

void BacklogView::setStyle(const ViewStyle& style)
{
    m_style = style;
    update();
}

void BacklogView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    paintBacklog(p, QRectF(rect()), m_timeline, m_cursor, m_style);
}

} // namespace socklab
