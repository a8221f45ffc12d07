// The window on real sockets (offscreen): every scenario opens without Qt
// warnings, stepping at the end runs the next real step, the view state at a
// cursor does not depend on the path, presenter mode, sessions, languages.

#include "AttachDialog.h"
#include "ByteStreamRenderer.h"
#include "LessonView.h"
#include "CodePane.h"
#include "DialogPlacement.h"
#include "ErrorBanner.h"
#include "ExportActions.h"
#include "Exporter.h"
#include "LabGuard.h"
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
#include "ScenarioMenu.h"
#include "ScenarioRun.h"
#include "SessionController.h"
#include "StateMachineView.h"
#include "TestShots.h"
#include "TimelineJson.h"
#include "Captions.h"
#include "LadderLayout.h"

#include <QDockWidget>
#include <QFontInfo>
#include <QImage>
#include <QLabel>
#include <QJsonDocument>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStyle>
#include <QTextLayout>
#include <QTimer>
#include <QLayout>
#include <QToolButton>
#include <QPushButton>
#include <QScreen>
#include <QRegularExpression>
#include <QScrollBar>
#include <QStatusBar>
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
    // A note the programs make after the last step (their exit, told once the
    // record is sealed) can arrive a moment later: step onto it too.
    static void runToTheEnd(MainWindow& w)
    {
        for (int round = 0; round < 2; ++round) {
            for (int guard = 0; guard < 400 && (w.session()->hasNextStep() || !w.playback()->atEnd()); ++guard) {
                w.playback()->step();
                ASSERT_TRUE(waitIdle(w));
            }
            if (round == 0) QTest::qWait(300);
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
    // Forward from the start, 12 events (Shift+→).
    pc->home();
    for (int i = 0; i < 12; ++i)
        pc->stepEvent();
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
        pc->backEvent();
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

namespace {

// The ladder row at the cursor lies wholly inside the viewport, below the header band.
::testing::AssertionResult cursorRowVisible(LadderView* lv)
{
    const LadderLayout& L = lv->renderer().layout();
    const int row = lv->renderer().cursorRow(lv->cursor());
    if (row < 0) return ::testing::AssertionSuccess();
    const qreal top = L.rowTop(row) - lv->verticalScrollBar()->value();
    const qreal bottom = top + L.rowHeightPx(row);
    if (top < L.metrics().headerHeight - 0.5 || bottom > lv->viewport()->height() + 0.5)
        return ::testing::AssertionFailure() << "row " << row << " at " << top << ".." << bottom << " in a viewport of "
                                             << lv->viewport()->height() << " (header " << L.metrics().headerHeight << ")";
    // Nothing is drawn after the cursor: no empty band of more than two rows under it.
    if (lv->viewport()->height() - bottom > 2.5 * L.metrics().rowHeight * L.zoom() && lv->verticalScrollBar()->value() > 0)
        return ::testing::AssertionFailure() << "empty region under the cursor row: " << lv->viewport()->height() - bottom;
    return ::testing::AssertionSuccess();
}

} // namespace

TEST_F(WindowTest, AStepIsACallTheLadderFollowsAndTheEndSaysSoInPresenterMode)
{
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    w.setPresenter(true);
    w.setGeometry(0, 0, 1366, 768);
    ASSERT_TRUE(openAndWait(w, QStringLiteral("teardown")));
    const int steps = w.session()->stepCount();
    int presses = 0, firstFin = -1;
    for (int guard = 0; guard < 100 && !w.playback()->finished(); ++guard) {
        w.playback()->step();
        ASSERT_TRUE(waitIdle(w));
        ++presses;
        const Timeline& tl = w.session()->timeline();
        for (int i = 0; firstFin < 0 && i <= w.playback()->cursor(); ++i)
            if (const PacketData* p = tl.at(i).packet(); p && p->has(TcpFlag::FIN)) firstFin = presses;
        EXPECT_TRUE(w.playback()->atUnitEnd());
        EXPECT_TRUE(cursorRowVisible(w.ladder())) << "after step " << presses;
        EXPECT_FALSE(w.narration()->caption().isEmpty());
    }
    // One press per scenario step (one socket call with all it caused), not one per event.
    EXPECT_LE(presses, steps);
    EXPECT_GT(presses, steps / 2);
    EXPECT_GT(firstFin, 0);
    EXPECT_LE(firstFin, steps);
    EXPECT_LT(steps, w.session()->timeline().size() / 2); // the old event-by-event walk took far more presses
    EXPECT_FALSE(w.narration()->endNote().isEmpty());
    for (int i = 0; i < 4; ++i) {
        w.playback()->back();
        EXPECT_TRUE(cursorRowVisible(w.ladder())) << "after back " << i;
        EXPECT_TRUE(w.narration()->endNote().isEmpty());
    }
    w.playbackBar()->scrubber()->setValue(3);
    EXPECT_TRUE(cursorRowVisible(w.ladder()));
}

TEST_F(WindowTest, NarrationNeverTellsWhatTheViewsDoNotShowYet)
{
    MainWindow w;
    w.show();
    ASSERT_TRUE(openAndWait(w, QStringLiteral("echo")));
    runToTheEnd(w);
    const Timeline& tl = w.session()->timeline();
    PlaybackController* pc = w.playback();
    pc->home();
    // Event by event: a step's caption appears only once its unit is complete.
    for (int guard = 0; guard < 400 && !pc->atEnd(); ++guard) {
        pc->stepEvent();
        const int k = stepAtEvent(tl, pc->cursor());
        if (k < 0) continue;
        const QString full = captionText(tl, k);
        if (pc->atUnitEnd())
            EXPECT_EQ(w.narration()->caption(), full);
        else
            EXPECT_NE(w.narration()->caption(), full) << "event " << pc->cursor();
    }
}

TEST_F(WindowTest, EveryShortcutBelongsToOneAction)
{
    MainWindow w;
    w.show();
    QMap<QString, QStringList> owners;
    for (QAction* a : w.findChildren<QAction*>())
        for (const QKeySequence& k : a->shortcuts())
            if (!k.isEmpty()) owners[k.toString()] << a->text();
    for (auto it = owners.cbegin(); it != owners.cend(); ++it)
        EXPECT_EQ(it.value().size(), 1) << it.key().toStdString() << ": " << it.value().join(", ").toStdString();
    EXPECT_TRUE(owners.contains(QStringLiteral("Ctrl+R")));
    EXPECT_TRUE(owners.contains(QStringLiteral("Shift+Right")));
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
    SOCKLAB_REQUIRE_LAB();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.pcap"));
    MainWindow w;
    ASSERT_TRUE(openAndWait(w, QStringLiteral("handshake")));
    runToTheEnd(w);
    ASSERT_EQ(w.session()->timeline().captureMode, "namespace");
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
    MainWindow w;
    w.show();
    LessonViewsPane* lesson = w.lessonViews();
    ASSERT_NE(lesson, nullptr);
    ASSERT_NE(w.lessonDock(), nullptr);
    EXPECT_EQ(w.lessonDock()->widget(), lesson);
    EXPECT_EQ(lesson->count(), 4); // stream, buffers, backlog, time–sequence (shown when the wire acted or TCP retransmitted)
    EXPECT_FALSE(lesson->timeSeqShown());

    ASSERT_TRUE(openAndWait(w, QStringLiteral("sticky")));
    runToTheEnd(w);
    EXPECT_FALSE(lesson->timeSeqShown()) << "nothing was lost on the lab's loopback";
    EXPECT_EQ(lesson->currentViewName(), QStringLiteral("stream"));
    EXPECT_EQ(lesson->currentWidget(), lesson->byteStream());
    EXPECT_FALSE(w.lessonDock()->visibleRegion().isEmpty()) << "the lesson dock is raised for sticky";
    EXPECT_EQ(w.exports()->currentView(), QStringLiteral("stream"));
    PlaybackController* pc = w.playback();
    const auto followed = [&] {
        return lesson->byteStream()->cursor() == pc->cursor() && lesson->buffers()->cursor() == pc->cursor()
               && lesson->backlog()->cursor() == pc->cursor();
    };
    // At the end: the last event a step can land on (a program's exit note after
    // the last call is no stop of its own).
    int lastStop = w.session()->timeline().size() - 1;
    while (lastStop > 0 && !PlaybackController::isStop(w.session()->timeline().at(lastStop))) --lastStop;
    EXPECT_EQ(pc->cursor(), lastStop);
    EXPECT_TRUE(followed());
    for (int i = 0; i < 5; ++i)
        pc->back();
    EXPECT_LT(pc->cursor(), lastStop);
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

// Home / → with a recording of the user's programs on screen move the cursor;
// they never open a scenario (the list got the focus back, made its first item
// current by itself — 三次握手 — and the recording was gone).
TEST_F(WindowTest, KeysAndFocusNeverThrowAwayTheRecordingOfYourPrograms)
{
    Timeline tl = test::runScenario(QStringLiteral("handshake"));
    ASSERT_GT(tl.size(), 10);
    tl.scenarioId = QStringLiteral("lab");
    MainWindow w;
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    w.openRunPrograms();
    Q_EMIT w.programsDialog()->timelineChanged(tl);
    w.programsDialog()->close();
    ASSERT_TRUE(w.session()->isRecording());
    QListWidget* list = w.scenarioList()->list();
    w.activateWindow();
    list->setFocus(Qt::TabFocusReason); // and as the window comes back to the front
    QFocusEvent in(QEvent::FocusIn, Qt::ActiveWindowFocusReason);
    QCoreApplication::sendEvent(list, &in);
    QTest::keyClick(&w, Qt::Key_Home);
    EXPECT_LE(w.playback()->cursor(), 0);
    QTest::keyClick(&w, Qt::Key_Right);
    EXPECT_TRUE(w.session()->isRecording()) << "a scenario was opened";
    EXPECT_EQ(w.session()->timeline().scenarioId, QStringLiteral("lab"));
    EXPECT_GT(w.playback()->cursor(), 0);
    EXPECT_EQ(w.scenarioList()->current(), QString());
    // Choosing a scenario asks first; Cancel keeps the recording.
    bool asked = false;
    QTimer::singleShot(0, [&] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        asked = box != nullptr;
        if (box) box->button(QMessageBox::Cancel)->click();
    });
    const QRect second = list->visualItemRect(list->item(2));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, second.center());
    EXPECT_TRUE(asked);
    EXPECT_TRUE(w.session()->isRecording());
    EXPECT_EQ(w.session()->timeline().scenarioId, QStringLiteral("lab"));
    EXPECT_EQ(w.scenarioList()->current(), QString()) << "the list shows no scenario while the recording is on screen";
}

// Presenter mode hides the scenario list: Playback ▸ Scenario and Ctrl+PgDown change scenario there.
TEST_F(WindowTest, PresenterModeChangesScenarioFromTheMenuAndKeys)
{
    MainWindow w;
    w.show();
    ASSERT_TRUE(openAndWait(w, QStringLiteral("handshake")));
    w.setPresenter(true);
    EXPECT_FALSE(w.scenarioList()->isVisible());
    QMenu* menu = w.scenarioMenu()->menu();
    ASSERT_TRUE(menu->menuAction()->isVisible());
    QAction* teardown = nullptr;
    for (QAction* a : menu->actions())
        if (a->data().toString() == QLatin1String("teardown")) teardown = a;
    ASSERT_NE(teardown, nullptr);
    EXPECT_FALSE(teardown->text().isEmpty());
    teardown->trigger();
    ASSERT_TRUE(waitIdle(w));
    EXPECT_EQ(w.session()->timeline().scenarioId, QStringLiteral("teardown"));
    EXPECT_TRUE(teardown->isChecked());
    EXPECT_TRUE(w.isPresenter());
    // Next scenario from the keyboard.
    const QStringList ids = ScenarioCatalog::ids();
    const QString after = ids.value(ids.indexOf(QStringLiteral("teardown")) + 1);
    QTest::keyClick(&w, Qt::Key_PageDown, Qt::ControlModifier);
    ASSERT_TRUE(waitIdle(w));
    EXPECT_EQ(w.session()->timeline().scenarioId, after);
    EXPECT_TRUE(w.isPresenter());
    w.setPresenter(false);
}

// Chinese titles break anywhere: each keeps all its characters and every line
// has room in its row ("UDP：数据报、截断与端口不" over an empty second line).
TEST_F(WindowTest, ScenarioTitlesWrapWithoutLosingTheirEnd)
{
    MainWindow w;
    ASSERT_TRUE(w.setLanguage(QStringLiteral("zh_CN")));
    ScenarioListPane* pane = w.scenarioList();
    ASSERT_TRUE(QTest::qWaitFor([&] { return pane->list()->item(0)->text() == QStringLiteral("三次握手"); }));
    w.show();
    QListWidget* list = pane->list();
    const int margin = list->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, list) + 1;
    for (int width : {170, 200, 230, 260, 300}) {
        pane->setFixedWidth(width);
        QTest::qWait(20);
        list->doItemsLayout();
        for (int i = 0; i < list->count(); ++i) {
            const QString title = list->item(i)->text();
            const QRect r = list->visualItemRect(list->item(i));
            SCOPED_TRACE(QStringLiteral("%1 px: %2").arg(width).arg(title).toStdString());
            EXPECT_LE(r.right(), list->viewport()->width()) << "its end under the scroll bar";
            // The lines the text takes in the width the row gives it.
            QTextLayout layout(title, list->font());
            QTextOption o;
            o.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
            layout.setTextOption(o);
            layout.beginLayout();
            int lines = 0;
            for (QTextLine l = layout.createLine(); l.isValid(); l = layout.createLine()) {
                l.setLineWidth(qMin(r.width(), list->viewport()->width() - r.left()) - 2 * margin);
                ++lines;
            }
            layout.endLayout();
            EXPECT_GE(r.height(), lines * QFontMetrics(list->font()).lineSpacing()) << lines << " lines";
        }
    }
    w.setLanguage(QStringLiteral("en"));
}

