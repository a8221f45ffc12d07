// Small things users trip on: `socklab --version` (the project() version, also
// in Help ▸ About), `--help` ending with a newline, and headless commands that
// print nothing on stderr when XDG_RUNTIME_DIR is not set (cron, ssh, a container).

#include "HelpDialogs.h"
#include "Version.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTranslator>

#include <gtest/gtest.h>

#include "ProcessCounts.h"

#include <csignal>
#include <thread>

namespace {

struct Result {
    int code = -1;
    QString out, err;
};

Result run(const QStringList& args, const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(SOCKLAB_BINARY), args);
    EXPECT_TRUE(p.waitForFinished(120000));
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

TEST(Version, IsTheProjectVersion)
{
    EXPECT_EQ(socklab::version(), QStringLiteral(SOCKLAB_PROJECT_VERSION));
    const Result r = run({"--version"});
    EXPECT_EQ(r.code, 0);
    EXPECT_EQ(r.out, QStringLiteral("socklab " SOCKLAB_PROJECT_VERSION "\n"));
    EXPECT_TRUE(r.err.isEmpty()) << r.err.toStdString();
    // Wherever it stands, like --help.
    EXPECT_EQ(run({"--lang", "zh_CN", "--version"}).out, r.out);
}

TEST(Version, AboutShowsIt)
{
    EXPECT_TRUE(socklab::aboutText().contains(QStringLiteral("Version " SOCKLAB_PROJECT_VERSION)))
        << socklab::aboutText().toStdString();
    QTranslator zh;
    ASSERT_TRUE(zh.load(QStringLiteral(":/i18n/socklab_zh_CN.qm")));
    QCoreApplication::installTranslator(&zh);
    const QString chinese = socklab::aboutText();
    QCoreApplication::removeTranslator(&zh);
    EXPECT_TRUE(chinese.contains(QStringLiteral("版本 " SOCKLAB_PROJECT_VERSION))) << chinese.toStdString();
}

TEST(Help, EndsWithANewlineAndNamesEveryVerb)
{
    for (const char* flag : {"--help", "-h"}) {
        const Result r = run({flag});
        EXPECT_EQ(r.code, 0);
        ASSERT_FALSE(r.out.isEmpty());
        EXPECT_TRUE(r.out.endsWith('\n')) << "no newline at the end of " << flag;
        EXPECT_FALSE(r.out.endsWith("\n\n"));
        for (const char* verb : {"socklab list", "socklab run", "socklab export", "socklab lab", "socklab --version"})
            EXPECT_TRUE(r.out.contains(verb)) << verb;
        EXPECT_TRUE(r.err.isEmpty()) << r.err.toStdString();
    }
}

TEST(Headless, NothingOnStderrWithoutXdgRuntimeDir)
{
    QTemporaryDir tmp, out;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("XDG_RUNTIME_DIR");
    env.insert("TMPDIR", tmp.path()); // where a private runtime folder would go (and must not stay)
    const QString svg = out.filePath("handshake.svg");
    for (const QStringList& args : {QStringList{"export", "handshake", "--out", svg, "--step", "2"},
                                    QStringList{"list"}, QStringList{"--version"}, QStringList{"--help"}}) {
        const Result r = run(args, env);
        EXPECT_EQ(r.code, 0) << args.join(' ').toStdString() << ": " << r.err.toStdString();
        EXPECT_TRUE(r.err.isEmpty()) << args.join(' ').toStdString() << ": " << r.err.toStdString();
    }
    EXPECT_TRUE(QFileInfo(svg).size() > 0);
    EXPECT_TRUE(QDir(tmp.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty())
        << QDir(tmp.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).join(' ').toStdString();
}

namespace {

QStringList entriesOf(const QString& dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
}


} // namespace

TEST(Headless, TheWindowEndsCleanlyOnSigterm)
{
    // A desktop logging out, Ctrl+C, a screenshot tool: SIGTERM while a lesson
    // runs. The window quits as File > Quit does; its programs, the gate's
    // folder and the private runtime folder are gone; the exit code says why.
    QTemporaryDir tmp;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("XDG_RUNTIME_DIR");
    env.insert("TMPDIR", tmp.path());
    env.insert("QT_QPA_PLATFORM", "offscreen");
    env.insert("SOCKLAB_WINDOW_SCENARIO", "echo");
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(SOCKLAB_BINARY), {});
    ASSERT_TRUE(p.waitForStarted(10000));
    bool gateSeen = false; // the lesson's programs are running under the gate
    for (int i = 0; i < 600 && !gateSeen && p.state() == QProcess::Running; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        gateSeen = entriesOf(tmp.path()).filter(QStringLiteral("socklab-gate-")).size() > 0;
    }
    ASSERT_TRUE(gateSeen) << entriesOf(tmp.path()).join(' ').toStdString() << p.readAllStandardError().toStdString();
    ::kill(pid_t(p.processId()), SIGTERM);
    ASSERT_TRUE(p.waitForFinished(30000));
    EXPECT_EQ(p.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(p.exitCode(), 128 + SIGTERM);
    EXPECT_TRUE(entriesOf(tmp.path()).isEmpty()) << entriesOf(tmp.path()).join(' ').toStdString();
    EXPECT_TRUE(socklab::test::processesNaming(tmp.path()).isEmpty()) << socklab::test::processesNaming(tmp.path()).join('\n').toStdString();
}
