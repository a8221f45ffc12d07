// `socklab doctor`: the capture mode `run` would use and why, every check, the
// fix for each that failed, in the user's language; exit 0 when scenarios run
// here (any mode), 1 when not. The restricted machine is made for real: a user
// namespace whose user.max_user_namespaces is 0, with socklab running as nobody.

#include "LabGuard.h"
#include "SystemDoctor.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <fcntl.h>
#include <grp.h>
#include <sched.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace socklab;

namespace {

struct Result {
    int code = -1;
    QString out, err;
};

Result doctor(const QStringList& args, const QString& capture = {})
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("SOCKLAB_CAPTURE");
    if (!capture.isEmpty()) env.insert("SOCKLAB_CAPTURE", capture);
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(SOCKLAB_BINARY), args);
    EXPECT_TRUE(p.waitForFinished(60000));
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

const QStringList kCheckNames = {"user namespaces:", "AppArmor:", "private network namespace:",
                                 "capture in the private lab:", "CAP_NET_RAW on the host:", "sock_diag",
                                 "/dev/net/tun:", "Python 3:", "wire (NFQUEUE on the lab's loopback, iptables-nft):"};

// socklab doctor as uid 65534 in a user namespace where no further user
// namespace may be made (user.max_user_namespaces = 0): a machine that forbids
// them. Needs real root (to map a range of uids). `program` must be readable by 65534.
Result doctorWhereUserNamespacesAreForbidden(const QString& program, const QStringList& args, const char* capture)
{
    int out[2], go[2], ready[2];
    if (::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(go, O_CLOEXEC) != 0 || ::pipe2(ready, O_CLOEXEC) != 0) return {};
    QList<QByteArray> argv{QFile::encodeName(program)};
    for (const QString& a : args)
        argv << a.toUtf8();
    std::vector<char*> cargv;
    for (QByteArray& a : argv)
        cargv.push_back(a.data());
    cargv.push_back(nullptr);
    QByteArray captureEnv = QByteArray("SOCKLAB_CAPTURE=") + capture;
    char home[] = "HOME=/tmp", path[] = "PATH=/usr/bin:/bin";
    char* envp[] = {home, path, captureEnv.data(), nullptr};
    const pid_t pid = ::fork();
    if (pid == 0) { // only async-signal-safe calls from here on
        char b;
        if (::unshare(CLONE_NEWUSER) != 0) ::_exit(120);
        (void)!::write(ready[1], "x", 1);
        if (::read(go[0], &b, 1) != 1) ::_exit(121);
        const int fd = ::open("/proc/sys/user/max_user_namespaces", O_WRONLY);
        if (fd < 0 || ::write(fd, "0", 1) != 1) ::_exit(122);
        ::close(fd);
        if (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0) ::_exit(123);
        ::dup2(out[1], 1);
        ::execve(cargv[0], cargv.data(), envp);
        ::_exit(124);
    }
    ::close(out[1]);
    ::close(ready[1]);
    ::close(go[0]);
    char b;
    const bool up = ::read(ready[0], &b, 1) == 1;
    for (const char* map : {"uid_map", "gid_map"}) {
        QFile f(QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1String(map)));
        EXPECT_TRUE(up && f.open(QIODevice::WriteOnly) && f.write("0 0 65536") == 9) << map;
    }
    (void)!::write(go[1], "x", 1);
    ::close(go[1]);
    QByteArray text;
    char buf[4096];
    for (ssize_t n; (n = ::read(out[0], buf, sizeof buf)) > 0;)
        text.append(buf, n);
    ::close(out[0]);
    ::close(ready[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, QString::fromUtf8(text), {}};
}

} // namespace

