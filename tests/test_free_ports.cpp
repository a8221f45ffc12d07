// Outside a private namespace a lesson runs on two ports the kernel picks on
// the host's loopback: they differ, and each can be bound right after.

#include "FreePorts.h"
#include "UniqueFd.h"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

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
