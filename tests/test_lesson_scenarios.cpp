// The rest of the lesson on real sockets in the lab: each scenario shows its point.

#include "ScenarioRun.h"

#include <QProcess>

using namespace socklab;
using namespace socklab::test;

namespace {

QList<const ReturnData*> returns(const Timeline& tl, const QString& actor, const QString& call)
{
    QList<const ReturnData*> out;
    for (const Event& e : tl.events())
        if (const ReturnData* r = e.ret(); r && !r->blocked && e.actor == actor && r->call == call) out << r;
    return out;
}

QList<QByteArray> parsedMessages(const Timeline& tl)
{
    QList<QByteArray> out;
    for (const Event& e : tl.events())
        if (const NoteData* n = e.note(); n && n->code == "parsed-message") out << n->args.value("bytes").toByteArray();
    return out;
}

QList<QByteArray> defaultMessages()
{
    return {"hello", QStringLiteral("你好，世界").toUtf8(), "The quick brown fox"};
}

bool blockedCall(const Timeline& tl, const QString& actor, const QString& call)
{
    for (const Event& e : tl.events())
        if (const ReturnData* r = e.ret(); r && r->blocked && e.actor == actor && r->call == call) return true;
    return false;
}

} // namespace

TEST(Lesson, CatalogHasEveryLessonScenario)
{
    for (const char* id : {"buffers", "sticky", "fix-delimiter", "fix-length-prefix", "fix-pacing", "udp", "backlog",
                           "time-wait", "homework", "bind-address"})
        EXPECT_TRUE(ScenarioCatalog::contains(id)) << id;
}

TEST(Lesson, StickyOneRecvGetsSeveralSendsEveryRun)
{
    for (int run = 0; run < 20; ++run) {
        const Timeline tl = runScenario("sticky");
        const auto sends = returns(tl, "client", "send");
        const auto recvs = returns(tl, "server", "recv");
        ASSERT_EQ(sends.size(), 3);
        ASSERT_FALSE(recvs.isEmpty());
        // Bytes of at least two send() calls came out of one recv().
        qint64 first = sends[0]->result;
        EXPECT_GT(recvs[0]->result, first) << "run " << run;
        EXPECT_EQ(recvs[0]->values.value("data").toByteArray(), QByteArray("helloworld12345")) << "run " << run;
    }
}

TEST(Lesson, StickyWireCarriedSeparateSegments)
{
    const Timeline tl = runScenario("sticky");
    int data = 0;
    for (const PacketData* p : segments(tl))
        data += p->fromActor == "client" && p->len > 0;
    EXPECT_GE(data, 2); // the merging happened in the receive buffer
}

TEST(Lesson, DelimiterAndLengthPrefixRecoverEveryMessageAcrossASplitRecv)
{
    for (const char* id : {"fix-delimiter", "fix-length-prefix"}) {
        const Timeline tl = runScenario(id);
        EXPECT_EQ(parsedMessages(tl), defaultMessages()) << id;
        const auto recvs = returns(tl, "server", "recv");
        ASSERT_GE(recvs.size(), 2) << id;
        // The first recv() ended inside the Chinese message: it was split in two.
        const QByteArray firstPart = recvs[0]->values.value("data").toByteArray();
        EXPECT_FALSE(firstPart.contains(defaultMessages()[1])) << id;
        EXPECT_TRUE(firstPart.endsWith(defaultMessages()[1].left(4))) << id;
    }
}

TEST(Lesson, PacingGetsOneMessagePerRecv)
{
    const Timeline tl = runScenario("fix-pacing");
    EXPECT_EQ(parsedMessages(tl), defaultMessages());
    const auto recvs = returns(tl, "server", "recv");
    ASSERT_EQ(recvs.size(), 4);
    for (int i = 0; i < 3; ++i)
        EXPECT_EQ(recvs[i]->values.value("data").toByteArray(), defaultMessages()[i]);
    EXPECT_EQ(recvs[3]->result, 0); // the client closed
}

