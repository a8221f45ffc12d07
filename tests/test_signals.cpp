// A command-line verb that SIGINT, SIGTERM or SIGHUP stops (Ctrl+C, kill, a
// closed terminal) stops its session the normal way: its programs are gone,
// its lab torn down, every temporary folder and file removed; it says so in
// one line and exits 128 + signal (issue 13).

#include "LabGuard.h"
#include "ProcessCounts.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <functional>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace {

using socklab::test::processesNaming;

QStringList entriesOf(const QString& dir)
{
    return QDir(dir).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden |
                               QDir::System);
}

void write(const QString& path, const QByteArray& text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(text);
}

// A private TMPDIR (everything socklab makes goes there), a teacher's home for
// scenario folders, and a place for output files.
struct Sandbox {
    QTemporaryDir tmp, home, out;
    QProcessEnvironment env(const char* lang = "C") const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.remove("XDG_RUNTIME_DIR"); // the GUI verbs make their own in TMPDIR: it must go too
        e.insert("TMPDIR", tmp.path());
        e.insert("XDG_DATA_HOME", home.path());
        e.insert("QT_QPA_PLATFORM", "offscreen");
        e.insert("LANG", QString::fromLatin1(lang));
        e.remove("LC_ALL");
        e.remove("LC_MESSAGES");
        return e;
    }
    // A teacher's scenario whose one program makes a socket, then sleeps for minutes.
    void sleepyFolder(const QString& id) const
    {
        const QString dir = home.path() + QStringLiteral("/socklab/scenarios/") + id;
        write(
            dir + "/p.py",
            "import socket, time\ns = socket.socket()\nprint('up', flush=True)\ntime.sleep(300)\n");
        write(dir + "/scenario.json",
              QStringLiteral(R"({"title": "%1", "programs": [{"actor": "p", "file": "p.py"}],
                                 "steps": [{"actor": "p", "until": "exit", "max_wait_ms": 120000}]})")
                  .arg(id)
                  .toUtf8());
    }
};

// Other processes than socklab itself whose command line names `text`.
QStringList programsNaming(const QString& text, qint64 socklabPid)
{
    QStringList out;
    for (const QString& p : processesNaming(text))
        if (p.section(':', 0, 0).toLongLong() != socklabPid) out << p;
    return out;
}

