// Session files are read and written on a thread of their own (File ▸ Open,
// File ▸ Save): a million-event session takes seconds, and the window keeps
// painting meanwhile. What is asked for after an open has started wins over it;
// a save under way is finished before the window goes.

#include "ErrorBanner.h"
#include "MainWindow.h"
#include "PlaybackBar.h"
#include "ScenarioListPane.h"
#include "SessionController.h"
#include "TimelineJson.h"
#include "ViewsTestData.h"

#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>

#include <gtest/gtest.h>

#include <memory>

using namespace socklab;

namespace {

QByteArray bytesOf(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool barSays(MainWindow& w, const QString& words)
{
    for (const QLabel* l : w.playbackBar()->findChildren<QLabel*>())
        if (l->isVisible() && l->text().contains(words)) return true;
    return false;
}

} // namespace

TEST(SessionFiles, OpeningInTheBackgroundLeavesTheWindowAnsweringUntilTheFileIsRead)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("long.socklab.json"));
    const Timeline saved = test::syntheticTimeline(60000);
    QString error;
    ASSERT_TRUE(saveTimeline(saved, path, &error)) << error.toStdString();

    MainWindow w;
    w.resize(1366, 768);
    w.show();
    w.scenarioList()->setCurrent(QStringLiteral("handshake"));
    QSignalSpy finished(w.session(), &SessionController::openFinished);
    QSignalSpy busy(w.session(), &SessionController::busyChanged);
    w.session()->openSessionInBackground(path);
    // Back at once: the file is read elsewhere, and the window says so.
    EXPECT_EQ(finished.count(), 0);
    EXPECT_TRUE(w.session()->timeline().isEmpty());
    EXPECT_TRUE(w.session()->isBusy());
    EXPECT_EQ(w.session()->openingPath(), path);
    EXPECT_EQ(busy.count(), 1);
    EXPECT_TRUE(barSays(w, QStringLiteral("long.socklab.json"))) << "the bar names the file being opened";

    int ticks = 0; // the GUI thread's event loop runs while the file is read
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, [&] { ++ticks; });
    tick.start(1);
    ASSERT_TRUE(finished.wait(120000));
    EXPECT_GT(ticks, 0);
    EXPECT_TRUE(finished.at(0).at(1).toBool());
    EXPECT_EQ(finished.at(0).at(0).toString(), path);
    EXPECT_TRUE(w.session()->isReplay());
    EXPECT_FALSE(w.session()->isBusy());
    EXPECT_TRUE(w.session()->openingPath().isEmpty());
    EXPECT_EQ(w.session()->timeline().size(), saved.size());
    EXPECT_EQ(w.session()->scenarioId(), QStringLiteral("synthetic"));
    EXPECT_TRUE(w.scenarioList()->current().isEmpty()) << "no scenario of the list is what is shown";
    EXPECT_FALSE(barSays(w, QStringLiteral("long.socklab.json")));
}

TEST(SessionFiles, WhatIsAskedForLaterWinsOverAnOpenUnderWay)
{
    QTemporaryDir dir;
    const QString big = dir.filePath(QStringLiteral("big.socklab.json"));
    const QString small = dir.filePath(QStringLiteral("small.socklab.json"));
    QString error;
    ASSERT_TRUE(saveTimeline(test::syntheticTimeline(20000), big, &error));
    const Timeline smallTl = test::syntheticTimeline(30);
    ASSERT_TRUE(saveTimeline(smallTl, small, &error));

    MainWindow w;
    QSignalSpy finished(w.session(), &SessionController::openFinished);
    w.session()->openSessionInBackground(big);
    w.session()->openSessionInBackground(small);
    ASSERT_TRUE(finished.wait(60000));
    ASSERT_EQ(finished.count(), 1) << "the first open is thrown away, not shown and then replaced";
    EXPECT_EQ(finished.at(0).at(0).toString(), small);
    EXPECT_EQ(w.session()->timeline().size(), smallTl.size());

    // A recording shown while a file is read wins over the file. The file
    // thread takes its work in order: once a later save has reported, the
    // open's answer has come back too (and was dropped).
    Timeline recording = test::syntheticTimeline(12);
    recording.scenarioId = QStringLiteral("lab");
    finished.clear();
    w.session()->openSessionInBackground(big);
    w.session()->showRecording(recording);
    EXPECT_FALSE(w.session()->isBusy());
    QSignalSpy saved(w.session(), &SessionController::succeeded);
    w.session()->saveSessionInBackground(dir.filePath(QStringLiteral("after.socklab.json")));
    ASSERT_TRUE(saved.wait(60000));
    EXPECT_EQ(finished.count(), 0);
    EXPECT_TRUE(w.session()->isRecording());
    EXPECT_EQ(w.session()->timeline().size(), recording.size());
}

