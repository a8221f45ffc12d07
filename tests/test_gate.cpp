// The call gate (issue 9): real programs in the lab, every socket call a
// `call` and a `return` event, Python calls with the student's file:line,
// stepping call by call, breakpoints, a program killed while held, and
// nothing left behind.

#include "GatePrograms.h"
#include "ProcessCounts.h"
#include "ProgramRun.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <csignal>
#include <fcntl.h>
#include <unistd.h>
#include <thread>

using namespace socklab;
using namespace socklab::test;

namespace {

QStringList py(const QString& file, const QStringList& args = {})
{
    return QStringList{python3(), gateProgram(file)} + args;
}

struct CallRec {
    QString call, file, errnoName, exception;
    int line = -1;
    qint64 result = 0;
    QVariantMap args, values;
    bool blocked = false;
};

// Each call of `actor` with its return (the first non-blocked one after it).
QList<CallRec> callsOf(const Timeline& tl, const QString& actor)
{
    QList<CallRec> out;
    QHash<QString, int> open; // pid -> index in out
    for (const Event& e : tl.events()) {
        if (e.actor != actor) continue;
        if (const CallData* c = e.call()) {
            open.insert(c->args.value("pid").toString(), int(out.size()));
            out.append({c->call, c->codeFile, {}, {}, c->codeLine, 0, c->args, {}, false});
        } else if (const ReturnData* r = e.ret()) {
            const int i = open.value(r->values.value("pid").toString(), -1);
            if (i < 0) continue;
            if (r->blocked) {
                out[i].blocked = true;
                continue;
            }
            out[i].result = r->result;
            out[i].errnoName = r->errnoName;
            out[i].exception = r->values.value("exception").toString();
            out[i].values = r->values;
            open.remove(r->values.value("pid").toString());
        }
    }
    return out;
}

const CallRec* find(const QList<CallRec>& calls, const QString& call, int line = -1)
{
    for (const CallRec& c : calls)
        if (c.call == call && (line < 0 || c.line == line)) return &c;
    return nullptr;
}

int countSegments(const Timeline& tl, const QString& flags)
{
    int n = 0;
    for (const Seg& s : segments(tl))
        n += s.flags == flags ? 1 : 0;
    return n;
}

int threadsOfThisProcess() { return int(QDir(QStringLiteral("/proc/self/task")).entryList(QDir::NoDotAndDotDot | QDir::Dirs).size()); }
int descriptorsOfThisProcess()
{
    return int(QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::System).size());
}

} // namespace

