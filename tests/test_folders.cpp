// Scenario folders (docs/scenario-format.md): loading and checking them, the
// teacher's own folders, and --json telling exactly which programs ran.

#include "FolderCatalog.h"
#include "LabGuard.h"
#include "ProcessCounts.h"
#include "ProblemText.h"
#include "ScenarioRun.h"
#include "TimelineJson.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

using namespace socklab;
using namespace socklab::test;

namespace {

// All sixteen lessons are folders run by the one folder engine.
const QStringList kMigrated{"handshake", "echo", "teardown", "refused", "broken-pipe", "reset-unread",
                            "buffers", "sticky", "fix-delimiter", "fix-length-prefix", "fix-pacing", "udp",
                            "backlog", "time-wait", "homework", "bind-address"};

void write(const QString& path, const QByteArray& text)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(text);
}

QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const QByteArray kGoodJson = R"({"title": {"en": "My ping", "zh_CN": "我的 ping"},
 "programs": [{"actor": "server", "role": "server", "file": "server.py", "args": ["{port}"]},
              {"actor": "client", "role": "client", "file": "client.py", "args": ["{port}", "{message}"]}],
 "steps": [{"actor": "server", "until": "accept", "caption": "tcp.accept"},
           {"actor": "client", "until": "connect", "caption": "tcp.connect"},
           {"actor": "client", "until": "sendall"},
           {"actor": "server", "until": "recv"}],
 "parameters": {"port": {"type": "port", "default": 9000},
                "message": {"type": "text", "default": "ping", "max_bytes": 100}}})";

const QByteArray kServer = "import socket, sys\n"
                           "s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)\n"
                           "s.bind(('127.0.0.1', int(sys.argv[1])))\n"
                           "s.listen(1)\n"
                           "c, a = s.accept()\n"
                           "data = c.recv(100)\n"
                           "print('got', data.decode())\n";
const QByteArray kClient = "import socket, sys\n"
                           "s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)\n"
                           "s.connect(('127.0.0.1', int(sys.argv[1])))\n"
                           "s.sendall(sys.argv[2].encode())\n"
                           "s.close()\n";

// A data home with one good teacher folder and four broken ones.
struct TeacherHome {
    QTemporaryDir dir;
    QString root() const { return dir.path() + QStringLiteral("/socklab/scenarios"); }
    TeacherHome()
    {
        write(root() + "/my-ping/scenario.json", kGoodJson);
        write(root() + "/my-ping/server.py", kServer);
        write(root() + "/my-ping/client.py", kClient);
        write(root() + "/bad-json/scenario.json", "{\"title\": \"x\",, }");
        write(root() + "/bad-actor/scenario.json",
              R"({"title": "x", "programs": [{"actor": "client", "file": "client.py"}],
                  "steps": [{"actor": "clinet", "until": "connect"}]})");
        write(root() + "/bad-actor/client.py", kClient);
        write(root() + "/bad-file/scenario.json", R"({"title": "x", "programs": [{"actor": "client", "file": "nope.py"}]})");
        write(root() + "/bad-caption/scenario.json",
              R"({"title": "x", "programs": [{"actor": "client", "file": "client.py"}],
                  "steps": [{"actor": "client", "until": "connect", "caption": "tcp.no-such-caption"}]})");
        write(root() + "/bad-caption/client.py", kClient);
        qputenv("XDG_DATA_HOME", dir.path().toUtf8());
    }
    ~TeacherHome() { qunsetenv("XDG_DATA_HOME"); }
};

struct CliResult {
    int code = -1;
    QString out, err;
};

CliResult runSocklab(const QStringList& args, const QString& dataHome)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("XDG_DATA_HOME", dataHome);
    env.insert("LANG", "C");
    env.remove("LC_ALL");
    env.remove("LC_MESSAGES");
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(SOCKLAB_BINARY), args);
    EXPECT_TRUE(p.waitForFinished(60000));
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

// The window's predicate is ui/Captions' isKnownCaption (checked through `socklab list` below).
bool knownForTest(const QString& id) { return id != QLatin1String("tcp.no-such-caption"); }

} // namespace

