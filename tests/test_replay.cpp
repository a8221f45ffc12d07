// Replay from the command line: `run --save` / `lab --save` write a session
// file, `replay` prints it exactly as the run did without opening a socket,
// `export --session` exports from it; and a file that is no session, or a
// place a file cannot be written, is one line and exit 1.

#include "TimelineJson.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cerrno>
#include <cstring>
#include <grp.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

struct Result {
    int code = -1;
    QByteArray out, err;
    bool finished = false;
};

Result run(const QStringList& args, const QString& program = SOCKLAB_BINARY, int timeoutMs = 60000,
           const QMap<QString, QString>& extraEnv = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("QT_QPA_PLATFORM", "offscreen");
    // Qt's GUI verbs warn on stderr without one; that line is not socklab's.
    static const QTemporaryDir runtime;
    env.insert("XDG_RUNTIME_DIR", runtime.path());
    for (auto it = extraEnv.begin(); it != extraEnv.end(); ++it)
        env.insert(it.key(), it.value());
    p.setProcessEnvironment(env);
    p.start(program, args);
    Result r;
    r.finished = p.waitForFinished(timeoutMs);
    if (!r.finished) {
        p.kill();
        p.waitForFinished();
    }
    r.code = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// One clear line on stderr, exit 1, within seconds.
void expectOneLineFailure(const Result& r, const char* mustContain)
{
    EXPECT_TRUE(r.finished) << "it hung";
    EXPECT_EQ(r.code, 1) << r.err.toStdString();
    EXPECT_EQ(r.err.count('\n'), 1) << r.err.toStdString();
    EXPECT_TRUE(r.err.startsWith("socklab")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(mustContain)) << r.err.toStdString();
}

QStringList entries(const QString& dir)
{
    return QDir(dir).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden | QDir::System);
}

class Replay : public ::testing::Test
{
protected:
    QTemporaryDir dir;
    QString path(const char* name) const { return dir.filePath(QString::fromLatin1(name)); }
    // A real session: `run handshake --save`.
    QString savedHandshake()
    {
        const QString f = path("handshake.json");
        if (!QFileInfo::exists(f)) {
            const Result r = run({"run", "handshake", "--save", f});
            EXPECT_EQ(r.code, 0) << r.err.toStdString();
        }
        return f;
    }
};

} // namespace

TEST_F(Replay, RunAndReplayPrintTheSameTextAndJson)
{
    // A teacher's folder whose program crashes: the run's problem is in its
    // JSON document (as `lab --json` has it), one line on stderr, exit 1; and
    // its replay says the same.
    const QString home = path("home");
    QDir().mkpath(home + "/socklab/scenarios/crash");
    auto put = [&](const char* name, const QByteArray& text) {
        QFile f(home + "/socklab/scenarios/crash/" + name);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(text);
    };
    put("p.py", "import os, socket\ns = socket.socket()\nos.abort()\n");
    put("scenario.json", R"({"title": "crash", "programs": [{"actor": "p", "file": "p.py"}],
                             "steps": [{"actor": "p", "until": "exit"}]})");
    struct Case {
        QStringList run;
        const char* file;
        int code = 0;
    };
    const QList<Case> cases{
        {{"run", "handshake"}, "a.json"},
        {{"run", "handshake", "--json"}, "b.json"},
        {{"run", "udp", "--json"}, "c.json"},
        {{"run", "sticky"}, "d.json"},
        {{"run", "teardown", "--lang", "zh_CN"}, "e.json"},
        {{"run", "crash", "--json"}, "f.json", 1},
        {{"run", "crash"}, "g.json", 1},
        {{"run", "crash", "--json", "--lang", "zh_CN"}, "h.json", 1},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.run.join(' ').toStdString());
        const QString f = path(c.file);
        const Result live =
            run(c.run + QStringList{"--save", f}, SOCKLAB_BINARY, 60000, {{"XDG_DATA_HOME", home}});
        ASSERT_EQ(live.code, c.code) << live.err.toStdString();
        ASSERT_FALSE(live.out.isEmpty());
        if (c.run.contains("--json")) {
            const QJsonObject doc = QJsonDocument::fromJson(live.out).object();
            ASSERT_TRUE(doc.value("problems").isArray()) << live.out.left(300).toStdString();
            ASSERT_TRUE(doc.value("warnings").isArray()) << live.out.left(300).toStdString();
            const QJsonArray problems = doc.value("problems").toArray();
            if (c.code == 0) {
                EXPECT_TRUE(problems.isEmpty()) << live.out.left(300).toStdString();
            } else {
                ASSERT_EQ(problems.size(), 1) << live.out.left(300).toStdString();
                EXPECT_TRUE(problems[0].toString().contains("SIGABRT"))
                    << problems[0].toString().toStdString();
                // The words of the line on stderr, in the run's language.
                EXPECT_TRUE(live.err.contains(problems[0].toString().toUtf8()))
                    << live.err.toStdString();
            }
        }
        if (c.code) EXPECT_EQ(live.err.count('\n'), 1) << live.err.toStdString();
        QStringList replayArgs{"replay", f};
        for (const QString& a : c.run.mid(2)) replayArgs << a; // --json, --lang zh_CN
        const Result again = run(replayArgs);
        EXPECT_EQ(again.code, c.code) << again.err.toStdString();
        EXPECT_EQ(again.out.toStdString(), live.out.toStdString());
        EXPECT_EQ(again.err.toStdString(), live.err.toStdString());
    }
}

