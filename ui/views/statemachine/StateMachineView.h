#pragma once
// The TCP state diagram as a widget: each actor's state at the cursor.

#include "StateMachineRenderer.h"

#include <QWidget>

namespace socklab {

class StateMachineView final : public QWidget
{
    Q_OBJECT
public:
    explicit StateMachineView(QWidget* parent = nullptr);
    void setTimeline(const Timeline& tl);
    void setCursor(int eventIndex);
    void setStyle(const ViewStyle& style);
    QSize sizeHint() const override { return {420, 360}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    Timeline m_timeline;
    ViewStyle m_style;
    int m_cursor = -1;
};

} // namespace socklab
