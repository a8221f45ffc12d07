// A saved session opens with a double click: the desktop entry runs
// `socklab FILE.socklab.json`, and the window opens that file as a replay.

#include "LabGuard.h"
#include "MainWindow.h"
#include "PlaybackController.h"
#include "SessionController.h"

#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace socklab;

namespace {

bool waitIdle(MainWindow& w)
{
    return QTest::qWaitFor([&] { return !w.session()->isBusy() && !w.playback()->isWaiting(); }, 60000);
}

} // namespace

TEST(SessionFile, OpensInTheWindowAsAReplay)
{
    SOCKLAB_REQUIRE_LAB();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("handshake.socklab.json"));
    int events = 0;
    {
        MainWindow recorded;
        recorded.openScenario(QStringLiteral("handshake"));
        ASSERT_TRUE(waitIdle(recorded));
        for (int guard = 0; guard < 100 && recorded.session()->hasNextStep(); ++guard) {
            recorded.session()->stepForward();
            ASSERT_TRUE(waitIdle(recorded));
        }
        ASSERT_TRUE(recorded.session()->saveSession(path));
        events = int(recorded.session()->timeline().events().size());
    }
    ASSERT_GT(events, 0);
    MainWindow w;
    ASSERT_TRUE(w.openSessionPath(path));
    EXPECT_TRUE(w.session()->isReplay());
    EXPECT_EQ(w.session()->scenarioId(), QStringLiteral("handshake"));
    EXPECT_EQ(int(w.session()->timeline().events().size()), events);
    EXPECT_FALSE(w.openSessionPath(dir.filePath(QStringLiteral("missing.socklab.json"))));
}