TEST_F(Replay, ALabSessionReplaysAsTheLabPrintedIt)
{
    const QString py = QStandardPaths::findExecutable("python3");
    if (py.isEmpty()) GTEST_SKIP() << "no python3";
    const QString f = path("lab.json");
    const QStringList prog{py, "-c",
                           "import socket\n"
                           "s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(1)\n"
                           "c = socket.create_connection(s.getsockname()); a, _ = s.accept()\n"
                           "c.sendall(b'hi'); print(a.recv(10)); c.close(); a.close(); s.close()\n"};
    for (const bool json : {false, true}) {
        QStringList args{"lab", "--save", f};
        if (json) args << "--json";
        const Result live = run(args + QStringList{"--"} + prog);
        ASSERT_EQ(live.code, 0) << live.err.toStdString();
        const Result again = run(json ? QStringList{"replay", f, "--json"} : QStringList{"replay", f});
        EXPECT_EQ(again.code, 0) << again.err.toStdString();
        EXPECT_EQ(again.out.toStdString(), live.out.toStdString());
        EXPECT_TRUE(again.out.contains("b'hi'")) << again.out.toStdString(); // what the program printed
    }
}

TEST_F(Replay, ReplayOpensNoSocket)
{
    const QString strace = QStandardPaths::findExecutable("strace");
    if (strace.isEmpty()) GTEST_SKIP() << "no strace to watch the system calls";
    const QString f = savedHandshake();
    const QString log = path("strace.log");
    // Every socket-creating call of socklab and anything it starts.
    // LeakSanitizer cannot run under ptrace: in the sanitizer build the traced
    // socklab keeps ASan's other checks but not the leak check at exit.
    const QString asan = qEnvironmentVariable("ASAN_OPTIONS");
    const QString asanOptions = QStringLiteral("ASAN_OPTIONS=") + asan + (asan.isEmpty() ? "" : ":") + "detect_leaks=0";
    const Result r = run({asanOptions, strace, "-f", "-qq", "-e", "trace=socket,socketpair", "-o", log, SOCKLAB_BINARY,
                          "replay", f},
                         QStringLiteral("/usr/bin/env"));
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains("SYN")) << r.out.toStdString();
    QFile l(log);
    ASSERT_TRUE(l.open(QIODevice::ReadOnly));
    const QByteArray calls = l.readAll();
    EXPECT_FALSE(calls.contains("socket(")) << calls.toStdString();
    EXPECT_FALSE(calls.contains("socketpair(")) << calls.toStdString();
    // The same check does see a run's sockets: the watch is not blind. Ungated:
    // a process has one tracer, and under strace the call gate cannot be it
    // (a gated lesson's programs do not start there, and `run` says so, exit 1).
    const Result live = run({asanOptions, strace, "-f", "-qq", "-e", "trace=socket", "-o", log, SOCKLAB_BINARY, "lab",
                             "--no-gate", "--", "python3", SOCKLAB_SOURCE_DIR "/tests/gate/refused_client.py"},
                            QStringLiteral("/usr/bin/env"));
    ASSERT_EQ(live.code, 0) << live.err.toStdString();
    EXPECT_TRUE(live.out.contains("refused:")) << live.out.toStdString();
    QFile l2(log);
    ASSERT_TRUE(l2.open(QIODevice::ReadOnly));
    EXPECT_TRUE(l2.readAll().contains("socket(AF_INET"));
}