TEST(Folders, TheMigratedLessonsAreBuiltInFolders)
{
    for (const QString& id : kMigrated) {
        EXPECT_TRUE(FolderCatalog::isBuiltIn(id)) << id.toStdString();
        Problem p;
        const auto sc = ScenarioCatalog::build(id, {}, &p);
        ASSERT_TRUE(sc) << p.debugText().toStdString();
        EXPECT_TRUE(sc->folder != nullptr) << id.toStdString() << " has no folder";
    }
}

TEST(Folders, EachBrokenFolderGivesItsOneLineAndTheRestLoad)
{
    TeacherHome home;
    QHash<QString, FolderEntry> byId;
    for (const FolderEntry& e : FolderCatalog::entries(knownForTest, ScenarioCatalog::lessonIds()))
        byId.insert(e.id, e);
    ASSERT_TRUE(byId.contains("my-ping"));
    EXPECT_TRUE(byId["my-ping"].folder.has_value()) << problemText(byId["my-ping"].problem).toStdString();
    EXPECT_TRUE(byId["my-ping"].teacher);
    for (const QString& id : kMigrated) EXPECT_TRUE(byId.value(id).folder.has_value()) << id.toStdString();
    const struct {
        const char* id;
        const char* what;
        const char* key;
        const char* inText;
    } cases[] = {
        {"bad-json", "bad-json", "", "bad JSON at offset"},
        {"bad-actor", "unknown-actor", "steps[0].actor", "clinet"},
        {"bad-file", "missing-file", "programs[0].file", "nope.py"},
        {"bad-caption", "unknown-caption", "steps[0].caption", "tcp.no-such-caption"},
    };
    for (const auto& c : cases) {
        ASSERT_TRUE(byId.contains(c.id)) << c.id;
        const FolderEntry& e = byId[c.id];
        EXPECT_FALSE(e.folder.has_value()) << c.id;
        EXPECT_EQ(e.problem.code, "folder-invalid") << c.id;
        EXPECT_EQ(e.problem.args.value("what").toString(), c.what) << c.id;
        EXPECT_EQ(e.problem.args.value("key").toString(), c.key) << c.id;
        const QString text = problemText(e.problem);
        EXPECT_FALSE(text.contains('\n')) << text.toStdString();
        EXPECT_TRUE(text.contains("scenario.json")) << text.toStdString();
        EXPECT_TRUE(text.contains(c.inText)) << text.toStdString();
        EXPECT_TRUE(text.contains(c.id)) << text.toStdString();
    }
    // The good folder is a scenario like any other, after the built-in ones.
    const QStringList ids = ScenarioCatalog::ids();
    ASSERT_TRUE(ids.contains("my-ping"));
    EXPECT_GT(ids.indexOf("my-ping"), ids.indexOf("bind-address"));
    EXPECT_FALSE(ids.contains("bad-json"));
    EXPECT_TRUE(ScenarioCatalog::isOwn("my-ping"));
    EXPECT_FALSE(ScenarioCatalog::isOwn("handshake"));
    EXPECT_EQ(ScenarioCatalog::folderTitle("my-ping", "zh_CN"), QString::fromUtf8("我的 ping"));
}

TEST(Folders, ParameterValuesAreChecked)
{
    TeacherHome home;
    Problem p;
    EXPECT_FALSE(ScenarioCatalog::build("my-ping", {{"port", "0"}}, &p));
    EXPECT_EQ(p.code, "param-range");
    EXPECT_FALSE(ScenarioCatalog::build("my-ping", {{"message", QString(101, 'x')}}, &p));
    EXPECT_EQ(p.code, "param-text-too-long");
    EXPECT_FALSE(ScenarioCatalog::build("my-ping", {{"nope", "1"}}, &p));
    EXPECT_EQ(p.code, "param-unknown");
    const auto sc = ScenarioCatalog::build("my-ping", {{"message", "hi there"}}, &p);
    ASSERT_TRUE(sc);
    EXPECT_EQ(sc->parameters.value("message").toString(), "hi there");
    EXPECT_EQ(sc->parameters.value("port").toInt(), 9000);
}

