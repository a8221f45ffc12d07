// The wire on real kernels: unchanged Python programs on 127.0.0.1 inside the
// lab, every packet of theirs through socklab's wire (NFQUEUE on the lab's lo).

#include "ProcessCounts.h"
#include "LabGuard.h"
#include "ProgramRun.h"
#include "Wire.h"
#include "WireDelays.h"
#include "WireFirewall.h"

#include "TimelineJson.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <gtest/gtest.h>

using namespace socklab;
using namespace socklab::test;

namespace {

QStringList py(const QString& file, const QStringList& args)
{
    return QStringList{QStringLiteral("python3"), QStringLiteral(SOCKLAB_SOURCE_DIR "/tests/wire/") + file} + args;
}

ProgramLabOptions wireOptions(const QString& spec)
{
    ProgramLabOptions o;
    WirePolicy p;
    Problem err;
    EXPECT_TRUE(WirePolicy::parse(spec, &p, &err)) << err.debugText().toStdString();
    o.wire = p;
    o.gate = false; // the wire alone: the programs run untouched
    o.timeoutMs = 60000;
    return o;
}

QList<const WireData*> wireEvents(const Timeline& tl, const QString& action)
{
    QList<const WireData*> out;
    for (const Event& e : tl.events())
        if (const WireData* w = e.wire(); w && w->action == action) out << w;
    return out;
}

struct Packet {
    qint64 tUs;
    const PacketData* p;
};
// Every packet record of the timeline: captured ones and the ones the wire dropped.
QList<Packet> packetsFrom(const Timeline& tl, const QString& actor, EventKind kind)
{
    QList<Packet> out;
    for (const Event& e : tl.events())
        if (const PacketData* p = e.packet(); p && e.kind == kind && p->fromActor == actor) out.append({e.tUs, p});
    return out;
}

const NoteData* note(const Timeline& tl, const QString& code)
{
    for (const Event& e : tl.events())
        if (const NoteData* n = e.note(); n && n->code == code) return n;
    return nullptr;
}

bool kernelState(const Timeline& tl, const QString& actor, const QString& state)
{
    return hasState(tl, actor, state, Provenance::Kernel);
}

int entries(const char* dir)
{
    return int(QDir(QString::fromLatin1(dir)).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::System).size());
}

struct CliResult {
    int code = -1;
    QByteArray out, err;
};

CliResult socklabLab(const QStringList& args, const QStringList& env = {})
{
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    for (const QString& kv : env) e.insert(kv.section('=', 0, 0), kv.section('=', 1));
    p.setProcessEnvironment(e);
    p.start(QStringLiteral(SOCKLAB_BINARY), QStringList{"lab"} + args);
    p.closeWriteChannel();
    EXPECT_TRUE(p.waitForFinished(120000));
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
}

} // namespace

// An IPv4 UDP packet as the wire's queue gives it: `id` its IP id.
QByteArray udpPacket(uint16_t id, const QByteArray& payload, uint8_t ttl = 64, uint16_t checksum = 0)
{
    QByteArray b(28, '\0');
    b[0] = char(0x45);
    const int total = 28 + int(payload.size());
    b[2] = char(total >> 8), b[3] = char(total);
    b[4] = char(id >> 8), b[5] = char(id);
    b[8] = char(ttl);
    b[9] = 17;
    b[10] = char(ttl); // the header checksum differs with the TTL
    b[12] = 127, b[15] = 1, b[16] = 127, b[19] = 1;
    b[20] = char(0x9c), b[21] = 0x40, b[22] = 0x30, b[23] = 0x39; // 40000 -> 12345
    b[24] = char((8 + payload.size()) >> 8), b[25] = char(8 + payload.size());
    b[26] = char(checksum >> 8), b[27] = char(checksum);
    return b + payload;
}

WireRecord delayRecord(const QByteArray& ip, int64_t epochUs, int64_t delayUs)
{
    WireRecord r;
    r.epochUs = epochUs;
    r.action = WireAction::Delay;
    r.reason = QStringLiteral("delay");
    r.direction = QStringLiteral("c2s");
    r.delayUs = delayUs;
    r.bytes = ip.left(128);
    r.length = uint32_t(ip.size());
    return r;
}