// Run my programs… opens beside the ladder, not over it.
TEST(DialogPlacement, BesideTheLadderAt1366x768AndAt1600x1000)
{
    // Presenter, 1366x768: the ladder takes the left two thirds down to the narration.
    const QRect screen(0, 0, 1366, 768), ladder(0, 24, 906, 480);
    const QRect r = DialogPlacement::beside(ladder, QSize(900, 560), QSize(420, 320), screen);
    EXPECT_TRUE(screen.contains(r));
    EXPECT_FALSE(r.intersects(ladder)) << r.x() << "," << r.y() << " " << r.width() << "x" << r.height();
    EXPECT_GE(r.width(), 420);
    // 1600x1000: the ladder in the middle, the docks below it.
    const QRect big(0, 0, 1600, 1000), middle(280, 60, 940, 460);
    const QRect b = DialogPlacement::beside(middle, QSize(900, 560), QSize(420, 320), big);
    EXPECT_FALSE(b.intersects(middle));
    EXPECT_EQ(b.size(), QSize(900, 1000 - 520)); // the whole band below it
    // No room anywhere: the corner that covers the least of it.
    const QRect c = DialogPlacement::beside(QRect(0, 0, 800, 700), QSize(600, 400), QSize(420, 320), QRect(0, 0, 1000, 800));
    EXPECT_EQ(c.bottomRight(), QPoint(999, 799));
}