TEST(Folders, BadValuesInScenarioJsonAreOneLineEach)
{
    auto has = [](const QString& f) { return f == QLatin1String("a.py"); };
    const struct {
        const char* json;
        const char* what;
    } cases[] = {
        {R"({"programs": [{"actor": "a", "file": "a.py"}]})", "missing"},
        {R"({"title": "t"})", "missing"},
        {R"({"title": "t", "programs": [{"actor": "a b", "file": "a.py"}]})", "bad-name"},
        {R"({"title": "t", "programs": [{"actor": "a", "file": "../a.py"}]})", "bad-file"},
        {R"({"title": "t", "programs": [{"actor": "a", "file": "a.py", "args": ["{nope}"]}]})", "unknown-parameter"},
        {R"({"title": "t", "programs": [{"actor": "a", "file": "a.py", "copies": "{n}+2"}]})", "bad-copies"},
        {R"({"title": "t", "programs": [{"actor": "a", "file": "a.py"}], "parameters": {"n": {"type": "int", "default": 5, "min": 1, "max": 3}}})", "bad-value"},
        {R"({"title": "t", "programs": [{"actor": "a", "file": "a.py"}], "parameters": {"n": {"type": "float", "default": 1}}})", "bad-type"},
        {R"({"title": "t", "programs": [{"actor": "a", "file": "a.py"}], "steps": [{"actor": "a", "until": "two words"}]})", "bad-until"},
        {R"({"title": "t", "programs": [{"actor": "a", "file": "a.py"}], "steps": [{"wait_ms": -1}]})", "bad-value"},
        {R"({"title": "t", "programs": [{"actor": "a", "file": "a.py"}], "stepz": []})", "unknown-key"},
        {R"([1, 2])", "not-object"},
    };
    for (const auto& c : cases) {
        Problem p;
        EXPECT_FALSE(ScenarioFolder::parse("x", c.json, has, {}, &p)) << c.json;
        EXPECT_EQ(p.args.value("what").toString(), c.what) << c.json;
        EXPECT_FALSE(problemText(p).contains('\n'));
    }
    // copies: backlog+2 clients, actors client1..clientN, steps may name them.
    Problem p;
    const auto f = ScenarioFolder::parse(
        "x",
        R"({"title": "t", "programs": [{"actor": "client", "file": "a.py", "copies": "{backlog}+2"}],
            "steps": [{"actor": "client3", "until": "connect"}],
            "parameters": {"backlog": {"type": "int", "default": 1, "min": 1, "max": 4}}})",
        has, {}, &p);
    ASSERT_TRUE(f) << p.debugText().toStdString();
    const QList<FolderProgram> progs = f->expandedPrograms({{"backlog", 2}});
    ASSERT_EQ(progs.size(), 4);
    EXPECT_EQ(progs[0].actor, "client1");
    EXPECT_EQ(progs[3].actor, "client4");
}