TEST(WireDelays, ACapturedPacketClaimsItsDelayAndOthersStayWireEvents)
{
    WireDelays d;
    const QByteArray a = udpPacket(7, "msg 0"), b = udpPacket(8, "msg 1");
    WireRecord drop = delayRecord(a, 1000, 0);
    drop.action = WireAction::Drop;
    QList<WireRecord> records{delayRecord(a, 1000, 40000), drop, delayRecord(b, 1100, 41000)};
    d.keep(records);
    ASSERT_EQ(records.size(), 1); // the drop stays a wire event
    EXPECT_EQ(records.first().action, WireAction::Drop);
    EXPECT_EQ(d.waiting(), 2);
    // The capture on lo: the same packet, its TTL, IP and UDP checksums as lo has them.
    EXPECT_EQ(d.claim(udpPacket(8, "msg 1", 63, 0xbeef)), 41000);
    EXPECT_EQ(d.claim(udpPacket(8, "msg 1")), 0) << "one record, claimed once";
    EXPECT_EQ(d.claim(udpPacket(9, "msg 0")), 0) << "another IP id is another packet";
    EXPECT_EQ(d.claim(udpPacket(7, "msg 9")), 0) << "other bytes are another packet";
    EXPECT_EQ(d.waiting(), 1);
    // Not captured within its delay and the grace: handed back, to be told as the wire did it.
    EXPECT_TRUE(d.unclaimed(1000 + 40000 + 1999999).isEmpty());
    const QList<WireRecord> late = d.unclaimed(1000 + 40000 + 2000000);
    ASSERT_EQ(late.size(), 1);
    EXPECT_EQ(late.first().delayUs, 40000);
    EXPECT_EQ(late.first().bytes, a.left(128));
    EXPECT_EQ(d.waiting(), 0);
    EXPECT_EQ(d.claim(a), 0);
}

TEST(WireDelays, IdenticalPacketsClaimInOrderAndTheEndHandsBackTheRest)
{
    WireDelays d;
    const QByteArray same = udpPacket(3, "again");
    QList<WireRecord> records{delayRecord(same, 10, 5000), delayRecord(same, 20, 6000), delayRecord(same, 30, 7000)};
    d.keep(records);
    EXPECT_TRUE(records.isEmpty());
    EXPECT_EQ(d.claim(same), 5000);
    EXPECT_EQ(d.claim(same), 6000);
    const QList<WireRecord> rest = d.unclaimed(-1);
    ASSERT_EQ(rest.size(), 1);
    EXPECT_EQ(rest.first().delayUs, 7000);
    EXPECT_EQ(d.claim(same), 0);
    // What is not TCP or UDP over IP (or too short to tell) stays a wire event.
    QByteArray icmp = udpPacket(4, "x");
    icmp[9] = 1;
    QList<WireRecord> other{delayRecord(icmp, 40, 1000), delayRecord(same.left(10), 50, 1000)};
    d.keep(other);
    EXPECT_EQ(other.size(), 2);
    EXPECT_EQ(WireDelays::ipOffset(1), 14);   // lo's Ethernet header
    EXPECT_EQ(WireDelays::ipOffset(101), 0);  // raw IP
    EXPECT_EQ(WireDelays::ipOffset(113), 16); // Linux cooked
    EXPECT_EQ(WireDelays::ipOffset(147), -1);
}

