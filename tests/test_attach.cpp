// Attaching to programs already running on the host (socklab lab --attach):
// real sockets on the host loopback, ephemeral ports, 127.0.0.1 only.

#include "HostAttach.h"
#include "LabGuard.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <atomic>
#include <csignal>
#include <grp.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace socklab;

namespace {

int listener(uint16_t* port)
{
    const int s = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    if (s < 0 || ::bind(s, reinterpret_cast<sockaddr*>(&a), len) != 0 || ::listen(s, 8) != 0
        || ::getsockname(s, reinterpret_cast<sockaddr*>(&a), &len) != 0)
        return -1;
    *port = ntohs(a.sin_port);
    return s;
}

int connectTo(uint16_t port)
{
    const int s = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(port);
    return ::connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 ? s : -1;
}

QSet<QString> kernelStates(const Timeline& tl)
{
    QSet<QString> out;
    for (const Event& e : tl.events())
        if (const StateData* s = e.state(); s && s->cause == QLatin1String("sock_diag")) out.insert(s->state);
    return out;
}

QStringList segmentFlags(const Timeline& tl)
{
    QStringList out;
    for (const Event& e : tl.events())
        if (e.kind == EventKind::Segment) out << tcpFlagNames(e.packet()->flags).join(',');
    return out;
}

// Attaches, then a client connects, sends and closes while we watch. The
// client waits for what it must not outrun (ESTABLISHED seen) instead of sleeping.
Timeline watchConversation(HostAttachOptions options)
{
    uint16_t port = 0;
    const int l = listener(&port);
    EXPECT_GE(l, 0);
    options.port = port;
    options.durationMs = 0; // until stop()
    HostAttach attach(options);
    Problem error;
    EXPECT_TRUE(attach.start(&error)) << error.debugText().toStdString();
    std::atomic<bool> established{false}, done{false};
    std::thread client([&] {
        const int c = connectTo(port);
        const int a = ::accept(l, nullptr, nullptr);
        for (int i = 0; i < 1000 && !established; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        ::send(c, "hello", 5, 0);
        char buf[8];
        ::recv(a, buf, sizeof buf, 0);
        ::close(c); // the client closes first: its side goes to TIME_WAIT
        ::recv(a, buf, sizeof buf, 0);
        ::close(a);
        done = true;
    });
    for (int i = 0; i < 2000 && attach.poll(); ++i) {
        const QSet<QString> states = kernelStates(attach.timeline());
        established = states.contains("ESTABLISHED");
        if (done && states.contains("TIME_WAIT")) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    attach.stop();
    client.join();
    ::close(l);
    return attach.timeline();
}

struct Result {
    int code = -1;
    QByteArray out, err;
};

QProcess* startCli(const QStringList& args, const QString& program = SOCKLAB_BINARY, bool asNobody = false)
{
    auto* p = new QProcess;
    if (asNobody)
        p->setChildProcessModifier([] {
            if (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0) ::_exit(99);
        });
    p->start(program, args);
    return p;
}

Result finish(QProcess* p)
{
    EXPECT_TRUE(p->waitForFinished(60000));
    Result r{p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -1, p->readAllStandardOutput(),
             p->readAllStandardError()};
    delete p;
    return r;
}

Result run(const QStringList& args, const QString& program = SOCKLAB_BINARY, bool asNobody = false)
{
    return finish(startCli(args, program, asNobody));
}

// A listener with one connection open and one in TIME_WAIT, made before socklab
// starts, so what it must find is there whenever its first look happens.
struct Standing {
    uint16_t port = 0;
    int l = -1, open1 = -1, open2 = -1;
    Standing()
    {
        l = listener(&port);
        const int c = connectTo(port), a = ::accept(l, nullptr, nullptr);
        ::close(c);
        char b;
        ::recv(a, &b, 1, 0); // the client's FIN
        ::close(a);
        open1 = connectTo(port);
        open2 = ::accept(l, nullptr, nullptr);
    }
    ~Standing()
    {
        for (int fd : {open1, open2, l})
            ::close(fd);
    }
};

QSet<QString> jsonStates(const QJsonObject& root)
{
    QSet<QString> out;
    for (const QJsonValue& v : root.value("events").toArray())
        if (v.toObject().value("kind") == QLatin1String("state")) out.insert(v.toObject().value("state").toString());
    return out;
}

int countKind(const QJsonObject& root, const QString& kind)
{
    int n = 0;
    for (const QJsonValue& v : root.value("events").toArray())
        n += v.toObject().value("kind").toString() == kind;
    return n;
}

} // namespace

TEST(Attach, RecordsStatesOfAConversationOnTheHost)
{
    const Timeline tl = watchConversation({});
    const QSet<QString> states = kernelStates(tl);
    EXPECT_TRUE(states.contains("LISTEN"));
    EXPECT_TRUE(states.contains("ESTABLISHED"));
    EXPECT_TRUE(states.contains("TIME_WAIT"));
    EXPECT_EQ(tl.scenarioId, "attach");
    EXPECT_GE(tl.actors.size(), 2);
    bool timer = false;
    for (const Event& e : tl.events())
        timer = timer || (e.timer() && e.timer()->timer == QLatin1String("timewait"));
    EXPECT_TRUE(timer) << "TIME_WAIT comes with its timer";
    if (!socklab::test::reallyRoot()) {
        EXPECT_EQ(tl.captureMode, "states-only"); // an ordinary user cannot capture the host's lo
        EXPECT_EQ(tl.countOf(EventKind::Segment), 0);
        return;
    }
    // Root reads every /proc/<pid>/fd: the actors are named after this process.
    EXPECT_EQ(tl.captureMode, "host");
    EXPECT_EQ(tl.actors.first().name, "test_attach");
    const QStringList flags = segmentFlags(tl);
    ASSERT_GE(flags.size(), 3);
    EXPECT_EQ(flags.mid(0, 3), (QStringList{"SYN", "SYN,ACK", "ACK"}));
    EXPECT_TRUE(flags.contains("FIN,ACK"));
}

TEST(Attach, WithoutCaptureNoSegmentIsInvented)
{
    HostAttachOptions o;
    o.capture = QStringLiteral("states-only");
    const Timeline tl = watchConversation(o);
    EXPECT_EQ(tl.captureMode, "states-only");
    EXPECT_EQ(tl.countOf(EventKind::Segment), 0);
    const QSet<QString> states = kernelStates(tl);
    EXPECT_TRUE(states.contains("LISTEN") && states.contains("ESTABLISHED") && states.contains("TIME_WAIT"));
    bool note = false;
    for (const Event& e : tl.events())
        if (const NoteData* n = e.note(); n && n->code == QLatin1String("attach-states-only"))
            note = n->args.value("reason").toMap().value("code").toString() == QLatin1String("states-only-asked");
    EXPECT_TRUE(note);
}

TEST(Attach, OnlyLoopbackAddressesAndRealPorts)
{
    uint16_t port = 0;
    QString address;
    Problem error;
    EXPECT_TRUE(HostAttach::parseTarget("8080", &port, &address, &error));
    EXPECT_EQ(port, 8080);
    EXPECT_TRUE(address.isEmpty());
    EXPECT_TRUE(HostAttach::parseTarget("127.0.0.2:80", &port, &address, &error));
    EXPECT_EQ(address, "127.0.0.2");
    EXPECT_TRUE(HostAttach::parseTarget("[::1]:443", &port, &address, &error));
    EXPECT_EQ(address, "::1");
    for (const char* bad : {"0", "65536", "http", "-1", "[::1]"})
        EXPECT_FALSE(HostAttach::parseTarget(bad, &port, &address, &error)) << bad;
    EXPECT_FALSE(HostAttach::parseTarget("10.1.2.3:80", &port, &address, &error));
    EXPECT_EQ(error.code, "attach-not-loopback") << error.debugText().toStdString();
    EXPECT_EQ(error.args.value("address").toString(), "10.1.2.3");
    HostAttachOptions o;
    o.port = 80;
    o.address = QStringLiteral("192.168.1.1");
    HostAttach attach(o);
    EXPECT_FALSE(attach.start(&error));
    EXPECT_EQ(error.code, "attach-not-loopback");
}

TEST(AttachCli, BadUsageExitsTwo)
{
    for (const QStringList& args : {QStringList{"lab", "--attach", "0"}, QStringList{"lab", "--attach", "65536"},
                                    QStringList{"lab", "--attach"}, QStringList{"lab", "--attach", "8080", "--", "nc"},
                                    QStringList{"lab", "--attach", "10.1.2.3:8080"}}) {
        const Result r = run(args);
        EXPECT_EQ(r.code, 2) << args.join(' ').toStdString() << ": " << r.err.toStdString();
        EXPECT_TRUE(r.err.startsWith("socklab: ")) << r.err.toStdString();
    }
    EXPECT_TRUE(run({"lab", "--attach", "10.1.2.3:8080"}).err.contains("not a loopback address"));
}

TEST(AttachCli, ListsStatesAndExitsAfterTheTimeout)
{
    Standing s;
    const Result r = run({"lab", "--attach", QString::number(s.port), "--timeout", "0.5", "--json"});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const QJsonObject root = QJsonDocument::fromJson(r.out).object();
    EXPECT_EQ(root.value("scenario").toString(), "attach");
    const QSet<QString> states = jsonStates(root);
    EXPECT_TRUE(states.contains("LISTEN") && states.contains("ESTABLISHED") && states.contains("TIME_WAIT"));
    EXPECT_EQ(root.value("capture").toString(), socklab::test::reallyRoot() ? "host" : "states-only");
    const Result text = run({"lab", "--attach", QString::number(s.port), "--timeout", "0.3"});
    EXPECT_EQ(text.code, 0);
    EXPECT_TRUE(text.out.contains("LISTEN (kernel: sock_diag)")) << text.out.toStdString();
}

TEST(AttachCli, CtrlCEndsCleanly)
{
    Standing s;
    QProcess* p = startCli({"lab", "--attach", QString::number(s.port), "--timeout", "120", "--json"});
    ASSERT_TRUE(p->waitForStarted());
    // Signal only once socklab catches SIGINT (SigCgt in /proc), not after a guessed delay.
    bool caught = false;
    for (int i = 0; i < 2000 && !caught && p->state() == QProcess::Running; ++i) {
        QFile status(QStringLiteral("/proc/%1/status").arg(p->processId()));
        if (status.open(QIODevice::ReadOnly))
            for (const QByteArray& line : status.readAll().split('\n'))
                if (line.startsWith("SigCgt:")) caught = line.mid(7).trimmed().toULongLong(nullptr, 16) & (1u << (SIGINT - 1));
        if (!caught) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    ASSERT_TRUE(caught);
    ::kill(pid_t(p->processId()), SIGINT);
    const Result r = finish(p);
    EXPECT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_TRUE(jsonStates(QJsonDocument::fromJson(r.out).object()).contains("LISTEN"));
}

TEST(AttachCli, AnOrdinaryUserGetsStatesOnly)
{
    Standing s;
    QTemporaryDir dir;
    const auto all = QFileDevice::ReadOwner | QFileDevice::ExeOwner | QFileDevice::ReadOther | QFileDevice::ExeOther
                     | QFileDevice::ReadGroup | QFileDevice::ExeGroup;
    QFile::setPermissions(dir.path(), all | QFileDevice::WriteOwner);
    // Root becomes nobody in the child; an ordinary user already is one.
    const bool drop = socklab::test::reallyRoot();
    QString copy = QStringLiteral(SOCKLAB_BINARY);
    if (drop) {
        // The checkout's parent folders may not be traversable by nobody: run a copy.
        copy = dir.filePath("socklab");
        ASSERT_TRUE(QFile::copy(SOCKLAB_BINARY, copy));
        QFile::setPermissions(copy, all);
    }
    const Result r = run({"lab", "--attach", QString::number(s.port), "--timeout", "0.5", "--json"}, copy, drop);
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const QJsonObject root = QJsonDocument::fromJson(r.out).object();
    EXPECT_EQ(root.value("capture").toString(), "states-only");
    EXPECT_EQ(countKind(root, "segment"), 0);
    const QSet<QString> states = jsonStates(root);
    EXPECT_TRUE(states.contains("LISTEN") && states.contains("ESTABLISHED") && states.contains("TIME_WAIT"));
    EXPECT_TRUE(r.err.contains("no capture permission on the host: states from sock_diag only")) << r.err.toStdString();
    const Result text = run({"lab", "--attach", QString::number(s.port), "--timeout", "0.3"}, copy, drop);
    EXPECT_TRUE(text.out.startsWith("capture: states-only (no capture permission on the host")) << text.out.toStdString();
    // Nothing to capture: a pcap cannot be written.
    EXPECT_EQ(run({"lab", "--attach", QString::number(s.port), "--pcap", dir.filePath("x.pcap")}, copy, drop).code, 1);
}
