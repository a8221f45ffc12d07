// scripts/install-deps.sh, the first thing the README's two commands run: as
// root with no sudo installed (a container, a lab PC), as a user with sudo, and
// as a user without it. apt-get, sudo, dpkg-query and id are stand-ins on PATH
// that record how they were called, so nothing is installed and the identity
// is the one each case is about.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

// What the project needs besides the compiler and Qt (issue #8): the lab's
// libraries, the screenshot and export tools, the packaging tools.
const QStringList kNeeded = {
    "libseccomp-dev", "libmnl-dev", "xvfb", "imagemagick", "x11-utils", "poppler-utils",
    "apparmor", "iptables", "desktop-file-utils", "clang", "dpkg-dev", "file", "strace",
    "libpcap-dev", "qt6-base-dev", "cmake", "libgtest-dev", "tshark", "python3"};

struct ScriptRun {
    int code = -1;
    QString out, err;
    QStringList log; // one line per recorded call
};

class InstallDeps : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_bin = m_dir.filePath("bin");
        ASSERT_TRUE(QDir().mkpath(m_bin));
        // The real tools the script uses besides the recorded ones.
        for (const char* tool : {"grep", "env"}) {
            const QString real = QStandardPaths::findExecutable(tool);
            ASSERT_FALSE(real.isEmpty()) << tool;
            ASSERT_TRUE(QFile::link(real, m_bin + '/' + tool));
        }
        stub("id", "[ \"$1\" = -u ] && echo \"$STUB_UID\"\n");
        stub("dpkg-query", "for pkg; do :; done\n"
                           "echo \"dpkg-query $pkg\" >> \"$STUB_LOG\"\n"
                           "case \" $STUB_INSTALLED \" in *\" $pkg \"*) printf 'install ok installed'; exit 0;; esac\n"
                           "echo \"dpkg-query: no packages found matching $pkg\" >&2\nexit 1\n");
        stub("apt-get", "echo \"apt-get uid=$STUB_UID frontend=${DEBIAN_FRONTEND:-} $*\" >> \"$STUB_LOG\"\n");
    }

    void stub(const QString& name, const QByteArray& body)
    {
        QFile f(m_bin + '/' + name);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("#!/bin/sh\n" + body);
        f.close();
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }

    void withSudo()
    {
        stub("sudo", "echo \"sudo $*\" >> \"$STUB_LOG\"\nexport STUB_UID=0\nexec \"$@\"\n");
    }

    ScriptRun run(int uid, const QStringList& installed = {})
    {
        const QString log = m_dir.filePath("calls.log");
        QFile::remove(log);
        QProcessEnvironment env;
        env.insert("PATH", m_bin); // nothing else: no real sudo, apt-get or dpkg-query can be reached
        env.insert("STUB_UID", QString::number(uid));
        env.insert("STUB_LOG", log);
        env.insert("STUB_INSTALLED", installed.join(' '));
        QProcess p;
        p.setProcessEnvironment(env);
        p.start("/bin/bash", {QStringLiteral(SOCKLAB_SOURCE_DIR "/scripts/install-deps.sh")});
        EXPECT_TRUE(p.waitForFinished(30000));
        ScriptRun r{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
              QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError()), {}};
        QFile f(log);
        if (f.open(QIODevice::ReadOnly)) r.log = QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
        return r;
    }

    // The names the script asked dpkg-query about: its package list.
    QStringList queried()
    {
        QStringList names;
        for (const QString& line : run(0).log)
            if (line.startsWith("dpkg-query ")) names << line.mid(11);
        return names;
    }

    static QStringList calls(const ScriptRun& r, const QString& tool)
    {
        QStringList out;
        for (const QString& line : r.log)
            if (line.startsWith(tool + ' ')) out << line;
        return out;
    }

    QTemporaryDir m_dir;
    QString m_bin;
};

} // namespace

