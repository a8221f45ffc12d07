// UniqueFd: one owner per descriptor, closed exactly once.

#include "UniqueFd.h"

#include <gtest/gtest.h>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

using socklab::UniqueFd;

namespace {
bool isOpen(int fd) { return ::fcntl(fd, F_GETFD) != -1; }
}

TEST(UniqueFd, ClosesOnDestructionAndReset)
{
    int raw = -1;
    {
        UniqueFd fd(::open("/dev/null", O_RDONLY | O_CLOEXEC));
        ASSERT_TRUE(fd.valid());
        raw = fd.get();
        EXPECT_TRUE(isOpen(raw));
    }
    EXPECT_FALSE(isOpen(raw));

    UniqueFd fd(::open("/dev/null", O_RDONLY | O_CLOEXEC));
    raw = fd.get();
    fd.reset();
    EXPECT_FALSE(fd.valid());
    EXPECT_FALSE(isOpen(raw));
}

TEST(UniqueFd, MoveTransfersOwnershipAndAssignmentClosesTheOld)
{
    UniqueFd a(::open("/dev/null", O_RDONLY | O_CLOEXEC));
    UniqueFd b(::open("/dev/null", O_RDONLY | O_CLOEXEC));
    const int ra = a.get(), rb = b.get();
    b = std::move(a);
    EXPECT_FALSE(a.valid());
    EXPECT_EQ(b.get(), ra);
    EXPECT_FALSE(isOpen(rb)); // the descriptor b held before is closed
    EXPECT_TRUE(isOpen(ra));
    UniqueFd c(std::move(b));
    EXPECT_EQ(c.get(), ra);
    EXPECT_FALSE(b.valid());
}

TEST(UniqueFd, ReleaseGivesUpWithoutClosingAndResetKeepsErrno)
{
    UniqueFd fd(::open("/dev/null", O_RDONLY | O_CLOEXEC));
    const int raw = fd.release();
    EXPECT_FALSE(fd.valid());
    EXPECT_TRUE(isOpen(raw));
    fd.reset(raw);
    errno = EADDRINUSE;
    fd.reset();
    EXPECT_EQ(errno, EADDRINUSE);
    EXPECT_FALSE(isOpen(raw));
}
