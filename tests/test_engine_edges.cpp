// The engine's system-call edges: a rebound socket name, IPv6 ports, two free ports.

#include "Runner.h"
#include "Scenario.h"

#include <QDir>

#include <gtest/gtest.h>

using namespace socklab;

namespace {

int openDescriptors() { return int(QDir("/proc/self/fd").entryList(QDir::NoDotAndDotDot | QDir::System).size()); }

Step step(const QString& call, const QString& socket, QVariantMap args = {})
{
    Step s;
    s.actor = QStringLiteral("a");
    s.call = call;
    s.socket = socket;
    s.args = std::move(args);
    s.maxWaitMs = 500;
    return s;
}

Scenario oneActor(QList<Step> steps)
{
    Scenario sc;
    sc.id = QStringLiteral("edges");
    sc.actors = {{QStringLiteral("a"), QStringLiteral("peer"), {}}};
    sc.steps = std::move(steps);
    return sc;
}

const ReturnData* lastReturn(const Timeline& tl, const QString& call)
{
    const ReturnData* found = nullptr;
    for (const Event& e : tl.events())
        if (const ReturnData* r = e.ret(); r && r->call == call) found = r;
    return found;
}

} // namespace

TEST(EngineEdges, ASecondSocketOnTheSameNameClosesTheFirst)
{
    { // warm-up: libpcap and Qt allocate a few descriptors once
        Runner warm(oneActor({step("socket", "s")}));
        Problem error;
        ASSERT_TRUE(warm.start(&error)) << error.debugText().toStdString();
        ASSERT_TRUE(warm.runAll(&error)) << error.debugText().toStdString();
    }
    const int before = openDescriptors();
    {
        Runner r(oneActor({step("socket", "s"), step("socket", "s"), step("socket", "s")}));
        Problem error;
        ASSERT_TRUE(r.start(&error)) << error.debugText().toStdString();
        ASSERT_TRUE(r.runAll(&error)) << error.debugText().toStdString();
        const ReturnData* ret = lastReturn(r.timeline(), "socket");
        ASSERT_NE(ret, nullptr);
        EXPECT_GE(ret->result, 0);
    }
    EXPECT_EQ(openDescriptors(), before); // nothing lost, nothing leaked
}

TEST(EngineEdges, AnIpv6SocketReportsItsRealPort)
{
    Runner r(oneActor({step("socket", "s", {{"family", "inet6"}}),
                       step("bind", "s", {{"addr", "::1"}, {"port", "$port"}}),
                       step("listen", "s", {{"backlog", 1}})}));
    Problem error;
    ASSERT_TRUE(r.start(&error)) << error.debugText().toStdString();
    ASSERT_TRUE(r.runAll(&error)) << error.debugText().toStdString();
    const ReturnData* bind = lastReturn(r.timeline(), "bind");
    ASSERT_NE(bind, nullptr);
    if (bind->result != 0) GTEST_SKIP() << "no IPv6 loopback here: " << bind->errnoName.toStdString();
    EXPECT_EQ(bind->values.value("local_port").toInt(), int(r.port()));
    const ReturnData* listen = lastReturn(r.timeline(), "listen");
    ASSERT_NE(listen, nullptr);
    EXPECT_EQ(listen->values.value("local_port").toInt(), int(r.port()));
}

TEST(EngineEdges, OutsideANamespaceTheTwoFreePortsDiffer)
{
    // On the host loopback the runner asks the kernel for two free ports.
    for (int i = 0; i < 20; ++i) {
        Runner r(oneActor({step("socket", "s"), step("bind", "s", {{"addr", "127.0.0.1"}, {"port", "$port2"}})}),
                 RunOptions{QStringLiteral("host"), {}});
        Problem error;
        if (!r.start(&error)) GTEST_SKIP() << "no host capture here: " << error.debugText().toStdString();
        ASSERT_TRUE(r.runAll(&error)) << error.debugText().toStdString();
        const ReturnData* bind = lastReturn(r.timeline(), "bind");
        ASSERT_NE(bind, nullptr);
        EXPECT_NE(bind->values.value("local_port").toInt(), int(r.port()));
    }
}
