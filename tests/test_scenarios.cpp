// Each built-in scenario on real sockets in the lab: segments, calls, errnos, states.

#include "LabGuard.h"
#include "ScenarioRun.h"
#include "SocketProbe.h"

using namespace socklab;
using namespace socklab::test;

TEST(Scenarios, CatalogHasTheDesignIds)
{
    for (const char* id : {"handshake", "echo", "teardown", "refused", "broken-pipe", "reset-unread"})
        EXPECT_TRUE(ScenarioCatalog::contains(id)) << id;
    Problem error;
    EXPECT_FALSE(ScenarioCatalog::build("nope", {}, &error).has_value());
    EXPECT_EQ(error.code, "unknown-scenario");
    EXPECT_EQ(error.args.value("id").toString(), "nope");
}

TEST(Scenarios, EveryStepPointsAtItsLineOfPython)
{
    for (const QString& id : ScenarioCatalog::ids()) {
        const auto sc = ScenarioCatalog::build(id);
        ASSERT_TRUE(sc);
        for (const Step& s : sc->steps) {
            QString code;
            for (const ActorSpec& a : sc->actors)
                if (a.name == s.actor) code = a.codeFile;
            const QStringList lines = ScenarioCatalog::codeLines(code);
            ASSERT_FALSE(lines.isEmpty()) << code.toStdString();
            ASSERT_GT(s.codeLine, 0) << id.toStdString() << " step " << s.call.toStdString();
            ASSERT_LE(s.codeLine, lines.size());
            const QString line = lines[s.codeLine - 1];
            EXPECT_FALSE(line.trimmed().startsWith('#')) << id.toStdString() << ": step on a comment line " << s.codeLine;
            const QString want = s.call == "wait_readable" || s.call == "sleep" ? QString() : s.call;
            EXPECT_TRUE(line.contains(want)) << id.toStdString() << ": line " << s.codeLine << " \""
                                             << line.toStdString() << "\" lacks " << want.toStdString();
        }
    }
}

TEST(Scenarios, HandshakeIsSynSynAckAck)
{
    SOCKLAB_REQUIRE_LAB();
    const Timeline tl = runScenario("handshake");
    EXPECT_EQ(tl.captureMode, "namespace");
    const auto segs = segments(tl);
    ASSERT_EQ(segs.size(), 3) << flagSequence(tl).join(' ').toStdString();
    EXPECT_EQ(segs[0]->flags, TcpFlag::SYN);
    EXPECT_EQ(segs[1]->flags, TcpFlag::SYN | TcpFlag::ACK);
    EXPECT_EQ(segs[1]->ack, segs[0]->seq + 1);
    EXPECT_EQ(segs[2]->flags, TcpFlag::ACK);
    EXPECT_EQ(segs[2]->ack, segs[1]->seq + 1);
    EXPECT_EQ(segs[0]->fromActor, "client");
    EXPECT_EQ(segs[0]->toActor, "server");
    EXPECT_EQ(segs[0]->dstPort, 8888);
    EXPECT_GT(segs[0]->options.mss, 0);
    EXPECT_TRUE(segs[0]->options.sackPermitted);
    EXPECT_EQ(segs[0]->relSeq, 0u);
    EXPECT_EQ(segs[1]->relAck, 1u);
    // accept() blocked, then returned once the handshake completed.
    bool blocked = false;
    for (const Event& e : tl.events())
        if (const ReturnData* r = e.ret(); r && r->call == "accept" && r->blocked) blocked = true;
    EXPECT_TRUE(blocked);
    const ReturnData* acc = findReturn(tl, "server", "accept");
    ASSERT_TRUE(acc);
    EXPECT_GE(acc->result, 0);
    EXPECT_TRUE(sawState(tl, "server", "LISTEN", Provenance::Kernel));
    EXPECT_TRUE(sawState(tl, "client", "ESTABLISHED", Provenance::Kernel));
    EXPECT_TRUE(sawState(tl, "client", "SYN_SENT", Provenance::Derived));
    EXPECT_TRUE(sawState(tl, "server", "SYN_RECV", Provenance::Derived));
    // Derivation and kernel agree: no mismatch notes.
    for (const Event& e : tl.events())
        if (const NoteData* n = e.note()) EXPECT_NE(n->code, "state-mismatch") << n->args.value("kernel").toString().toStdString();
    EXPECT_EQ(tl.steps.size(), 6);
}