TEST(WirePolicy, ParsesTheCommandLineSpec)
{
    WirePolicy p;
    Problem err;
    ASSERT_TRUE(WirePolicy::parse("loss=30%,delay=50ms,jitter=10ms,mtu=9000,rate=1mbit,seed=7", &p, &err));
    EXPECT_DOUBLE_EQ(p.c2s.lossPercent, 30);
    EXPECT_DOUBLE_EQ(p.s2c.lossPercent, 30);
    EXPECT_EQ(p.c2s.delayUs, 50000);
    EXPECT_EQ(p.s2c.jitterUs, 10000);
    EXPECT_EQ(p.mtu, 9000);
    EXPECT_EQ(p.c2s.rateBitsPerS, 1000000);
    EXPECT_TRUE(p.seedGiven);
    EXPECT_EQ(p.seed, 7u);
    ASSERT_TRUE(WirePolicy::parse("loss.c2s=10,delay.s2c=1s", &p, &err));
    EXPECT_DOUBLE_EQ(p.c2s.lossPercent, 10);
    EXPECT_DOUBLE_EQ(p.s2c.lossPercent, 0);
    EXPECT_EQ(p.s2c.delayUs, 1000000);
    EXPECT_EQ(p.c2s.delayUs, 0);
    EXPECT_EQ(p.mtu, 1500); // wire mode's default
    for (const char* bad : {"", "loss", "loss=130%", "delay=50", "delay=fast", "mtu=100", "rate=1", "seed=x",
                            "color=red", "mtu.c2s=1500"}) {
        EXPECT_FALSE(WirePolicy::parse(QString::fromLatin1(bad), &p, &err)) << bad;
        EXPECT_TRUE(err.code.startsWith("wire-spec-")) << bad << " " << err.debugText().toStdString();
    }
}

TEST(Wire, UdpLosesDatagramsAndTheDropsAreWireEvents)
{
    SOCKLAB_REQUIRE_LAB();
    const int sent = 60;
    const auto lab = runLab({py("udp_count_server.py", {"12601", QString::number(sent)}),
                             py("udp_count_client.py", {"12601", QString::number(sent)})},
                            wireOptions("loss=30%,seed=1"));
    ASSERT_TRUE(lab->problems().isEmpty()) << debugText(lab->problems());
    const Timeline& tl = lab->timeline();
    const QStringList out = outputOf(tl, "udp_count_server.py");
    ASSERT_EQ(out.size(), 1) << out.join('|').toStdString();
    const int received = out.first().split(' ').at(1).toInt();
    EXPECT_LT(received, sent);
    EXPECT_GT(received, 0);
    // The numbered datagrams the wire dropped: each a drop event (reason loss) and a datagram marked dropped.
    int droppedNumbered = 0, capturedNumbered = 0;
    for (const Packet& d : packetsFrom(tl, "udp_count_client.py", EventKind::Datagram)) {
        if (!d.p->payload.startsWith("msg ")) continue;
        (d.p->wire == QLatin1String("dropped") ? droppedNumbered : capturedNumbered)++;
    }
    EXPECT_EQ(droppedNumbered, sent - received);
    // What the capture on lo saw is what arrived: the wire's queue is before lo (OUTPUT hook).
    EXPECT_EQ(capturedNumbered, received);
    int lossDrops = 0;
    for (const WireData* w : wireEvents(tl, "drop"))
        if (w->reason == QLatin1String("loss") && w->packet.payload.startsWith("msg ")) {
            ++lossDrops;
            EXPECT_EQ(w->direction, "c2s");
            EXPECT_EQ(w->packet.fromActor, "udp_count_client.py");
        }
    EXPECT_EQ(lossDrops, sent - received);
    // A plain pass is no event (its capture is the packet that crossed); the wire-stats note counts it.
    EXPECT_TRUE(wireEvents(tl, "pass").isEmpty());
    const NoteData* stats = nullptr;
    for (const Event& e : tl.events())
        if (const NoteData* n = e.note(); n && n->code == QLatin1String("wire-stats")) stats = n;
    ASSERT_NE(stats, nullptr);
    const qint64 passed = stats->args.value("passed").toLongLong();
    EXPECT_EQ(passed + stats->args.value("dropped").toLongLong(), stats->args.value("received").toLongLong());
    EXPECT_GE(passed, capturedNumbered);
    qint64 capturedAll = 0;
    for (const Event& e : tl.events())
        capturedAll += e.packet() && e.packet()->captured() && e.packet()->wire.isEmpty();
    EXPECT_EQ(passed, capturedAll) << "every packet the wire passed was captured on lo, and only those";
    for (const Event& e : tl.events())
        if (e.kind == EventKind::Wire) EXPECT_EQ(e.provenance, Provenance::Wire);
    EXPECT_EQ(tl.parameters.value("wire").toMap().value("seed").toString(), "1");
}

