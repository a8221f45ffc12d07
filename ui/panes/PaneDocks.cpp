#include "PaneDocks.h"

#include "CodePane.h"
#include "EventLogPane.h"
#include "LessonViewsPane.h"
#include "PacketLayersPane.h"
#include "ViewFocus.h"
#include "ViewStyle.h"

#include <QDockWidget>
#include <QMainWindow>
#include <QTabBar>
#include <QTimer>

#include <algorithm>

namespace socklab {

PaneDocks::PaneDocks(QMainWindow* window)
    : QObject(window), m_window(window), m_layers(new PacketLayersPane(window)), m_code(new CodePane(window)),
      m_log(new EventLogPane(window)), m_lesson(new LessonViewsPane(window))
{
    QDockWidget* layers = addDock(m_layers, "packetLayersDock");
    QDockWidget* code = addDock(m_code, "codeDock");
    QDockWidget* log = addDock(m_log, "eventLogDock");
    m_secondary = {layers, code, log};
    m_lessonDock = addDock(m_lesson, "lessonViewsDock");
    window->tabifyDockWidget(layers, code);
    window->tabifyDockWidget(code, log);
    window->tabifyDockWidget(log, m_lessonDock);
    code->raise();
    connect(m_log, &EventLogPane::packetSelected, this, &PaneDocks::packetSelected);
}

QDockWidget* PaneDocks::addDock(QWidget* pane, const char* objectName)
{
    auto* dock = new QDockWidget(m_window);
    dock->setObjectName(QString::fromLatin1(objectName));
    // A pane may ask for more height than a 768-pixel projector can spare: let the user decide.
    pane->setMinimumHeight(120);
    dock->setWidget(pane);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable
                      | QDockWidget::DockWidgetClosable);
    m_window->addDockWidget(Qt::BottomDockWidgetArea, dock);
    return dock;
}

void PaneDocks::watchFocus(ViewFocus* focus)
{
    for (const QString& name : {QStringLiteral("stream"), QStringLiteral("buffers"), QStringLiteral("backlog"),
                                QStringLiteral("tseq")})
        focus->watch(m_lesson->viewWidget(name), name);
    // Bringing the lesson views' tab to the front is looking at them; leaving it, not any more.
    connect(m_lessonDock, &QDockWidget::visibilityChanged, focus, [this, focus](bool visible) {
        const QString lesson = m_lesson->currentViewName();
        if (visible)
            focus->setCurrent(lesson);
        else if (focus->current() == lesson)
            focus->setCurrent(QStringLiteral("ladder"));
    });
    connect(m_lesson, &QTabWidget::currentChanged, focus, [this, focus] {
        if (m_lessonDock->isVisible()) focus->setCurrent(m_lesson->currentViewName());
    });
}

void PaneDocks::setTimeline(const Timeline& tl)
{
    m_layers->setTimeline(tl);
    m_code->setTimeline(tl);
    // Your own programs stop at a line: the call gate holds their calls (not a replay, not attach).
    m_code->setBreakpointsEnabled(tl.scenarioId == QLatin1String("lab"));
    m_log->setTimeline(tl);
    m_lesson->setTimeline(tl);
    if (tl.scenarioId == m_scenarioId) return;
    m_scenarioId = tl.scenarioId;
    // Sticky packets, buffers, backlog: their picture is the lesson, not the code.
    if (!LessonViewsPane::viewForScenario(m_scenarioId).isEmpty()) {
        if (m_presenter) m_lessonDock->show();
        m_lessonDock->raise();
    } else if (m_presenter) {
        m_lessonDock->hide();
    } else {
        // No lesson view of its own (udp, handshake…): a view left over from another
        // scenario ("No listening socket in this run") would only confuse; show its code.
        m_secondary.at(1)->raise();
    }
    fitLessonHeight();
}

void PaneDocks::raisePacketLayers()
{
    QDockWidget* layers = m_secondary.at(0);
    if (layers->isVisible() || !m_presenter) {
        layers->show();
        layers->raise();
    }
}