// The lesson keys (ScenarioFolderKeys.h): framing, raises, repeat and the
// text checks; a bad value is one folder-invalid line, a bad --set value one
// param-… problem before anything runs.
TEST(Folders, LessonKeysAreCheckedAtLoadAndExpandForTheValues)
{
    auto has = [](const QString& f) { return f == QLatin1String("a.py") || f == QLatin1String("b.py"); };
    const QByteArray progs = R"("programs": [{"actor": "a", "file": "a.py"}, {"actor": "b", "file": "b.py"}])";
    const struct {
        QByteArray rest;
        const char* what;
        const char* key;
    } cases[] = {
        {R"("steps": [{"actor": "a", "calls": 2, "raises": "TimeoutError"}])", "bad-raises", "steps[0].raises"},
        {R"("steps": [{"actor": "a", "until": "recv", "raises": "no such"}])", "bad-raises", "steps[0].raises"},
        {R"("steps": [{"actor": "a", "until": "send", "repeat": "{nope}"}])", "bad-repeat", "steps[0].repeat"},
        {R"("steps": [{"repeat": "2", "steps": [{"actor": "a", "until": "send", "repeat": "2"}]}])", "bad-group", "steps[0].steps[0]"},
        {R"("steps": [{"repeat": "2", "steps": []}])", "not-list", "steps[0].steps"},
        {R"("framing": {"actor": "c", "kind": "delimiter", "delimiter": "#"})", "unknown-actor", "framing.actor"},
        {R"("framing": {"actor": "a", "kind": "lines"})", "bad-framing", "framing.kind"},
        {R"("framing": {"actor": "a", "kind": "delimiter", "delimiter": "{nope}"})", "unknown-parameter", "framing.delimiter"},
        {R"("framing": {"actor": "a", "kind": "per-recv", "size": 3})", "unknown-key", "framing.size"},
        {R"("parameters": {"m": {"type": "text", "default": "x", "list": {"separator": "||", "max_items": 3}}})", "bad-list", "parameters.m.list"},
        {R"("parameters": {"d": {"type": "text", "default": "#", "not_in": "nope"}})", "bad-not-in", "parameters.d.not_in"},
        {R"("parameters": {"d": {"type": "text", "default": "", "min_bytes": 1}})", "bad-default", "parameters.d.default"},
    };
    for (const auto& c : cases) {
        Problem p;
        const QByteArray json = "{\"title\": \"t\", " + progs + ", " + c.rest + "}";
        EXPECT_FALSE(ScenarioFolder::parse("x", json, has, {}, &p)) << json.toStdString();
        EXPECT_EQ(p.code, "folder-invalid") << json.toStdString();
        EXPECT_EQ(p.args.value("what").toString(), c.what) << json.toStdString();
        EXPECT_EQ(p.args.value("key").toString(), c.key) << json.toStdString();
        const QString text = problemText(p);
        EXPECT_FALSE(text.contains('\n')) << text.toStdString();
        EXPECT_FALSE(text.contains(QString::fromLatin1(c.what))) << "no words for " << c.what << ": " << text.toStdString();
    }

    Problem p;
    const auto f = ScenarioFolder::parse(
        "x", "{\"title\": \"t\", " + progs + R"(,
            "framing": {"actor": "b", "kind": "delimiter", "delimiter": "{d}"},
            "steps": [{"actor": "a", "until": "connect"},
                      {"actor": "a", "until": "send", "repeat": "{n}+1"},
                      {"repeat": "{m}", "steps": [{"actor": "b", "until": "recv", "raises": "TimeoutError"},
                                                  {"wait_ms": 10}]},
                      {"actor": "a", "until": "close"}],
            "parameters": {"n": {"type": "int", "default": 2, "min": 1, "max": 9},
                           "m": {"type": "text", "default": "x|y", "list": {"separator": "|", "max_items": 4}},
                           "d": {"type": "text", "default": "#", "min_bytes": 1, "not_in": "m"}}})",
        has, {}, &p);
    ASSERT_TRUE(f) << p.debugText().toStdString();
    EXPECT_EQ(f->framing.actor, "b");
    EXPECT_EQ(f->framing.kind, "delimiter");
    auto calls = [](const QList<FolderStep>& steps) {
        QStringList out;
        for (const FolderStep& s : steps)
            out << (s.waitMs >= 0 ? QStringLiteral("wait") : s.untilCall + (s.raises.isEmpty() ? "" : "!" + s.raises));
        return out.join(' ');
    };
    EXPECT_EQ(calls(f->expandedSteps({{"n", 2}, {"m", "x|y"}, {"d", "#"}})),
              "connect send send send recv!TimeoutError wait recv!TimeoutError wait close");
    EXPECT_EQ(calls(f->expandedSteps({{"n", 1}, {"m", "x"}, {"d", "#"}})), "connect send send recv!TimeoutError wait close");
    // The values: an empty item, too many items, the delimiter inside an item, an empty delimiter.
    const struct {
        QVariantMap given;
        const char* code;
    } bad[] = {
        {{{"m", "x||y"}}, "param-message-empty"},
        {{{"m", "a|b|c|d|e"}}, "param-messages-count"},
        {{{"d", "y"}, {"m", "x|yy"}}, "param-message-has-delimiter"},
        {{{"d", ""}}, "param-empty"},
    };
    for (const auto& b : bad) {
        QVariantMap values;
        Problem why;
        EXPECT_FALSE(f->resolveParameters(b.given, &values, &why)) << b.code;
        EXPECT_EQ(why.code, b.code);
        EXPECT_FALSE(problemText(why).contains('\n'));
    }
    QVariantMap values;
    EXPECT_TRUE(f->resolveParameters({{"m", "a|b|c|d"}, {"d", "\\n"}}, &values, &p)) << p.debugText().toStdString();
}

