// TCP state diagram: the eleven RFC 9293 states laid out without overlaps, and
// each actor's state at cursors of real handshake and teardown runs.

#include "StateMachineRenderer.h"
#include "ViewsTestData.h"

#include <QImage>
#include <QPainter>

#include <gtest/gtest.h>

using namespace socklab;

namespace {

int cursorAfterCall(const Timeline& tl, const QString& actor, const QString& call)
{
    for (int k = 0; k < tl.steps.size(); ++k)
        if (tl.steps[k].actor == actor && tl.steps[k].call == call) {
            const int next = tl.indexOfStep(tl.steps[k].index + 1);
            return next < 0 ? tl.size() - 1 : next - 1;
        }
    return -1;
}

QString stateOf(const QList<ActorState>& states, const QString& actor)
{
    for (const ActorState& s : states)
        if (s.actor == actor) return s.state;
    return {};
}

} // namespace

TEST(StateMachineLayout, ElevenStatesNoOverlap)
{
    const StateMachineLayout L;
    ASSERT_EQ(L.nodes().size(), 11);
    for (const QString& s : tcpStates()) EXPECT_GE(L.nodeIndex(s), 0) << s.toStdString();
    const QRectF canvas(QPointF(0, 0), StateMachineLayout::size());
    for (int i = 0; i < L.nodes().size(); ++i) {
        EXPECT_TRUE(canvas.contains(L.nodes()[i].rect));
        for (int j = i + 1; j < L.nodes().size(); ++j)
            EXPECT_FALSE(L.nodes()[i].rect.adjusted(-10, -10, 10, 10).intersects(L.nodes()[j].rect))
                << L.nodes()[i].state.toStdString() << " / " << L.nodes()[j].state.toStdString();
    }
    // The transitions a lesson walks through all exist, labelled as in the RFC.
    EXPECT_GE(L.edgeIndex("LISTEN", "SYN_RECV"), 0);
    EXPECT_EQ(L.edges()[L.edgeIndex("LISTEN", "SYN_RECV")].label, "rcv SYN / snd SYN,ACK");
    EXPECT_EQ(L.edges()[L.edgeIndex("ESTABLISHED", "FIN_WAIT_1")].label, "close / snd FIN");
    for (auto [a, b] : {std::pair{"CLOSED", "SYN_SENT"}, {"SYN_SENT", "ESTABLISHED"}, {"SYN_RECV", "ESTABLISHED"},
                        {"ESTABLISHED", "CLOSE_WAIT"}, {"FIN_WAIT_1", "FIN_WAIT_2"}, {"FIN_WAIT_2", "TIME_WAIT"},
                        {"CLOSE_WAIT", "LAST_ACK"}, {"LAST_ACK", "CLOSED"}, {"TIME_WAIT", "CLOSED"}})
        EXPECT_GE(L.edgeIndex(a, b), 0) << a << "->" << b;
    // Every edge starts and ends on (or next to) its nodes.
    for (const StateEdge& e : L.edges()) {
        EXPECT_LE(QLineF(e.path.first(), L.nodes()[L.nodeIndex(e.from)].rect.center()).length(), 100);
        EXPECT_LE(QLineF(e.path.last(), L.nodes()[L.nodeIndex(e.to)].rect.center()).length(), 100);
    }
}

TEST(StateMachineRenderer, HandshakeStates)
{
    const Timeline& tl = test::cachedRun("handshake");
    auto states = StateMachineRenderer::statesAt(tl, cursorAfterCall(tl, "server", "listen"));
    EXPECT_EQ(stateOf(states, "server"), "LISTEN");
    EXPECT_EQ(stateOf(states, "client"), "");
    states = StateMachineRenderer::statesAt(tl, tl.size() - 1);
    // The connection socket wins over the listener.
    EXPECT_EQ(stateOf(states, "server"), "ESTABLISHED");
    EXPECT_EQ(stateOf(states, "client"), "ESTABLISHED");
    for (const ActorState& s : states)
        if (s.actor == "server") EXPECT_EQ(s.socket, "connfd");
    // Mid-handshake: the cursor on the SYN,ACK shows the derived SYN_RECV and its transition.
    for (int i = 0; i < tl.size(); ++i) {
        const StateData* s = tl.at(i).state();
        if (s && s->state == "SYN_RECV") {
            states = StateMachineRenderer::statesAt(tl, i);
            EXPECT_EQ(stateOf(states, "server"), "SYN_RECV");
            for (const ActorState& a : states)
                if (a.actor == "server") {
                    EXPECT_TRUE(a.derived);
                    EXPECT_EQ(a.previous, "LISTEN");
                    EXPECT_GE(StateMachineLayout().edgeIndex(a.previous, a.state), 0);
                }
            break;
        }
    }
}

TEST(StateMachineRenderer, TeardownStates)
{
    const Timeline& tl = test::cachedRun("teardown");
    auto states = StateMachineRenderer::statesAt(tl, cursorAfterCall(tl, "client", "close"));
    const QString client = stateOf(states, "client");
    EXPECT_TRUE(client == "FIN_WAIT_2" || client == "FIN_WAIT_1") << client.toStdString();
    EXPECT_EQ(stateOf(states, "server"), "CLOSE_WAIT");
    states = StateMachineRenderer::statesAt(tl, tl.size() - 1);
    EXPECT_EQ(stateOf(states, "client"), "TIME_WAIT");
    EXPECT_EQ(stateOf(states, "server"), "CLOSED");
}

TEST(StateMachineRenderer, PaintsTheActorColour)
{
    const Timeline& tl = test::cachedRun("handshake");
    QImage img(800, 700, QImage::Format_ARGB32);
    QPainter p(&img);
    const ViewStyle style;
    StateMachineRenderer::paint(p, QRectF(0, 0, 800, 700), tl, tl.size() - 1, style);
    p.end();
    // The ESTABLISHED node is filled with a tint of an actor colour, not the plain panel colour.
    const StateMachineLayout L;
    const QRectF r = StateMachineRenderer::fit(QRectF(0, 0, 800, 700)).mapRect(L.nodes()[L.nodeIndex("ESTABLISHED")].rect);
    const QColor inside = img.pixelColor(int(r.left() + 8), int(r.center().y()));
    EXPECT_NE(inside, style.panel);
    EXPECT_NE(inside, style.background);
}
