// The user's own programs in the lab: the shipped Python examples and
// programs never written for socklab (nc, http.server + curl), recorded on
// real sockets; and the clean-up after timeouts, crashes and missing commands.

#include "ProcessSockets.h"
#include "ProgramRun.h"

#include <QFile>

#include <gtest/gtest.h>

#include <csignal>

using namespace socklab;
using namespace socklab::test;

namespace {

QStringList py(const QString& file, const QStringList& args = {})
{
    return QStringList{QStringLiteral("python3"), example(file)} + args;
}

int indexOf(const QList<Seg>& segs, const QString& from, const QString& flags, int start = 0)
{
    for (int i = start; i < segs.size(); ++i)
        if (segs[i].from == from && segs[i].flags == flags) return i;
    return -1;
}

} // namespace

TEST(ProgramLab, TcpExamplesHandshakeDataTeardown)
{
    const auto lab = runLab({py("tcp_server.py"), py("tcp_client.py", {"hello"})});
    const Timeline& tl = lab->timeline();
    EXPECT_TRUE(lab->problems().isEmpty()) << debugText(lab->problems());
    EXPECT_EQ(tl.scenarioId, "lab");
    ASSERT_EQ(tl.actors.size(), 2);
    EXPECT_EQ(tl.actors[0].name, "tcp_server.py");
    EXPECT_EQ(tl.actors[0].role, "server");
    EXPECT_EQ(tl.actors[1].name, "tcp_client.py");
    const QList<Seg> s = segments(tl);
    // Handshake, attributed to the programs by their discovered ports.
    const int syn = indexOf(s, "tcp_client.py", "SYN");
    ASSERT_GE(syn, 0);
    EXPECT_EQ(s[syn].to, "tcp_server.py");
    const int synAck = indexOf(s, "tcp_server.py", "SYN,ACK", syn);
    ASSERT_GT(synAck, syn);
    EXPECT_GT(indexOf(s, "tcp_client.py", "ACK", synAck), synAck);
    // Data both ways, then a FIN from each side.
    bool hello = false, thanks = false;
    for (const Seg& x : s) {
        hello = hello || (x.from == "tcp_client.py" && x.payload == "hello");
        thanks = thanks || (x.from == "tcp_server.py" && x.payload == "Thanks");
    }
    EXPECT_TRUE(hello);
    EXPECT_TRUE(thanks);
    int fins = 0;
    for (const Seg& x : s)
        fins += x.flags.contains("FIN") ? 1 : 0;
    EXPECT_EQ(fins, 2);
    // States: LISTEN from the kernel, the active closer ends in TIME_WAIT.
    EXPECT_TRUE(hasState(tl, "tcp_server.py", "LISTEN", Provenance::Kernel));
    EXPECT_TRUE(hasState(tl, "tcp_client.py", "SYN_SENT", Provenance::Derived));
    EXPECT_TRUE(hasState(tl, "tcp_client.py", "TIME_WAIT", Provenance::Derived));
    EXPECT_TRUE(hasState(tl, "tcp_client.py", "TIME_WAIT", Provenance::Kernel));
    EXPECT_TRUE(hasState(tl, "tcp_server.py", "LAST_ACK", Provenance::Derived));
    // The programs' own output, line by line.
    EXPECT_TRUE(outputOf(tl, "tcp_server.py").contains(QStringLiteral("收到： hello")));
    EXPECT_TRUE(outputOf(tl, "tcp_client.py").contains(QStringLiteral("服务端回复： Thanks")));
    EXPECT_GT(tl.countOf(EventKind::Queue), 0);
}

TEST(ProgramLab, ClientReadsTypedLinesFromStdin)
{
    bool typed = false;
    const auto lab = runLab({py("tcp_server.py"), py("tcp_client.py")}, {}, [&](ProgramLab& l) {
        if (typed || !l.started(1)) return;
        typed = true;
        EXPECT_TRUE(l.writeStdin(1, QStringLiteral("你好\n\n").toUtf8())); // an empty line ends the client
    });
    EXPECT_TRUE(lab->problems().isEmpty()) << debugText(lab->problems());
    EXPECT_TRUE(outputOf(lab->timeline(), "tcp_server.py").contains(QStringLiteral("收到： 你好")));
}

