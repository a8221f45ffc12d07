// The window on real sockets (offscreen): every scenario opens without Qt
// warnings, stepping at the end runs the next real step, the view state at a
// cursor does not depend on the path, presenter mode, sessions, languages.

#include "CodePane.h"
#include "ErrorBanner.h"
#include "MainWindow.h"
#include "NarrationBar.h"
#include "PlaybackBar.h"
#include "PlaybackController.h"
#include "ScenarioCatalog.h"
#include "ScenarioListPane.h"
#include "SessionController.h"
#include "TimelineJson.h"

#include <QDockWidget>
#include <QJsonDocument>
#include <QListWidget>
#include <QMenuBar>
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
    EXPECT_EQ(w.playback()->cursor(), w.session()->timeline().size() - 1);
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
