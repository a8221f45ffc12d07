#pragma once
// The byte-stream view as a widget: a pure function of (timeline, cursor).

#include "Timeline.h"
#include "ViewStyle.h"

#include <QWidget>

namespace socklab {

class ByteStreamView final : public QWidget
{
    Q_OBJECT
public:
    explicit ByteStreamView(QWidget* parent = nullptr);
    void setTimeline(const Timeline& tl);
    void setCursor(int eventIndex);
    void setStyle(const ViewStyle& style);
    int cursor() const { return m_cursor; }
    QSize sizeHint() const override { return {900, 260}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    Timeline m_timeline;
    int m_cursor = -1;
    ViewStyle m_style;
};

} // namespace socklab