// Point 4: --json tells what ran. For every migrated lesson, "programs" holds
// the very text of its files and every call points at a line of that text that
// makes the call.
TEST(Folders, JsonProgramsAreTheFilesThatRanAndCallsPointIntoThem)
{
    SOCKLAB_REQUIRE_LAB();
    for (const QString& id : kMigrated) {
        const Timeline tl = runScenario(id);
        const QJsonObject root = timelineToJson(tl);
        const QJsonArray programs = root.value("programs").toArray();
        const auto sc = ScenarioCatalog::build(id);
        ASSERT_TRUE(sc);
        ASSERT_EQ(programs.size(), sc->actors.size()) << id.toStdString();
        QHash<QString, QStringList> linesOf;
        for (const QJsonValue& v : programs) {
            const QJsonObject p = v.toObject();
            const QString file = p.value("code_file").toString();
            ASSERT_TRUE(file.startsWith(":/scenarios/" + id + "/")) << file.toStdString();
            const QString onDisk = QStringLiteral(SOCKLAB_SOURCE_DIR) + "/resources/scenarios/" + file.mid(12);
            EXPECT_EQ(p.value("source").toString().toUtf8(), fileBytes(onDisk)) << onDisk.toStdString();
            QStringList lines = p.value("source").toString().split('\n');
            linesOf.insert(file, lines);
        }
        int calls = 0;
        for (const QJsonValue& v : root.value("events").toArray()) {
            const QJsonObject e = v.toObject();
            if (e.value("kind").toString() != "call") continue;
            ++calls;
            const QString file = e.value("code_file").toString();
            const int line = e.value("code_line").toInt();
            ASSERT_TRUE(linesOf.contains(file)) << id.toStdString() << ": call in " << file.toStdString();
            const QStringList& lines = linesOf[file];
            ASSERT_GE(line, 1) << id.toStdString();
            ASSERT_LE(line, lines.size());
            const QString call = e.value("call").toString();
            EXPECT_TRUE(lines[line - 1].contains(call + "("))
                << id.toStdString() << ":" << line << " \"" << lines[line - 1].toStdString() << "\" lacks " << call.toStdString();
        }
        int callSteps = 0; // a wait_ms step releases no call
        for (const FolderStep& st : sc->folder->expandedSteps(sc->parameters))
            callSteps += st.waitMs < 0;
        EXPECT_GE(calls, callSteps) << id.toStdString();
    }
}

TEST(Folders, TheProgramsSayWhatPythonRaised)
{
    SOCKLAB_REQUIRE_LAB();
    auto output = [](const Timeline& tl, const QString& actor) {
        QStringList out;
        for (const Event& e : tl.events())
            if (const NoteData* n = e.note(); n && n->code == "program-output" && e.actor == actor)
                out << n->args.value("text").toString();
        return out.join('\n');
    };
    auto exception = [](const Timeline& tl, const QString& call, int nth) {
        const ReturnData* r = findReturn(tl, "client", call, nth);
        return r ? r->values.value("exception").toString() : QString();
    };
    const Timeline pipe = runScenario("broken-pipe");
    EXPECT_EQ(exception(pipe, "send", 1), "BrokenPipeError");
    EXPECT_TRUE(output(pipe, "client").contains(QString::fromUtf8("管道破裂"))) << output(pipe, "client").toStdString();
    const Timeline reset = runScenario("reset-unread");
    EXPECT_EQ(exception(reset, "recv", 0), "ConnectionResetError");
    EXPECT_TRUE(output(reset, "client").contains(QString::fromUtf8("连接被重置"))) << output(reset, "client").toStdString();
    const Timeline refused = runScenario("refused");
    EXPECT_EQ(exception(refused, "connect", 0), "ConnectionRefusedError");
}

