// The window on real sockets (offscreen): every scenario opens without Qt
// warnings, stepping at the end runs the next real step, the view state at a
// cursor does not depend on the path, presenter mode, sessions, languages.

#include "AttachDialog.h"
#include "BacklogView.h"
#include "BuffersView.h"
#include "ByteStreamRenderer.h"
#include "ByteStreamView.h"
#include "CodePane.h"
#include "ErrorBanner.h"
#include "ExportActions.h"
#include "Exporter.h"
#include "LadderView.h"
#include "LessonViewsPane.h"
#include "MainWindow.h"
#include "NarrationBar.h"
#include "PlaybackBar.h"
#include "PlaybackController.h"
#include "ProgramSession.h"
#include "RecordingSources.h"
#include "RunProgramsDialog.h"
#include "ScenarioCatalog.h"
#include "ScenarioListPane.h"
#include "ScenarioRun.h"
#include "SessionController.h"
#include "StateMachineView.h"
#include "TimelineJson.h"

#include <QDockWidget>
#include <QImage>
#include <QJsonDocument>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace socklab;

namespace {

QStringList g_warnings;

void recordWarnings(QtMsgType type, const QMessageLogContext&, const QString& msg)
{
    // The offscreen platform plugin itself says this whenever a window is shown.
    if (msg.contains(QLatin1String("propagateSizeHints"))) return;
    if (type != QtDebugMsg && type != QtInfoMsg) g_warnings << msg;
}

class WindowTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        g_warnings.clear();
        m_previous = qInstallMessageHandler(recordWarnings);
        QCoreApplication::setOrganizationName(QStringLiteral("socklab-test"));
        QCoreApplication::setApplicationName(QStringLiteral("test_window"));
    }
    void TearDown() override
    {
        qInstallMessageHandler(m_previous);
        EXPECT_TRUE(g_warnings.isEmpty()) << g_warnings.join('\n').toStdString();
    }

    // Waits (running the event loop) until the session's worker has answered.
    static bool waitIdle(MainWindow& w)
    {
        return QTest::qWaitFor([&] { return !w.session()->isBusy() && !w.playback()->isWaiting(); }, 60000);
    }
    static bool openAndWait(MainWindow& w, const QString& id)
    {
        w.openScenario(id);
        return waitIdle(w) && w.session()->isLive();
    }
    // Steps until every scenario step has run on the real sockets.
    static void runToTheEnd(MainWindow& w)
    {
        for (int guard = 0; guard < 400 && (w.session()->hasNextStep() || !w.playback()->atEnd()); ++guard) {
            w.playback()->step();
            ASSERT_TRUE(waitIdle(w));
        }
    }
    // Everything the window shows that depends on the cursor.
    static QString viewState(MainWindow& w)
    {
        QStringList s{w.narration()->caption(), w.playbackBar()->positionText()};
        if (auto* code = w.findChild<CodePane*>())
            for (const QString& a : code->actors())
                s << code->currentLineText(a) << code->statusText(a);
        return s.join(QStringLiteral(" | "));
    }

    QtMessageHandler m_previous = nullptr;
};

} // namespace

TEST_F(WindowTest, OpensEveryScenarioWithoutWarnings)
{
    MainWindow w;
    w.show();
    for (const QString& id : ScenarioCatalog::ids()) {
        SCOPED_TRACE(id.toStdString());
        ASSERT_TRUE(openAndWait(w, id)) << w.errorBanner()->message().toStdString();
        EXPECT_EQ(w.scenarioList()->current(), id);
        EXPECT_TRUE(w.errorBanner()->message().isEmpty()) << w.errorBanner()->message().toStdString();
        for (int i = 0; i < 4; ++i) {
            w.playback()->step();
            ASSERT_TRUE(waitIdle(w));
        }
        EXPECT_FALSE(w.narration()->caption().isEmpty());
    }
}