TEST(Scenarios, EchoCarriesTheMessageBothWays)
{
    const Timeline tl = runScenario("echo");
    const ReturnData* r = findReturn(tl, "server", "recv");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->values.value("data").toByteArray(), QByteArray("hello"));
    const ReturnData* c = findReturn(tl, "client", "recv");
    ASSERT_TRUE(c);
    EXPECT_EQ(c->values.value("data").toByteArray(), QByteArray("Thanks"));
    const ReturnData* eof = findReturn(tl, "server", "recv", 1);
    ASSERT_TRUE(eof);
    EXPECT_EQ(eof->result, 0); // the peer left: recv() returns b''
    bool payload = false;
    for (const PacketData* p : segments(tl))
        if (p->payload == "hello" && p->fromActor == "client") payload = true;
    EXPECT_TRUE(payload);
}

TEST(Scenarios, TeardownShowsFinsCloseWaitAndTimeWait)
{
    const Timeline tl = runScenario("teardown");
    int fins = 0;
    for (const PacketData* p : segments(tl))
        if (p->has(TcpFlag::FIN)) ++fins;
    EXPECT_EQ(fins, 2);
    EXPECT_TRUE(sawState(tl, "server", "CLOSE_WAIT", Provenance::Kernel));
    EXPECT_TRUE(sawState(tl, "client", "TIME_WAIT", Provenance::Kernel)); // via sock_diag
    EXPECT_TRUE(sawState(tl, "server", "LAST_ACK", Provenance::Derived));
    bool timer = false;
    for (const Event& e : tl.events())
        if (const TimerData* t = e.timer(); t && t->timer == "timewait" && t->expiresMs > 0) timer = true;
    EXPECT_TRUE(timer);
    const ReturnData* r = findReturn(tl, "server", "recv");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->result, 0);
}

TEST(Scenarios, RefusedIsRstAndEconnrefused)
{
    const Timeline tl = runScenario("refused");
    EXPECT_EQ(flagSequence(tl), (QStringList{"SYN", "RST,ACK"}));
    const ReturnData* r = findReturn(tl, "client", "connect");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->result, -1);
    EXPECT_EQ(r->errnoName, "ECONNREFUSED");
}

TEST(Scenarios, BrokenPipeIsRstThenEpipe)
{
    const Timeline tl = runScenario("broken-pipe");
    const ReturnData* first = findReturn(tl, "client", "send");
    const ReturnData* second = findReturn(tl, "client", "send", 1);
    ASSERT_TRUE(first && second);
    EXPECT_EQ(first->result, 5);
    EXPECT_EQ(second->errnoName, "EPIPE");
    bool rst = false;
    for (const PacketData* p : segments(tl))
        if (p->has(TcpFlag::RST) && p->fromActor == "server") rst = true;
    EXPECT_TRUE(rst);
}

TEST(Scenarios, ResetUnreadIsRstAndEconnreset)
{
    const Timeline tl = runScenario("reset-unread");
    bool rst = false, fin = false;
    for (const PacketData* p : segments(tl)) {
        if (p->fromActor != "server") continue;
        rst |= p->has(TcpFlag::RST);
        fin |= p->has(TcpFlag::FIN);
    }
    EXPECT_TRUE(rst);
    EXPECT_FALSE(fin);
    const ReturnData* r = findReturn(tl, "client", "recv");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->errnoName, "ECONNRESET");
}

TEST(Scenarios, StatesOnlyModeDerivesTheHandshake)
{
    const Timeline tl = runScenario("handshake", {}, RunOptions{"states-only", {}});
    EXPECT_EQ(tl.captureMode, "states-only");
    QStringList flags;
    for (const Event& e : tl.events())
        if (e.kind == EventKind::Segment) {
            EXPECT_EQ(e.provenance, Provenance::Derived);
            flags << tcpFlagNames(e.packet()->flags).join(',');
        }
    EXPECT_EQ(flags, (QStringList{"SYN", "SYN,ACK", "ACK"}));
    EXPECT_TRUE(sawState(tl, "client", "ESTABLISHED", Provenance::Kernel));
}

TEST(Scenarios, StepByStepEndsWithTheSameStory)
{
    const auto sc = ScenarioCatalog::build("handshake");
    Runner r(*sc);
    Problem error;
    ASSERT_TRUE(r.start(&error)) << error.debugText().toStdString();
    int steps = 0;
    while (r.hasNextStep()) {
        ASSERT_TRUE(r.runStep(&error)) << error.debugText().toStdString();
        ++steps;
        EXPECT_EQ(r.timeline().steps.size(), steps);
    }
    EXPECT_FALSE(r.runStep(&error));
    EXPECT_EQ(error.code, "no-more-steps");
    EXPECT_EQ(flagSequence(r.timeline()).size(), 3);
}
