// Outside a private namespace a lesson runs on two ports the kernel picks on
// the host's loopback: they differ, and each can be bound right after.
// Picking them one after the other (bind port 0, close, bind port 0 again)
// gives the same port twice now and then; in a namespace whose ephemeral
// range holds two ports it gives the same one every time.

#include "FreePorts.h"
#include "Lab.h"
#include "UniqueFd.h"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <fcntl.h>
#include <thread>
#include <unistd.h>

using namespace socklab;

namespace {

bool bindable(uint16_t port)
{
    UniqueFd s(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return s.get() >= 0 && ::bind(s.get(), reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
}

} // namespace

TEST(FreePorts, TwoDifferentPortsThatCanBeBound)
{
    for (int i = 0; i < 20; ++i) {
        uint16_t a = 0, b = 0;
        QString why;
        ASSERT_TRUE(freePorts(a, b, &why)) << why.toStdString();
        EXPECT_NE(a, 0);
        EXPECT_NE(b, 0);
        EXPECT_NE(a, b);
        EXPECT_TRUE(bindable(a)) << a;
        EXPECT_TRUE(bindable(b)) << b;
    }
}

TEST(FreePorts, TwoDifferentPortsWhenTheKernelHasOnlyTwoToGive)
{
    Lab lab(QStringLiteral("namespace"));
    if (!lab.isolated()) {
        if (qEnvironmentVariableIntValue("SOCKLAB_TEST_REQUIRE_LAB") == 1) FAIL() << "no private namespace";
        GTEST_SKIP() << "no private namespace";
    }
    QString failure;
    QList<QPair<int, int>> pairs;
    std::thread t([&] {
        if (!lab.enterThisThread(&failure)) return;
        // The ephemeral range is the namespace's own.
        const int f = ::open("/proc/sys/net/ipv4/ip_local_port_range", O_WRONLY | O_CLOEXEC);
        if (f < 0 || ::write(f, "40000 40001", 11) != 11) failure = QStringLiteral("cannot narrow the port range");
        if (f >= 0) ::close(f);
        if (!failure.isEmpty()) return;
        for (int i = 0; i < 10; ++i) {
            uint16_t a = 0, b = 0;
            if (!freePorts(a, b, &failure)) return;
            pairs.append({a, b});
        }
    });
    t.join();
    ASSERT_TRUE(failure.isEmpty()) << failure.toStdString();
    ASSERT_EQ(pairs.size(), 10);
    for (const auto& [a, b] : pairs) {
        EXPECT_NE(a, b);
        EXPECT_TRUE((a == 40000 || a == 40001) && (b == 40000 || b == 40001)) << a << ' ' << b;
    }
}