TEST_F(WindowTest, SteppingAtTheEndRunsTheHandshakeOnRealSockets)
{
    MainWindow w;
    w.show();
    ASSERT_TRUE(openAndWait(w, QStringLiteral("handshake")));
    EXPECT_EQ(w.session()->timeline().countOf(EventKind::Segment), 0);
    runToTheEnd(w);
    EXPECT_FALSE(w.session()->hasNextStep());
    QStringList flags;
    for (const Event& e : w.session()->timeline().events())
        if (e.kind == EventKind::Segment && e.provenance == Provenance::Kernel)
            flags << tcpFlagNames(e.packet()->flags).join(',');
    EXPECT_EQ(flags, (QStringList{"SYN", "SYN,ACK", "ACK"}));
    // The cursor rests on the last event Step stops at; what may follow it
    // (a late queue reading, a note) is not a place Step stops.
    const Timeline& tl = w.session()->timeline();
    for (int i = w.playback()->cursor() + 1; i < tl.size(); ++i)
        EXPECT_TRUE(tl.at(i).kind == EventKind::Note || tl.at(i).kind == EventKind::Queue)
            << "event " << i << " of kind " << kindName(tl.at(i).kind).toStdString() << " after the cursor";
}

TEST_F(WindowTest, TheViewAtACursorDoesNotDependOnThePath)
{
    MainWindow w;
    w.show();
    ASSERT_TRUE(openAndWait(w, QStringLiteral("handshake")));
    runToTheEnd(w);
    PlaybackController* pc = w.playback();
    // Forward from the start, 12 stops.
    pc->home();
    for (int i = 0; i < 12; ++i)
        pc->step();
    const int target = pc->cursor();
    const QString forward = viewState(w);
    // SOCKLAB_TEST_GRAB=/tmp/x.png: a picture of the window mid-handshake, to look at.
    if (const QString grab = qEnvironmentVariable("SOCKLAB_TEST_GRAB"); !grab.isEmpty()) {
        w.resize(1366, 768);
        pc->end();
        w.grab().save(grab);
        w.setPresenter(true);
        QTest::qWait(300); // let the layout settle before the picture
        w.grab().save(QString(grab).replace(QLatin1String(".png"), QLatin1String("-presenter.png")));
        w.setPresenter(false);
    }
    // Backward from the end.
    pc->end();
    while (pc->cursor() > target)
        pc->back();
    ASSERT_EQ(pc->cursor(), target);
    EXPECT_EQ(viewState(w), forward);
    // Scrubbed there with the slider.
    pc->home();
    w.playbackBar()->scrubber()->setValue(target);
    ASSERT_EQ(pc->cursor(), target);
    EXPECT_EQ(viewState(w), forward);
    // And a different cursor shows something different.
    pc->setCursor(-1);
    EXPECT_NE(viewState(w), forward);
}

TEST_F(WindowTest, PresenterModeHidesSecondaryPanesAndEnlargesType)
{
    MainWindow w;
    w.show();
    const qreal normal = w.narration()->captionPointSize();
    ASSERT_FALSE(w.secondaryDocks().isEmpty());
    w.setPresenter(true);
    EXPECT_TRUE(w.isPresenter());
    for (QDockWidget* d : w.secondaryDocks())
        EXPECT_FALSE(d->isVisible()) << d->objectName().toStdString();
    EXPECT_FALSE(w.scenarioList()->isVisible());
    EXPECT_GT(w.narration()->captionPointSize(), normal * 1.4);
    w.setPresenter(false);
    EXPECT_TRUE(w.scenarioList()->isVisible());
    EXPECT_DOUBLE_EQ(w.narration()->captionPointSize(), normal);
}

TEST_F(WindowTest, SavedSessionOpensAsTheSameTimelineWithoutSockets)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.socklab.json"));
    MainWindow w;
    ASSERT_TRUE(openAndWait(w, QStringLiteral("handshake")));
    runToTheEnd(w);
    const Timeline original = w.session()->timeline();
    ASSERT_TRUE(w.session()->saveSession(path));

    MainWindow other;
    ASSERT_TRUE(other.session()->openSession(path));
    EXPECT_TRUE(other.session()->isReplay());
    EXPECT_FALSE(other.session()->hasNextStep());
    const auto json = [](const Timeline& tl) {
        return QJsonDocument(timelineToJson(tl, {true})).toJson();
    };
    EXPECT_EQ(json(other.session()->timeline()), json(original));
    // Stepping a replay never asks for sockets.
    QSignalSpy busy(other.session(), &SessionController::busyChanged);
    for (int i = 0; i < 200; ++i)
        other.playback()->step();
    EXPECT_EQ(busy.count(), 0);
    EXPECT_EQ(other.playback()->cursor(), original.size() - 1);
}

