// The playback cursor without sockets: where Step/Back stop, path-independence,
// and asking for the next real step at the end of the recording.

#include "PlaybackController.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace socklab;

namespace {

Timeline syntheticTimeline(int calls)
{
    Timeline tl;
    tl.scenarioId = QStringLiteral("handshake");
    qint64 t = 0;
    for (int i = 0; i < calls; ++i) {
        Event note;
        note.tUs = t++;
        note.data = NoteData{QStringLiteral("step"), {{"step", i}}};
        tl.append(note);
        Event call;
        call.tUs = t++;
        call.kind = EventKind::Call;
        call.actor = QStringLiteral("client");
        call.data = CallData{QStringLiteral("send"), QStringLiteral("sockfd"), {}, i, 3};
        tl.append(call);
        Event q;
        q.tUs = t++;
        q.kind = EventKind::Queue;
        q.data = QueueData{};
        tl.append(q);
        Event ret;
        ret.tUs = t++;
        ret.kind = EventKind::Return;
        ret.data = ReturnData{QStringLiteral("send"), QStringLiteral("sockfd"), 5, {}, {}, false, i};
        tl.append(ret);
    }
    return tl;
}

} // namespace

TEST(Playback, ShiftStepWalksEventByEventOverCallsAndReturnsButNotQueueSamplesOrNotes)
{
    PlaybackController pc;
    pc.setTimeline(syntheticTimeline(2), false);
    EXPECT_EQ(pc.cursor(), -1);
    QList<int> visited;
    for (int i = 0; i < 4; ++i) {
        pc.stepEvent();
        visited << pc.cursor();
    }
    EXPECT_EQ(visited, (QList<int>{1, 3, 5, 7}));
    pc.backEvent();
    EXPECT_EQ(pc.cursor(), 5);
    pc.home();
    EXPECT_EQ(pc.cursor(), -1);
    pc.end();
    EXPECT_EQ(pc.cursor(), 7);
}

TEST(Playback, StepIsOneSocketCallWithAllItCaused)
{
    PlaybackController pc;
    pc.setTimeline(syntheticTimeline(3), false);
    EXPECT_EQ(PlaybackController::unitEnds(syntheticTimeline(3)), (QList<int>{3, 7, 11}));
    QList<int> visited;
    for (int i = 0; i < 3; ++i) {
        pc.step();
        visited << pc.cursor();
        EXPECT_TRUE(pc.atUnitEnd());
    }
    EXPECT_EQ(visited, (QList<int>{3, 7, 11})); // each stop is a call's return: nothing left half-shown
    pc.back();
    EXPECT_EQ(pc.cursor(), 7);
    pc.backEvent(); // into the middle of a unit: the views do not show all of it
    EXPECT_EQ(pc.cursor(), 5);
    EXPECT_FALSE(pc.atUnitEnd());
    pc.step(); // and Step completes that unit, not the next one
    EXPECT_EQ(pc.cursor(), 7);
    pc.back(), pc.back(), pc.back();
    EXPECT_EQ(pc.cursor(), -1);
}

TEST(Playback, ARecordingWithoutScenarioStepsStepsByCall)
{
    Timeline tl = syntheticTimeline(3);
    Timeline programs;
    for (const Event& e : tl.events())
        if (!e.note()) programs.append(e); // the user's own programs: no "step" notes
    EXPECT_EQ(PlaybackController::unitEnds(programs), (QList<int>{2, 5, 8}));
}

TEST(Playback, CursorIsTheSameHoweverItIsReached)
{
    const Timeline tl = syntheticTimeline(3);
    PlaybackController a, b, c;
    for (PlaybackController* p : {&a, &b, &c})
        p->setTimeline(tl, false);
    a.step(), a.step(); // forward
    b.end(), b.back(); // from the end, backwards
    c.setCursor(7);    // scrubbed
    EXPECT_EQ(a.cursor(), 7);
    EXPECT_EQ(b.cursor(), 7);
    EXPECT_EQ(c.cursor(), 7);
    // Views see (timeline, cursor) and a progress that rests at 1.
    EXPECT_DOUBLE_EQ(b.progress(), 1.0);
    EXPECT_DOUBLE_EQ(c.progress(), 1.0);
}

TEST(Playback, SteppingPastTheEndAsksForTheNextRealStepOnce)
{
    PlaybackController pc;
    pc.setTimeline(syntheticTimeline(1), true);
    QSignalSpy need(&pc, &PlaybackController::needNextStep);
    pc.step();
    EXPECT_EQ(pc.cursor(), 3);
    EXPECT_EQ(need.count(), 0);
    EXPECT_FALSE(pc.finished()); // more steps can run
    pc.step();
    EXPECT_EQ(need.count(), 1);
    EXPECT_TRUE(pc.isWaiting());
    pc.step(); // still waiting for the kernel: no second request
    EXPECT_EQ(need.count(), 1);
    // The step's events arrive: the cursor moves to the end of the new call's unit.
    pc.setTimeline(syntheticTimeline(2), true);
    EXPECT_FALSE(pc.isWaiting());
    EXPECT_EQ(pc.cursor(), 7);
}

TEST(Playback, ShiftStepPastTheEndMovesOneEventOfTheNewStep)
{
    PlaybackController pc;
    pc.setTimeline(syntheticTimeline(1), true);
    pc.end();
    pc.stepEvent();
    ASSERT_TRUE(pc.isWaiting());
    pc.setTimeline(syntheticTimeline(2), true);
    EXPECT_EQ(pc.cursor(), 5);
}

TEST(Playback, WithoutMoreStepsTheEndIsTheEndAndSaysSo)
{
    PlaybackController pc;
    pc.setTimeline(syntheticTimeline(1), false);
    QSignalSpy need(&pc, &PlaybackController::needNextStep);
    QSignalSpy finished(&pc, &PlaybackController::finishedChanged);
    EXPECT_FALSE(pc.finished());
    for (int i = 0; i < 5; ++i)
        pc.step();
    EXPECT_EQ(need.count(), 0);
    EXPECT_EQ(pc.cursor(), 3);
    EXPECT_TRUE(pc.atEnd());
    EXPECT_TRUE(pc.finished());
    EXPECT_EQ(finished.count(), 1);
    pc.back();
    EXPECT_FALSE(pc.finished());
}

TEST(Playback, SpeedStaysBetweenAQuarterAndFour)
{
    PlaybackController pc;
    for (int i = 0; i < 10; ++i)
        pc.faster();
    EXPECT_DOUBLE_EQ(pc.speed(), 4.0);
    for (int i = 0; i < 10; ++i)
        pc.slower();
    EXPECT_DOUBLE_EQ(pc.speed(), 0.25);
}
