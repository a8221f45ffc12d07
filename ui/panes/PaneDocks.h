#pragma once
// The window's docks: packet layers, code, event log (the secondary panes a
// presenter hides) and the lesson views, tabbed together under the ladder.
// Kept out of MainWindow so that it stays a small composition of parts.

#include "Timeline.h"

#include <QList>
#include <QObject>

class QDockWidget;
class QMainWindow;
class QWidget;

namespace socklab {

class CodePane;
class EventLogPane;
class LessonViewsPane;
class PacketLayersPane;
class ViewFocus;
class ViewStyle;

class PaneDocks final : public QObject
{
    Q_OBJECT

public:
    explicit PaneDocks(QMainWindow* window);

    void setTimeline(const Timeline& tl); // a lesson scenario brings its view to the front
    void setCursor(int cursor);
    void selectPacket(int eventIndex);
    void raisePacketLayers(); // a segment was clicked: its layers come to the front (not in presenter mode)
    void setStyle(const ViewStyle& style);
    void setPresenter(bool on); // hides the secondary panes; keeps a lesson view that matters
    void retranslate();
    void watchFocus(ViewFocus* focus); // the lesson views, their tabs and their dock tell it what is looked at

    QList<QDockWidget*> secondaryDocks() const { return m_secondary; }
    QList<QDockWidget*> allDocks() const { return m_secondary + QList<QDockWidget*>{m_lessonDock}; }
    QDockWidget* lessonDock() const { return m_lessonDock; }
    LessonViewsPane* lessonViews() const { return m_lesson; }
    CodePane* codePane() const { return m_code; }

signals:
    void packetSelected(int eventIndex);

private:
    QDockWidget* addDock(QWidget* pane, const char* objectName);
    void fitLessonHeight();

    QMainWindow* m_window;
    PacketLayersPane* m_layers;
    CodePane* m_code;
    EventLogPane* m_log;
    LessonViewsPane* m_lesson;
    QList<QDockWidget*> m_secondary;
    QDockWidget* m_lessonDock = nullptr;
    QString m_scenarioId;
    bool m_presenter = false;
    bool m_enlarged = false; // the docks were made taller for a lesson view
};

} // namespace socklab