TEST_F(WindowTest, MalformedSessionFileGivesOneMessageAndNoCrash)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.socklab.json"));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("{\"scenario\": \"handshake\", \"events\": [ {\"kind\": 42");
    f.close();
    MainWindow w;
    w.show();
    QSignalSpy errors(w.session(), &SessionController::errorOccurred);
    EXPECT_FALSE(w.session()->openSession(path));
    ASSERT_EQ(errors.count(), 1);
    const QString message = errors.at(0).at(0).toString();
    EXPECT_TRUE(message.contains(path)) << message.toStdString();
    EXPECT_FALSE(w.errorBanner()->message().isEmpty());
    EXPECT_FALSE(w.session()->isReplay());
}

TEST_F(WindowTest, PcapExportWritesTheCapturedFrames)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.pcap"));
    MainWindow w;
    ASSERT_TRUE(openAndWait(w, QStringLiteral("handshake")));
    runToTheEnd(w);
    if (w.session()->timeline().captureMode == QLatin1String("states-only")) GTEST_SKIP() << "no capture here";
    ASSERT_TRUE(w.session()->exportPcap(path));
    EXPECT_GT(QFileInfo(path).size(), 24 + 3 * 54);
}

TEST_F(WindowTest, LanguageSwitchRetranslatesTheWindow)
{
    MainWindow w;
    w.show();
    const auto fileMenu = [&] { return w.menuBar()->actions().at(0)->text(); };
    ASSERT_TRUE(w.setLanguage(QStringLiteral("en")));
    EXPECT_TRUE(QTest::qWaitFor([&] { return fileMenu() == QStringLiteral("&File"); }));
    // Qt posts LanguageChange to every widget: wait for the event loop to deliver it.
    ASSERT_TRUE(w.setLanguage(QStringLiteral("zh_CN")));
    EXPECT_TRUE(QTest::qWaitFor([&] { return fileMenu().contains(QStringLiteral("文件")); })) << fileMenu().toStdString();
    EXPECT_EQ(w.scenarioList()->list()->item(0)->text(), QStringLiteral("三次握手"));
    EXPECT_TRUE(w.playbackBar()->positionText().startsWith(QStringLiteral("事件")));
    ASSERT_TRUE(w.setLanguage(QStringLiteral("en")));
    EXPECT_TRUE(QTest::qWaitFor([&] { return fileMenu() == QStringLiteral("&File"); })) << fileMenu().toStdString();
}

TEST_F(WindowTest, LessonViewTabFollowsTheCursorAndPicksTheScenariosView)
{
    registerLessonViews();
    MainWindow w;
    w.show();
    LessonViewsPane* lesson = w.lessonViews();
    ASSERT_NE(lesson, nullptr);
    ASSERT_NE(w.lessonDock(), nullptr);
    EXPECT_EQ(w.lessonDock()->widget(), lesson);
    EXPECT_EQ(lesson->count(), 3);

    ASSERT_TRUE(openAndWait(w, QStringLiteral("sticky")));
    runToTheEnd(w);
    EXPECT_EQ(lesson->currentViewName(), QStringLiteral("stream"));
    EXPECT_EQ(lesson->currentWidget(), lesson->byteStream());
    EXPECT_FALSE(w.lessonDock()->visibleRegion().isEmpty()) << "the lesson dock is raised for sticky";
    EXPECT_EQ(w.exports()->currentView(), QStringLiteral("stream"));
    PlaybackController* pc = w.playback();
    const auto followed = [&] {
        return lesson->byteStream()->cursor() == pc->cursor() && lesson->buffers()->cursor() == pc->cursor()
               && lesson->backlog()->cursor() == pc->cursor();
    };
    EXPECT_EQ(pc->cursor(), w.session()->timeline().size() - 1);
    EXPECT_TRUE(followed());
    for (int i = 0; i < 5; ++i)
        pc->back();
    EXPECT_LT(pc->cursor(), w.session()->timeline().size() - 1);
    EXPECT_TRUE(followed());
    pc->setCursor(3);
    EXPECT_TRUE(followed());

    ASSERT_TRUE(openAndWait(w, QStringLiteral("fix-delimiter")));
    EXPECT_EQ(lesson->currentViewName(), QStringLiteral("stream"));
    ASSERT_TRUE(openAndWait(w, QStringLiteral("buffers")));
    EXPECT_EQ(lesson->currentViewName(), QStringLiteral("buffers"));
    EXPECT_EQ(w.exports()->currentView(), QStringLiteral("buffers"));
    ASSERT_TRUE(openAndWait(w, QStringLiteral("backlog")));
    EXPECT_EQ(lesson->currentViewName(), QStringLiteral("backlog"));
    ASSERT_TRUE(openAndWait(w, QStringLiteral("handshake")));
    EXPECT_EQ(lesson->currentViewName(), QStringLiteral("backlog")) << "a scenario without a lesson view keeps the tab";
    EXPECT_EQ(w.exports()->currentView(), QStringLiteral("ladder"));
}