TEST(SystemDoctor, ChecksEverythingAndFindsTheLab)
{
    SOCKLAB_REQUIRE_LAB();
    DoctorInput in;
    in.startEuid = socklab::test::realEuid();
    in.binary = QStringLiteral(SOCKLAB_BINARY);
    const DoctorReport r = SystemDoctor::examine(in);
    EXPECT_TRUE(r.canRun);
    EXPECT_EQ(r.mode, CaptureMode::Namespace);
    EXPECT_FALSE(r.forced);
    EXPECT_EQ(r.asRoot, socklab::test::reallyRoot());
    ASSERT_EQ(r.checks.size(), 9);
    for (DoctorCheckId id : {DoctorCheckId::UserNamespace, DoctorCheckId::AppArmor, DoctorCheckId::NetworkNamespace,
                             DoctorCheckId::LabCapture, DoctorCheckId::HostCapture, DoctorCheckId::SockDiag,
                             DoctorCheckId::Tun, DoctorCheckId::Python3, DoctorCheckId::Wire})
        ASSERT_TRUE(r.find(id));
    // A real datagram went through a real wire in a lab (NFQUEUE, iptables-nft): works here, also unprivileged.
    EXPECT_TRUE(r.find(DoctorCheckId::Wire)->ok) << r.find(DoctorCheckId::Wire)->value.toStdString();
    EXPECT_FALSE(r.find(DoctorCheckId::Wire)->needed);
    EXPECT_TRUE(r.find(DoctorCheckId::NetworkNamespace)->ok);
    EXPECT_TRUE(r.find(DoctorCheckId::LabCapture)->ok);
    EXPECT_TRUE(r.find(DoctorCheckId::SockDiag)->ok);
    EXPECT_FALSE(r.find(DoctorCheckId::HostCapture)->needed) << "a fallback is not needed while the lab captures";
    // Capture on the host is for root only (the test main's user namespace gives nobody that).
    EXPECT_EQ(r.find(DoctorCheckId::HostCapture)->ok, socklab::test::reallyRoot());
    EXPECT_EQ(r.find(DoctorCheckId::UserNamespace)->value, socklab::test::reallyRoot() ? "root" : "entered");
}

TEST(Doctor, SaysTheModeEveryCheckAndExitsZero)
{
    SOCKLAB_REQUIRE_LAB();
    const Result r = doctor({"doctor"});
    EXPECT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_TRUE(r.err.isEmpty()) << r.err.toStdString();
    EXPECT_TRUE(r.out.startsWith("capture mode: namespace (")) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains("because this system lets socklab make a private lab"));
    for (const QString& name : kCheckNames)
        EXPECT_TRUE(r.out.contains(QRegularExpression("\\n  \\[(ok|FAIL|--)\\] +" + QRegularExpression::escape(name))))
            << name.toStdString() << "\n" << r.out.toStdString();
    EXPECT_TRUE(r.out.contains("[ok]   private network namespace: can be made"));
    EXPECT_TRUE(r.out.contains("[ok]   capture in the private lab: works"));
    EXPECT_TRUE(r.out.contains("iptables-nft): works: socklab lab --wire")) << r.out.toStdString();
    EXPECT_FALSE(r.out.contains("[FAIL]")) << r.out.toStdString();
    EXPECT_TRUE(r.out.endsWith("socklab works here.\n"));
}

TEST(Doctor, ForcedStatesOnlySaysSoAndStillWorks)
{
    for (const auto& [args, env] : {std::pair{QStringList{"doctor"}, QStringLiteral("states-only")},
                                    std::pair{QStringList{"doctor", "--capture", "states-only"}, QString()}}) {
        const Result r = doctor(args, env);
        EXPECT_EQ(r.code, 0) << r.err.toStdString();
        EXPECT_TRUE(r.out.startsWith("capture mode: states-only (no packets are captured")) << r.out.toStdString();
        EXPECT_TRUE(r.out.contains("\n  because SOCKLAB_CAPTURE or --capture asks for it\n")) << r.out.toStdString();
        EXPECT_TRUE(r.out.endsWith("socklab works here.\n")) << r.out.toStdString();
    }
}

TEST(Doctor, BadUsageIsExitTwoWithOneLine)
{
    for (const QStringList& args : {QStringList{"doctor", "extra"}, QStringList{"doctor", "--capture"},
                                    QStringList{"doctor", "--capture", "wire"}}) {
        const Result r = doctor(args);
        EXPECT_EQ(r.code, 2) << args.join(' ').toStdString();
        EXPECT_TRUE(r.out.isEmpty());
        EXPECT_EQ(r.err.count('\n'), 1) << r.err.toStdString();
        EXPECT_TRUE(r.err.startsWith("socklab: ")) << r.err.toStdString();
    }
}

