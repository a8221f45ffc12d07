#include "LadderView.h"

#include "Captions.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <QVariantAnimation>

#include <algorithm>
#include <cmath>

namespace socklab {

LadderView::LadderView(QWidget* parent) : QAbstractScrollArea(parent), m_flight(new QVariantAnimation(this))
{
    setFocusPolicy(Qt::StrongFocus);
    m_flight->setStartValue(0.0);
    m_flight->setEndValue(1.0);
    m_flight->setDuration(450);
    m_flight->setEasingCurve(QEasingCurve::InOutCubic);
    connect(m_flight, &QVariantAnimation::valueChanged, this, [this](const QVariant& v) {
        m_progress = v.toReal();
        viewport()->update();
    });
}

void LadderView::setTimeline(const Timeline& tl)
{
    m_renderer.setTimeline(tl);
    m_timeline = tl;
    updateScrollBars();
    followCursor();
    viewport()->update();
}

void LadderView::setCursor(int eventIndex)
{
    if (eventIndex == m_cursor) return;
    const int before = m_renderer.cursorRow(m_cursor);
    m_cursor = eventIndex;
    const int row = m_renderer.cursorRow(m_cursor);
    // Only a step forward onto a new segment makes the arrow fly.
    const bool flies = row > before && row >= 0 && m_renderer.layout().rows()[row].type == LadderRow::Type::Arrow;
    m_progress = 1.0;
    if (flies) m_flight->start();
    followCursor();
    viewport()->update();
}

void LadderView::setSelected(int eventIndex)
{
    m_selected = eventIndex;
    viewport()->update();
}

void LadderView::setStyle(const ViewStyle& style)
{
    m_renderer.setStyle(style);
    m_renderer.setTimeline(m_timeline);
    updateScrollBars();
    followCursor();
    viewport()->update();
}

void LadderView::setZoom(qreal zoom)
{
    // Keep the cursor's row where it is on screen while zooming.
    const qreal before = m_renderer.layout().yOfEvent(m_cursor) - verticalScrollBar()->value();
    m_renderer.layout().setZoom(zoom);
    updateScrollBars();
    verticalScrollBar()->setValue(int(m_renderer.layout().yOfEvent(m_cursor) - before));
    viewport()->update();
}

void LadderView::updateScrollBars()
{
    const LadderLayout& L = m_renderer.layout();
    verticalScrollBar()->setPageStep(viewport()->height());
    verticalScrollBar()->setSingleStep(int(L.metrics().rowHeight));
    verticalScrollBar()->setRange(0, qMax(0, int(L.contentHeight()) - viewport()->height()));
    horizontalScrollBar()->setPageStep(viewport()->width());
    horizontalScrollBar()->setRange(0, qMax(0, int(L.minimumWidth()) - viewport()->width()));
}

void LadderView::followCursor()
{
    // Rows after the cursor are not drawn, so anything below the cursor's row is
    // empty: keep that row at the bottom of the view (one row of air under it),
    // showing as much of what led to it as fits — after Step, Back and scrubs alike.
    const LadderLayout& L = m_renderer.layout();
    const int row = m_renderer.cursorRow(m_cursor);
    if (row < 0) {
        verticalScrollBar()->setValue(0);
        horizontalScrollBar()->setValue(0);
        return;
    }
    horizontalScrollBar()->setValue(
        int(std::lround(L.horizontalScrollFor(row, horizontalScrollBar()->value(), viewport()->width()))));
    const qreal top = L.rowTop(row) - L.metrics().headerHeight;
    const qreal bottom = L.rowTop(row) + L.rowHeightPx(row) + L.metrics().rowHeight * L.zoom();
    const int want = int(std::ceil(bottom)) - viewport()->height();
    verticalScrollBar()->setValue(std::clamp(want, 0, std::max(0, int(top))));
}

void LadderView::setWireControls(bool on)
{
    if (on == m_wireControls) return;
    m_wireControls = on;
    viewport()->update();
}

QRectF LadderView::wireButtonRect(qint64 packetId, bool drop) const
{
    if (!m_wireControls) return {};
    for (const LadderItem& it : m_renderer.items(target(), m_cursor, viewportState()))
        if (it.packetId == packetId) return drop ? it.dropRect : it.releaseRect;
    return {};
}

LadderViewport LadderView::viewportState() const
{
    LadderViewport vp;
    vp.top = verticalScrollBar()->value();
    vp.progress = m_progress;
    vp.selected = m_selected;
    vp.wireControls = m_wireControls;
    return vp;
}

QRectF LadderView::target() const
{
    const qreal w = qMax<qreal>(viewport()->width(), m_renderer.layout().minimumWidth());
    return QRectF(-horizontalScrollBar()->value(), 0, w, viewport()->height());
}

void LadderView::paintEvent(QPaintEvent*)
{
    QPainter p(viewport());
    m_renderer.paint(p, target(), m_cursor, viewportState());
}

void LadderView::resizeEvent(QResizeEvent* event)
{
    QAbstractScrollArea::resizeEvent(event);
    m_renderer.fitToWidth(viewport()->width());
    updateScrollBars();
    followCursor();
}

void LadderView::wheelEvent(QWheelEvent* event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        setZoom(zoom() * (event->angleDelta().y() > 0 ? 1.15 : 1 / 1.15));
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void LadderView::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Plus || event->key() == Qt::Key_Equal) setZoom(zoom() * 1.15);
    else if (event->key() == Qt::Key_Minus) setZoom(zoom() / 1.15);
    else if (event->key() == Qt::Key_0) setZoom(1.0);
    else QAbstractScrollArea::keyPressEvent(event);
}

void LadderView::mousePressEvent(QMouseEvent* event)
{
    if (const auto button = m_renderer.wireButtonAt(event->position(), target(), m_cursor, viewportState());
        button.packetId != 0) {
        emit wirePacketAction(button.packetId, button.drop);
        return;
    }
    const QPointF content(event->position().x() + horizontalScrollBar()->value(),
                          event->position().y() + verticalScrollBar()->value());
    const qreal w = qMax<qreal>(viewport()->width(), m_renderer.layout().minimumWidth());
    const int hit = m_renderer.arrowAt(content, w);
    if (hit >= 0 && hit <= m_cursor) {
        setSelected(hit);
        emit packetSelected(hit);
    }
}

bool LadderView::viewportEvent(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        if (const auto button = m_renderer.wireButtonAt(help->pos(), target(), m_cursor, viewportState());
            button.packetId != 0) {
            QToolTip::showText(help->globalPos(),
                               button.drop ? tr("Drop: lose this packet; the sender's kernel will send it again if it is TCP (F8)")
                                           : tr("Release: let this packet go on to its receiver (F7)"),
                               viewport());
            return true;
        }
        const QPointF content(help->pos().x() + horizontalScrollBar()->value(), help->pos().y() + verticalScrollBar()->value());
        const qreal w = qMax<qreal>(viewport()->width(), m_renderer.layout().minimumWidth());
        const int hit = m_renderer.arrowAt(content, w);
        if (hit >= 0 && hit <= m_cursor && hit < m_timeline.size())
            QToolTip::showText(help->globalPos(), eventSummary(m_timeline, m_timeline.at(hit)), viewport());
        else
            QToolTip::hideText();
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

} // namespace socklab