bool waitFor(const std::function<bool()>& ready, QProcess& p, int timeoutMs = 60000)
{
    for (int waited = 0; waited < timeoutMs && p.state() == QProcess::Running; waited += 50) {
        if (ready()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

// Starts socklab, waits until `started` says its session really runs (and a
// little more, so the signal comes while it waits for its programs), sends
// `sig`, and checks what is left: exit 128 + sig, the one line, an empty
// TMPDIR, no process naming `files`.
void expectStoppedCleanly(const Sandbox& box, const QStringList& args, int sig, const char* line,
                          const std::function<bool(qint64 pid)>& started, const QString& files,
                          const char* lang = "C")
{
    QProcess p;
    p.setProcessEnvironment(box.env(lang));
    p.start(QStringLiteral(SOCKLAB_BINARY), args);
    ASSERT_TRUE(p.waitForStarted(10000));
    const qint64 pid = p.processId();
    const bool ok = waitFor([&] { return started(pid); }, p);
    if (!ok) {
        p.kill();
        p.waitForFinished();
    }
    ASSERT_TRUE(ok) << "never started: " << entriesOf(box.tmp.path()).join(' ').toStdString()
                    << p.readAllStandardError().toStdString();
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    ASSERT_EQ(::kill(pid_t(pid), sig), 0);
    ASSERT_TRUE(p.waitForFinished(30000)) << "it hung after the signal";
    EXPECT_EQ(p.exitStatus(), QProcess::NormalExit) << "ended by the signal's default action";
    EXPECT_EQ(p.exitCode(), 128 + sig);
    EXPECT_EQ(QString::fromUtf8(p.readAllStandardError()).toStdString(), line);
    EXPECT_TRUE(entriesOf(box.tmp.path()).isEmpty())
        << entriesOf(box.tmp.path()).join(' ').toStdString();
    EXPECT_TRUE(processesNaming(files).isEmpty())
        << processesNaming(files).join('\n').toStdString();
}

} // namespace

TEST(Signals, RunStopsCleanlyOnSigintAndSigterm)
{
    SOCKLAB_REQUIRE_LAB();
    Sandbox box;
    box.sleepyFolder("sleepy");
    const QString pcap = box.out.filePath("run.pcap");
    // Running: its program (from a copy in TMPDIR) is up.
    auto started = [&](qint64 pid) { return !programsNaming(box.tmp.path(), pid).isEmpty(); };
    {
        SCOPED_TRACE("SIGINT");
        expectStoppedCleanly(box, {"run", "sleepy", "--pcap", pcap}, SIGINT,
                             "socklab: stopped by SIGINT\n", started, box.tmp.path());
        EXPECT_FALSE(QFileInfo::exists(pcap)) << "a half-written pcap was left";
    }
    {
        SCOPED_TRACE("SIGTERM, zh_CN");
        expectStoppedCleanly(
            box,
            {"run", "sleepy", "--json", "--lang", "zh_CN", "--save", box.out.filePath("s.json")},
            SIGTERM, "socklab: 已被 SIGTERM 中止\n", started, box.tmp.path());
        EXPECT_TRUE(entriesOf(box.out.path()).isEmpty())
            << entriesOf(box.out.path()).join(' ').toStdString();
    }
    {
        SCOPED_TRACE("a built-in lesson, SIGHUP");
        expectStoppedCleanly(box, {"run", "backlog"}, SIGHUP, "socklab: stopped by SIGHUP\n",
                             started, box.tmp.path());
    }
}

TEST(Signals, LabStopsCleanlyOnSigint)
{
    SOCKLAB_REQUIRE_LAB();
    const QString py = QStandardPaths::findExecutable("python3");
    if (py.isEmpty()) GTEST_SKIP() << "no python3";
    Sandbox box;
    const QString script = box.out.filePath("sleeper.py");
    write(script,
          "import socket, time\ns = socket.socket()\nprint('up', flush=True)\ntime.sleep(300)\n");
    const QString pcap = box.out.filePath("lab.pcap");
    // Running: the program is up, under the gate (its folder in TMPDIR).
    auto started = [&](qint64 pid) {
        return !programsNaming(script, pid).isEmpty() &&
               !entriesOf(box.tmp.path()).filter("socklab-gate-").isEmpty();
    };
    expectStoppedCleanly(box,
                         {"lab", "--timeout", "300", "--pcap", pcap, "--save",
                          box.out.filePath("s.json"), "--", py, script},
                         SIGINT, "socklab: stopped by SIGINT\n", started, script);
    EXPECT_EQ(entriesOf(box.out.path()), QStringList{"sleeper.py"})
        << "a pcap or session file was left";
}

TEST(Signals, ExportStopsCleanlyOnSigint)
{
    SOCKLAB_REQUIRE_LAB();
    Sandbox box;
    box.sleepyFolder("sleepy");
    const QString png = box.out.filePath("ladder.png");
    auto started = [&](qint64 pid) { return !programsNaming(box.tmp.path(), pid).isEmpty(); };
    expectStoppedCleanly(box, {"export", "sleepy", "--out", png}, SIGINT,
                         "socklab: stopped by SIGINT\n", started, box.tmp.path());
    EXPECT_TRUE(entriesOf(box.out.path()).isEmpty())
        << entriesOf(box.out.path()).join(' ').toStdString();
}

TEST(Signals, AStartRemovesTheFoldersOfDeadSocklabsOnly)
{
    // A socklab that SIGKILL ended left its folders; the next one, whatever it
    // is asked (here only --version), removes them, and never a live process's.
    QTemporaryDir tmp;
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) ::_exit(0);
    ASSERT_EQ(::waitpid(child, nullptr, 0), child); // reaped: its pid names no process now
    const QString dead = tmp.filePath(QStringLiteral("socklab-scenario-%1-aB3dE9").arg(child));
    const QString deadGate = tmp.filePath(QStringLiteral("socklab-gate-%1-Zz0011").arg(child));
    const QString live = tmp.filePath(QStringLiteral("socklab-scenario-%1-xY7wQ2").arg(::getpid()));
    const QString other =
        tmp.filePath(QStringLiteral("socklab-notes-%1-aB3dE9").arg(child)); // not one of ours
    for (const QString& d : {dead, deadGate, live, other})
        ASSERT_TRUE(QDir().mkpath(d + "/inner"));
    write(dead + "/p.py", "print('left behind')\n");
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("TMPDIR", tmp.path());
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(SOCKLAB_BINARY), {"--version"});
    ASSERT_TRUE(p.waitForFinished(30000));
    EXPECT_EQ(p.exitCode(), 0) << p.readAllStandardError().toStdString();
    EXPECT_FALSE(QFileInfo::exists(dead));
    EXPECT_FALSE(QFileInfo::exists(deadGate));
    EXPECT_TRUE(QFileInfo::exists(live + "/inner"));
    EXPECT_TRUE(QFileInfo::exists(other + "/inner"));
}
