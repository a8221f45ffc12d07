// TCP state diagram: the eleven RFC 9293 states laid out without overlaps, and
// each actor's state at cursors of real handshake and teardown runs.

#include "LadderLayout.h"
#include "StateMachineRenderer.h"
#include "StateReadings.h"
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

namespace {

Event stateEvent(qint64 t, const QString& state, Provenance prov)
{
    Event e;
    e.tUs = t;
    e.kind = EventKind::State;
    e.actor = QStringLiteral("client");
    e.provenance = prov;
    e.data = StateData{QStringLiteral("sockfd"), state, {}, 0, 0, {}};
    return e;
}

} // namespace

// teardown: FIN_WAIT_2* derived, then the kernel's late readings FIN_WAIT_1 and
// FIN_WAIT_2 arrive. They confirm what was drawn; the state never goes backwards.
TEST(StateReadings, ALateKernelReadingConfirmsInsteadOfGoingBackwards)
{
    Timeline tl;
    tl.scenarioId = QStringLiteral("teardown");
    tl.actors = {{QStringLiteral("client"), QStringLiteral("client"), {}, {}}};
    tl.append(stateEvent(1, QStringLiteral("ESTABLISHED"), Provenance::Kernel));
    tl.append(stateEvent(2, QStringLiteral("FIN_WAIT_1"), Provenance::Derived));
    tl.append(stateEvent(3, QStringLiteral("FIN_WAIT_2"), Provenance::Derived));
    tl.append(stateEvent(4, QStringLiteral("FIN_WAIT_1"), Provenance::Kernel)); // late
    tl.append(stateEvent(5, QStringLiteral("FIN_WAIT_2"), Provenance::Kernel)); // confirmation
    tl.append(stateEvent(6, QStringLiteral("TIME_WAIT"), Provenance::Derived));
    EXPECT_EQ(StateReadings::confirmations(tl), (QSet<int>{3, 4}));
    // The diagram stays in FIN_WAIT_2 at the late reading…
    const QList<ActorState> at3 = StateMachineRenderer::statesAt(tl, 3);
    ASSERT_EQ(at3.size(), 1);
    EXPECT_EQ(at3[0].state, "FIN_WAIT_2");
    // …and the ladder draws no chip for either reading.
    LadderLayout L;
    L.setTimeline(tl);
    QStringList chips;
    for (const LadderRow& r : L.rows())
        if (r.type == LadderRow::Type::State) chips << r.text;
    EXPECT_EQ(chips, (QStringList{"ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2", "TIME_WAIT"}));
}

TEST(StateMachineRenderer, TextIsAtLeast14PixelsInPresenterModeInTheRightThird)
{
    const Timeline& tl = test::cachedRun("teardown");
    const QRectF pane(0, 0, 1366 / 3, 700);
    const QList<StateMachineText> texts = StateMachineRenderer::texts(pane, tl, tl.size() - 1, ViewStyle::presenterMode());
    ASSERT_GE(texts.size(), 11 + 17); // eleven states, seventeen transitions
    for (const StateMachineText& t : texts) {
        EXPECT_GE(t.pixelSize, 14.0) << t.text.toStdString();
        EXPECT_TRUE(pane.contains(t.rect)) << t.text.toStdString(); // "rcv ACK of FIN" not cut at the edge
    }
}

// teardown at its end: the server's lit LAST_ACK → CLOSED path runs down the
// right edge, past the CLOSE_WAIT → LAST_ACK label. Every label is drawn after
// every line, so no line runs through a label ("close / snd FI" was cut).
TEST(StateMachineRenderer, NoLineIsDrawnOverATransitionLabel)
{
    const Timeline& tl = test::cachedRun("teardown");
    const QRectF pane(0, 0, 620, 800);
    const ViewStyle style = ViewStyle::presenterMode();
    QImage img(pane.size().toSize(), QImage::Format_ARGB32);
    img.fill(Qt::white);
    QPainter p(&img);
    StateMachineRenderer::paint(p, pane, tl, tl.size() - 1, style);
    p.end();
    const QColor line = style.actorColor(tl, QStringLiteral("server"));
    auto near = [&](QColor c) {
        return std::abs(c.red() - line.red()) + std::abs(c.green() - line.green()) + std::abs(c.blue() - line.blue()) < 60;
    };
    int labels = 0;
    for (const StateMachineText& t : StateMachineRenderer::texts(pane, tl, tl.size() - 1, style)) {
        if (t.kind != 1) continue;
        ++labels;
        const QRect r = t.rect.toAlignedRect().adjusted(3, 3, -3, -3);
        int hits = 0;
        for (int y = r.top(); y <= r.bottom(); ++y)
            for (int x = r.left(); x <= r.right(); ++x)
                hits += near(img.pixelColor(x, y)) ? 1 : 0;
        EXPECT_EQ(hits, 0) << t.text.toStdString();
    }
    EXPECT_EQ(labels, 17);
}
