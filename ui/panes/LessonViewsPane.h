#pragma once
// The lesson's own views in one tabbed pane: byte stream (sticky packets and
// the fixes), buffers (flow control), backlog (accept queue) and the
// time–sequence graph (retransmissions, the wire's drops). Like every
// view they are functions of (timeline, cursor); opening a lesson scenario
// brings its view to the front.

#include "Timeline.h"

#include <QTabWidget>

namespace socklab {

class LessonView;
class ViewStyle;

class LessonViewsPane final : public QTabWidget
{
    Q_OBJECT

public:
    explicit LessonViewsPane(QWidget* parent = nullptr);

    // The exporter's name of the view a scenario is about ("stream", "buffers",
    // "backlog"), or empty when the lesson views have nothing special for it.
    static QString viewForScenario(const QString& scenarioId);

    void setTimeline(const Timeline& tl); // a new scenario picks its tab
    void setCursor(int eventIndex);
    void setStyle(const ViewStyle& style);
    void retranslate();

    QString currentViewName() const; // "stream", "buffers" or "backlog"
    QWidget* viewWidget(const QString& name) const;
    LessonView* byteStream() const { return m_stream; }
    LessonView* buffers() const { return m_buffers; }
    LessonView* backlog() const { return m_backlog; }
    LessonView* timeSeq() const { return m_tseq; } // its tab shows when the wire acted or the kernel retransmitted
    bool timeSeqShown() const;
    // The height the view in front needs to be read at its style's type (0: no
    // minimum; the time-sequence graph reads in a pane's share, compact).
    int neededHeight() const;

private:
    LessonView* m_stream;
    LessonView* m_buffers;
    LessonView* m_backlog;
    LessonView* m_tseq;
    QString m_scenarioId;
};

} // namespace socklab
