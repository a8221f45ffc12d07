// The lab's network namespace has socket hash tables of its own (where the
// kernel has them, Linux >= 6.1): a sock_diag dump then walks the lab's
// buckets, not the host's hundreds of thousands, and TIME_WAIT is allowed as
// many sockets as in any namespace on this machine.

#include "Lab.h"
#include "UniqueFd.h"

#include <gtest/gtest.h>

#include <climits>
#include <cstdlib>
#include <fcntl.h>
#include <sched.h>
#include <thread>
#include <unistd.h>

using namespace socklab;

namespace {

// A number from /proc/sys of the calling thread's namespace; `missing` when there is no such file.
long procNumber(const char* path, long missing = LONG_MIN)
{
    const UniqueFd fd(::open(path, O_RDONLY | O_CLOEXEC));
    if (!fd) return missing;
    char buf[32] = {};
    if (::read(fd.get(), buf, sizeof buf - 1) <= 0) return missing;
    return std::strtol(buf, nullptr, 10);
}

struct Tables {
    long tcp = 0, udp = 0, timeWait = 0;
};

Tables tablesOfThisThread()
{
    return {procNumber("/proc/sys/net/ipv4/tcp_ehash_entries"), procNumber("/proc/sys/net/ipv4/udp_hash_entries"),
            procNumber("/proc/sys/net/ipv4/tcp_max_tw_buckets")};
}

} // namespace

TEST(LabTables, TheLabsNamespaceHasSocketTablesOfItsOwn)
{
    if (procNumber("/proc/sys/net/ipv4/tcp_child_ehash_entries") == LONG_MIN)
        GTEST_SKIP() << "this kernel has no per-namespace socket tables (Linux < 6.1)";
    Lab lab(QStringLiteral("namespace"));
    if (!lab.isolated()) {
        if (qEnvironmentVariableIntValue("SOCKLAB_TEST_REQUIRE_LAB") == 1) FAIL() << "no private namespace";
        GTEST_SKIP() << "no private namespace";
    }
    // A namespace made the ordinary way shares the host's table, reported negative,
    // and allows half its buckets in TIME_WAIT.
    Tables ordinary;
    std::thread plain([&] {
        if (::unshare(CLONE_NEWNET) == 0) ordinary = tablesOfThisThread();
    });
    plain.join();
    Tables inLab;
    QString failure;
    std::thread t([&] {
        if (lab.enterThisThread(&failure)) inLab = tablesOfThisThread();
    });
    t.join();
    ASSERT_TRUE(failure.isEmpty()) << failure.toStdString();
    EXPECT_EQ(inLab.tcp, 4096) << "the lab shares the host's TCP table";
    if (inLab.udp != LONG_MIN && procNumber("/proc/sys/net/ipv4/udp_child_hash_entries") != LONG_MIN) {
        EXPECT_EQ(inLab.udp, 1024) << "the lab shares the host's UDP table";
    }
    const long hostTcp = std::labs(procNumber("/proc/sys/net/ipv4/tcp_ehash_entries"));
    EXPECT_EQ(inLab.timeWait, hostTcp / 2) << "TIME_WAIT would overflow sooner in the lab than elsewhere";
    if (ordinary.tcp != 0) { // the test could make a namespace of its own
        EXPECT_LT(ordinary.tcp, 0);
        EXPECT_EQ(inLab.timeWait, ordinary.timeWait);
    }
}
