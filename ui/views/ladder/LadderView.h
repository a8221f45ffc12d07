#pragma once
// The ladder diagram as a scrollable, zoomable widget that follows the cursor.

#include "LadderRenderer.h"

#include <QAbstractScrollArea>

class QVariantAnimation;

namespace socklab {

class LadderView final : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit LadderView(QWidget* parent = nullptr);

    void setTimeline(const Timeline& tl);
    void setCursor(int eventIndex);
    void setSelected(int eventIndex);
    void setStyle(const ViewStyle& style);
    void setZoom(qreal zoom);
    qreal zoom() const { return m_renderer.layout().zoom(); }
    int cursor() const { return m_cursor; }
    const LadderRenderer& renderer() const { return m_renderer; }

signals:
    void packetSelected(int eventIndex);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    bool viewportEvent(QEvent* event) override;

private:
    void updateScrollBars();
    void followCursor();

    LadderRenderer m_renderer;
    Timeline m_timeline; // a value: tooltips describe its events
    int m_cursor = -1;
    int m_selected = -1;
    qreal m_progress = 1.0;
    QVariantAnimation* m_flight = nullptr;
};

} // namespace socklab