TEST(Doctor, SpeaksChinese)
{
    for (const Result& r : {doctor({"--lang", "zh_CN", "doctor", "--capture", "states-only"}),
                            doctor({"--lang", "zh_CN", "doctor", "extra"})}) {
        const QStringList lines = (r.out + r.err).split('\n', Qt::SkipEmptyParts);
        ASSERT_FALSE(lines.isEmpty());
        for (const QString& line : lines)
            EXPECT_TRUE(line.contains(QRegularExpression("[\\x{4e00}-\\x{9fff}]"))) << "not Chinese: " << line.toStdString();
    }
}

TEST(Doctor, WhereUserNamespacesAreForbiddenItSaysStatesOnlyAndTheSysctl)
{
    if (!socklab::test::reallyRoot()) GTEST_SKIP() << "making a machine without user namespaces needs real root";
    // nobody must be able to reach the binary: a copy in a world-readable folder.
    QTemporaryDir dir;
    const auto all = QFileDevice::ReadOwner | QFileDevice::ExeOwner | QFileDevice::ReadOther | QFileDevice::ExeOther
                     | QFileDevice::ReadGroup | QFileDevice::ExeGroup;
    QFile::setPermissions(dir.path(), all | QFileDevice::WriteOwner);
    const QString copy = dir.filePath("socklab");
    ASSERT_TRUE(QFile::copy(SOCKLAB_BINARY, copy));
    QFile::setPermissions(copy, all);

    const Result r = doctorWhereUserNamespacesAreForbidden(copy, {"doctor"}, "");
    EXPECT_EQ(r.code, 0) << r.out.toStdString();
    EXPECT_TRUE(r.out.startsWith("capture mode: states-only")) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains("because neither a private lab nor capture on the host's loopback is possible"));
    EXPECT_TRUE(r.out.contains("[FAIL] user namespaces: refused (ENOSPC)")) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains("fix: sudo sysctl -w user.max_user_namespaces=15000")) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains("[FAIL] private network namespace: cannot be made")) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains("[FAIL] CAP_NET_RAW on the host: no (EPERM)")) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains("setcap cap_net_raw+ep " + copy)) << r.out.toStdString();
    EXPECT_TRUE(r.out.endsWith("socklab works here, without packets: the fixes above give it real captured segments.\n"));
    EXPECT_TRUE(r.out.contains("without the private lab the lessons run on the host's loopback, on free ports; "
                               "your own programs (socklab lab, Run my programs…) need the lab.\n"))
        << r.out.toStdString();

    // And so they do: a lesson's own programs run on the host's loopback,
    // states-only (derived segments), on a port the kernel picked.
    const Result lesson = doctorWhereUserNamespacesAreForbidden(copy, {"run", "handshake", "--json"}, "");
    EXPECT_EQ(lesson.code, 0) << lesson.out.toStdString();
    const QJsonObject run = QJsonDocument::fromJson(lesson.out.toUtf8()).object();
    EXPECT_EQ(run.value("capture").toString(), "states-only") << lesson.out.left(400).toStdString();
    const int port = run.value("parameters").toObject().value("port").toInt();
    EXPECT_NE(port, 8888);
    EXPECT_GT(port, 0);
    QStringList flags;
    for (const QJsonValue& v : run.value("events").toArray())
        if (v.toObject().value("kind").toString() == "segment")
            flags << v.toObject().value("flags").toVariant().toStringList().join(',');
    EXPECT_EQ(flags.mid(0, 3), (QStringList{"SYN", "SYN,ACK", "ACK"})) << lesson.out.left(400).toStdString();

    // Asked for the lab where there is none: scenarios cannot run, exit 1.
    const Result none = doctorWhereUserNamespacesAreForbidden(copy, {"doctor"}, "namespace");
    EXPECT_EQ(none.code, 1) << none.out.toStdString();
    EXPECT_TRUE(none.out.startsWith("capture mode: none (namespace was asked for")) << none.out.toStdString();
    EXPECT_TRUE(none.out.contains("socklab cannot run scenarios here"));
}