TEST(ProgramLab, HomeworkServerEndsOnHashHash)
{
    const auto lab = runLab({py("homework_server.py"), py("tcp_client.py", {"##"})});
    EXPECT_TRUE(lab->problems().isEmpty()) << debugText(lab->problems());
    const QStringList out = outputOf(lab->timeline(), "homework_server.py");
    EXPECT_TRUE(out.contains(QStringLiteral("收到： ##")));
    EXPECT_TRUE(outputOf(lab->timeline(), "tcp_client.py").contains(QStringLiteral("服务端回复： bye")));
}

TEST(ProgramLab, UdpExamplesDatagrams)
{
    const auto lab = runLab({py("udp_server.py"), py("udp_client.py", {"a", "b"})});
    EXPECT_TRUE(lab->problems().isEmpty()) << debugText(lab->problems());
    QStringList sent;
    for (const Event& e : lab->timeline().events())
        if (const PacketData* p = e.packet(); p && e.kind == EventKind::Datagram && p->protocol == "udp")
            sent << QStringLiteral("%1>%2:%3").arg(p->fromActor, p->toActor, QString::fromUtf8(p->payload));
    EXPECT_EQ(sent, (QStringList{"udp_client.py>udp_server.py:a", "udp_server.py>udp_client.py:Thanks",
                                 "udp_client.py>udp_server.py:b", "udp_server.py>udp_client.py:Thanks",
                                 "udp_client.py>udp_server.py:##", "udp_server.py>udp_client.py:Thanks"}));
}

TEST(ProgramLab, FramingExamplesRecoverMessages)
{
    const auto length = runLab({py("framing_length_server.py"), py("framing_length_client.py")});
    EXPECT_EQ(outputOf(length->timeline(), "framing_length_server.py"),
              (QStringList{"一条消息（5字节）：hello", "一条消息（5字节）：world", "一条消息（3字节）：tcp"}));
    const auto delim = runLab({py("framing_delimiter_server.py"), py("framing_delimiter_client.py")});
    EXPECT_EQ(outputOf(delim->timeline(), "framing_delimiter_server.py"),
              (QStringList{"一条消息： hello", "一条消息： world", "一条消息： tcp"}));
    // The sticky demo: three sends, and the server's recv()s together got all 13 bytes.
    const auto sticky = runLab({py("sticky_demo_server.py"), py("sticky_demo_client.py")});
    QByteArray sent;
    for (const Seg& x : segments(sticky->timeline()))
        if (x.from == "sticky_demo_client.py") sent += x.payload;
    EXPECT_EQ(sent, "helloworldtcp");
    EXPECT_FALSE(outputOf(sticky->timeline(), "sticky_demo_server.py").isEmpty());
}

TEST(ProgramLab, NetcatServerAndClient)
{
    bool typed = false;
    const auto lab = runLab({{"nc", "-l", "127.0.0.1", "8888"}, {"nc", "-N", "127.0.0.1", "8888"}}, {},
                            [&](ProgramLab& l) {
                                if (typed || !l.started(1)) return;
                                typed = true;
                                l.closeStdin(0); // the server reads nothing from us
                                EXPECT_TRUE(l.writeStdin(1, "hello nc\n"));
                                l.closeStdin(1); // -N: shut down the connection at end of input
                            });
    EXPECT_TRUE(lab->problems().isEmpty()) << debugText(lab->problems());
    EXPECT_EQ(lab->actorName(1), "nc#2");
    EXPECT_EQ(outputOf(lab->timeline(), "nc"), QStringList{"hello nc"});
    const QList<Seg> s = segments(lab->timeline());
    ASSERT_GE(indexOf(s, "nc#2", "SYN"), 0);
    EXPECT_EQ(s[indexOf(s, "nc#2", "SYN")].to, "nc");
    bool data = false;
    for (const Seg& x : s)
        data = data || (x.from == "nc#2" && x.to == "nc" && x.payload == "hello nc\n");
    EXPECT_TRUE(data);
    EXPECT_GE(indexOf(s, "nc#2", "FIN,ACK"), 0);
    EXPECT_TRUE(hasState(lab->timeline(), "nc", "LISTEN", Provenance::Kernel));
}

TEST(ProgramLab, HttpServerAndCurl)
{
    const auto lab = runLab({{"python3", "-m", "http.server", "8000", "--bind", "127.0.0.1"},
                             {"curl", "-s", "http://127.0.0.1:8000/"}});
    // curl ended, so the server that would serve forever was stopped: not a failure.
    EXPECT_TRUE(lab->problems().isEmpty()) << debugText(lab->problems());
    EXPECT_EQ(lab->actorName(0), "http.server");
    const QList<Seg> s = segments(lab->timeline());
    bool get = false, ok = false;
    for (const Seg& x : s) {
        get = get || (x.from == "curl" && x.to == "http.server" && x.payload.startsWith("GET / HTTP/1.1"));
        ok = ok || (x.from == "http.server" && x.to == "curl" && x.payload.startsWith("HTTP/1.0 200"));
    }
    EXPECT_TRUE(get);
    EXPECT_TRUE(ok);
    EXPECT_TRUE(outputOf(lab->timeline(), "curl").join('\n').contains("Directory listing"));
}

