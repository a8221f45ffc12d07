// The RFC 9293 derivation on hand-made segments.

#include "Recorder.h"
#include "StateDeriver.h"
#include "QtPrinters.h"

#include <gtest/gtest.h>

using namespace socklab;

namespace {

// client 40000 <-> server 8888 (listener on 8888)
std::optional<SocketOwner> owners(uint16_t l, uint16_t r)
{
    if (l == 40000 || l == 40001) return SocketOwner{"client", "sockfd", false, true};
    if (l == 8888 && r == 40000) return SocketOwner{"server", "connfd", false, true};
    if (l == 8888) return SocketOwner{"server", "sockfd", true, true};
    return std::nullopt;
}

Event seg(qint64 t, uint16_t from, uint16_t to, uint8_t flags, uint32_t seq, uint32_t ack, uint32_t len = 0)
{
    PacketData p;
    p.protocol = "tcp";
    p.srcPort = from;
    p.dstPort = to;
    p.flags = flags;
    p.seq = seq;
    p.ack = ack;
    p.len = len;
    Event e;
    e.tUs = t;
    e.kind = EventKind::Segment;
    e.data = p;
    return e;
}

struct Trace {
    StateDeriver d{owners};
    QStringList states;
    QStringList notes;
    void feed(const Event& e)
    {
        for (const Event& x : d.feed(e)) {
            if (const StateData* s = x.state()) states << x.actor + ":" + s->state;
            if (const NoteData* n = x.note()) notes << n->code;
        }
    }
};

using namespace TcpFlag;

} // namespace

TEST(StateDeriver, Handshake)
{
    Trace t;
    t.feed(seg(1, 40000, 8888, SYN, 100, 0));
    t.feed(seg(2, 8888, 40000, SYN | ACK, 500, 101));
    t.feed(seg(3, 40000, 8888, ACK, 101, 501));
    EXPECT_EQ(t.states, (QStringList{"client:SYN_SENT", "server:SYN_RECV", "client:ESTABLISHED", "server:ESTABLISHED"}));
}

TEST(StateDeriver, FourSegmentTeardown)
{
    Trace t;
    t.feed(seg(1, 40000, 8888, SYN, 100, 0));
    t.feed(seg(2, 8888, 40000, SYN | ACK, 500, 101));
    t.feed(seg(3, 40000, 8888, ACK, 101, 501));
    t.states.clear();
    t.feed(seg(4, 40000, 8888, FIN | ACK, 101, 501));
    t.feed(seg(5, 8888, 40000, ACK, 501, 102));
    t.feed(seg(6, 8888, 40000, FIN | ACK, 501, 102));
    t.feed(seg(7, 40000, 8888, ACK, 102, 502));
    EXPECT_EQ(t.states, (QStringList{"client:FIN_WAIT_1", "server:CLOSE_WAIT", "client:FIN_WAIT_2", "server:LAST_ACK",
                                     "client:TIME_WAIT", "server:CLOSED"}));
    EXPECT_FALSE(t.notes.contains("teardown-3"));
}

TEST(StateDeriver, ThreeSegmentTeardownIsNoted)
{
    Trace t;
    t.feed(seg(1, 40000, 8888, SYN, 100, 0));
    t.feed(seg(2, 8888, 40000, SYN | ACK, 500, 101));
    t.feed(seg(3, 40000, 8888, ACK, 101, 501));
    t.states.clear();
    t.feed(seg(4, 40000, 8888, FIN | ACK, 101, 501));
    t.feed(seg(5, 8888, 40000, FIN | ACK, 501, 102)); // ACK rides on the FIN
    t.feed(seg(6, 40000, 8888, ACK, 102, 502));
    EXPECT_EQ(t.states, (QStringList{"client:FIN_WAIT_1", "server:CLOSE_WAIT", "server:LAST_ACK", "client:TIME_WAIT",
                                     "server:CLOSED"}));
    EXPECT_TRUE(t.notes.contains("teardown-3"));
}