void PaneDocks::setCursor(int cursor)
{
    m_layers->setCursor(cursor);
    m_code->setCursor(cursor);
    m_log->setCursor(cursor);
    m_lesson->setCursor(cursor);
}

void PaneDocks::selectPacket(int eventIndex)
{
    m_layers->setSelectedPacket(eventIndex);
    m_log->setSelectedPacket(eventIndex);
}

void PaneDocks::setStyle(const ViewStyle& style) { m_lesson->setStyle(style); }

void PaneDocks::setPresenter(bool on)
{
    m_presenter = on;
    // Dock title and tabs readable from the back (the views scale their own type).
    QFont font = m_window->font();
    if (on) font.setPointSizeF(font.pointSizeF() * 1.6);
    m_lessonDock->setFont(on ? font : QFont());
    m_lesson->tabBar()->setFont(on ? font : QFont());
    if (on) {
        for (QDockWidget* d : std::as_const(m_secondary))
            d->hide();
        m_lessonDock->setVisible(!LessonViewsPane::viewForScenario(m_scenarioId).isEmpty());
        fitLessonHeight();
    }
    m_layers->setPresenter(on);
    m_code->setPresenter(on);
    m_log->setPresenter(on);
}

void PaneDocks::fitLessonHeight()
{
    // The lesson view is the point of its scenario: it gets the height it needs
    // (more for large type) instead of a pane's quarter, as long as the ladder and
    // the narration keep half the window. Done once the layout has taken the dock in.
    QTimer::singleShot(0, this, [this] {
        const bool lesson = !LessonViewsPane::viewForScenario(m_scenarioId).isEmpty();
        const int height = m_window->height();
        if (lesson && m_lessonDock->isVisible()) {
            const int hint = m_lesson->currentWidget()->sizeHint().height() + m_lesson->tabBar()->sizeHint().height() + 30;
            const int want = m_presenter ? hint * 115 / 100 : hint;
            // A presenter's ladder and narration are the lesson: the view gets at most a third,
            // unless that is too short for it to be read at all (the buffers view's data
            // direction, the time–sequence graph's plot under large type): then up to
            // half, and the ladder follows its cursor.
            // What the dock puts around the view (its title, the tabs), as laid out now.
            const int chrome = m_lessonDock->height() - m_lesson->currentWidget()->height();
            const int tabs = (chrome > 0 ? chrome : m_lesson->tabBar()->sizeHint().height() + 30) + 12;
            const int need = m_lesson->neededHeight() > 0 ? m_lesson->neededHeight() + tabs : 0;
            int most = std::max(height * (m_presenter ? 34 : 48) / 100, std::min(need, height * 58 / 100));
            // Never more than leaves the ladder, the narration and the playback bar
            // their minimum: squeezed below it the caption's lines were drawn over
            // each other. A view given less draws its compact form.
            if (const QWidget* centre = m_window->centralWidget()) {
                const int above = centre->mapTo(m_window, QPoint(0, 0)).y();
                most = std::min(most, std::max(height * 27 / 100, height - above - centre->minimumSizeHint().height()));
            }
            m_window->resizeDocks({m_lessonDock}, {std::clamp(want, std::min(height * 27 / 100, most), most)},
                                  Qt::Vertical);
            m_enlarged = true;
        } else if (!lesson && m_enlarged && !m_presenter) {
            m_window->resizeDocks({m_lessonDock}, {height * 27 / 100}, Qt::Vertical); // back to a pane's share
            m_enlarged = false;
        }
    });
}

void PaneDocks::retranslate()
{
    m_secondary.at(0)->setWindowTitle(tr("Packet layers"));
    m_secondary.at(1)->setWindowTitle(tr("Code"));
    m_secondary.at(2)->setWindowTitle(tr("Event log"));
    m_lessonDock->setWindowTitle(tr("Lesson views"));
    m_lesson->retranslate();
}

} // namespace socklab