TEST(Lesson, BuffersFillZeroWindowProbesThenTheSenderFinishes)
{
    const Timeline tl = runScenario("buffers");
    const auto sends = returns(tl, "client", "sendall");
    ASSERT_EQ(sends.size(), 2);
    // Blocked while the receiver did not read, then timed out: Python's poll()
    // waited 0.5 s for room and raised socket.timeout (TimeoutError); the kernel
    // said no errno. The result is the socket call's, not the poll()'s: the
    // bytes sendto() took before the timeout.
    EXPECT_EQ(sends[0]->values.value("exception").toString(), "TimeoutError");
    EXPECT_EQ(sends[0]->errnoName, "");
    EXPECT_EQ(sends[0]->values.value("syscall").toString(), "sendto");
    EXPECT_GT(sends[0]->result, 0);
    EXPECT_LT(sends[0]->result, 65536);
    EXPECT_TRUE(blockedCall(tl, "client", "sendall"));
    EXPECT_EQ(sends[1]->errnoName, "");
    EXPECT_EQ(sends[1]->result, 4096); // finished once the receiver read
    // The receiver advertised a zero window; the sender probed it with seq = snd_una - 1.
    bool zero = false;
    int probes = 0;
    uint32_t acked = 0;
    for (const PacketData* p : segments(tl)) {
        if (p->fromActor == "server" && p->has(TcpFlag::ACK)) {
            acked = p->relAck;
            if (p->win == 0 && !p->has(TcpFlag::SYN)) zero = true;
        }
        if (zero && p->fromActor == "client" && p->len == 0 && p->relSeq + 1 == acked && !p->has(TcpFlag::FIN))
            ++probes;
    }
    EXPECT_TRUE(zero);
    EXPECT_GE(probes, 2);
    // Everything sent arrived; the drain's recv()s (settimeout(0.5)) tell the
    // bytes recvfrom() returned, and the last one is the one that timed out.
    qint64 read = 0;
    const auto recvs = returns(tl, "server", "recv");
    ASSERT_GE(recvs.size(), 3);
    for (const ReturnData* r : recvs) {
        read += qMax<qint64>(0, r->result);
        if (r->result > 0) EXPECT_EQ(r->values.value("syscall").toString(), "recvfrom");
    }
    EXPECT_EQ(recvs.last()->values.value("exception").toString(), "TimeoutError");
    EXPECT_EQ(recvs.last()->result, -1);
    EXPECT_EQ(read, sends[0]->result + 4096);
    // The send queue was measured full while send() blocked.
    bool fullQueue = false;
    for (const Event& e : tl.events())
        if (const QueueData* q = e.queue(); q && e.actor == "client" && q->outq >= 4096) fullQueue = true;
    EXPECT_TRUE(fullQueue);
}

TEST(Lesson, BuffersDrainStepEndsAtTheRecvThatRaised)
{
    // "raises": "TimeoutError": the drain step releases the loop's recv()s
    // until one raised, so every drain recv() is in that step and the next
    // step (the client's close) releases none of the server's.
    const Timeline tl = runScenario("buffers");
    int drain = -1;
    for (int k = 0; k < tl.steps.size(); ++k)
        if (tl.steps[k].captionId == "buffers.drain") drain = k;
    ASSERT_GE(drain, 0);
    int inDrain = 0;
    QString lastException;
    for (const Event& e : tl.events()) {
        const ReturnData* r = e.ret();
        if (!r || r->blocked || e.actor != "server" || r->call != "recv") continue;
        EXPECT_LE(r->step, drain);
        if (r->step == drain) {
            ++inDrain;
            lastException = r->values.value("exception").toString();
        }
    }
    EXPECT_GE(inDrain, 2); // at least one that got data, then the one that timed out
    EXPECT_EQ(lastException, "TimeoutError");
    // settimeout() makes no socket system call the gate holds, yet it is a call
    // of its own (sitecustomize's record): its line, its value, its step.
    QStringList timeouts;
    for (const Event& e : tl.events())
        if (const CallData* c = e.call(); c && c->call == "settimeout") {
            EXPECT_GT(c->codeLine, 0);
            timeouts << e.actor + '=' + c->args.value("timeout").toString();
        }
    EXPECT_EQ(timeouts, (QStringList{"client=0.5", "client=None", "server=0.5"}));
    for (const StepRecord& st : tl.steps)
        if (st.captionId == "buffers.settimeout" || st.captionId == "buffers.blocking" || st.captionId == "buffers.read-timeout")
            EXPECT_EQ(st.call, "settimeout") << st.captionId.toStdString();
}