TEST_F(Replay, ExportFromASessionFile)
{
    const QString f = savedHandshake();
    const QString png = path("ladder.png");
    const Result r = run({"export", "--session", f, "--out", png, "--step", "2"});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    QFile img(png);
    ASSERT_TRUE(img.open(QIODevice::ReadOnly));
    EXPECT_TRUE(img.read(8).startsWith("\x89PNG"));
    const QString pdf = path("notes.pdf");
    EXPECT_EQ(run({"export", "--session", f, "--out", pdf, "--all"}).code, 0);
    EXPECT_GT(QFileInfo(pdf).size(), 1000);
    // Nothing but the two exports and the session: no temporary file left.
    EXPECT_EQ(entries(dir.path()).size(), 3) << entries(dir.path()).join(' ').toStdString();
    const Result bad = run({"export", "--session", path("missing.json"), "--out", png});
    expectOneLineFailure(bad, "missing.json");
}

TEST_F(Replay, FormatVersions)
{
    QFile src(savedHandshake());
    ASSERT_TRUE(src.open(QIODevice::ReadOnly));
    QJsonObject root = QJsonDocument::fromJson(src.readAll()).object();
    EXPECT_EQ(root.value("format").toString(), "socklab-timeline");
    EXPECT_EQ(root.value("version").toInt(), 1);
    auto write = [&](const char* name, const QJsonObject& o) {
        QFile f(path(name));
        EXPECT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(o).toJson());
        return f.fileName();
    };
    QJsonObject newer = root;
    newer.insert("version", 2);
    expectOneLineFailure(run({"replay", write("v2.json", newer)}), "newer");
    QJsonObject older = root;
    older.insert("version", 0);
    expectOneLineFailure(run({"replay", write("v0.json", older)}), "version 0");
    QJsonObject other = root;
    other.insert("format", "pcapng");
    expectOneLineFailure(run({"replay", write("other.json", other)}), "not a socklab session");
    // The first socklab's --json output names no version: read as version 1.
    QJsonObject unversioned = root;
    unversioned.remove("version");
    const Result r = run({"replay", write("v-none.json", unversioned)});
    EXPECT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains("SYN"));
}