TEST(SessionFiles, ABadFileOpenedInTheBackgroundIsOneMessageAndChangesNothing)
{
    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("bad.socklab.json"));
    QFile f(bad);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("{\"scenario\": \"handshake\", \"events\": [ {\"kind\": 42");
    f.close();

    MainWindow w;
    w.show();
    const Timeline shown = test::syntheticTimeline(40);
    w.session()->showRecording(shown);
    QSignalSpy errors(w.session(), &SessionController::errorOccurred);
    QSignalSpy finished(w.session(), &SessionController::openFinished);
    w.session()->openSessionInBackground(bad);
    ASSERT_TRUE(finished.wait(60000));
    EXPECT_FALSE(finished.at(0).at(1).toBool());
    ASSERT_EQ(errors.count(), 1);
    EXPECT_TRUE(errors.at(0).at(0).toString().contains(bad)) << errors.at(0).at(0).toString().toStdString();
    EXPECT_FALSE(w.errorBanner()->message().isEmpty());
    EXPECT_FALSE(w.session()->isBusy());
    EXPECT_TRUE(w.session()->isRecording());
    EXPECT_EQ(w.session()->timeline().size(), shown.size());

    errors.clear();
    finished.clear();
    w.session()->openSessionInBackground(dir.filePath(QStringLiteral("missing.socklab.json")));
    ASSERT_TRUE(finished.wait(60000));
    EXPECT_EQ(errors.count(), 1);
    EXPECT_EQ(w.session()->timeline().size(), shown.size());
}

TEST(SessionFiles, SavingInTheBackgroundWritesTheSameFileAndFinishesBeforeTheWindowGoes)
{
    QTemporaryDir dir;
    const QString here = dir.filePath(QStringLiteral("here.socklab.json"));
    const QString behind = dir.filePath(QStringLiteral("behind.socklab.json"));
    const Timeline tl = test::syntheticTimeline(40000);
    {
        auto w = std::make_unique<MainWindow>();
        w->session()->showRecording(tl);
        ASSERT_TRUE(w->session()->saveSession(here));
        QSignalSpy saved(w->session(), &SessionController::succeeded);
        // The file thread is busy reading when the save is handed to it.
        w->session()->openSessionInBackground(here);
        w->session()->saveSessionInBackground(behind);
        EXPECT_EQ(w->session()->savesUnderWay(), 1);
        EXPECT_EQ(saved.count(), 0) << "saved on the file thread, not here";
        // What is shown meanwhile does not change what is being written.
        w->session()->showRecording(test::syntheticTimeline(3));
        w.reset(); // the window goes at once
    }
    const QByteArray expected = bytesOf(here);
    ASSERT_GT(expected.size(), 1000000);
    EXPECT_TRUE(bytesOf(behind) == expected) << "the background save is the same file, written to its end";

    MainWindow w;
    w.session()->showRecording(tl);
    QSignalSpy errors(w.session(), &SessionController::errorOccurred);
    w.session()->saveSessionInBackground(dir.filePath(QStringLiteral("no/such/folder/x.socklab.json")));
    ASSERT_TRUE(errors.wait(60000));
    EXPECT_EQ(errors.count(), 1);
    EXPECT_EQ(w.session()->savesUnderWay(), 0);
}