TEST_F(WindowTest, ExportViewExportsTheViewLastClicked)
{
    registerLessonViews();
    QTemporaryDir dir;
    MainWindow w;
    w.show();
    ASSERT_TRUE(openAndWait(w, QStringLiteral("handshake")));
    runToTheEnd(w);
    EXPECT_EQ(w.exports()->currentView(), QStringLiteral("ladder"));
    QTest::mouseClick(w.stateMachine(), Qt::LeftButton, {}, QPoint(5, 5));
    EXPECT_EQ(w.exports()->currentView(), QStringLiteral("states"));
    const QString states = dir.filePath(QStringLiteral("states.png"));
    ASSERT_TRUE(w.exports()->exportView(states));
    QTest::mouseClick(w.ladder()->viewport(), Qt::LeftButton, {}, QPoint(5, 5));
    EXPECT_EQ(w.exports()->currentView(), QStringLiteral("ladder"));
    const QString ladder = dir.filePath(QStringLiteral("ladder.png"));
    ASSERT_TRUE(w.exports()->exportView(ladder));
    // The two files are the two different pictures, as `socklab export` draws them.
    const Exporter exporter(w.viewStyle());
    const QImage img(states);
    ASSERT_FALSE(img.isNull());
    EXPECT_EQ(img.convertToFormat(QImage::Format_ARGB32),
              exporter.image(QStringLiteral("states"), w.session()->timeline(), w.playback()->cursor(), img.size())
                  .convertToFormat(QImage::Format_ARGB32));
    EXPECT_NE(QImage(ladder).convertToFormat(QImage::Format_ARGB32), img.convertToFormat(QImage::Format_ARGB32));
    // Bringing the lesson views' tab to the front, then the code's.
    w.lessonDock()->raise();
    EXPECT_TRUE(QTest::qWaitFor([&] { return w.exports()->currentView() == w.lessonViews()->currentViewName(); }));
    w.secondaryDocks().at(1)->raise();
    EXPECT_TRUE(QTest::qWaitFor([&] { return w.exports()->currentView() == QStringLiteral("ladder"); }));
}

TEST_F(WindowTest, RunMyProgramsActionOpensTheDialog)
{
    MainWindow w;
    w.show();
    QAction* act = w.runProgramsAction();
    ASSERT_NE(act, nullptr);
    EXPECT_TRUE(w.menuBar()->actions().at(0)->menu()->actions().contains(act)) << "in the File menu";
    EXPECT_FALSE(act->text().isEmpty());
    EXPECT_EQ(w.programsDialog(), nullptr);
    act->trigger();
    ASSERT_NE(w.programsDialog(), nullptr);
    EXPECT_TRUE(w.programsDialog()->isVisible());
    EXPECT_FALSE(w.programsDialog()->isModal());
    w.programsDialog()->close();
    // The button under the scenario list opens the same dialog again.
    QPushButton* button = nullptr;
    for (QPushButton* b : w.findChildren<QPushButton*>())
        if (b->text() == act->text().remove(QLatin1Char('&'))) button = b;
    ASSERT_NE(button, nullptr);
    RunProgramsDialog* first = w.programsDialog();
    button->click();
    EXPECT_EQ(w.programsDialog(), first);
    EXPECT_TRUE(first->isVisible());
    first->close();
    // Attach to a running program…, next to it in the File menu.
    QAction* attach = w.recordingSources()->attachAction();
    EXPECT_TRUE(w.menuBar()->actions().at(0)->menu()->actions().contains(attach));
    attach->trigger();
    ASSERT_NE(w.recordingSources()->attachDialog(), nullptr);
    EXPECT_TRUE(w.recordingSources()->attachDialog()->isVisible());
    w.recordingSources()->attachDialog()->close();
}

