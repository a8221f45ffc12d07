// Issue 12: `--json` and session files are written one event at a time; the
// bytes must be exactly those of the one-document writer they replace. And
// captured segments are compact: repeating text shared, payload inside raw.

#include "LabGuard.h"
#include "PacketAnnotator.h"
#include "PacketDecoder.h"
#include "PacketTap.h"
#include "ScenarioRun.h"
#include "TimelineJson.h"
#include "TimelineJsonWriter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <arpa/inet.h>

using namespace socklab;

namespace {

// What the verbs printed before streaming: one QJsonDocument of everything.
QByteArray oneDocument(const Timeline& tl, const TimelineJsonOptions& opt, const QJsonObject& extra,
                       QJsonDocument::JsonFormat format)
{
    QJsonObject root = timelineToJson(tl, opt);
    for (auto it = extra.begin(); it != extra.end(); ++it)
        root.insert(it.key(), it.value());
    return QJsonDocument(root).toJson(format);
}

QByteArray streamed(const Timeline& tl, const TimelineJsonOptions& opt, const QJsonObject& extra,
                    QJsonDocument::JsonFormat format, int* pieces = nullptr)
{
    QByteArray out;
    int n = 0;
    EXPECT_TRUE(writeTimelineJson(tl, opt, extra, format, [&](QByteArrayView b) {
        out += b;
        ++n;
        return true;
    }));
    if (pieces) *pieces = n;
    return out;
}

void expectSameBytes(const Timeline& tl)
{
    const QJsonObject lab{{"problems", QJsonArray{"a \"quoted\"\nproblem"}}, {"warnings", QJsonArray{}}};
    const QJsonObject cli{{"verb", "run"}, {"payload", 64}};
    for (const TimelineJsonOptions& opt :
         {TimelineJsonOptions{.payloadLimit = 64}, TimelineJsonOptions{.payloadLimit = 10},
          TimelineJsonOptions{.payloadLimit = -1},
          TimelineJsonOptions{.includeRaw = true, .payloadLimit = -1, .readBack = false}})
        for (const QJsonObject& extra : {QJsonObject{}, lab, cli})
            for (const auto format : {QJsonDocument::Indented, QJsonDocument::Compact}) {
                const QByteArray want = oneDocument(tl, opt, extra, format);
                const QByteArray got = streamed(tl, opt, extra, format);
                ASSERT_EQ(got.size(), want.size()) << "format " << int(format);
                EXPECT_TRUE(got == want) << "first difference at "
                                         << std::mismatch(got.begin(), got.end(), want.begin()).first - got.begin();
            }
}

} // namespace

TEST(JsonStream, HandshakeAndTeardownGiveTheSameBytesAsOneDocument)
{
    SOCKLAB_REQUIRE_LAB();
    for (const char* id : {"handshake", "teardown"}) {
        SCOPED_TRACE(id);
        const Timeline tl = socklab::test::runScenario(id);
        ASSERT_GE(tl.countOf(EventKind::Segment), 3);
        ASSERT_GT(tl.countOf(EventKind::Call), 2);
        expectSameBytes(tl);
    }
}

TEST(JsonStream, EmptyAndOneEventTimelinesGiveTheSameBytes)
{
    Timeline tl;
    tl.scenarioId = "none";
    expectSameBytes(tl);
    Event e;
    e.tUs = 5;
    e.data = NoteData{"step", {{"index", 0}, {"nested", QVariantMap{}}, {"list", QVariantList{}}}};
    tl.append(e);
    expectSameBytes(tl);
}