TEST(Lesson, UdpDatagramsTruncationAndPortUnreachable)
{
    const Timeline tl = runScenario("udp");
    EXPECT_EQ(flagSequence(tl).size(), 0); // no TCP, no handshake
    const auto r = returns(tl, "server", "recvfrom");
    ASSERT_EQ(r.size(), 3);
    EXPECT_EQ(r[0]->values.value("data").toByteArray(), QByteArray("hello"));
    EXPECT_EQ(r[1]->values.value("data").toByteArray(), QByteArray("world"));
    EXPECT_TRUE(r[2]->values.value("truncated").toBool());
    EXPECT_EQ(r[2]->values.value("datagram_len").toInt(), 25);
    EXPECT_EQ(r[2]->result, 10);
    bool icmp = false;
    for (const Event& e : tl.events())
        if (const PacketData* p = e.packet(); p && p->protocol == "icmp" && p->icmpType == 3 && p->icmpCode == 3)
            icmp = true;
    EXPECT_TRUE(icmp);
    const ReturnData* refused = findReturn(tl, "client", "recv");
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->errnoName, "ECONNREFUSED");
    EXPECT_EQ(refused->result, -1); // recvfrom()'s, not the poll() that settimeout(1) made first
    EXPECT_EQ(refused->values.value("syscall").toString(), "recvfrom");
    // The datagrams that fit were not truncated.
    EXPECT_FALSE(r[0]->values.value("truncated").toBool());
    EXPECT_EQ(r[0]->values.value("datagram_len").toInt(), 5);
}

TEST(Lesson, BacklogDropsTheSynAndItComesBackLater)
{
    const Timeline tl = runScenario("backlog");
    QList<std::pair<qint64, const PacketData*>> syns;
    QSet<uint16_t> answered;
    for (const Event& e : tl.events()) {
        const PacketData* p = e.packet();
        if (!p || e.kind != EventKind::Segment || e.provenance != Provenance::Kernel) continue;
        if (p->flags == TcpFlag::SYN) syns.append({e.tUs, p});
        if (p->has(TcpFlag::SYN) && p->has(TcpFlag::ACK)) answered.insert(p->dstPort);
    }
    bool retransmitted = false;
    for (int i = 0; i < syns.size(); ++i)
        for (int j = i + 1; j < syns.size(); ++j)
            if (syns[i].second->srcPort == syns[j].second->srcPort && syns[i].second->seq == syns[j].second->seq
                && !answered.contains(syns[i].second->srcPort) && syns[j].first - syns[i].first >= 900000)
                retransmitted = true;
    EXPECT_TRUE(retransmitted);
    bool full = false;
    for (const Event& e : tl.events())
        if (const QueueData* q = e.queue(); q && q->backlog == 1 && q->acceptQueue == 2) full = true;
    EXPECT_TRUE(full);
}

TEST(Lesson, TimeWaitNeedsReuseAddr)
{
    const Timeline tl = runScenario("time-wait");
    const auto binds = returns(tl, "server", "bind");
    ASSERT_EQ(binds.size(), 3);
    EXPECT_EQ(binds[0]->errnoName, "");
    EXPECT_EQ(binds[1]->errnoName, "EADDRINUSE");
    EXPECT_EQ(binds[2]->errnoName, "");
    EXPECT_EQ(binds[2]->result, 0);
    bool timer = false;
    for (const Event& e : tl.events())
        if (const TimerData* t = e.timer(); t && t->timer == "timewait" && e.actor == "server") timer = true;
    EXPECT_TRUE(timer);
}