TEST(CallGate, PythonPairCallsCarryFileAndLine)
{
    const auto lab = runLab({py("kr_tcp_server.py", {"12100"}), py("kr_tcp_client.py", {"12100"})});
    EXPECT_TRUE(lab->problems().isEmpty()) << debugText(lab->problems());
    const Timeline& tl = lab->timeline();
    const QList<CallRec> server = callsOf(tl, "kr_tcp_server.py");
    const QList<CallRec> client = callsOf(tl, "kr_tcp_client.py");
    // The server's calls, each on the line of kr_tcp_server.py that made it.
    const struct { const char* call; int line; } serverCalls[] = {
        {"socket", 5}, {"setsockopt", 6}, {"bind", 7}, {"listen", 8}, {"accept", 10}, {"recv", 11},
        {"send", 12}, {"close", 13}, {"close", 14}};
    for (const auto& want : serverCalls) {
        const CallRec* c = find(server, want.call, want.line);
        ASSERT_NE(c, nullptr) << want.call << " at line " << want.line;
        EXPECT_EQ(QFileInfo(c->file).fileName(), "kr_tcp_server.py");
        EXPECT_TRUE(c->errnoName.isEmpty()) << want.call;
    }
    EXPECT_EQ(find(server, "bind", 7)->args.value("port").toInt(), 12100);
    EXPECT_EQ(find(server, "bind", 7)->args.value("addr").toString(), "127.0.0.1");
    EXPECT_EQ(find(server, "listen", 8)->args.value("backlog").toInt(), 1);
    // accept() slept in the kernel while the client slept; it returned a new descriptor.
    const CallRec* accept = find(server, "accept", 10);
    EXPECT_TRUE(accept->blocked);
    EXPECT_GT(accept->result, 2);
    EXPECT_TRUE(accept->values.value("peer").toString().startsWith("127.0.0.1:"));
    const CallRec* recv = find(server, "recv", 11);
    EXPECT_EQ(recv->result, 5);
    EXPECT_EQ(recv->values.value("data").toByteArray(), "hello");
    EXPECT_EQ(find(server, "send", 12)->values.value("data").toByteArray(), "HELLO");
    // The client: connect on line 8, sendall by its Python name on line 9.
    const CallRec* connect = find(client, "connect", 8);
    ASSERT_NE(connect, nullptr);
    EXPECT_EQ(connect->args.value("port").toInt(), 12100);
    EXPECT_EQ(connect->result, 0);
    const CallRec* sendall = find(client, "sendall", 9);
    ASSERT_NE(sendall, nullptr);
    EXPECT_EQ(sendall->args.value("syscall").toString(), "sendto");
    EXPECT_EQ(sendall->values.value("bytes").toLongLong(), 5);
    EXPECT_NE(find(client, "recv", 10), nullptr);
    EXPECT_NE(find(client, "close", 12), nullptr);
    // The code pane gets each program's own source file.
    EXPECT_EQ(QFileInfo(tl.actors[0].codeFile).fileName(), "kr_tcp_server.py");
    EXPECT_EQ(QFileInfo(tl.actors[1].codeFile).fileName(), "kr_tcp_client.py");
    // Calls and packets in one timeline: the SYN comes after connect() started.
    int connectAt = -1, synAt = -1;
    for (int i = 0; i < tl.events().size(); ++i) {
        const Event& e = tl.events()[i];
        if (e.call() && e.call()->call == "connect" && connectAt < 0) connectAt = i;
        if (e.packet() && tcpFlagNames(e.packet()->flags).join(',') == "SYN" && synAt < 0) synAt = i;
    }
    EXPECT_GE(connectAt, 0);
    EXPECT_GT(synAt, connectAt);
}

TEST(CallGate, ErrorsByErrnoAndPythonException)
{
    const auto lab = runLab({py("refused_client.py")});
    const QList<CallRec> calls = callsOf(lab->timeline(), "refused_client.py");
    const CallRec* connect = find(calls, "connect", 5);
    ASSERT_NE(connect, nullptr);
    EXPECT_EQ(connect->result, -1);
    EXPECT_EQ(connect->errnoName, "ECONNREFUSED");
    EXPECT_EQ(connect->exception, "ConnectionRefusedError");
    EXPECT_NE(find(calls, "close", 8), nullptr);
}

// A socket with a timeout: Python poll()s it before each call, so the first
// system call the tracer sees is the wait. The call event is still the
// method's own, with what it was asked (the hook's record), not the poll's
// descriptor list; its return is the socket call's.
TEST(CallGate, ACallOnASocketWithATimeoutShowsItsOwnArguments)
{
    const auto lab = runLab({py("timeout_calls.py")});
    EXPECT_TRUE(lab->problems().isEmpty()) << debugText(lab->problems());
    const QList<CallRec> calls = callsOf(lab->timeline(), "timeout_calls.py");
    const QString printed = outputOf(lab->timeline(), "timeout_calls.py").join(QString()).trimmed();
    EXPECT_TRUE(printed.startsWith("hello ping bye ")) << printed.toStdString();
    const struct { const char* call; int line; qint64 length; const char* syscall; } want[] = {
        {"accept", 9, -1, "accept4"}, {"recv", 12, 1024, "recvfrom"}, {"send", 13, 3, "sendto"},
        {"sendto", 19, 4, "sendto"}, {"recvfrom", 20, 100, "recvfrom"}};
    for (const auto& w : want) {
        const CallRec* c = find(calls, w.call, w.line);
        ASSERT_NE(c, nullptr) << w.call << " at line " << w.line;
        EXPECT_EQ(c->args.value("syscall").toString(), "poll") << w.call; // what the tracer saw first
        EXPECT_FALSE(c->args.contains("fds")) << w.call;
        EXPECT_GT(c->args.value("fd").toInt(), 2) << w.call;
        if (w.length >= 0) {
            EXPECT_EQ(c->args.value("length").toLongLong(), w.length) << w.call;
        }
        EXPECT_EQ(c->values.value("syscall").toString(), w.syscall) << w.call; // the return is the call's own
        EXPECT_TRUE(c->errnoName.isEmpty()) << w.call;
    }
    const CallRec* sendto = find(calls, "sendto", 19);
    EXPECT_EQ(sendto->args.value("addr").toString(), "127.0.0.1");
    EXPECT_EQ(sendto->args.value("family").toString(), "AF_INET");
    // The port the program printed: the one its peer socket was bound to.
    EXPECT_EQ(sendto->args.value("port").toString(), printed.split(' ').value(3));
    EXPECT_EQ(find(calls, "recv", 12)->values.value("data").toByteArray(), "hello");
    // A call without a timeout keeps its own system call's arguments.
    EXPECT_EQ(find(calls, "listen", 6)->args.value("syscall").toString(), "listen");
}

