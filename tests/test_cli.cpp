// The command-line contract: list, run (text, --json, --pcap), exit codes,
// and capture for an ordinary user.

#include "LabGuard.h"
#include "PacketDecoder.h"
#include "PcapFile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <grp.h>
#include <unistd.h>

namespace {

struct Result {
    int code = -1;
    QByteArray out, err;
};

Result run(const QStringList& args, const QString& program = SOCKLAB_BINARY, bool dropPrivileges = false)
{
    QProcess p;
    if (dropPrivileges)
        p.setChildProcessModifier([] {
            // nobody: no capabilities, as an ordinary user would be
            if (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0) ::_exit(99);
        });
    p.start(program, args);
    EXPECT_TRUE(p.waitForFinished(60000));
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

int countHandshake(const QJsonArray& events)
{
    QStringList flags;
    for (const QJsonValue& v : events) {
        const QJsonObject e = v.toObject();
        if (e.value("kind").toString() != "segment") continue;
        QStringList f;
        for (const QJsonValue& x : e.value("flags").toArray())
            f << x.toString();
        flags << f.join(',');
    }
    return flags == QStringList{"SYN", "SYN,ACK", "ACK"} ? 3 : int(flags.size()) * 100;
}

} // namespace

TEST(Cli, ListPrintsIdTabTitle)
{
    const Result r = run({"list"});
    EXPECT_EQ(r.code, 0);
    const QStringList lines = QString::fromUtf8(r.out).split('\n', Qt::SkipEmptyParts);
    EXPECT_GE(lines.size(), 6);
    EXPECT_TRUE(lines.first().startsWith("handshake\t"));
    for (const QString& l : lines)
        EXPECT_EQ(l.count('\t'), 1) << l.toStdString();
}

TEST(Cli, RunPrintsCaptureModeThenTcpdumpLikeLines)
{
    SOCKLAB_REQUIRE_LAB();
    const Result r = run({"run", "handshake"});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const QString out = QString::fromUtf8(r.out);
    EXPECT_TRUE(out.startsWith("capture: namespace")) << out.toStdString();
    EXPECT_TRUE(out.contains("accept() … blocked"));
    EXPECT_TRUE(out.contains(QRegularExpression("client → server  \\[SYN\\] seq=0 win=\\d+ <mss \\d+,sackOK")));
    EXPECT_TRUE(out.contains("server → client  [SYN,ACK] seq=0 ack=1"));
    EXPECT_TRUE(out.contains("client  sockfd ESTABLISHED (kernel"));
}

TEST(Cli, RunJsonFollowsTheContract)
{
    SOCKLAB_REQUIRE_LAB();
    const Result r = run({"run", "handshake", "--json"});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const QJsonObject root = QJsonDocument::fromJson(r.out).object();
    EXPECT_EQ(root.value("scenario").toString(), "handshake");
    EXPECT_EQ(root.value("capture").toString(), "namespace");
    EXPECT_EQ(countHandshake(root.value("events").toArray()), 3);
}

TEST(Cli, PcapIsReadableAndListsTheSameSegments)
{
    SOCKLAB_REQUIRE_LAB();
    QTemporaryDir dir;
    const QString path = dir.filePath("hs.pcap");
    const Result r = run({"run", "handshake", "--pcap", path});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const socklab::PcapContents pc = socklab::readPcapFile(path);
    ASSERT_TRUE(pc.ok) << pc.error.toStdString();
    ASSERT_EQ(pc.records.size(), 3);
    const auto syn = socklab::decodePacket(pc.linkType, QByteArrayView(pc.records[0].frame));
    ASSERT_TRUE(syn.ok);
    EXPECT_EQ(syn.data.flags, socklab::TcpFlag::SYN);
    const QString tshark = QStandardPaths::findExecutable("tshark");
    if (tshark.isEmpty()) GTEST_SKIP() << "tshark not installed";
    const Result t = run({"-r", path, "-T", "fields", "-e", "tcp.flags.str"}, tshark);
    ASSERT_EQ(t.code, 0) << t.err.toStdString();
    const QStringList lines = QString::fromUtf8(t.out).split('\n', Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 3);
    EXPECT_TRUE(lines[0].contains("S"));
    EXPECT_TRUE(lines[1].contains("A") && lines[1].contains("S"));
}

TEST(Cli, BadUsageIsExitTwoWithOneLine)
{
    for (const QStringList& args : {QStringList{"run", "nope"}, QStringList{"run", "handshake", "--frobnicate"},
                                    QStringList{"run"}, QStringList{"dance"}, QStringList{"--lang", "fr", "list"},
                                    QStringList{"list", "extra"}}) {
        const Result r = run(args);
        EXPECT_EQ(r.code, 2) << args.join(' ').toStdString();
        EXPECT_EQ(r.err.count('\n'), 1) << r.err.toStdString();
        EXPECT_TRUE(r.out.isEmpty());
    }
}

TEST(Cli, UnwritablePcapIsExitOneWithTheReason)
{
    const Result r = run({"run", "handshake", "--pcap", "/nonexistent-dir/x.pcap"});
    EXPECT_EQ(r.code, 1);
    EXPECT_EQ(r.err.count('\n'), 1);
    EXPECT_TRUE(r.err.contains("/nonexistent-dir/x.pcap")) << r.err.toStdString();
}

TEST(Cli, CaptureNeedsNoRoot)
{
    if (!socklab::test::reallyRoot()) {
        // Already an ordinary user: socklab captures in its private lab.
        SOCKLAB_REQUIRE_LAB();
        const Result r = run({"run", "handshake", "--json"});
        ASSERT_EQ(r.code, 0) << r.err.toStdString();
        const QJsonObject root = QJsonDocument::fromJson(r.out).object();
        EXPECT_EQ(root.value("capture").toString(), "namespace");
        EXPECT_EQ(countHandshake(root.value("events").toArray()), 3);
        return;
    }
    // Root proves it by becoming nobody. Ubuntu 24.04's AppArmor default forbids
    // unprivileged user namespaces to programs without a profile (this copy has
    // none); socklab then falls back (and says so), which is not what this is about.
    QFile restrict("/proc/sys/kernel/apparmor_restrict_unprivileged_userns");
    if (restrict.open(QIODevice::ReadOnly) && restrict.readAll().trimmed() == "1")
        GTEST_SKIP() << "unprivileged user namespaces are restricted by AppArmor here";
    // The checkout's parent folders may not be traversable by nobody: run a copy.
    QTemporaryDir dir;
    QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                          | QFileDevice::ReadOther | QFileDevice::ExeOther | QFileDevice::ReadGroup
                                          | QFileDevice::ExeGroup);
    const QString copy = dir.filePath("socklab");
    ASSERT_TRUE(QFile::copy(SOCKLAB_BINARY, copy));
    QFile::setPermissions(copy, QFileDevice::ReadOwner | QFileDevice::ExeOwner | QFileDevice::ReadOther
                                    | QFileDevice::ExeOther | QFileDevice::ReadGroup | QFileDevice::ExeGroup);
    const Result r = run({"run", "handshake", "--json"}, copy, true);
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const QJsonObject root = QJsonDocument::fromJson(r.out).object();
    EXPECT_EQ(root.value("capture").toString(), "namespace");
    EXPECT_EQ(countHandshake(root.value("events").toArray()), 3);
}
