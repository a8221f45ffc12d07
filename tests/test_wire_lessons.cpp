// The six wire-mode lessons (issue 11, point 3) as scenario folders, run for
// real: their programs in the lab, every packet through socklab's wire, the
// folder's "wire" key giving the policy and each step's wire actions.

#include "FolderCatalog.h"
#include "LabGuard.h"
#include "ProblemText.h"
#include "ScenarioRun.h"

#include <QProcess>
#include <QSet>
#include <QRegularExpression>

using namespace socklab;
using namespace socklab::test;

namespace {

// What a program printed, line by line (its "program-output" notes).
QStringList printed(const Timeline& tl, const QString& actor)
{
    QStringList out;
    for (const Event& e : tl.events())
        if (const NoteData* n = e.note(); n && n->code == QLatin1String("program-output") && e.actor == actor
                                          && n->args.value("stream").toString() == QLatin1String("stdout"))
            out << n->args.value("text").toString();
    return out;
}

struct Seg {
    qint64 tUs;
    const PacketData* p;
    bool dropped() const { return p->wire == QLatin1String("dropped"); }
};

// Every TCP segment an actor's kernel sent: captured on lo, or dropped by the wire.
QList<Seg> segmentsFrom(const Timeline& tl, const QString& actor)
{
    QList<Seg> out;
    for (const Event& e : tl.events())
        if (const PacketData* p = e.packet();
            p && e.kind == EventKind::Segment && e.provenance != Provenance::Derived && p->fromActor == actor)
            out.append({e.tUs, p});
    return out;
}

bool kernel(const Timeline& tl, const QString& actor, const QString& state)
{
    return sawState(tl, actor, state, Provenance::Kernel);
}

// The scenarios of one run use their own port, so a failed one never disturbs the next.
Timeline run(const QString& id, int port, QVariantMap more = {})
{
    more.insert("port", QString::number(port));
    return runScenario(id, more);
}

qint64 eventTime(const Timeline& tl, const QString& actor, const QString& call, bool isReturn)
{
    for (const Event& e : tl.events()) {
        if (e.actor != actor) continue;
        if (const CallData* c = e.call(); c && !isReturn && c->call == call) return e.tUs;
        if (const ReturnData* r = e.ret(); r && isReturn && !r->blocked && r->call == call) return e.tUs;
    }
    return -1;
}

const QStringList kWireIds{"lost-syn", "lost-data", "lost-fin", "simultaneous-close", "reliable-vs-unreliable", "mtu"};

} // namespace

TEST(WireLessons, TheSixAreBuiltInFoldersInWireMode)
{
    for (const QString& id : kWireIds) {
        EXPECT_TRUE(ScenarioCatalog::contains(id)) << id.toStdString();
        Problem p;
        const auto f = FolderCatalog::find(id, &p);
        ASSERT_TRUE(f) << id.toStdString() << " " << p.debugText().toStdString();
        EXPECT_TRUE(f->wire.policy.has_value()) << id.toStdString();
        EXPECT_EQ(f->wire.policy->mtu, 1500) << id.toStdString();
    }
    const auto rvu = FolderCatalog::find("reliable-vs-unreliable");
    ASSERT_TRUE(rvu);
    EXPECT_DOUBLE_EQ(rvu->wire.policy->c2s.lossPercent, 25);
    EXPECT_TRUE(rvu->wire.policy->seedGiven);
}

TEST(WireLessons, LostSynIsSynSentFromTheKernelAndTheSameSynAgainAfterOneSecond)
{
    SOCKLAB_REQUIRE_LAB();
    const Timeline tl = run("lost-syn", 12701);
    EXPECT_TRUE(kernel(tl, "client", "SYN_SENT"));
    QList<Seg> syns;
    for (const Seg& s : segmentsFrom(tl, "client"))
        if (s.p->has(TcpFlag::SYN) && !s.p->has(TcpFlag::ACK)) syns << s;
    ASSERT_EQ(syns.size(), 2);
    EXPECT_TRUE(syns[0].dropped());
    EXPECT_FALSE(syns[1].dropped());
    EXPECT_EQ(syns[0].p->seq, syns[1].p->seq);
    EXPECT_GE(syns[1].tUs - syns[0].tUs, 900000);
    // connect() returned only after the second SYN was answered.
    const qint64 returned = eventTime(tl, "client", "connect", true);
    ASSERT_GE(returned, 0);
    EXPECT_GT(returned, syns[1].tUs);
    const ReturnData* r = findReturn(tl, "client", "connect");
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->result, 0);
    EXPECT_EQ(printed(tl, "server"), QStringList{"收到： hello"});
    EXPECT_EQ(tl.parameters.value("wire").toMap().value("mtu").toInt(), 1500);
    ASSERT_EQ(tl.steps.size(), 6);
    EXPECT_EQ(tl.steps[3].captionId, "lost-syn.connect");
}