// The session writer writes each event's text itself (JsonTextObject), not
// through a QJsonObject: the bytes must stay Qt's for every kind of event and
// for text and values it does not write itself (escapes, non-ASCII, doubles,
// other variant types), which it hands to Qt's writer.
TEST(JsonStream, EventTextIsQtsBytesForEveryKindAndAwkwardValue)
{
    const QString awkward = QString::fromUtf8("a \"q\" \\ /\t\n\x01\x7f é 中文 😀") + QChar(0xd800) + QChar(0xfffe);
    const QVariantMap args{{"plain", "ok"},
                           {"awkward", awkward},
                           {QString::fromUtf8("键"), 1},
                           {"neg", -5},
                           {"big", qint64(1) << 60},
                           {"double", 1.5},
                           {"whole_double", 2.0},
                           {"huge", 1e300},
                           {"uint", 7u},
                           {"bool", true},
                           {"bytes", QByteArray("\0\xff\x01", 3)},
                           {"list", QVariantList{1, "two", QVariantList{}, QVariantMap{{"x", QByteArray("y")}}}},
                           {"map", QVariantMap{{"inner", QVariantMap{}}, {"b", false}}},
                           {"null", QVariant()},
                           {"stringlist", QStringList{"a", "b"}}};
    PacketData p;
    p.protocol = QStringLiteral("tcp");
    p.fromActor = QStringLiteral("client");
    p.toActor = awkward;
    p.srcAddr = QStringLiteral("192.0.2.1");
    p.dstAddr = QStringLiteral("::1");
    p.ipVersion = 6;
    p.srcPort = 65535;
    p.flags = TcpFlag::SYN | TcpFlag::ACK | TcpFlag::FIN | TcpFlag::RST | TcpFlag::PSH | TcpFlag::URG;
    p.seq = 0xffffffffu;
    p.ack = 1;
    p.len = 3;
    p.win = 65535;
    p.winScale = 14;
    p.options.mss = 1460;
    p.options.sackPermitted = true;
    p.options.hasTimestamps = true;
    p.options.tsVal = 0xfffffff0u;
    p.options.wscale = 7;
    p.options.sackBlocks.append({10u, 20u});
    p.options.sackBlocks.append({30u, 0xffffffffu});
    p.options.order = QStringList{"mss", "sackOK", "ts", "nop", "wscale"};
    p.raw = QByteArray(60, '\x45');
    p.capLen = 100;
    p.wireLen = 100;
    p.payload = QByteArray("\0\x01\x02", 3);
    p.wire = QStringLiteral("held");
    PacketData icmp;
    icmp.protocol = QStringLiteral("icmp");
    icmp.icmpType = 3;
    icmp.icmpCode = 4;
    icmp.raw = QByteArray(28, 'i');
    icmp.capLen = 28;

    QList<Event> events;
    auto add = [&](EventKind kind, auto data, Provenance prov = Provenance::Kernel) {
        Event e;
        e.tUs = events.size() % 2 ? -3 : qint64(events.size()) * 1'000'000'007;
        e.kind = kind;
        e.actor = events.size() % 3 ? QStringLiteral("server") : awkward;
        e.provenance = prov;
        e.data = data;
        events.append(e);
    };
    add(EventKind::Call, CallData{"send", awkward, args, 3, 12, QString::fromUtf8("作业/tcp_client.py")});
    add(EventKind::Call, CallData{"accept", "s", {}, -1, -1, {}});
    add(EventKind::Return, ReturnData{"recv", "connfd", -1, "ECONNRESET", args, true, 2});
    add(EventKind::Return, ReturnData{"recv", "connfd", 3, {}, {}, false, -1});
    add(EventKind::Segment, p);
    add(EventKind::Segment, PacketData{}, Provenance::Derived);
    add(EventKind::Datagram, icmp);
    add(EventKind::Segment, p);
    events.last().wireDelayUs = 4'000'000'000u; // wire mode: the wire delayed it (its largest value)
    add(EventKind::State, StateData{"connfd", "TIME_WAIT", "FIN_WAIT2", 1, 65535, awkward, true});
    add(EventKind::State, StateData{});
    QueueData q;
    q.inq = 0;
    q.backlog = 128;
    add(EventKind::Queue, q);
    add(EventKind::Timer, TimerData{"s", "retransmit", 200, 3, 4, 5});
    add(EventKind::Note, NoteData{awkward, args});
    add(EventKind::Note, NoteData{"step", {}});
    WireData w;
    w.action = QStringLiteral("hold");
    w.reason = awkward;
    w.direction = QStringLiteral("c2s");
    w.packetId = qint64(1) << 40;
    w.delayUs = 500000;
    w.packet = p;
    add(EventKind::Wire, w, Provenance::Wire);

    Timeline tl;
    tl.appendBatch(events);
    for (const TimelineJsonOptions& opt :
         {TimelineJsonOptions{.payloadLimit = 64}, TimelineJsonOptions{.payloadLimit = 1},
          TimelineJsonOptions{.includeRaw = true, .payloadLimit = -1, .readBack = false}})
        for (qsizetype i = 0; i < tl.size(); ++i) {
            QByteArray text = "x";
            appendEventJsonText(text, tl.at(i), tl, opt);
            EXPECT_EQ(text.sliced(1).toStdString(),
                      QJsonDocument(eventToJson(tl.at(i), tl, opt)).toJson(QJsonDocument::Compact).toStdString())
                << "event " << i;
        }
    expectSameBytes(tl);
    // And the session reader, which reads each event from its text, gives back what was written.
    QTemporaryDir dir;
    QString error;
    ASSERT_TRUE(saveTimeline(tl, dir.filePath("awkward.json"), &error)) << error.toStdString();
    const TimelineLoadResult back = loadTimeline(dir.filePath("awkward.json"));
    ASSERT_TRUE(back.ok) << back.error.toStdString();
    ASSERT_EQ(back.timeline.size(), tl.size());
    const TimelineJsonOptions asSaved{.includeRaw = true, .payloadLimit = -1, .readBack = false};
    for (qsizetype i = 0; i < tl.size(); ++i) {
        EXPECT_EQ(QJsonDocument(eventToJson(back.timeline.at(i), back.timeline, asSaved)).toJson().toStdString(),
                  QJsonDocument(eventToJson(tl.at(i), tl, asSaved)).toJson().toStdString())
            << "event " << i;
        EXPECT_EQ(back.timeline.at(i).wireDelayUs, tl.at(i).wireDelayUs) << "event " << i;
    }
    const auto delayed = std::find_if(tl.events().begin(), tl.events().end(), [](const Event& e) { return e.wireDelayUs > 0; });
    ASSERT_NE(delayed, tl.events().end());
    EXPECT_EQ(eventToJson(*delayed, tl, asSaved).value("wire_delay_us").toInteger(), 4'000'000'000);
}

TEST(JsonStream, ManyEventsAreWrittenInPiecesNotOneDocument)
{
    Timeline tl;
    for (int i = 0; i < 20000; ++i) {
        Event e;
        e.tUs = i;
        e.data = NoteData{"step", {{"index", i}}};
        tl.append(e);
    }
    int pieces = 0;
    const QByteArray got = streamed(tl, {}, {}, QJsonDocument::Indented, &pieces);
    EXPECT_EQ(got, oneDocument(tl, {}, {}, QJsonDocument::Indented));
    EXPECT_GT(pieces, 10); // bounded pieces, never the whole events array at once
}

TEST(JsonStream, AFailedWriteStopsAndSaysSo)
{
    Timeline tl;
    for (int i = 0; i < 20000; ++i) {
        Event e;
        e.tUs = i;
        e.data = NoteData{"step", {{"index", i}}};
        tl.append(e);
    }
    int calls = 0;
    EXPECT_FALSE(writeTimelineJson(tl, {}, {}, QJsonDocument::Compact, [&](QByteArrayView) { return ++calls < 2; }));
    EXPECT_EQ(calls, 2);
}

TEST(JsonStream, SavedSessionIsTheSameFileAsBefore)
{
    SOCKLAB_REQUIRE_LAB();
    const Timeline tl = socklab::test::runScenario("teardown");
    QTemporaryDir dir;
    const QString path = dir.filePath("t.socklab.json");
    const QJsonObject cli{{"verb", "run"}, {"payload", 64}};
    QString error;
    ASSERT_TRUE(saveTimeline(tl, path, &error, cli)) << error.toStdString();
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray got = f.readAll();
    const QByteArray want =
        oneDocument(tl, {.includeRaw = true, .payloadLimit = -1, .readBack = false}, {{"cli", cli}},
                    QJsonDocument::Compact);
    ASSERT_EQ(got.size(), want.size());
    const auto at = std::mismatch(got.begin(), got.end(), want.begin()).first - got.begin();
    EXPECT_TRUE(got == want) << "first difference at " << at << ": " << got.mid(at - 40, 80).toStdString()
                             << " / " << want.mid(at - 40, 80).toStdString();
    const TimelineLoadResult r = loadTimeline(path);
    ASSERT_TRUE(r.ok) << r.error.toStdString();
    EXPECT_EQ(r.timeline.size(), tl.size());
    EXPECT_EQ(r.cli, cli);
}

namespace {
// Ethernet + IPv4 + TCP (20-byte header) carrying `payload`.
QByteArray tcpFrame(uint16_t from, uint16_t to, const QByteArray& payload)
{
    QByteArray f(14 + 20 + 20, '\0');
    auto* b = reinterpret_cast<uint8_t*>(f.data());
    b[12] = 0x08;
    uint8_t* ip = b + 14;
    ip[0] = 0x45;
    const uint16_t total = htons(uint16_t(40 + payload.size()));
    memcpy(ip + 2, &total, 2);
    ip[8] = 64, ip[9] = 6;
    ip[12] = 127, ip[15] = 1, ip[16] = 127, ip[19] = 1;
    uint8_t* tcp = ip + 20;
    const uint16_t sp = htons(from), dp = htons(to);
    memcpy(tcp, &sp, 2);
    memcpy(tcp + 2, &dp, 2);
    tcp[12] = 5 << 4;
    tcp[13] = 0x18;
    return f + payload;
}
} // namespace

TEST(CompactEvents, PayloadLivesInsideTheKeptFrameAndTextIsShared)
{
    PacketAnnotator annotate([](uint16_t l, uint16_t) { return l == 9000 ? QString("serv") + "er" : QString("cli") + "ent"; });
    QList<Event> events;
    for (int i = 0; i < 3; ++i) {
        CapturedFrame f;
        f.epochUs = i;
        f.bytes = tcpFrame(40000, 9000, QByteArray("hello ") + QByteArray::number(i));
        f.wireLen = f.capLen = uint32_t(f.bytes.size());
        events << annotate.toEvent(f, 1, 0);
    }
    for (int i = 0; i < 3; ++i) {
        const PacketData* p = events[i].packet();
        ASSERT_NE(p, nullptr);
        // The same bytes as before, seen through the frame: no second buffer.
        EXPECT_EQ(p->payload, QByteArray("hello ") + QByteArray::number(i));
        EXPECT_EQ(p->payload.constData(), p->raw.constData() + 54);
        EXPECT_EQ(p->srcAddr, "127.0.0.1");
        EXPECT_EQ(p->fromActor, "client");
        EXPECT_EQ(p->toActor, "server");
        EXPECT_EQ(events[i].actor, "client");
        // One shared copy of the repeating text (made afresh by the lookup each time).
        EXPECT_EQ(p->srcAddr.toString().constData(), events[0].packet()->srcAddr.toString().constData());
        EXPECT_EQ(p->dstAddr.toString().constData(), events[0].packet()->srcAddr.toString().constData());
        EXPECT_EQ(p->fromActor.toString().constData(), events[0].packet()->fromActor.toString().constData());
        EXPECT_EQ(events[i].actor.toString().constData(), events[0].actor.toString().constData());
    }
    // Changing a copy does not change the frame it was a view of.
    QByteArray copy = events[0].packet()->payload;
    copy[0] = 'J';
    EXPECT_EQ(events[0].packet()->payload, "hello 0");
    EXPECT_EQ(events[0].packet()->raw.mid(54), "hello 0");
    // The session format does not see the difference.
    const Timeline before = [&] {
        Timeline tl;
        tl.appendBatch(events);
        return tl;
    }();
    const TimelineLoadResult r = timelineFromJson(
        QJsonDocument(timelineToJson(before, {.includeRaw = true, .payloadLimit = -1, .readBack = false}))
            .toJson(QJsonDocument::Compact));
    ASSERT_TRUE(r.ok);
    EXPECT_EQ(r.timeline.at(2).packet()->payload, "hello 2");
    EXPECT_EQ(r.timeline.at(2).packet()->raw, before.at(2).packet()->raw);
}

// A reopened session keeps each segment's frame head (the file has it): its
// payload is seen through that frame too, not copied beside it.
TEST(CompactEvents, AReopenedSegmentsPayloadLivesInsideItsFrame)
{
    PacketAnnotator annotate([](uint16_t l, uint16_t) { return l == 9000 ? QStringLiteral("server") : QStringLiteral("client"); });
    Timeline tl;
    for (int i = 0; i < 3; ++i) {
        CapturedFrame f;
        f.epochUs = i;
        f.bytes = tcpFrame(40000, 9000, QByteArray("hello ") + QByteArray::number(i));
        f.wireLen = f.capLen = uint32_t(f.bytes.size());
        tl.append(annotate.toEvent(f, 1, 0));
    }
    QTemporaryDir dir;
    QString error;
    ASSERT_TRUE(saveTimeline(tl, dir.filePath("s.json"), &error)) << error.toStdString();
    const TimelineLoadResult back = loadTimeline(dir.filePath("s.json"));
    ASSERT_TRUE(back.ok) << back.error.toStdString();
    for (int i = 0; i < 3; ++i) {
        const PacketData* p = back.timeline.at(i).packet();
        ASSERT_NE(p, nullptr);
        EXPECT_EQ(p->payload, QByteArray("hello ") + QByteArray::number(i));
        EXPECT_EQ(p->raw, tl.frameHead(*tl.at(i).packet(), kFrameHeadBytes));
        EXPECT_EQ(p->payload.constData(), p->raw.constData() + 54) << "a second copy of the payload";
    }
}
