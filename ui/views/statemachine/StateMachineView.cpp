#include "StateMachineView.h"

#include <QPainter>

namespace socklab {

StateMachineView::StateMachineView(QWidget* parent) : QWidget(parent), m_style(false, palette()) {}

void StateMachineView::setTimeline(const Timeline& tl)
{
    m_timeline = tl;
    update();
}

void StateMachineView::setCursor(int eventIndex)
{
    m_cursor = eventIndex;
    update();
}

void StateMachineView::setStyle(const ViewStyle& style)
{
    m_style = style;
    update();
}

void StateMachineView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    StateMachineRenderer::paint(p, QRectF(rect()), m_timeline, m_cursor, m_style);
}

} // namespace socklab