TEST(WireLessons, LostDataIsDuplicateAcksAndTheSameSeqAgainThenATimedRetransmission)
{
    SOCKLAB_REQUIRE_LAB();
    const Timeline tl = run("lost-data", 12702);
    const QList<Seg> client = segmentsFrom(tl, "client"), server = segmentsFrom(tl, "server");
    QList<Seg> dropped;
    for (const Seg& s : client)
        if (s.dropped() && s.p->len > 0) dropped << s;
    ASSERT_EQ(dropped.size(), 2); // the 2nd segment of the big send, then the last message
    for (const Seg& d : dropped) {
        bool again = false;
        for (const Seg& s : client)
            again = again || (!s.dropped() && s.tUs > d.tUs && s.p->seq == d.p->seq && s.p->len == d.p->len);
        EXPECT_TRUE(again) << "seq " << d.p->relSeq << " was not sent again";
    }
    // The server's kernel asked again and again for the missing bytes: duplicate ACKs, with SACK.
    int acks = 0, sacks = 0;
    for (const Seg& s : server)
        if (s.p->len == 0 && !s.p->has(TcpFlag::FIN) && !s.p->has(TcpFlag::SYN) && s.p->ack == dropped[0].p->seq
            && s.tUs > dropped[0].tUs) {
            ++acks;
            if (!s.p->options.sackBlocks.isEmpty()) ++sacks;
        }
    EXPECT_GE(acks, 2);
    EXPECT_GE(sacks, 1);
    EXPECT_EQ(dropped[1].p->len, 3u); // b'bye'
    EXPECT_EQ(printed(tl, "server"), (QStringList{"收到 10000 字节，按顺序", "最后一条： bye"}));
}

TEST(WireLessons, LostFinShowsTheTeardownStatesFromTheKernelAndTheFinAgain)
{
    SOCKLAB_REQUIRE_LAB();
    const Timeline tl = run("lost-fin", 12703);
    EXPECT_TRUE(kernel(tl, "client", "FIN_WAIT_1"));
    EXPECT_TRUE(kernel(tl, "server", "CLOSE_WAIT"));
    EXPECT_TRUE(kernel(tl, "client", "FIN_WAIT_2"));
    EXPECT_TRUE(kernel(tl, "server", "LAST_ACK"));
    // The client's FIN: held, dropped by the wire, sent again by its kernel with the same seq.
    QList<Seg> fins;
    for (const Seg& s : segmentsFrom(tl, "client"))
        if (s.p->has(TcpFlag::FIN)) fins << s;
    ASSERT_GE(fins.size(), 2);
    EXPECT_TRUE(fins[0].dropped());
    EXPECT_FALSE(fins[1].dropped());
    EXPECT_EQ(fins[0].p->seq, fins[1].p->seq);
    int holds = 0, drops = 0;
    for (const Event& e : tl.events())
        if (const WireData* w = e.wire()) {
            holds += w->action == QLatin1String("hold");
            drops += w->action == QLatin1String("drop") && w->packet.has(TcpFlag::FIN);
        }
    EXPECT_EQ(holds, 2); // the client's FIN, then the server's
    EXPECT_EQ(drops, 2); // each dropped after being held, and sent again by its kernel
    QList<Seg> serverFins;
    for (const Seg& s : segmentsFrom(tl, "server"))
        if (s.p->has(TcpFlag::FIN)) serverFins << s;
    ASSERT_GE(serverFins.size(), 2);
    EXPECT_TRUE(serverFins[0].dropped());
    EXPECT_EQ(serverFins[0].p->seq, serverFins[1].p->seq);
    EXPECT_TRUE(kernel(tl, "client", "TIME_WAIT"));
}

TEST(WireLessons, SimultaneousCloseIsClosingOnBothSides)
{
    SOCKLAB_REQUIRE_LAB();
    const Timeline tl = run("simultaneous-close", 12704);
    for (const char* actor : {"client", "server"}) {
        EXPECT_TRUE(kernel(tl, actor, "FIN_WAIT_1")) << actor;
        // Both FINs crossed: each kernel got the other's FIN with its own not yet acknowledged.
        EXPECT_TRUE(kernel(tl, actor, "CLOSING")) << actor << " CLOSING not reported by the kernel";
        EXPECT_TRUE(sawState(tl, actor, "TIME_WAIT", Provenance::Kernel)) << actor;
    }
}