TEST_F(WindowTest, ProgramsTimelineReachesTheLadderAndPlayback)
{
    registerLessonViews();
    // A real recording: the handshake run by the engine, handed over as the dialog would.
    Timeline tl = test::runScenario(QStringLiteral("handshake"));
    ASSERT_GT(tl.size(), 10);
    tl.scenarioId = QStringLiteral("lab");
    MainWindow w;
    w.show();
    w.openRunPrograms();
    ASSERT_NE(w.programsDialog(), nullptr);
    EXPECT_EQ(w.ladder()->renderer().layout().actorCount(), 0);
    Q_EMIT w.programsDialog()->timelineChanged(tl);
    EXPECT_TRUE(w.session()->isRecording());
    EXPECT_FALSE(w.session()->hasNextStep());
    EXPECT_EQ(w.session()->timeline().size(), tl.size());
    EXPECT_EQ(w.ladder()->renderer().layout().actorCount(), 2);
    EXPECT_FALSE(w.ladder()->renderer().layout().rows().isEmpty());
    EXPECT_EQ(w.playback()->eventCount(), tl.size());
    EXPECT_EQ(w.playback()->cursor(), tl.size() - 1) << "a live recording is followed to its end";
    EXPECT_EQ(w.ladder()->cursor(), tl.size() - 1);
    EXPECT_EQ(w.lessonViews()->byteStream()->cursor(), tl.size() - 1);
    EXPECT_TRUE(w.windowTitle().contains(QStringLiteral("programs"))) << w.windowTitle().toStdString();
    // Playback works on it as on a scenario, and never asks for sockets.
    QSignalSpy busy(w.session(), &SessionController::busyChanged);
    w.playback()->home();
    w.playback()->step();
    EXPECT_EQ(w.ladder()->cursor(), w.playback()->cursor());
    EXPECT_LT(w.playback()->cursor(), tl.size() - 1);
    w.playback()->end();
    w.session()->reset(); // nothing to reset: the programs are the user's
    EXPECT_EQ(busy.count(), 0);
    // And export.
    QTemporaryDir dir;
    ASSERT_TRUE(w.exports()->exportView(dir.filePath(QStringLiteral("lab.png"))));
    EXPECT_GT(QImage(dir.filePath(QStringLiteral("lab.png"))).width(), 100);
    // A scenario chosen afterwards runs again on real sockets.
    ASSERT_TRUE(openAndWait(w, QStringLiteral("handshake")));
    EXPECT_FALSE(w.session()->isRecording());
}

TEST_F(WindowTest, StudentsOwnProgramsAnimateInTheWindow)
{
    MainWindow w;
    w.show();
    ASSERT_TRUE(openAndWait(w, QStringLiteral("handshake")));
    w.openRunPrograms();
    RunProgramsDialog* dialog = w.programsDialog();
    ASSERT_NE(dialog, nullptr);
    dialog->openExample(3); // sticky packets: needs no typing
    QSignalSpy finished(dialog, &RunProgramsDialog::runFinished);
    QSignalSpy timelines(dialog, &RunProgramsDialog::timelineChanged);
    ASSERT_TRUE(dialog->run()) << dialog->status().toStdString();
    ASSERT_TRUE(finished.wait(60000));
    EXPECT_GT(timelines.count(), 0);
    EXPECT_TRUE(w.session()->isRecording());
    const Timeline shown = w.session()->timeline(); // a copy: the session may publish a newer one
    EXPECT_EQ(shown.size(), dialog->session()->timeline().size());
    EXPECT_GE(shown.countOf(EventKind::Segment), 3) << "at least the handshake of the student's client";
    EXPECT_GE(w.ladder()->renderer().layout().actorCount(), 2);
    EXPECT_EQ(w.ladder()->cursor(), w.playback()->cursor());
    dialog->close();
}
