// Timeline ordering and its JSON form (the --json contract and session files).

#include "LabGuard.h"
#include "ScenarioRun.h"
#include "TimelineJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

using namespace socklab;

namespace {
Event note(qint64 t, const QString& code)
{
    Event e;
    e.tUs = t;
    e.kind = EventKind::Note;
    e.data = NoteData{code, {}};
    return e;
}
} // namespace

TEST(Timeline, KeepsEventsOrderedAndStableForEqualTimes)
{
    Timeline tl;
    tl.appendBatch({note(30, "c"), note(10, "a"), note(20, "b")});
    tl.append(note(20, "b2"));
    tl.append(note(5, "first"));
    QStringList codes;
    for (const Event& e : tl.events())
        codes << e.note()->code;
    EXPECT_EQ(codes, (QStringList{"first", "a", "b", "b2", "c"}));
    EXPECT_EQ(tl.lastIndexAtOrBefore(20), 3);
    EXPECT_EQ(tl.lastIndexAtOrBefore(4), -1);
}

TEST(TimelineJson, RoundTripKeepsEveryField)
{
    const Timeline tl = socklab::test::runScenario("echo");
    const QByteArray json = QJsonDocument(timelineToJson(tl, {.includeRaw = true})).toJson();
    const TimelineLoadResult back = timelineFromJson(json);
    ASSERT_TRUE(back.ok) << back.error.toStdString();
    ASSERT_EQ(back.timeline.size(), tl.size());
    EXPECT_EQ(back.timeline.scenarioId, "echo");
    EXPECT_EQ(back.timeline.captureMode, tl.captureMode);
    EXPECT_EQ(back.timeline.steps.size(), tl.steps.size());
    // With each timeline: the live one's frames are in its frame store.
    const TimelineJsonOptions session{.includeRaw = true, .payloadLimit = -1, .readBack = false};
    for (int i = 0; i < tl.size(); ++i) {
        EXPECT_EQ(eventToJson(back.timeline.at(i), back.timeline, session), eventToJson(tl.at(i), tl, session))
            << "event " << i;
    }
    // Bytes survive exactly (recv data is bytes, not text).
    const ReturnData* r = socklab::test::findReturn(back.timeline, "server", "recv");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->values.value("data").toByteArray(), QByteArray("hello"));
}

TEST(TimelineJson, ContractFields)
{
    SOCKLAB_REQUIRE_LAB();
    const Timeline tl = socklab::test::runScenario("handshake");
    const QJsonObject root = timelineToJson(tl);
    EXPECT_EQ(root.value("scenario").toString(), "handshake");
    EXPECT_EQ(root.value("capture").toString(), "namespace");
    bool sawSegment = false, sawState = false, sawReturn = false;
    for (const QJsonValue& v : root.value("events").toArray()) {
        const QJsonObject e = v.toObject();
        ASSERT_TRUE(e.contains("t_us") && e.contains("kind") && e.contains("actor"));
        const QString kind = e.value("kind").toString();
        if (kind == "segment") {
            sawSegment = true;
            for (const char* k : {"from", "to", "src_port", "dst_port", "flags", "seq", "ack", "win", "len", "options"})
                EXPECT_TRUE(e.contains(k)) << k;
        } else if (kind == "state") {
            sawState = true;
            EXPECT_TRUE(e.contains("state") && e.contains("source"));
        } else if (kind == "return") {
            sawReturn = true;
            EXPECT_TRUE(e.contains("call") && e.contains("result") && e.contains("errno"));
        }
    }
    EXPECT_TRUE(sawSegment && sawState && sawReturn);
}

TEST(TimelineJson, MalformedInputGivesOneClearError)
{
    EXPECT_FALSE(timelineFromJson("not json").ok);
    EXPECT_TRUE(timelineFromJson("not json").error.startsWith("not JSON"));
    EXPECT_FALSE(timelineFromJson("{}").ok);
    EXPECT_FALSE(timelineFromJson(R"({"events":[{"kind":"warp","t_us":1}]})").ok);
    EXPECT_TRUE(timelineFromJson(R"({"events":[{"kind":"warp","t_us":1}]})").error.contains("warp"));
    EXPECT_FALSE(timelineFromJson(R"({"events":[{"kind":"note"}]})").ok);
    EXPECT_FALSE(timelineFromJson(R"({"version":99,"events":[]})").ok);
    EXPECT_FALSE(timelineFromJson(R"({"events":[42]})").ok);
    EXPECT_TRUE(timelineFromJson(R"({"events":[]})").ok);
}

TEST(TimelineJson, SaveAndLoadFiles)
{
    QTemporaryDir dir;
    const Timeline tl = socklab::test::runScenario("refused");
    QString error;
    ASSERT_TRUE(saveTimeline(tl, dir.filePath("s.json"), &error)) << error.toStdString();
    const TimelineLoadResult back = loadTimeline(dir.filePath("s.json"));
    ASSERT_TRUE(back.ok) << back.error.toStdString();
    EXPECT_EQ(back.timeline.size(), tl.size());
    // raw frames are kept in session files, so packet details replay without sockets
    bool raw = false;
    for (const Event& e : back.timeline.events())
        if (e.kind == EventKind::Segment && !e.packet()->raw.isEmpty()) raw = true;
    EXPECT_TRUE(raw);
    EXPECT_FALSE(saveTimeline(tl, "/nonexistent-dir/s.json", &error));
    EXPECT_TRUE(error.contains("/nonexistent-dir/s.json"));
    EXPECT_FALSE(loadTimeline(dir.filePath("missing.json")).ok);
}