TEST(WireLessons, ReliableTcpDeliversTwentyInOrderUnreliableUdpLosesSome)
{
    SOCKLAB_REQUIRE_LAB();
    const Timeline tl = run("reliable-vs-unreliable", 12705);
    const QStringList out = printed(tl, "server");
    ASSERT_EQ(out.size(), 2) << out.join('|').toStdString();
    EXPECT_EQ(out[0], "TCP 收到 20 条 按顺序");
    const auto m = QRegularExpression(QStringLiteral("^UDP 收到 (\\d+) 条")).match(out[1]);
    ASSERT_TRUE(m.hasMatch()) << out[1].toStdString();
    const int udp = m.captured(1).toInt();
    EXPECT_LT(udp, 20);
    EXPECT_GT(udp, 0);
    // What the server counted is what crossed the wire; the rest the wire dropped (and nobody sent again).
    int udpCaptured = 0, udpDropped = 0;
    for (const Event& e : tl.events())
        if (const PacketData* p = e.packet(); p && e.kind == EventKind::Datagram && p->payload.startsWith("msg "))
            (p->wire == QLatin1String("dropped") ? udpDropped : udpCaptured)++;
    EXPECT_EQ(udpCaptured, udp);
    EXPECT_EQ(udpDropped, 20 - udp);
    // TCP: some of its segments were dropped too, and sent again.
    int tcpDropped = 0;
    for (const Event& e : tl.events())
        if (const WireData* w = e.wire(); w && w->action == QLatin1String("drop") && w->packet.protocol == QLatin1String("tcp"))
            ++tcpDropped;
    EXPECT_GT(tcpDropped, 0);
}

TEST(WireLessons, MtuCutsOneSendIntoMssSegmentsWithTimestamps)
{
    SOCKLAB_REQUIRE_LAB();
    const Timeline tl = run("mtu", 12706);
    qint64 total = 0;
    int data = 0;
    QSet<uint32_t> seqs; // a segment sent again (a tail-loss probe on a loaded machine) counts once
    for (const Seg& s : segmentsFrom(tl, "client")) {
        if (s.p->has(TcpFlag::SYN)) EXPECT_EQ(s.p->options.mss, 1460);
        if (s.p->len == 0 || seqs.contains(s.p->seq)) continue;
        seqs.insert(s.p->seq);
        ++data;
        total += s.p->len;
        EXPECT_LE(s.p->len, 1448u);
        EXPECT_TRUE(s.p->options.hasTimestamps);
    }
    EXPECT_EQ(total, 10000);
    EXPECT_GE(data, 7);
    EXPECT_EQ(printed(tl, "client"), QStringList{"send() 返回 10000"});
    EXPECT_EQ(printed(tl, "server"), QStringList{"收到 10000 字节"});
}