TEST_F(WindowTest, RunMyProgramsOpensBesideTheLadder)
{
    MainWindow w;
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    w.openRunPrograms();
    RunProgramsDialog* d = w.programsDialog();
    ASSERT_NE(d, nullptr);
    const QRect ladder(w.ladder()->mapToGlobal(QPoint(0, 0)), w.ladder()->size());
    const QRect expected = DialogPlacement::beside(ladder, QSize(900, 560), QSize(420, 320), w.screen()->availableGeometry());
    EXPECT_EQ(d->geometry(), expected) << expected.x() << "," << expected.y() << " " << expected.width() << "x"
                                       << expected.height() << " on a screen of " << w.screen()->availableGeometry().width();
    d->close();
}

// The narration is what the back row reads: in a projector's window, with the
// lesson dock asking for its height, no line of the caption or the end note is
// squeezed away (seen at 1366x768, Chinese, presenter: the caption's third
// line drawn under the end note).
TEST_F(WindowTest, TheNarrationIsNeverSqueezedInAPresentersWindow)
{
    SOCKLAB_REQUIRE_LAB(); // a wire lesson: the graph tab asks the dock for its height
    MainWindow w;
    ASSERT_TRUE(w.setLanguage(QStringLiteral("zh_CN")));
    w.resize(1366, 768);
    w.show();
    w.setPresenter(true);
    w.setGeometry(0, 0, 1366, 768);
    ASSERT_TRUE(openAndWait(w, QStringLiteral("lost-data")));
    const auto labels = w.narration()->findChildren<QLabel*>();
    ASSERT_GE(labels.size(), 2);
    auto check = [&](const char* when) {
        QTest::qWait(50); // the dock is fitted once the layout has taken the timeline in
        for (const QLabel* l : labels) {
            const bool told = l->text() == w.narration()->caption() || l->text() == w.narration()->endNote();
            if (!l->isVisible() || l->text().isEmpty() || !told) continue;
            const QRect text = l->fontMetrics().boundingRect(QRect(0, 0, l->contentsRect().width(), 1 << 20),
                                                             int(l->alignment()) | Qt::TextWordWrap, l->text());
            EXPECT_GE(l->contentsRect().height(), text.height())
                << when << ": " << l->text().left(40).toStdString() << " needs " << text.height() << " px";
        }
    };
    check("at the start");
    for (int guard = 0; guard < 100 && !w.playback()->finished(); ++guard) {
        w.playback()->step();
        ASSERT_TRUE(waitIdle(w));
        check("after a step");
    }
    EXPECT_FALSE(w.narration()->endNote().isEmpty());
    check("at the end");
    w.setLanguage(QStringLiteral("en"));
}

