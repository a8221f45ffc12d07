#pragma once
// The lesson's own views as one widget class: the byte stream, the buffers,
// the backlog and the time–sequence graph differ only in what they paint and
// how much room they need. Like every view a pure function of (timeline,
// cursor): it keeps a copy of the timeline and never talks to the engine.

#include "TimeSeqLayout.h"
#include "Timeline.h"
#include "ViewStyle.h"

#include <QWidget>

namespace socklab {

class LessonView final : public QWidget
{
    Q_OBJECT
public:
    enum class Kind { ByteStream, Buffers, Backlog, TimeSeq };

    explicit LessonView(Kind kind, QWidget* parent = nullptr);
    Kind kind() const { return m_kind; }
    // The name exports give it: "stream", "buffers", "backlog", "tseq".
    QString viewName() const;

    void setTimeline(const Timeline& tl); // moves the cursor to the last event
    void setCursor(int eventIndex);
    void setPresenter(bool on); // large type, thick lines
    void setStyle(const ViewStyle& style);
    int cursor() const { return m_cursor; }
    const ViewStyle& viewStyle() const { return m_style; }
    // The time–sequence graph's layout, made once per timeline (empty for the others).
    const TimeSeqLayout& timeSeqLayout() const { return m_tseq; }

    QSize sizeHint() const override;
    // The least height at which the view reads at its style's type with no
    // text over another; 0 where the view draws a compact form in any share.
    int neededHeight() const;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    Kind m_kind;
    Timeline m_timeline;
    TimeSeqLayout m_tseq;
    int m_cursor = -1;
    ViewStyle m_style;
};

} // namespace socklab