TEST(WireLessons, ABadWireKeyIsOneLine)
{
    auto has = [](const QString& f) { return f == QLatin1String("a.py"); };
    const struct {
        const char* json;
        const char* key;
        const char* what;
    } cases[] = {
        {R"({"title": "t", "wire": "loss=130%", "programs": [{"actor": "a", "file": "a.py"}]})", "wire", "bad-wire"},
        {R"({"title": "t", "wire": 5, "programs": [{"actor": "a", "file": "a.py"}]})", "wire", "not-string"},
        {R"({"title": "t", "programs": [{"actor": "a", "file": "a.py"}],
             "steps": [{"actor": "a", "until": "connect", "wire": "drop-next", "match": "SYN"}]})",
         "steps[0].wire", "wire-without-policy"},
        {R"({"title": "t", "wire": "mtu=1500", "programs": [{"actor": "a", "file": "a.py"}],
             "steps": [{"actor": "a", "until": "connect", "wire": "lose-next"}]})",
         "steps[0].wire", "bad-wire-action"},
        {R"({"title": "t", "wire": "mtu=1500", "programs": [{"actor": "a", "file": "a.py"}],
             "steps": [{"actor": "a", "until": "connect", "wire": "drop-next", "match": "SYNACK"}]})",
         "steps[0].match", "bad-wire-match"},
        {R"({"title": "t", "wire": "mtu=1500", "programs": [{"actor": "a", "file": "a.py"}],
             "steps": [{"wait_ms": 10, "wire": "release", "match": "FIN"}]})",
         "steps[0].match", "wire-key-needs-rule"},
        {R"({"title": "t", "wire": "mtu=1500", "programs": [{"actor": "a", "file": "a.py"}],
             "steps": [{"wait_ms": 10, "wire": [{"do": "hold-next", "direction": "up"}]}]})",
         "steps[0].wire[0].direction", "bad-wire-direction"},
        {R"({"title": "t", "programs": [{"actor": "a", "file": "a.py"}],
             "steps": [{"actor": "a", "until": "connect", "match": "SYN"}]})",
         "steps[0].match", "unknown-key"},
    };
    for (const auto& c : cases) {
        Problem p;
        EXPECT_FALSE(ScenarioFolder::parse("x", c.json, has, {}, &p)) << c.json;
        EXPECT_EQ(p.code, "folder-invalid") << c.json;
        EXPECT_EQ(p.args.value("key").toString(), c.key) << c.json;
        EXPECT_EQ(p.args.value("what").toString(), c.what) << c.json;
        const QString text = problemText(p);
        EXPECT_FALSE(text.contains('\n')) << text.toStdString();
        EXPECT_TRUE(text.contains(QLatin1String(c.key))) << text.toStdString();
    }
    Problem p;
    ScenarioFolder::parse("x", cases[0].json, has, {}, &p);
    EXPECT_EQ(problemText(p), "scenario folder x: scenario.json: wire: the wire policy is wrong: "
                              + problemText(Problem::fromMap(p.args.value("cause").toMap())));
    // A good one: the policy, and the steps' actions in order.
    const auto f = ScenarioFolder::parse(
        "x",
        R"({"title": "t", "wire": "loss=10%,seed=3", "programs": [{"actor": "a", "file": "a.py"}],
            "steps": [{"actor": "a", "until": "connect", "wire": "drop-next", "match": "syn", "nth": 2},
                      {"wait_ms": 10},
                      {"wait_ms": 10, "wire": [{"do": "hold-next", "match": "ack", "count": "all"}, {"do": "release"}]}]})",
        has, {}, &p);
    ASSERT_TRUE(f) << p.debugText().toStdString();
    ASSERT_TRUE(f->wire.policy);
    EXPECT_EQ(f->wire.policy->seed, 3u);
    ASSERT_EQ(f->steps.size(), 3);
    ASSERT_EQ(f->wire.steps.value(0).size(), 1);
    EXPECT_EQ(f->wire.steps.value(0)[0].kind, FolderWireAction::Kind::DropNext);
    EXPECT_EQ(f->wire.steps.value(0)[0].rule().nth, 2);
    EXPECT_EQ(f->wire.steps.value(0)[0].rule().required, TcpFlag::SYN);
    EXPECT_FALSE(f->wire.steps.contains(1));
    ASSERT_EQ(f->wire.steps.value(2).size(), 2);
    EXPECT_EQ(f->wire.steps.value(2)[0].count, -1);
    EXPECT_TRUE(f->wire.steps.value(2)[0].rule().emptyOnly);
    EXPECT_EQ(f->wire.steps.value(2)[1].kind, FolderWireAction::Kind::Release);
}

TEST(WireLessons, ListedAndRunFromTheCommandLine)
{
    SOCKLAB_REQUIRE_LAB();
    QProcess list;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("LANG", "C");
    env.remove("LC_ALL");
    list.setProcessEnvironment(env);
    list.start(QStringLiteral(SOCKLAB_BINARY), {"list"});
    ASSERT_TRUE(list.waitForFinished(60000));
    const QString listed = QString::fromUtf8(list.readAllStandardOutput());
    for (const QString& id : kWireIds)
        EXPECT_TRUE(listed.contains(id)) << id.toStdString() << "\n" << listed.toStdString();
    QProcess runIt;
    runIt.setProcessEnvironment(env);
    runIt.start(QStringLiteral(SOCKLAB_BINARY), {"run", "mtu", "--set", "port=12707"});
    ASSERT_TRUE(runIt.waitForFinished(120000));
    const QString out = QString::fromUtf8(runIt.readAllStandardOutput());
    EXPECT_EQ(runIt.exitCode(), 0) << out.toStdString() << runIt.readAllStandardError().toStdString();
    // The step's caption, under its header, quotes the run's own segment count and size.
    EXPECT_TRUE(out.contains(QRegularExpression(QStringLiteral("» The client calls send\\(\\) once with 10000 bytes and it returns "
                                                               "10000\\. On the wire they are \\d+ segments of at most 1448 payload bytes"))))
        << out.toStdString();
}