TEST_F(WindowTest, WhatWasSavedWhereIsSaidAlsoInAPresentersWindow)
{
    SOCKLAB_REQUIRE_LAB();
    QTemporaryDir dir;
    MainWindow w;
    ASSERT_TRUE(w.setLanguage(QStringLiteral("zh_CN")));
    w.resize(1366, 768);
    w.show();
    w.setPresenter(true);
    EXPECT_FALSE(w.statusBar()->isVisible()); // a projector's screen has no status bar…
    ASSERT_TRUE(openAndWait(w, QStringLiteral("handshake")));
    runToTheEnd(w);
    const auto said = [&](const QString& path) {
        EXPECT_TRUE(w.statusBar()->isVisible()) << path.toStdString(); // …but it comes up to say this
        EXPECT_TRUE(w.statusBar()->currentMessage().contains(path)) << w.statusBar()->currentMessage().toStdString();
        EXPECT_GE(QFontInfo(w.statusBar()->font()).pixelSize(), 14); // read from the back row
    };
    const QString session = dir.filePath(QStringLiteral("h.socklab.json"));
    ASSERT_TRUE(w.session()->saveSession(session));
    said(session);
    w.statusBar()->clearMessage(); // as its time-out does
    EXPECT_FALSE(w.statusBar()->isVisible());
    const QString picture = dir.filePath(QStringLiteral("ladder.png"));
    ASSERT_TRUE(w.exports()->exportView(picture));
    said(picture);
    const QString notes = dir.filePath(QStringLiteral("notes.pdf"));
    ASSERT_TRUE(w.exports()->exportNotes(notes));
    said(notes);
    const QString pcap = dir.filePath(QStringLiteral("h.pcap"));
    ASSERT_TRUE(w.session()->exportPcap(pcap));
    said(pcap);
    test::keepShot(&w, QStringLiteral("saved-presenter-zh"));
    const QRegularExpressionMatch count = QRegularExpression(QStringLiteral("(\\d+) ")).match(w.statusBar()->currentMessage());
    EXPECT_GE(count.captured(1).toInt(), 3) << w.statusBar()->currentMessage().toStdString(); // its packets, counted
    // A failure is the banner's, in large type too.
    EXPECT_FALSE(w.session()->saveSession(dir.filePath(QStringLiteral("no/such/folder/x.json"))));
    EXPECT_FALSE(w.errorBanner()->message().isEmpty());
    for (const QLabel* l : w.errorBanner()->findChildren<QLabel*>())
        EXPECT_GE(QFontInfo(l->font()).pixelSize(), 14);
    w.setPresenter(false);
    EXPECT_TRUE(w.statusBar()->isVisible());
    w.setLanguage(QStringLiteral("en"));
}

