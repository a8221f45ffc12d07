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

TEST(Playback, StepsOverCallsAndReturnsButNotQueueSamplesOrNotes)
{
    PlaybackController pc;
    pc.setTimeline(syntheticTimeline(2), false);
    EXPECT_EQ(pc.cursor(), -1);
    QList<int> visited;
    for (int i = 0; i < 4; ++i) {
        pc.step();
        visited << pc.cursor();
    }
    EXPECT_EQ(visited, (QList<int>{1, 3, 5, 7}));
    pc.back();
    EXPECT_EQ(pc.cursor(), 5);
    pc.home();
    EXPECT_EQ(pc.cursor(), -1);
    pc.end();
    EXPECT_EQ(pc.cursor(), 7);
}

TEST(Playback, CursorIsTheSameHoweverItIsReached)
{
    const Timeline tl = syntheticTimeline(3);
    PlaybackController a, b, c;
    for (PlaybackController* p : {&a, &b, &c})
        p->setTimeline(tl, false);
    a.step(), a.step(), a.step(); // forward
    b.end(), b.back(), b.back(), b.back(); // from the end, backwards
    c.setCursor(5);                        // scrubbed
    EXPECT_EQ(a.cursor(), 5);
    EXPECT_EQ(b.cursor(), 5);
    EXPECT_EQ(c.cursor(), 5);
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
    pc.step();
    EXPECT_EQ(need.count(), 0);
    pc.step();
    EXPECT_EQ(need.count(), 1);
    EXPECT_TRUE(pc.isWaiting());
    pc.step(); // still waiting for the kernel: no second request
    EXPECT_EQ(need.count(), 1);
    // The step's events arrive: the cursor moves on to the first new one.
    pc.setTimeline(syntheticTimeline(2), true);
    EXPECT_FALSE(pc.isWaiting());
    EXPECT_EQ(pc.cursor(), 5);
}

TEST(Playback, WithoutMoreStepsTheEndIsTheEnd)
{
    PlaybackController pc;
    pc.setTimeline(syntheticTimeline(1), false);
    QSignalSpy need(&pc, &PlaybackController::needNextStep);
    for (int i = 0; i < 5; ++i)
        pc.step();
    EXPECT_EQ(need.count(), 0);
    EXPECT_EQ(pc.cursor(), 3);
    EXPECT_TRUE(pc.atEnd());
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