TEST(Wire, TheSameSeedLosesTheSameDatagrams)
{
    SOCKLAB_REQUIRE_LAB();
    QList<QList<qint64>> runs;
    for (int run = 0; run < 2; ++run) {
        const auto lab = runLab({py("udp_count_server.py", {"12602", "40"}), py("udp_count_client.py", {"12602", "40"})},
                                wireOptions("loss=25%,seed=42"));
        QList<qint64> lost;
        for (const WireData* w : wireEvents(lab->timeline(), "drop"))
            if (w->packet.payload.startsWith("msg ")) lost << w->packet.payload.mid(4).toLongLong();
        runs << lost;
    }
    EXPECT_FALSE(runs[0].isEmpty());
    EXPECT_EQ(runs[0], runs[1]);
}

TEST(Wire, TcpDeliversEverythingInOrderThroughALossyWire)
{
    SOCKLAB_REQUIRE_LAB();
    const auto lab = runLab({py("tcp_count_server.py", {"12603", "20"}), py("tcp_count_client.py", {"12603", "20"})},
                            wireOptions("loss=30%,seed=3"));
    ASSERT_TRUE(lab->problems().isEmpty()) << debugText(lab->problems());
    const Timeline& tl = lab->timeline();
    EXPECT_EQ(outputOf(tl, "tcp_count_server.py"), QStringList{"received 20 in order"});
    EXPECT_FALSE(wireEvents(tl, "drop").isEmpty());
    // Retransmission: a data segment's sequence number sent twice (the first copy dropped, or its ACK).
    QHash<QString, int> seen;
    int retransmitted = 0;
    for (const QString& actor : {QStringLiteral("tcp_count_client.py"), QStringLiteral("tcp_count_server.py")})
        for (const Packet& s : packetsFrom(tl, actor, EventKind::Segment)) {
            if (s.p->len == 0 && !s.p->has(TcpFlag::SYN) && !s.p->has(TcpFlag::FIN)) continue;
            if (++seen[QStringLiteral("%1 %2").arg(actor).arg(s.p->seq)] == 2) ++retransmitted;
        }
    EXPECT_GT(retransmitted, 0);
}

TEST(Wire, FirstSynDroppedClientIsInSynSentAndRetransmitsAfterOneSecond)
{
    SOCKLAB_REQUIRE_LAB();
    ProgramLabOptions o = wireOptions("loss=0%");
    auto lab = std::make_unique<ProgramLab>(
        QList<QStringList>{py("tcp_count_server.py", {"12604", "3"}), py("tcp_count_client.py", {"12604", "3"})}, o);
    Problem error;
    ASSERT_TRUE(lab->start(&error)) << error.debugText().toStdString();
    ASSERT_NE(lab->wire(), nullptr);
    lab->wire()->addRule(WireRule::dropNth(TcpFlag::SYN, 1));
    lab->runToEnd();
    ASSERT_TRUE(lab->problems().isEmpty()) << debugText(lab->problems());
    const Timeline& tl = lab->timeline();
    EXPECT_EQ(outputOf(tl, "tcp_count_server.py"), QStringList{"received 3 in order"});
    EXPECT_TRUE(kernelState(tl, "tcp_count_client.py", "SYN_SENT"));
    QList<Packet> syns;
    for (const Packet& s : packetsFrom(tl, "tcp_count_client.py", EventKind::Segment))
        if (s.p->has(TcpFlag::SYN)) syns << s;
    ASSERT_EQ(syns.size(), 2);
    EXPECT_EQ(syns[0].p->wire, "dropped");
    EXPECT_TRUE(syns[1].p->wire.isEmpty());
    EXPECT_EQ(syns[0].p->seq, syns[1].p->seq);
    EXPECT_GE(syns[1].tUs - syns[0].tUs, 900000);
    const QList<const WireData*> drops = wireEvents(tl, "drop");
    ASSERT_EQ(drops.size(), 1);
    EXPECT_EQ(drops.first()->reason, "rule");
    EXPECT_EQ(drops.first()->rule, 0);
}

