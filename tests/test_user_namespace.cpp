// Entering the user namespace without root (issue 13): a map the kernel
// refuses is one note naming the step and its errno, and the process keeps its
// identity (its uid, its user namespace, access to its own files) instead of
// being left in a namespace where it is nobody. Each case runs in a forked
// child: entering a user namespace cannot be undone.

#include "Lab.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cstring>
#include <fcntl.h>
#include <sched.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace socklab;

namespace {

struct Report {
    char note[512] = {};
    uid_t euidBefore = 0, euidAfter = 0;
    ino_t userNsBefore = 0, userNsAfter = 0;
    bool ownFileUsable = false; // the file made before can still be read and written
    bool netnsPossible = false; // unshare(CLONE_NEWNET) works afterwards
};

ino_t userNamespace()
{
    struct stat st {};
    return ::stat("/proc/self/ns/user", &st) == 0 ? st.st_ino : 0;
}

// Runs Lab::enterUserNamespaceAs(uid, gid) in a child and reports what it did.
Report enterInChild(uid_t uid, gid_t gid, const QString& ownFile)
{
    const QByteArray file = ownFile.toLocal8Bit();
    int fds[2] = {-1, -1};
    EXPECT_EQ(::pipe2(fds, O_CLOEXEC), 0);
    const pid_t pid = ::fork();
    if (pid == 0) {
        Report r;
        r.euidBefore = ::geteuid();
        r.userNsBefore = userNamespace();
        const QByteArray note = Lab::enterUserNamespaceAs(uid, gid).toUtf8();
        std::strncpy(r.note, note.constData(), sizeof r.note - 1);
        r.euidAfter = ::geteuid();
        r.userNsAfter = userNamespace();
        const int f = ::open(file.constData(), O_RDWR | O_CLOEXEC);
        r.ownFileUsable = f >= 0 && ::write(f, "x", 1) == 1;
        if (f >= 0) ::close(f);
        r.netnsPossible = ::unshare(CLONE_NEWNET) == 0;
        (void)!::write(fds[1], &r, sizeof r);
        ::_exit(0);
    }
    ::close(fds[1]);
    Report r;
    const ssize_t n = ::read(fds[0], &r, sizeof r);
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    EXPECT_EQ(n, ssize_t(sizeof r)) << "the child sent no report";
    return r;
}

QString madeFile(const QTemporaryDir& dir)
{
    const QString path = dir.filePath("mine");
    const int f = ::open(path.toLocal8Bit().constData(), O_CREAT | O_WRONLY | O_CLOEXEC, 0600);
    EXPECT_GE(f, 0);
    ::close(f);
    return path;
}

bool labRequired() { return qEnvironmentVariableIntValue("SOCKLAB_TEST_REQUIRE_LAB") == 1; }

} // namespace

TEST(UserNamespace, AUidMapTheKernelRefusesIsOneNoteAndTheIdentityStays)
{
    QTemporaryDir dir;
    const QString file = madeFile(dir);
    // A uid that is not ours: the kernel refuses to map it (EPERM).
    const Report r = enterInChild(::geteuid() + 1000, ::getegid(), file);
    const QString note = QString::fromUtf8(r.note);
    if (note.startsWith(QLatin1String("unshare(CLONE_NEWUSER)")) && !labRequired())
        GTEST_SKIP() << "no user namespaces here: " << r.note;
    EXPECT_TRUE(note.contains(QLatin1String("writing /proc/self/uid_map: EPERM"))) << r.note;
    EXPECT_EQ(r.euidAfter, r.euidBefore);
    EXPECT_EQ(r.userNsAfter, r.userNsBefore) << "left in a namespace whose map failed";
    EXPECT_TRUE(r.ownFileUsable);
}

TEST(UserNamespace, AGidMapTheKernelRefusesIsOneNoteAndTheIdentityStays)
{
    QTemporaryDir dir;
    const QString file = madeFile(dir);
    const Report r = enterInChild(::geteuid(), ::getegid() + 1000, file);
    const QString note = QString::fromUtf8(r.note);
    if (note.startsWith(QLatin1String("unshare(CLONE_NEWUSER)")) && !labRequired())
        GTEST_SKIP() << "no user namespaces here: " << r.note;
    EXPECT_TRUE(note.contains(QLatin1String("writing /proc/self/gid_map: EPERM"))) << r.note;
    EXPECT_EQ(r.euidAfter, r.euidBefore);
    EXPECT_EQ(r.userNsAfter, r.userNsBefore);
    EXPECT_TRUE(r.ownFileUsable);
}

TEST(UserNamespace, OurOwnIdentityIsRootInsideAndMayMakeANetworkNamespace)
{
    QTemporaryDir dir;
    const QString file = madeFile(dir);
    const Report r = enterInChild(::geteuid(), ::getegid(), file);
    const QString note = QString::fromUtf8(r.note);
    if (note.startsWith(QLatin1String("unshare(CLONE_NEWUSER)")) && !labRequired())
        GTEST_SKIP() << "no user namespaces here: " << r.note;
    EXPECT_TRUE(note.isEmpty()) << r.note;
    EXPECT_EQ(r.euidAfter, 0u);
    EXPECT_NE(r.userNsAfter, r.userNsBefore);
    EXPECT_TRUE(r.ownFileUsable);
    EXPECT_TRUE(r.netnsPossible);
}
