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
    // A live wire session: packets held now get Release and Drop buttons on the ladder.
    void setWireControls(bool on);
    bool wireControls() const { return m_wireControls; }
    // Where a held packet's Release (drop: false) or Drop button is, in viewport coordinates (null: not shown).
    QRectF wireButtonRect(qint64 packetId, bool drop) const;
    qreal zoom() const { return m_renderer.layout().zoom(); }
    int cursor() const { return m_cursor; }
    const LadderRenderer& renderer() const { return m_renderer; }

signals:
    void packetSelected(int eventIndex);
    void wirePacketAction(qint64 packetId, bool drop); // a held packet's Release (false) or Drop (true) clicked

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    bool viewportEvent(QEvent* event) override;

private:
    LadderViewport viewportState() const;
    QRectF target() const; // the content drawn into the viewport, in viewport coordinates
    void updateScrollBars();
    void followCursor();

    LadderRenderer m_renderer;
    Timeline m_timeline; // a value: tooltips describe its events
    int m_cursor = -1;
    int m_selected = -1;
    qreal m_progress = 1.0;
    bool m_wireControls = false;
    QVariantAnimation* m_flight = nullptr;
};

} // namespace socklab
