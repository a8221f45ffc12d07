#pragma once
// The time–sequence graph as a widget: a pure function of (timeline, cursor) —
// it keeps a copy of the timeline and its layout, and never talks to the engine.

#include "TimeSeqLayout.h"
#include "ViewStyle.h"

#include <QWidget>

namespace socklab {

class TimeSeqView final : public QWidget
{
    Q_OBJECT
public:
    explicit TimeSeqView(QWidget* parent = nullptr);
    void setTimeline(const Timeline& tl); // moves the cursor to the last event
    void setCursor(int eventIndex);
    void setStyle(const ViewStyle& style);
    int cursor() const { return m_cursor; }
    const TimeSeqLayout& layout() const { return m_layout; }
    QSize sizeHint() const override { return {1000, 420}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    TimeSeqLayout m_layout;
    int m_cursor = -1;
    ViewStyle m_style;
};

} // namespace socklab