TEST_F(Replay, BadSessionFilesAreOneLineAndExitOne)
{
    QFile src(savedHandshake());
    ASSERT_TRUE(src.open(QIODevice::ReadOnly));
    const QByteArray good = src.readAll();
    auto write = [&](const char* name, const QByteArray& bytes) {
        QFile f(path(name));
        EXPECT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        return f.fileName();
    };
    expectOneLineFailure(run({"replay", write("truncated.json", good.left(good.size() / 2))}), "not JSON");
    QByteArray corrupt = good;
    corrupt.replace("\"kind\":\"segment\"", "\"kind\":\"warp\"");
    expectOneLineFailure(run({"replay", write("corrupt.json", corrupt)}), "warp");
    QByteArray binary(4096, '\0');
    for (int i = 0; i < binary.size(); ++i) binary[i] = char((i * 7919) & 0xff);
    expectOneLineFailure(run({"replay", write("binary.json", binary)}), "not JSON");
    expectOneLineFailure(run({"replay", write("empty.json", {})}), "empty.json");
    expectOneLineFailure(run({"replay", write("array.json", "[1,2,3]")}), "no \"events\" list");
    // Huge: a sparse file larger than any session, refused before reading it.
    const QString huge = path("huge.json");
    {
        QFile f(huge);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        ASSERT_TRUE(f.resize(qint64(3) << 30)); // a million-event session is ~300 MB; 2 GB is the limit
    }
    expectOneLineFailure(run({"replay", huge}), "too large");
    expectOneLineFailure(run({"replay", dir.path()}), "directory");
    expectOneLineFailure(run({"replay", path("missing.json")}), "missing.json");
    const QString fifo = path("fifo.json");
    ASSERT_EQ(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    expectOneLineFailure(run({"replay", fifo}, SOCKLAB_BINARY, 10000), "not a regular file");
    expectOneLineFailure(run({"replay", "/dev/zero"}, SOCKLAB_BINARY, 10000), "not a regular file");
    // The window refuses it the same way, before it opens.
    expectOneLineFailure(run({"--lang", "en", path("truncated.json")}, SOCKLAB_BINARY, 20000), "not JSON");
}

TEST_F(Replay, OutputsToPlacesThatCannotHoldAFileFailCleanly)
{
    // A directory, a FIFO (a writer would wait for a reader forever), a device
    // behind a symbolic link, /dev/full itself and a folder that does not exist.
    const QString fifo = path("out.png");
    ASSERT_EQ(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const QString sub = path("sub.png");
    ASSERT_TRUE(QDir().mkpath(sub));
    const QString full = path("full.png");
    ASSERT_TRUE(QFile::link("/dev/full", full));
    const QStringList bad{sub, fifo, full, "/dev/full", path("no-such-folder/x.png")};
    for (const QString& target : bad) {
        SCOPED_TRACE(target.toStdString());
        expectOneLineFailure(run({"run", "handshake", "--save", target}, SOCKLAB_BINARY, 20000), "cannot write");
        expectOneLineFailure(run({"run", "handshake", "--pcap", target}, SOCKLAB_BINARY, 20000), "cannot write");
        expectOneLineFailure(run({"lab", "--save", target, "--", "/bin/true"}, SOCKLAB_BINARY, 20000), "cannot write");
        expectOneLineFailure(run({"lab", "--pcap", target, "--", "/bin/true"}, SOCKLAB_BINARY, 20000), "cannot write");
        if (target != QLatin1String("/dev/full")) // its name has no file type: a usage error first
            expectOneLineFailure(run({"export", "handshake", "--out", target}, SOCKLAB_BINARY, 20000), "cannot write");
    }
    // Nothing was created beside them, and the FIFO and the link are what they were.
    EXPECT_TRUE(entries(sub).isEmpty());
    struct stat st{};
    ASSERT_EQ(::stat(QFile::encodeName(fifo).constData(), &st), 0);
    EXPECT_TRUE(S_ISFIFO(st.st_mode));
    EXPECT_EQ(QFileInfo(full).symLinkTarget(), "/dev/full");
    EXPECT_EQ(entries(dir.path()).size(), 3) << entries(dir.path()).join(' ').toStdString();
}

// A disk that fills up while the file is written: a 16 KiB tmpfs in a mount
// namespace of our own (unshare -Urm: no root needed where user namespaces are
// allowed). The write fails with ENOSPC; one line, exit 1, no file left.
TEST_F(Replay, ADiskThatFillsUpLeavesNoHalfWrittenFile)
{
    const QString unshare = QStandardPaths::findExecutable("unshare");
    if (unshare.isEmpty()) GTEST_SKIP() << "no unshare(1)";
    const QString mnt = path("small");
    ASSERT_TRUE(QDir().mkpath(mnt));
    struct Case {
        const char* what;
        QString command;
    };
    const QString bin = QStringLiteral(SOCKLAB_BINARY);
    const QList<Case> cases{
        {"--save", bin + " run buffers --save " + mnt + "/s.json"},
        {"--pcap", bin + " run buffers --pcap " + mnt + "/s.pcap"},
        {"export", bin + " export buffers --all --out " + mnt + "/notes.pdf"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.what);
        const QString script = QStringLiteral("mount -t tmpfs -o size=16k tmpfs %1 || exit 77; "
                                              "QT_QPA_PLATFORM=offscreen %2; rc=$?; ls -A %1; exit $rc")
                                   .arg(mnt, c.command);
        const Result r = run({"-Urm", "sh", "-c", script}, unshare, 120000);
        if (r.code == 77) GTEST_SKIP() << "cannot mount a tmpfs here: " << r.err.toStdString();
        expectOneLineFailure(r, "cannot write");
        EXPECT_TRUE(r.err.contains(QString::fromLocal8Bit(strerror(ENOSPC)).toUtf8()) || r.err.contains("disk"))
            << r.err.toStdString();
        EXPECT_EQ(r.out.trimmed().toStdString(), "") << "left behind in the full folder";
    }
}

// Found by fuzz_session: a value quoted from the file could carry a newline
// into the error, which must stay one line.
TEST(SessionReader, AnErrorQuotingTheFileStaysOneLine)
{
    const auto format = socklab::timelineFromJson(R"({"format":"socklab\n-timeline","events":[]})");
    EXPECT_FALSE(format.ok);
    EXPECT_FALSE(format.error.contains('\n')) << format.error.toStdString();
    EXPECT_TRUE(format.error.contains("not a socklab session")) << format.error.toStdString();
    const auto kind = socklab::timelineFromJson(R"({"events":[{"t_us":1,"kind":"war\np"}]})");
    EXPECT_FALSE(kind.ok);
    EXPECT_FALSE(kind.error.contains('\n')) << kind.error.toStdString();
}