TEST(Folders, TheCodeShownIsTheCodeThatRanWithTheValues)
{
    SOCKLAB_REQUIRE_LAB();
    const Timeline tl = runScenario("echo", {{"message", "ni hao"}, {"port", "9123"}});
    const ReturnData* r = findReturn(tl, "server", "recv");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->values.value("data").toByteArray(), QByteArray("ni hao"));
    bool port = false;
    for (const PacketData* p : segments(tl)) port |= p->dstPort == 9123;
    EXPECT_TRUE(port);
    // The command that ran carries the values; the code is the file.
    EXPECT_TRUE(tl.actors[tl.actorIndex("client")].command.endsWith("client.py 9123 ni hao"))
        << tl.actors[tl.actorIndex("client")].command.toStdString();
}

TEST(Folders, WithoutANamespaceTheLessonRunsOnTheHostLoopbackOnFreePorts)
{
    // Host mode, as where no private namespace can be made: the lesson's own
    // programs run on the host's loopback, on a port the kernel picked (8888
    // may be taken there), which the code gets as {port}; the capture sees
    // the real handshake on it.
    const auto sc = ScenarioCatalog::build("handshake");
    ASSERT_TRUE(sc);
    Runner r(*sc, RunOptions{QStringLiteral("host"), {}});
    Problem error;
    if (!r.start(&error)) {
        ASSERT_EQ(error.code, "host-capture-failed") << error.debugText().toStdString();
        GTEST_SKIP() << "no capture on the host's loopback here (CAP_NET_RAW): " << error.debugText().toStdString();
    }
    ASSERT_TRUE(r.runAll(&error)) << error.debugText().toStdString();
    const Timeline& tl = r.timeline();
    EXPECT_EQ(tl.captureMode, "host");
    EXPECT_NE(r.port(), 8888);
    EXPECT_EQ(tl.parameters.value("port").toInt(), int(r.port()));
    EXPECT_TRUE(tl.actors[tl.actorIndex("server")].command.endsWith("server.py " + QString::number(r.port())))
        << tl.actors[tl.actorIndex("server")].command.toStdString();
    const ReturnData* bind = findReturn(tl, "server", "bind");
    ASSERT_TRUE(bind);
    EXPECT_EQ(bind->result, 0) << bind->errnoName.toStdString();
    QStringList flags;
    for (const PacketData* p : segments(tl)) {
        EXPECT_TRUE(p->srcPort == r.port() || p->dstPort == r.port()) << p->srcPort << "->" << p->dstPort;
        flags << tcpFlagNames(p->flags).join(',');
    }
    EXPECT_EQ(flags.mid(0, 3), (QStringList{"SYN", "SYN,ACK", "ACK"}));
    EXPECT_TRUE(sawState(tl, "client", "ESTABLISHED", Provenance::Kernel));
}

TEST(Folders, TeacherFoldersAreListedAndRunFromTheCommandLine)
{
    TeacherHome home;
    const CliResult list = runSocklab({"list"}, home.dir.path());
    EXPECT_EQ(list.code, 0) << list.err.toStdString();
    EXPECT_TRUE(list.out.contains("handshake\tThree-way handshake\n"));
    EXPECT_TRUE(list.out.contains("my-ping\tMy ping (your folder)\n")) << list.out.toStdString();
    EXPECT_FALSE(list.out.contains("bad-"));
    const QStringList errLines = list.err.trimmed().split('\n');
    EXPECT_EQ(errLines.size(), 4) << list.err.toStdString();
    for (const char* id : {"bad-json", "bad-actor", "bad-file", "bad-caption"})
        EXPECT_TRUE(list.err.contains(QStringLiteral("scenario folder %1: scenario.json").arg(id))) << list.err.toStdString();

    SOCKLAB_REQUIRE_LAB();
    const CliResult run = runSocklab({"run", "my-ping", "--json", "--set", "message=hello teacher"}, home.dir.path());
    ASSERT_EQ(run.code, 0) << run.err.toStdString();
    const QJsonObject root = QJsonDocument::fromJson(run.out.toUtf8()).object();
    EXPECT_EQ(root.value("scenario").toString(), "my-ping");
    const QJsonArray programs = root.value("programs").toArray();
    ASSERT_EQ(programs.size(), 2);
    EXPECT_EQ(programs[0].toObject().value("code_file").toString(), home.root() + "/my-ping/server.py");
    EXPECT_EQ(programs[0].toObject().value("source").toString().toUtf8(), kServer);
    EXPECT_EQ(root.value("steps").toArray().size(), 4);
    bool got = false;
    for (const QJsonValue& v : root.value("events").toArray())
        if (v.toObject().value("kind").toString() == "note"
            && v.toObject().value("args").toObject().value("text").toString() == "got hello teacher")
            got = true;
    EXPECT_TRUE(got) << run.out.left(2000).toStdString();
    // A broken one fails with its line, exit 2.
    const CliResult bad = runSocklab({"run", "bad-actor"}, home.dir.path());
    EXPECT_EQ(bad.code, 2);
    EXPECT_TRUE(bad.err.contains("steps[0].actor")) << bad.err.toStdString();
}