TEST(CallGate, CProgramAndNetcatGiveCallsWithoutLines)
{
    QTemporaryDir dir;
    const QString exe = dir.filePath("c_client");
    ASSERT_EQ(QProcess::execute("cc", {"-o", exe, gateProgram("c_client.c")}), 0);
    const auto lab = runLab({{"nc", "-l", "127.0.0.1", "12101"}, {exe, "12101"}});
    const QList<CallRec> nc = callsOf(lab->timeline(), "nc");
    const QList<CallRec> c = callsOf(lab->timeline(), "c_client");
    for (const char* call : {"socket", "bind", "listen", "accept"})
        ASSERT_NE(find(nc, call), nullptr) << call;
    EXPECT_TRUE(find(nc, "accept")->blocked);
    EXPECT_TRUE(find(nc, "accept")->file.isEmpty()); // not Python: no line
    const CallRec* read = find(nc, "read");
    ASSERT_NE(read, nullptr);
    EXPECT_EQ(read->values.value("data").toByteArray(), "hi from C\n");
    ASSERT_NE(find(c, "connect"), nullptr);
    EXPECT_EQ(find(c, "connect")->args.value("port").toInt(), 12101);
    const CallRec* send = find(c, "send");
    ASSERT_NE(send, nullptr);
    EXPECT_EQ(send->result, 10);
    EXPECT_EQ(send->line, -1);
    EXPECT_NE(find(c, "close"), nullptr);
    EXPECT_TRUE(lab->problems().isEmpty()) << debugText(lab->problems());
}

// The gate reads a C program's sockaddr_in6 itself: read as a sockaddr_in its
// address would be the flow label (0.1.35.69 here), its port still right.
TEST(CallGate, AnIPv6ProgramsAddressesAreReadAsIPv6)
{
    QTemporaryDir dir;
    const QString exe = dir.filePath("c_client6");
    ASSERT_EQ(QProcess::execute("cc", {"-o", exe, gateProgram("c_client6.c")}), 0);
    const auto lab = runLab({{"nc", "-6", "-l", "::1", "12102"}, {exe, "12102"}});
    const QList<CallRec> nc = callsOf(lab->timeline(), "nc");
    const QList<CallRec> c = callsOf(lab->timeline(), "c_client6");
    const CallRec* bind = find(nc, "bind");
    ASSERT_NE(bind, nullptr);
    EXPECT_EQ(bind->args.value("family").toString(), "AF_INET6");
    EXPECT_EQ(bind->args.value("addr").toString(), "::1");
    EXPECT_EQ(bind->args.value("port").toInt(), 12102);
    const CallRec* connect = find(c, "connect");
    ASSERT_NE(connect, nullptr);
    EXPECT_EQ(connect->args.value("family").toString(), "AF_INET6");
    EXPECT_EQ(connect->args.value("addr").toString(), "::1");
    EXPECT_EQ(connect->args.value("port").toInt(), 12102);
    const int localPort = connect->values.value("local_port").toInt();
    EXPECT_GT(localPort, 0);
    EXPECT_NE(localPort, 12102);
    const CallRec* accept = find(nc, "accept");
    ASSERT_NE(accept, nullptr);
    EXPECT_EQ(accept->values.value("peer").toString(), QStringLiteral("[::1]:%1").arg(localPort));
    const CallRec* read = find(nc, "read");
    ASSERT_NE(read, nullptr);
    EXPECT_EQ(read->values.value("data").toByteArray(), "hi over IPv6\n");
    EXPECT_TRUE(lab->problems().isEmpty()) << debugText(lab->problems());
}

