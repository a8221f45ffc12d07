// `socklab FILE`: the window opens a saved session given on the command line.

#include "MainWindow.h"
#include "Runner.h"
#include "ScenarioCatalog.h"
#include "SessionController.h"
#include "TimelineJson.h"
#include "WindowLauncher.h"

#include <QApplication>
#include <QTemporaryDir>
#include <QTimer>

#include <gtest/gtest.h>

using namespace socklab;

TEST(OpenSession, TheWindowShowsTheSessionGivenOnTheCommandLine)
{
    const auto sc = ScenarioCatalog::build(QStringLiteral("refused"));
    ASSERT_TRUE(sc);
    Runner r(*sc);
    Problem problem;
    ASSERT_TRUE(r.start(&problem) && r.runAll(&problem)) << problem.debugText().toStdString();
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("refused.json"));
    QString error;
    ASSERT_TRUE(saveTimeline(r.timeline(), file, &error)) << error.toStdString();

    bool seen = false;
    int events = -1;
    QString scenario;
    QTimer::singleShot(0, qApp, [&] {
        for (QWidget* w : QApplication::topLevelWidgets())
            if (auto* mw = qobject_cast<MainWindow*>(w)) {
                seen = mw->session()->isReplay();
                events = mw->session()->timeline().size();
                scenario = mw->session()->timeline().scenarioId;
            }
        QApplication::quit();
    });
    EXPECT_EQ(runWindow({QStringLiteral("en"), false, file}), 0);
    EXPECT_TRUE(seen);
    EXPECT_EQ(events, r.timeline().size());
    EXPECT_EQ(scenario, QStringLiteral("refused"));
}

TEST(OpenSession, AFileThatIsNoSessionIsRefusedBeforeTheWindowShows)
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("bad.json"));
    QFile f(file);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("{\"events\": [");
    f.close();
    bool ranLoop = false;
    QTimer::singleShot(0, qApp, [&] {
        ranLoop = true;
        QApplication::quit();
    });
    EXPECT_EQ(runWindow({QStringLiteral("en"), false, file}), 1);
    EXPECT_FALSE(ranLoop);
    for (QWidget* w : QApplication::topLevelWidgets()) EXPECT_FALSE(w->isVisible());
}