TEST(Wire, LostSynAckLeavesTheServerInSynRecvUntilItIsSentAgain)
{
    // The server's SYN,ACK lost: its kernel keeps the half-open connection in
    // SYN_RECV (a request socket sock_diag lists under the listener) until the
    // SYN,ACK goes again, about a second later.
    SOCKLAB_REQUIRE_LAB();
    auto lab = std::make_unique<ProgramLab>(
        QList<QStringList>{py("tcp_count_server.py", {"12606", "3"}), py("tcp_count_client.py", {"12606", "3"})},
        wireOptions("loss=0%"));
    Problem error;
    ASSERT_TRUE(lab->start(&error)) << error.debugText().toStdString();
    lab->wire()->addRule(WireRule::dropNth(TcpFlag::SYN | TcpFlag::ACK, 1, WireDirection::S2C));
    lab->runToEnd();
    ASSERT_TRUE(lab->problems().isEmpty()) << debugText(lab->problems());
    const Timeline& tl = lab->timeline();
    EXPECT_EQ(outputOf(tl, "tcp_count_server.py"), QStringList{"received 3 in order"});
    EXPECT_TRUE(kernelState(tl, "tcp_count_server.py", "SYN_RECV"));
    QList<Packet> synAcks;
    for (const Packet& s : packetsFrom(tl, "tcp_count_server.py", EventKind::Segment))
        if (s.p->has(TcpFlag::SYN) && s.p->has(TcpFlag::ACK)) synAcks << s;
    ASSERT_GE(synAcks.size(), 2);
    EXPECT_EQ(synAcks[0].p->wire, "dropped");
    EXPECT_TRUE(synAcks.last().p->wire.isEmpty());
    EXPECT_EQ(synAcks[0].p->seq, synAcks.last().p->seq); // the same SYN,ACK again
    EXPECT_GE(synAcks.last().tUs - synAcks[0].tUs, 500000);
}