TEST(CallGate, SocketserverCallsPointAtTheStudentsLines)
{
    const auto lab = runLab({py("socketserver_echo.py", {"12102"}), py("kr_tcp_client.py", {"12102"})});
    const QList<CallRec> server = callsOf(lab->timeline(), "socketserver_echo.py");
    // Inside the library, the line is the student's: the handler's own lines,
    // and handle_request() for the accept made by socketserver.
    EXPECT_NE(find(server, "bind", 12), nullptr);
    EXPECT_NE(find(server, "accept", 13), nullptr);
    const CallRec* recv = find(server, "recv", 8);
    ASSERT_NE(recv, nullptr);
    EXPECT_EQ(recv->values.value("data").toByteArray(), "hello");
    EXPECT_NE(find(server, "sendall", 9), nullptr);
}

// A thread with no frame of the student's (socketserver's handler thread,
// after handle() returned, shuts the connection down and closes it): its calls
// carry the student's line that started the thread.
TEST(CallGate, AThreadsCallsWithoutAStudentFrameCarryTheLineThatStartedIt)
{
    const auto lab = runLab({py("threaded_echo.py", {"12107"}), py("kr_tcp_client.py", {"12107"})});
    EXPECT_TRUE(lab->problems().isEmpty()) << debugText(lab->problems());
    const QList<CallRec> server = callsOf(lab->timeline(), "threaded_echo.py");
    EXPECT_NE(find(server, "recv", 9), nullptr); // in the thread, inside handle()
    EXPECT_NE(find(server, "sendall", 10), nullptr);
    const CallRec* shutdown = find(server, "shutdown");
    ASSERT_NE(shutdown, nullptr);
    EXPECT_EQ(shutdown->line, 14); // server.handle_request(), which started the thread
    EXPECT_EQ(QFileInfo(shutdown->file).fileName(), "threaded_echo.py");
    // Every call has a line, also handle_request()'s wait for the connection.
    for (const CallRec& c : server)
        EXPECT_GT(c.line, 0) << c.call.toStdString() << " has no line";
    const CallRec* wait = find(server, "select", 14);
    ASSERT_NE(wait, nullptr);
    EXPECT_EQ(wait->args.value("syscall").toString(), "poll");
    EXPECT_FALSE(wait->args.value("fds").toList().isEmpty());
}

// epoll_wait() is recorded with the sockets the kernel has in the set: here a
// worker forked after its parent added the listener, so the worker itself never
// called epoll_ctl() (the set is read from /proc/PID/fdinfo at each wait).
TEST(CallGate, AForkedWorkersEpollWaitNamesTheSocketsInItsSet)
{
    QTemporaryDir dir;
    const QString exe = dir.filePath("c_prefork_epoll");
    ASSERT_EQ(QProcess::execute("cc", {"-o", exe, gateProgram("c_prefork_epoll.c")}), 0);
    const auto lab = runLab({{exe, "12108"}, py("kr_tcp_client.py", {"12108"})});
    EXPECT_TRUE(lab->problems().isEmpty()) << debugText(lab->problems());
    const QList<CallRec> server = callsOf(lab->timeline(), "c_prefork_epoll");
    const CallRec* socket = find(server, "socket");
    ASSERT_NE(socket, nullptr);
    const CallRec* wait = find(server, "epoll_wait");
    ASSERT_NE(wait, nullptr) << "the worker's wait was not recorded";
    EXPECT_NE(wait->args.value("pid"), socket->args.value("pid")); // the worker's, not the parent's
    EXPECT_EQ(wait->args.value("fds").toList(), QVariantList{socket->result}); // the listener, and only it
    EXPECT_EQ(wait->result, 1);
    const CallRec* accept = find(server, "accept");
    ASSERT_NE(accept, nullptr);
    EXPECT_EQ(accept->args.value("pid"), wait->args.value("pid"));
    EXPECT_TRUE(outputOf(lab->timeline(), "kr_tcp_client.py").contains("From Server: HELLO"));
}