TEST(ProgramLab, TimeoutStopsEverythingAndLeavesNothing)
{
    const int netnsBefore = netnsDescriptors();
    QList<int> pids;
    {
        ProgramLabOptions o;
        o.timeoutMs = 1000;
        o.graceMs = 500;
        o.startGapMs = 100;
        // The second ignores SIGTERM and has a child of its own: both must go.
        const auto lab = runLab({{"sleep", "100"}, {"sh", "-c", "trap '' TERM; sleep 100 & wait"}}, o);
        ASSERT_EQ(lab->problems().size(), 2) << debugText(lab->problems());
        EXPECT_EQ(lab->problems().first(),
                  Problem("lab-timeout", {{"seconds", 1.0}, {"running", QStringList{"sleep", "sh"}}}));
        EXPECT_EQ(lab->problems().last(), Problem("ignored-sigterm", {{"actor", "sh"}}));
        pids << lab->pid(0) << lab->pid(1);
        EXPECT_EQ(netnsDescriptors(), netnsBefore + 1); // the lab, still open
    }
    EXPECT_EQ(netnsDescriptors(), netnsBefore);
    EXPECT_TRUE(childrenOfThisProcess().isEmpty());
    // Nothing alive in the programs' process groups (the sh's own child included;
    // a zombie reparented to init is dead and holds nothing).
    EXPECT_TRUE(ProcessSockets::members(pids).isEmpty());
}

TEST(ProgramLab, CrashIsReportedAndCleanedUp)
{
    const int netnsBefore = netnsDescriptors();
    {
        const auto lab = runLab({{"python3", "-c", "import os; os.abort()"}});
        ASSERT_EQ(lab->problems().size(), 1);
        EXPECT_EQ(lab->problems().first().code, "program-exit");
        EXPECT_EQ(lab->problems().first().args.value("signal").toInt(), 6);
        EXPECT_EQ(lab->problems().first().args.value("signal_name").toString(), "SIGABRT");
        EXPECT_EQ(lab->warnings(), ProblemList{Problem("no-socket", {{"actor", "python3"}})}) << debugText(lab->warnings());
    }
    EXPECT_EQ(netnsDescriptors(), netnsBefore);
    EXPECT_TRUE(childrenOfThisProcess().isEmpty());
}

TEST(ProgramLab, CommandNotFound)
{
    ProgramLab lab({{"python3", "-c", "pass"}, {"no-such-program-xyz"}});
    Problem error;
    EXPECT_FALSE(lab.start(&error));
    EXPECT_EQ(error, Problem("command-not-found", {{"command", "no-such-program-xyz"}}));
    EXPECT_FALSE(lab.started(0)); // nothing started when any command is missing
}

TEST(ProgramLab, NonLoopbackListenerIsNoted)
{
    const auto lab = runLab({{"python3", "-c",
                              "import socket; s=socket.socket(); s.bind(('0.0.0.0', 8888)); s.listen(); "
                              "import time; time.sleep(0.3)"}});
    EXPECT_TRUE(lab->problems().isEmpty());
    ASSERT_FALSE(lab->warnings().isEmpty());
    EXPECT_EQ(lab->warnings().first().code, "non-loopback-listen") << debugText(lab->warnings());
    EXPECT_EQ(lab->warnings().first().args.value("address").toString(), "0.0.0.0");
    EXPECT_EQ(lab->warnings().first().args.value("port").toInt(), 8888);
}

TEST(ProgramLab, ActorNames)
{
    EXPECT_EQ(LabProcess::actorNameFor({"python3", "-u", "/x/server.py", "8888"}), "server.py");
    EXPECT_EQ(LabProcess::actorNameFor({"python3", "-m", "http.server"}), "http.server");
    EXPECT_EQ(LabProcess::actorNameFor({"/usr/bin/nc", "-l", "8888"}), "nc");
    EXPECT_EQ(LabProcess::actorNameFor({"python3.11", "-c", "pass"}), "python3.11");
}