TEST(Folders, ProgramsThatMisbehaveAreOneLineAndLeaveNothing)
{
    // A teacher's folder whose program crashes, forks a child that stays,
    // prints megabytes, ignores SIGTERM, never makes a socket or reads stdin
    // forever: `socklab run` says what went wrong in one line (exit 1 for a
    // crash or an ignored SIGTERM, a note for a program without a socket) and
    // leaves no process and no file behind.
    SOCKLAB_REQUIRE_LAB();
    const struct {
        const char* id;
        const char* program;
        const char* until;
        int exit;
        const char* err; // a line on stderr that says it ("" : nothing)
    } cases[] = {
        {"crash", "import os, socket\ns = socket.socket()\nos.abort()\n", "exit", 1, "SIGABRT"},
        {"fork", "import os, socket, time\ns = socket.socket()\nif os.fork() == 0:\n    time.sleep(120)\n    os._exit(0)\nprint('parent done')\n",
         "exit", 0, ""},
        {"flood", "import socket\ns = socket.socket()\nfor i in range(20000):\n    print('x' * 1000)\n", "exit", 0, ""},
        {"stubborn", "import signal, socket, time\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\ns = socket.socket()\ntime.sleep(120)\n",
         "socket", 1, "ignored SIGTERM"},
        {"no-socket", "print('hello')\n", "exit", 0, "never opened a TCP or UDP socket"},
        {"stdin", "import socket, sys\ns = socket.socket()\nsys.stdin.read()\n", "socket", 0, ""},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.id);
        QTemporaryDir home, tmp;
        const QString dir = home.path() + QStringLiteral("/socklab/scenarios/") + c.id;
        write(dir + "/p.py", c.program);
        write(dir + "/scenario.json",
              QStringLiteral(R"({"title": "%1", "programs": [{"actor": "p", "file": "p.py"}],
                                 "steps": [{"actor": "p", "until": "%2"}]})").arg(c.id, c.until).toUtf8());
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("XDG_DATA_HOME", home.path());
        env.insert("TMPDIR", tmp.path());
        env.insert("LANG", "C");
        env.remove("LC_ALL");
        env.remove("LC_MESSAGES");
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(SOCKLAB_BINARY), {"run", c.id});
        ASSERT_TRUE(p.waitForFinished(90000));
        const QString out = QString::fromUtf8(p.readAllStandardOutput()), err = QString::fromUtf8(p.readAllStandardError());
        EXPECT_EQ(p.exitStatus(), QProcess::NormalExit);
        EXPECT_EQ(p.exitCode(), c.exit) << err.toStdString();
        const QStringList lines = err.split('\n', Qt::SkipEmptyParts);
        if (*c.err) {
            ASSERT_EQ(lines.size(), 1) << err.toStdString();
            EXPECT_TRUE(lines.first().contains(QLatin1String(c.err))) << err.toStdString();
        } else {
            EXPECT_TRUE(lines.isEmpty()) << err.toStdString();
        }
        if (QLatin1String(c.id) == QLatin1String("flood")) {
            EXPECT_TRUE(out.contains(QString(1000, 'x'))) << out.left(300).toStdString();
        }
        if (QLatin1String(c.id) == QLatin1String("fork")) {
            EXPECT_TRUE(out.contains("parent done")) << out.left(300).toStdString();
        }
        EXPECT_TRUE(processesNaming(tmp.path()).isEmpty()) << processesNaming(tmp.path()).join('\n').toStdString();
        EXPECT_TRUE(QDir(tmp.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty())
            << QDir(tmp.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).join(' ').toStdString();
    }
}