TEST(Wire, HeldFinShowsFinWait1ThenCloseWaitAfterRelease)
{
    SOCKLAB_REQUIRE_LAB();
    auto lab = std::make_unique<ProgramLab>(
        QList<QStringList>{py("close_server.py", {"12605"}), py("close_client.py", {"12605"})}, wireOptions("loss=0%"));
    Problem error;
    ASSERT_TRUE(lab->start(&error)) << error.debugText().toStdString();
    lab->wire()->addRule(WireRule::holdNth(TcpFlag::FIN, 1, -1, WireDirection::C2S));
    QElapsedTimer heldFor;
    int heldMax = 0;
    bool released = false;
    while (lab->poll()) {
        const QList<HeldPacket> held = lab->wire()->held();
        heldMax = std::max(heldMax, int(held.size()));
        if (!held.isEmpty() && !heldFor.isValid()) heldFor.start();
        // Held long enough for several sock_diag polls on both sides.
        if (!released && heldFor.isValid() && heldFor.elapsed() >= 800) {
            ASSERT_TRUE(kernelState(lab->timeline(), "close_client.py", "FIN_WAIT_1"));
            EXPECT_FALSE(kernelState(lab->timeline(), "close_server.py", "CLOSE_WAIT"));
            lab->wire()->releaseAll();
            released = true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ASSERT_TRUE(released);
    ASSERT_TRUE(lab->problems().isEmpty()) << debugText(lab->problems());
    const Timeline& tl = lab->timeline();
    // While the wire holds the FIN, its kernel does not send it again: the held
    // copy still counts as "in the host's queue" (skb_still_in_host_queue), unlike
    // a packet held by a TUN relay. Measured: one FIN held, however long.
    EXPECT_GE(heldMax, 1);
    EXPECT_TRUE(kernelState(tl, "close_server.py", "CLOSE_WAIT"));
    EXPECT_EQ(outputOf(tl, "close_client.py"), QStringList{"closed"});
    const QList<const WireData*> holds = wireEvents(tl, "hold"), releases = wireEvents(tl, "release");
    ASSERT_GE(holds.size(), 1);
    EXPECT_EQ(holds.size(), releases.size());
    EXPECT_TRUE(holds.first()->packet.has(TcpFlag::FIN));
    EXPECT_EQ(holds.first()->packetId, releases.first()->packetId);
    EXPECT_GE(releases.first()->delayUs, 800000);
    EXPECT_EQ(releases.first()->reason, "user");
}

// "Hold the next packet" checked before Run: the rule is in the options, in
// place before the first program starts, so even a SYN sent the moment the
// program starts is held — the session's first wire action is that hold.
TEST(Wire, ARuleOfTheOptionsHoldsTheFirstPacketOfTheSession)
{
    SOCKLAB_REQUIRE_LAB();
    ProgramLabOptions options = wireOptions("loss=0%");
    options.wireRules << WireRule::holdNextSynFinOrData();
    auto lab = std::make_unique<ProgramLab>(QList<QStringList>{py("connect_self.py", {"12607"})}, options);
    Problem error;
    ASSERT_TRUE(lab->start(&error)) << error.debugText().toStdString();
    ASSERT_EQ(lab->wireRuleIds().size(), 1);
    int releases = 0;
    while (lab->poll()) {
        for (const HeldPacket& h : lab->wire()->held()) {
            lab->wire()->release(h.packetId);
            ++releases;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ASSERT_TRUE(lab->problems().isEmpty()) << debugText(lab->problems());
    const Timeline& tl = lab->timeline();
    EXPECT_EQ(outputOf(tl, "connect_self.py"), QStringList{"hi"});
    const WireData* first = nullptr;
    for (const Event& e : tl.events())
        if (const WireData* w = e.wire(); w && !first) first = w;
    ASSERT_NE(first, nullptr);
    EXPECT_EQ(first->action, "hold");
    EXPECT_TRUE(first->packet.has(TcpFlag::SYN) && !first->packet.has(TcpFlag::ACK));
    EXPECT_GE(releases, 4); // SYN, data, both FINs at least
}

TEST(Wire, Mtu1500CutsOneBigSendIntoMssSegments)
{
    SOCKLAB_REQUIRE_LAB();
    const auto lab = runLab({py("bulk_server.py", {"12606"}), py("bulk_client.py", {"12606", "10000"})},
                            wireOptions("mtu=1500"));
    ASSERT_TRUE(lab->problems().isEmpty()) << debugText(lab->problems());
    const Timeline& tl = lab->timeline();
    EXPECT_EQ(outputOf(tl, "bulk_server.py"), QStringList{"received 10000"});
    qint64 total = 0;
    int data = 0;
    uint32_t largest = 0;
    for (const Packet& s : packetsFrom(tl, "bulk_client.py", EventKind::Segment)) {
        if (s.p->has(TcpFlag::SYN)) EXPECT_EQ(s.p->options.mss, 1460);
        if (s.p->len == 0) continue;
        ++data;
        total += s.p->len;
        largest = std::max(largest, s.p->len);
    }
    EXPECT_EQ(total, 10000);
    EXPECT_LE(largest, 1448u);
    EXPECT_GE(data, 7);
    const NoteData* stats = note(tl, "wire-stats");
    ASSERT_NE(stats, nullptr);
    EXPECT_LE(stats->args.value("largest_packet").toInt(), 1500); // the queue got segments, not a GSO super-packet
    EXPECT_EQ(stats->args.value("relay_lost").toInt(), 0);
}

TEST(Wire, ASessionLeavesNothingBehind)
{
    SOCKLAB_REQUIRE_LAB();
    // One session first: Qt's and the lab's one-time threads exist before counting.
    runLab({py("bulk_server.py", {"12607"}), py("bulk_client.py", {"12607", "100"})}, wireOptions("loss=0%"));
    const int fds = entries("/proc/self/fd"), threads = entries("/proc/self/task"), netns = netnsDescriptors();
    {
        const auto lab = runLab({py("bulk_server.py", {"12608"}), py("bulk_client.py", {"12608", "5000"})},
                                wireOptions("delay=20ms,loss=10%,seed=5"));
        EXPECT_TRUE(lab->problems().isEmpty()) << debugText(lab->problems());
        EXPECT_EQ(outputOf(lab->timeline(), "bulk_server.py"), QStringList{"received 5000"});
        ASSERT_NE(lab->wire(), nullptr);
        EXPECT_TRUE(lab->wire()->running());
        EXPECT_TRUE(std::any_of(lab->timeline().events().begin(), lab->timeline().events().end(),
                                [](const Event& e) { return e.wireDelayUs == 20000; })); // the wire delayed them
        EXPECT_GT(netnsDescriptors(), netns); // the lab was there
    }
    EXPECT_EQ(entries("/proc/self/fd"), fds);
    EXPECT_LE(socklab::test::threadsOnceSettled(threads), threads);
    EXPECT_EQ(netnsDescriptors(), netns);
    EXPECT_TRUE(childrenOfThisProcess().isEmpty());
}

TEST(WireCli, LossyWireWithUnchangedProgramsInJson)
{
    SOCKLAB_REQUIRE_LAB();
    const CliResult r = socklabLab({"--json", "--wire", "loss=30%,seed=2", "--", "python3",
                                    SOCKLAB_SOURCE_DIR "/tests/wire/udp_count_server.py", "12610", "30", "---", "python3",
                                    SOCKLAB_SOURCE_DIR "/tests/wire/udp_count_client.py", "12610", "30"});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
    int wireDrops = 0, droppedDatagrams = 0;
    for (const QJsonValue& v : doc.value("events").toArray()) {
        const QJsonObject e = v.toObject();
        if (e.value("kind") == QLatin1String("wire")) {
            EXPECT_EQ(e.value("source").toString(), "wire");
            if (e.value("action") == QLatin1String("drop")) {
                ++wireDrops;
                EXPECT_EQ(e.value("packet").toObject().value("protocol").toString(), "udp");
                EXPECT_EQ(e.value("reason").toString(), "loss");
            }
        }
        if (e.value("kind") == QLatin1String("datagram") && e.value("wire") == QLatin1String("dropped")) ++droppedDatagrams;
    }
    EXPECT_GT(wireDrops, 0);
    EXPECT_EQ(wireDrops, droppedDatagrams);
    EXPECT_EQ(doc.value("parameters").toObject().value("wire").toObject().value("seed").toString(), "2");
    // The session format keeps the wire's events (a replay shows them).
    const TimelineLoadResult back = timelineFromJson(r.out);
    ASSERT_TRUE(back.ok) << back.error.toStdString();
    int replayedDrops = 0;
    for (const Event& e : back.timeline.events())
        if (const WireData* w = e.wire(); w && w->action == QLatin1String("drop")) {
            ++replayedDrops;
            EXPECT_EQ(e.provenance, Provenance::Wire);
            EXPECT_EQ(w->packet.protocol, "udp");
        }
    EXPECT_EQ(replayedDrops, wireDrops);
}

TEST(WireCli, AWrongSpecIsOneLineAndExit2)
{
    for (const char* spec : {"loss=130%", "delay=fast", "colour=red", "mtu=100"}) {
        const CliResult r = socklabLab({"--wire", spec, "--", "true"});
        EXPECT_EQ(r.code, 2) << spec;
        EXPECT_EQ(r.err.count('\n'), 1) << r.err.toStdString();
        EXPECT_TRUE(r.err.startsWith("socklab: --wire")) << r.err.toStdString();
    }
}

TEST(WireCli, WithoutTheMechanismOneLineExit1AndNothingRuns)
{
    SOCKLAB_REQUIRE_LAB();
    // iptables-nft missing, or refusing: the wire cannot divert, so the programs never start.
    for (const char* tool : {"/nonexistent/iptables-nft", "/bin/false"}) {
        const CliResult r = socklabLab({"--wire", "loss=10%", "--", "python3", "-c", "print('ran')"},
                                       {QStringLiteral("SOCKLAB_WIRE_IPTABLES=") + tool});
        EXPECT_EQ(r.code, 1) << tool;
        EXPECT_EQ(r.err.count('\n'), 1) << r.err.toStdString();
        EXPECT_TRUE(r.err.contains("the wire cannot run here")) << r.err.toStdString();
        EXPECT_FALSE(r.out.contains("ran"));
    }
    EXPECT_TRUE(childrenOfThisProcess().isEmpty());
}

TEST(Wire, DuplicateSendsEveryDatagramTwice)
{
    SOCKLAB_REQUIRE_LAB();
    const auto lab = runLab({py("udp_order_server.py", {"12611"}), py("udp_count_client.py", {"12611", "5"})},
                            wireOptions("duplicate.c2s=100%"));
    ASSERT_TRUE(lab->problems().isEmpty()) << debugText(lab->problems());
    const Timeline& tl = lab->timeline();
    // The copies are real datagrams on lo (the wire sent them with a raw socket): the server reads each twice.
    EXPECT_EQ(outputOf(tl, "udp_order_server.py"), QStringList{"got 0 0 1 1 2 2 3 3 4 4"});
    int numbered = 0;
    for (const WireData* w : wireEvents(tl, "duplicate"))
        numbered += w->packet.payload.startsWith("msg ") ? 1 : 0;
    EXPECT_EQ(numbered, 5);
}

TEST(Wire, ReorderLetsTheNextDatagramOvertake)
{
    SOCKLAB_REQUIRE_LAB();
    auto lab = std::make_unique<ProgramLab>(
        QList<QStringList>{py("udp_order_server.py", {"12612"}), py("udp_count_client.py", {"12612", "4"})},
        wireOptions("loss=0%"));
    Problem error;
    ASSERT_TRUE(lab->start(&error)) << error.debugText().toStdString();
    WireRule r;
    r.action = WireRule::Action::Reorder;
    r.udpOnly = true;
    lab->wire()->addRule(r); // the first datagram waits until the next one has passed
    lab->runToEnd();
    ASSERT_TRUE(lab->problems().isEmpty()) << debugText(lab->problems());
    const Timeline& tl = lab->timeline();
    EXPECT_EQ(outputOf(tl, "udp_order_server.py"), QStringList{"got 1 0 2 3"});
    ASSERT_EQ(wireEvents(tl, "reorder").size(), 1);
    EXPECT_EQ(wireEvents(tl, "reorder").first()->packet.payload, "msg 0");
    ASSERT_EQ(wireEvents(tl, "release").size(), 1);
    EXPECT_EQ(wireEvents(tl, "release").first()->reason, "reorder");
}

TEST(Wire, DelayedDatagramsArriveNoSoonerThanTheDelay)
{
    SOCKLAB_REQUIRE_LAB();
    ProgramLabOptions o = wireOptions("delay=40ms");
    o.gate = true; // when each sendto() began, to measure the delay against
    const auto lab = runLab({py("udp_order_server.py", {"12613"}), py("udp_count_client.py", {"12613", "5"})}, o);
    ASSERT_TRUE(lab->problems().isEmpty()) << debugText(lab->problems());
    const Timeline& tl = lab->timeline();
    EXPECT_EQ(outputOf(tl, "udp_order_server.py"), QStringList{"got 0 1 2 3 4"});
    // The captures carry the wire's delay: no "delay" wire event beside each (issue 12).
    EXPECT_TRUE(wireEvents(tl, "delay").isEmpty());
    // A call's time is taken while the program is stopped at its entry, before the kernel sends anything;
    // its return is seen only when the tracer gets to it, which on a loaded machine is milliseconds late.
    QList<qint64> sent;
    for (const Event& e : tl.events())
        if (const CallData* c = e.call(); c && c->call == QLatin1String("sendto") && e.actor == QLatin1String("udp_count_client.py"))
            sent << e.tUs;
    ASSERT_GE(sent.size(), 5);
    int numbered = 0;
    for (const Event& e : tl.events()) {
        const PacketData* d = e.packet();
        if (!d || e.kind != EventKind::Datagram || d->fromActor != QLatin1String("udp_count_client.py")) continue;
        EXPECT_EQ(e.wireDelayUs, 40000u) << d->payload.constData(); // every one, END markers too
        if (!d->payload.startsWith("msg ")) continue;
        const int i = d->payload.mid(4).toInt();
        ASSERT_LT(i, 5);
        // It crosses lo (its capture) only once the wire let it go: 40 ms after it was sent.
        EXPECT_GE(e.tUs - sent[i], 40000) << d->payload.constData();
        ++numbered;
    }
    EXPECT_EQ(numbered, 5);
    // The JSON says it on the datagram, and a saved session keeps it.
    const QJsonArray events = timelineToJson(tl).value("events").toArray();
    int inJson = 0;
    for (const QJsonValue& v : events)
        inJson += v.toObject().value("wire_delay_us").toInteger() == 40000;
    EXPECT_GE(inJson, 5);
}