TEST(CallGate, AsyncioPairRecordsNonBlockingCallsAndEnds)
{
    ProgramLabOptions o;
    o.timeoutMs = 20000;
    const auto lab = runLab({py("asyncio_server.py", {"12103"}), py("asyncio_client.py", {"12103"})}, o);
    EXPECT_TRUE(lab->problems().isEmpty()) << debugText(lab->problems());
    const QList<CallRec> client = callsOf(lab->timeline(), "asyncio_client.py");
    bool inProgress = false;
    for (const CallRec& c : client)
        inProgress = inProgress || (c.call == "connect" && c.errnoName == "EINPROGRESS" && c.exception == "BlockingIOError");
    EXPECT_TRUE(inProgress);
    // The event loop's wait: selector.select() by its Python name, at the
    // student's asyncio.run() line, its system call epoll_wait.
    const CallRec* wait = find(client, "select");
    ASSERT_NE(wait, nullptr);
    EXPECT_EQ(wait->line, 14);
    EXPECT_EQ(wait->args.value("syscall").toString(), "epoll_wait");
    EXPECT_FALSE(wait->args.value("fds").toList().isEmpty());
    EXPECT_TRUE(outputOf(lab->timeline(), "asyncio_client.py").contains("echo: ping"));
}

TEST(CallGate, SteppingHoldsConnectUntilReleased)
{
    ProgramLabOptions o;
    o.holdAtStart = true;
    o.timeoutMs = 20000;
    bool sawHeldConnect = false, synWhileHeld = false, released = false;
    QElapsedTimer heldFor;
    const auto lab = runLab({py("kr_tcp_server.py", {"12104"}), py("kr_tcp_client.py", {"12104"})}, o,
                            [&](ProgramLab& l) {
        if (released) {
            l.step(); // the rest, one call at a time, whoever waits longest
            return;
        }
        const ProgramStatus server = l.status(0), client = l.status(1);
        if (server.where == ProgramStatus::Where::HeldAtGate) {
            l.step(0);
            return;
        }
        if (client.where != ProgramStatus::Where::HeldAtGate) return;
        if (client.call != "connect") {
            l.step(1);
            return;
        }
        if (!sawHeldConnect) {
            sawHeldConnect = true;
            EXPECT_EQ(client.codeLine, 8);
            EXPECT_TRUE(l.waitingForStep()); // server asleep in accept(), client at the gate
            heldFor.start();
        }
        synWhileHeld = synWhileHeld || countSegments(l.timeline(), "SYN") > 0;
        if (heldFor.elapsed() >= 300) {
            released = l.step(1);
            EXPECT_TRUE(released);
        }
    });
    EXPECT_TRUE(sawHeldConnect);
    EXPECT_FALSE(synWhileHeld) << "a SYN went out while connect() was held";
    EXPECT_EQ(countSegments(lab->timeline(), "SYN"), 1);
    EXPECT_EQ(countSegments(lab->timeline(), "SYN,ACK"), 1);
    EXPECT_TRUE(outputOf(lab->timeline(), "kr_tcp_client.py").contains("From Server: HELLO"));
    EXPECT_TRUE(lab->problems().isEmpty()) << debugText(lab->problems());
}