TEST(Lesson, HomeworkServesTwoClientsOneAfterTheOther)
{
    const Timeline tl = runScenario("homework");
    const auto accepts = returns(tl, "server", "accept");
    ASSERT_EQ(accepts.size(), 2);
    const auto c1 = returns(tl, "client1", "connect"), c2 = returns(tl, "client2", "connect");
    ASSERT_EQ(c1.size(), 1);
    ASSERT_EQ(c2.size(), 1);
    EXPECT_TRUE(accepts[0]->values.value("peer").toString().endsWith(
        ':' + c1[0]->values.value("local_port").toString()));
    EXPECT_TRUE(accepts[1]->values.value("peer").toString().endsWith(
        ':' + c2[0]->values.value("local_port").toString()));
    // The second client's reply came only after the first one's special string.
    const auto recvs = returns(tl, "server", "recv");
    ASSERT_EQ(recvs.size(), 4);
    EXPECT_EQ(recvs[1]->values.value("data").toByteArray(), QByteArray("##"));
    EXPECT_EQ(recvs[2]->values.value("data").toByteArray(), QByteArray("hello"));
    EXPECT_TRUE(blockedCall(tl, "server", "accept"));
    const ReturnData* c2reply = findReturn(tl, "client2", "recv");
    ASSERT_TRUE(c2reply);
    EXPECT_EQ(c2reply->values.value("data").toByteArray(), QByteArray("Thanks"));
}

TEST(Lesson, BindAddressLoopbackRefusesAnyAccepts)
{
    const Timeline tl = runScenario("bind-address");
    const auto connects = returns(tl, "client", "connect");
    ASSERT_EQ(connects.size(), 2);
    EXPECT_EQ(connects[0]->errnoName, "ECONNREFUSED");
    EXPECT_EQ(connects[1]->errnoName, "");
    const ReturnData* acc = findReturn(tl, "server", "accept");
    ASSERT_TRUE(acc);
    EXPECT_GE(acc->result, 0);
    EXPECT_TRUE(acc->values.value("peer").toString().startsWith("192.0.2.1:"));
}

TEST(Lesson, FolderParametersReachTheProgramsAndTheirSteps)
{
    // Three messages with a newline delimiter given as "\\n": three send()
    // steps (repeat over the list), the server's parse finds each message.
    const Timeline tl = runScenario("fix-delimiter", {{"messages", "a|bb|ccc"}, {"delimiter", "\\n"}});
    EXPECT_EQ(parsedMessages(tl), (QList<QByteArray>{"a", "bb", "ccc"}));
    int sendSteps = 0;
    for (const StepRecord& s : tl.steps)
        sendSteps += s.captionId == "fix-delimiter.send";
    EXPECT_EQ(sendSteps, 3);
    QByteArray sent;
    for (const ReturnData* r : returns(tl, "client", "send"))
        sent += r->values.value("data").toByteArray();
    EXPECT_EQ(sent, QByteArray("a\nbb\nccc\n"));
    // sticky with five sends: five send steps, each one send() on its own.
    const Timeline five = runScenario("sticky", {{"count", "5"}});
    int sticky = 0;
    for (const StepRecord& s : five.steps)
        sticky += s.captionId == "sticky.send";
    EXPECT_EQ(sticky, 5);
    EXPECT_EQ(returns(five, "client", "send").size(), 5);
    const auto recv = returns(five, "server", "recv");
    ASSERT_FALSE(recv.isEmpty());
    EXPECT_EQ(recv[0]->values.value("data").toByteArray(), QByteArray("helloworld12345helloworld"));
}

TEST(Lesson, EveryScenarioRunsFromTheCommandLine)
{
    for (const char* id : {"buffers", "sticky", "fix-delimiter", "fix-length-prefix", "fix-pacing", "udp", "backlog",
                           "time-wait", "homework", "bind-address"}) {
        QProcess p;
        p.start(SOCKLAB_BINARY, {"run", id, "--json"});
        ASSERT_TRUE(p.waitForFinished(60000)) << id;
        EXPECT_EQ(p.exitCode(), 0) << id << p.readAllStandardError().toStdString();
        EXPECT_TRUE(p.readAllStandardOutput().contains("\"events\"")) << id;
    }
    QProcess bad;
    bad.start(SOCKLAB_BINARY, {"run", "buffers", "--set", "sndbuf=0"});
    ASSERT_TRUE(bad.waitForFinished(60000));
    EXPECT_EQ(bad.exitCode(), 2);
    const QByteArray err = bad.readAllStandardError();
    EXPECT_TRUE(err.contains("sndbuf")) << err.toStdString();
    EXPECT_EQ(err.count('\n'), 1) << err.toStdString();
}