TEST_F(InstallDeps, AsksForEveryPackageTheProjectNeeds)
{
    const QStringList names = queried();
    for (const QString& p : kNeeded)
        EXPECT_TRUE(names.contains(p)) << p.toStdString();
    EXPECT_EQ(names.size(), QSet<QString>(names.begin(), names.end()).size()) << "each package once";
    // The names are real Debian/Ubuntu packages (where apt knows any).
    const QString aptCache = QStandardPaths::findExecutable("apt-cache");
    if (aptCache.isEmpty()) return;
    QProcess q; // one call: apt-cache is slow to start
    q.start(aptCache, QStringList{"show", "--no-all-versions"} + names);
    ASSERT_TRUE(q.waitForFinished(60000));
    QStringList known;
    for (const QString& line : QString::fromUtf8(q.readAllStandardOutput()).split('\n'))
        if (line.startsWith("Package: ")) known << line.mid(9).trimmed();
    for (const QString& p : names)
        EXPECT_TRUE(known.contains(p)) << "apt-cache does not know " << p.toStdString();
}

TEST_F(InstallDeps, RootWithoutSudoInstallsWithAptGetDirectly)
{
    const QStringList names = queried();
    ASSERT_FALSE(names.isEmpty());
    const ScriptRun r = run(0);
    EXPECT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_FALSE(r.err.contains("not found")) << r.err.toStdString();
    EXPECT_TRUE(calls(r, "sudo").isEmpty());
    const QStringList apt = calls(r, "apt-get");
    ASSERT_EQ(apt.size(), 2) << r.log.join('\n').toStdString();
    EXPECT_EQ(apt[0], "apt-get uid=0 frontend=noninteractive update -qq");
    EXPECT_EQ(apt[1], "apt-get uid=0 frontend=noninteractive install -y -qq --no-install-recommends " + names.join(' '));
    EXPECT_EQ(r.err, "socklab: installing " + names.join(' ') + '\n');
}

TEST_F(InstallDeps, UserWithSudoInstallsThroughSudo)
{
    withSudo();
    const ScriptRun r = run(1000, {"cmake", "python3"});
    EXPECT_EQ(r.code, 0) << r.err.toStdString();
    const QStringList sudo = calls(r, "sudo");
    ASSERT_EQ(sudo.size(), 2) << r.log.join('\n').toStdString();
    EXPECT_EQ(sudo[0], "sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq");
    EXPECT_TRUE(sudo[1].startsWith("sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y")) << sudo[1].toStdString();
    const QStringList apt = calls(r, "apt-get");
    ASSERT_EQ(apt.size(), 2);
    EXPECT_EQ(apt[0], "apt-get uid=0 frontend=noninteractive update -qq"); // through sudo, as root
    // Only what is missing is installed.
    EXPECT_TRUE(apt[1].contains(" libpcap-dev")) << apt[1].toStdString();
    EXPECT_FALSE(apt[1].contains(" cmake")) << apt[1].toStdString();
    EXPECT_FALSE(apt[1].contains(" python3")) << apt[1].toStdString();
}

TEST_F(InstallDeps, UserWithoutSudoGetsOneLineSayingWhatToInstall)
{
    QStringList installed = queried();
    installed.removeAll("libseccomp-dev");
    installed.removeAll("xvfb");
    const ScriptRun r = run(1000, installed);
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(calls(r, "apt-get").isEmpty());
    EXPECT_TRUE(r.out.isEmpty());
    EXPECT_EQ(r.err.count('\n'), 1) << r.err.toStdString();
    EXPECT_TRUE(r.err.endsWith("apt-get install libseccomp-dev xvfb\n")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("sudo")) << r.err.toStdString();
}

TEST_F(InstallDeps, NothingMissingCallsNeitherSudoNorAptGet)
{
    withSudo();
    const QStringList all = queried();
    for (int uid : {0, 1000}) {
        const ScriptRun r = run(uid, all);
        EXPECT_EQ(r.code, 0);
        EXPECT_TRUE(r.err.isEmpty()) << r.err.toStdString();
        EXPECT_TRUE(calls(r, "apt-get").isEmpty());
        EXPECT_TRUE(calls(r, "sudo").isEmpty());
    }
}