// A 1024x768 projector (many classrooms still have one): in presenter mode the
// window fits the screen, the state diagram is whole beside the ladder, and the
// playback bar's buttons are all there.
TEST_F(WindowTest, APresentersWindowFitsA1024x768Projector)
{
    SOCKLAB_REQUIRE_LAB();
    MainWindow w;
    ASSERT_TRUE(w.setLanguage(QStringLiteral("zh_CN")));
    w.show();
    w.setPresenter(true);
    w.setGeometry(0, 0, 1024, 768);
    ASSERT_TRUE(openAndWait(w, QStringLiteral("teardown")));
    for (int i = 0; i < 8; ++i) {
        w.playback()->step();
        ASSERT_TRUE(waitIdle(w));
    }
    QTest::qWait(50);
    EXPECT_LE(w.minimumSizeHint().width(), 1024);
    EXPECT_LE(w.width(), 1024);
    const QRect states(w.stateMachine()->mapTo(&w, QPoint(0, 0)), w.stateMachine()->size());
    EXPECT_TRUE(w.rect().contains(states)) << states.x() << "," << states.y() << " " << states.width() << "x"
                                           << states.height() << " in " << w.width() << "x" << w.height();
    EXPECT_GE(states.width(), 1024 / 4);
    const QRect bar(w.playbackBar()->mapTo(&w, QPoint(0, 0)), w.playbackBar()->size());
    for (const QToolButton* b : w.playbackBar()->findChildren<QToolButton*>())
        if (b->isVisible()) {
            const QRect r(b->mapTo(&w, QPoint(0, 0)), b->size());
            EXPECT_TRUE(bar.contains(r) && w.rect().contains(r)) << b->text().toStdString();
        }
    test::keepShot(&w, QStringLiteral("presenter-1024-zh"));
    w.setLanguage(QStringLiteral("en"));
}
