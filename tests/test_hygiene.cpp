// Running scenarios must leave nothing behind: no descriptors, no threads.

#include "ProcessCounts.h"
#include "ScenarioRun.h"

#include <QDir>

using namespace socklab;

namespace {
int countEntries(const char* dir) { return int(QDir(dir).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::System).size()); }
}

TEST(Hygiene, FiftyRunsLeaveNoDescriptorsOrThreads)
{
    // One warm-up run: Qt and libpcap allocate a few things once.
    socklab::test::runScenario("handshake");
    const int fds = countEntries("/proc/self/fd");
    const int threads = countEntries("/proc/self/task");
    const QStringList ids{"handshake", "refused", "reset-unread", "echo", "broken-pipe"};
    for (int i = 0; i < 50; ++i) {
        const auto sc = ScenarioCatalog::build(ids[i % ids.size()]);
        Runner r(*sc);
        Problem error;
        ASSERT_TRUE(r.start(&error)) << error.debugText().toStdString();
        ASSERT_TRUE(r.runAll(&error)) << error.debugText().toStdString();
    }
    EXPECT_EQ(countEntries("/proc/self/fd"), fds);
    EXPECT_LE(socklab::test::threadsOnceSettled(threads), threads);
}

TEST(Hygiene, AFailedStartLeavesNothing)
{
    const int fds = countEntries("/proc/self/fd");
    const int threads = countEntries("/proc/self/task");
    const auto sc = ScenarioCatalog::build("handshake");
    {
        Runner r(*sc, RunOptions{{}, "/nonexistent-dir/x.pcap"});
        Problem error;
        EXPECT_FALSE(r.start(&error));
        EXPECT_EQ(error.code, "pcap-write-failed") << error.debugText().toStdString();
        EXPECT_EQ(error.args.value("path").toString(), "/nonexistent-dir/x.pcap");
    }
    EXPECT_EQ(countEntries("/proc/self/fd"), fds);
    EXPECT_LE(socklab::test::threadsOnceSettled(threads), threads);
}

TEST(Hygiene, AbandonedRunWithABlockedActorEndsCleanly)
{
    const int threads = countEntries("/proc/self/task");
    {
        const auto sc = ScenarioCatalog::build("handshake");
        Runner r(*sc);
        Problem error;
        ASSERT_TRUE(r.start(&error));
        for (int i = 0; i < 4; ++i) // up to accept(), which blocks
            ASSERT_TRUE(r.runStep(&error));
    } // the destructor must wake accept() and join
    EXPECT_LE(socklab::test::threadsOnceSettled(threads), threads);
}