TEST(StateDeriver, SimultaneousCloseGoesThroughClosing)
{
    Trace t;
    t.feed(seg(1, 40000, 8888, SYN, 100, 0));
    t.feed(seg(2, 8888, 40000, SYN | ACK, 500, 101));
    t.feed(seg(3, 40000, 8888, ACK, 101, 501));
    t.states.clear();
    t.feed(seg(4, 40000, 8888, FIN | ACK, 101, 501));
    t.feed(seg(5, 8888, 40000, FIN | ACK, 501, 101)); // crossed: does not ack our FIN
    EXPECT_TRUE(t.states.contains("client:CLOSING"));
}

TEST(StateDeriver, RstClosesBothEnds)
{
    Trace t;
    t.feed(seg(1, 40000, 8888, SYN, 100, 0));
    t.feed(seg(2, 8888, 40000, RST | ACK, 0, 101));
    EXPECT_EQ(t.states, (QStringList{"client:SYN_SENT", "client:CLOSED"}));
}

TEST(StateDeriver, KernelDisagreementBecomesANote)
{
    StateDeriver d(owners);
    d.feed(seg(1000, 40000, 8888, SYN, 100, 0));
    Event k;
    k.tUs = 100000; // long after, the kernel says something the derivation never did
    k.kind = EventKind::State;
    k.actor = "client";
    k.data = StateData{"sockfd", "FIN_WAIT_2", "", 40000, 8888, "tcp_info"};
    const QList<Event> out = d.check(k);
    ASSERT_EQ(out.size(), 1);
    EXPECT_EQ(out[0].note()->code, "state-mismatch");
    EXPECT_EQ(out[0].note()->args.value("derived").toString(), "SYN_SENT");
    k.data = StateData{"sockfd", "SYN_SENT", "", 40000, 8888, "tcp_info"};
    EXPECT_TRUE(d.check(k).isEmpty());
}

TEST(StateDeriver, AfterCaptureLossDerivedStatesAreUncertain)
{
    StateDeriver d(owners);
    auto statesOf = [](const QList<Event>& out) {
        QList<StateData> s;
        for (const Event& x : out)
            if (const StateData* st = x.state()) s << *st;
        return s;
    };
    // Before any loss: certain.
    for (const StateData& s : statesOf(d.feed(seg(1, 40000, 8888, SYN, 100, 0))))
        EXPECT_FALSE(s.uncertain);
    d.feed(seg(2, 8888, 40000, SYN | ACK, 500, 101));
    d.feed(seg(3, 40000, 8888, ACK, 101, 501));
    Event loss;
    loss.tUs = 4;
    loss.kind = EventKind::Note;
    loss.data = NoteData{"capture-loss", {{"captured", 3}, {"dropped", 7}, {"new_drops", 7}}};
    d.feed(loss);
    const QList<StateData> after = statesOf(d.feed(seg(5, 40000, 8888, FIN | ACK, 101, 501)));
    ASSERT_FALSE(after.isEmpty());
    for (const StateData& s : after)
        EXPECT_TRUE(s.uncertain) << s.state.toStdString();
    // A kernel reading that disagrees says the derivation was uncertain.
    Event k;
    k.tUs = 100000;
    k.kind = EventKind::State;
    k.actor = "client";
    k.data = StateData{"sockfd", "TIME_WAIT", "", 40000, 8888, "sock_diag"};
    const QList<Event> out = d.check(k);
    ASSERT_EQ(out.size(), 1);
    EXPECT_TRUE(out[0].note()->args.value("uncertain").toBool());
    // A connection opened after the loss is certain again.
    const QList<StateData> fresh = statesOf(d.feed(seg(200000, 40001, 8888, SYN, 900, 0)));
    ASSERT_FALSE(fresh.isEmpty());
    for (const StateData& s : fresh)
        EXPECT_FALSE(s.uncertain);
}
