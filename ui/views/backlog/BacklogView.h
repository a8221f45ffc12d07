#pragma once
// The backlog view as a widget (accept-queue slots, dropped SYNs):
// a pure function of (timeline, cursor) — it keeps a copy of the timeline and
// never talks to the engine.

#include "Timeline.h"
#include "ViewStyle.h"

#include <QWidget>

namespace socklab {

class BacklogView final : public QWidget
{
    Q_OBJECT
public:
    explicit BacklogView(QWidget* parent = nullptr);
    void setTimeline(const Timeline& tl); // moves the cursor to the last event
    void setCursor(int eventIndex);
    void setPresenter(bool on);           // large type, thick lines
    void setStyle(const ViewStyle& style);
    int cursor() const { return m_cursor; }
    const ViewStyle& viewStyle() const { return m_style; }
    QSize sizeHint() const override { return {1000, 420}; }
    int neededHeight() const; // the queue and one connection's SYNs on the time axis (compact)

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    Timeline m_timeline;
    int m_cursor = -1;
    ViewStyle m_style;
};

} // namespace socklab