TEST(CallGate, BreakpointHoldsTheCallOnItsLineThenRunGoesOn)
{
    ProgramLabOptions o;
    o.breakpoints = {{QStringLiteral("kr_tcp_server.py"), 11}};
    o.timeoutMs = 20000;
    ProgramStatus atBreak;
    int heldPolls = 0;
    const auto lab = runLab({py("kr_tcp_server.py", {"12105"}), py("kr_tcp_client.py", {"12105"})}, o,
                            [&](ProgramLab& l) {
        const ProgramStatus s = l.status(0);
        if (s.where != ProgramStatus::Where::HeldAtGate) return;
        atBreak = s;
        if (++heldPolls == 10) l.run(); // held for a while: nothing moves on its own
    });
    EXPECT_EQ(atBreak.call, "recv");
    EXPECT_EQ(atBreak.codeLine, 11);
    EXPECT_GE(heldPolls, 10);
    EXPECT_TRUE(outputOf(lab->timeline(), "kr_tcp_client.py").contains("From Server: HELLO"));
}

TEST(CallGate, ProgramKilledWhileHeldGoesAway)
{
    ProgramLabOptions o;
    o.holdAtStart = true;
    bool killed = false;
    const auto lab = runLab({py("kr_tcp_server.py", {"12106"})}, o, [&](ProgramLab& l) {
        if (!killed && l.status(0).where == ProgramStatus::Where::HeldAtGate) {
            killed = ::kill(l.pid(0), SIGKILL) == 0;
        }
    });
    EXPECT_TRUE(killed);
    bool note = false;
    for (const Event& e : lab->timeline().events())
        note = note || (e.note() && e.note()->code == "killed-at-gate");
    EXPECT_TRUE(note);
    EXPECT_EQ(lab->status(0).where, ProgramStatus::Where::Exited);
    EXPECT_TRUE(childrenOfThisProcess().isEmpty());
}

TEST(CallGate, FiftyGatedSessionsLeaveNothingBehind)
{
    // A temporary directory of this test's own: other socklab sessions on a
    // shared machine have their own socklab-gate-* in /tmp.
    QTemporaryDir tmp;
    ASSERT_TRUE(tmp.isValid());
    const QByteArray oldTmp = qgetenv("TMPDIR");
    qputenv("TMPDIR", tmp.path().toLocal8Bit());
    ASSERT_EQ(QDir::tempPath(), QDir(tmp.path()).canonicalPath());
    const int fds = descriptorsOfThisProcess(), threads = threadsOfThisProcess();
    for (int i = 0; i < 50; ++i) {
        const auto lab = runLab({{python3(), "-c", "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); s.close()"}});
        ASSERT_NE(find(callsOf(lab->timeline(), "python3"), "bind"), nullptr) << "session " << i;
    }
    EXPECT_EQ(descriptorsOfThisProcess(), fds);
    EXPECT_LE(socklab::test::threadsOnceSettled(threads), threads);
    EXPECT_TRUE(childrenOfThisProcess().isEmpty());
    EXPECT_TRUE(QDir(tmp.path()).entryList({"socklab-gate-*"}, QDir::AllEntries | QDir::Hidden).isEmpty());
    if (oldTmp.isNull()) qunsetenv("TMPDIR");
    else qputenv("TMPDIR", oldTmp);
}

TEST(CallGate, ProgramsInheritOnlyTheirStandardStreams)
{
    // A descriptor socklab opened without close-on-exec never reaches a program.
    const int leaked = ::open("/dev/null", O_RDONLY);
    ASSERT_GE(leaked, 3);
    for (const bool gate : {true, false}) {
        ProgramLabOptions o;
        o.gate = gate;
        const auto lab = runLab({{"sh", "-c", "ls /proc/$$/fd"}}, o);
        EXPECT_EQ(outputOf(lab->timeline(), "sh"), QStringList({"0", "1", "2"})) << "gate " << gate;
    }
    ::close(leaked);
}

TEST(CallGate, NoGateRunsProgramsUntouched)
{
    ProgramLabOptions o;
    o.gate = false;
    const auto lab = runLab({py("kr_tcp_server.py", {"12107"}), py("kr_tcp_client.py", {"12107"})}, o);
    EXPECT_TRUE(lab->problems().isEmpty()) << debugText(lab->problems());
    EXPECT_EQ(lab->timeline().countOf(EventKind::Call), 0);
    EXPECT_EQ(countSegments(lab->timeline(), "SYN"), 1); // packets and states as before
}
