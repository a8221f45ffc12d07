// SocketWatcher names the sockets of programs socklab did not write: by the
// name their code gives them when it is known, else by descriptor ("fd5").
// A socket sock_diag finds before its name arrives is renamed, so what is
// recorded afterwards goes by the code's name (an accept()ed "connfd").

#include "Recorder.h"
#include "SocketWatcher.h"
#include "UniqueFd.h"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace socklab;

namespace {

uint16_t portOf(int fd, bool peer = false)
{
    sockaddr_in a{};
    socklen_t len = sizeof a;
    const int rc = peer ? ::getpeername(fd, reinterpret_cast<sockaddr*>(&a), &len)
                        : ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    return rc == 0 ? ntohs(a.sin_port) : 0;
}

sockaddr_in loopback(uint16_t port)
{
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}

QString ownerName(const Recorder& rec, uint16_t l, uint16_t r)
{
    const auto o = rec.ownerOf(l, r);
    return o ? o->socket : QStringLiteral("(none)");
}

} // namespace

TEST(SocketWatcherTest, ASocketFoundBeforeItsNameIsRenamed)
{
    SockDiag diag;
    if (!diag.isOpen()) GTEST_SKIP() << "no sock_diag here";
    UniqueFd l(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    sockaddr_in any = loopback(0);
    ASSERT_EQ(::bind(l.get(), reinterpret_cast<sockaddr*>(&any), sizeof any), 0);
    ASSERT_EQ(::listen(l.get(), 1), 0);
    const uint16_t port = portOf(l.get());
    UniqueFd c(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    const sockaddr_in to = loopback(port);
    ASSERT_EQ(::connect(c.get(), reinterpret_cast<const sockaddr*>(&to), sizeof to), 0);
    UniqueFd a(::accept4(l.get(), nullptr, nullptr, SOCK_CLOEXEC));
    ASSERT_GE(a.get(), 0);
    const uint16_t clientPort = portOf(c.get());

    Recorder rec(Recorder::epochNowUs());
    SocketWatcher watcher(rec);
    watcher.addProgram(::getpgrp(), QStringLiteral("me"));
    // The client's name is known before sock_diag sees it; the accepted one's is not.
    watcher.nameSocket(QStringLiteral("me"), c.get(), QStringLiteral("clientSocket"));
    watcher.poll(diag);
    EXPECT_EQ(ownerName(rec, clientPort, port), QStringLiteral("clientSocket"));
    EXPECT_EQ(ownerName(rec, port, clientPort), QStringLiteral("fd%1").arg(a.get()));

    // accept()'s return arrives: the socket goes by the code's name from now on.
    watcher.nameSocket(QStringLiteral("me"), a.get(), QStringLiteral("connfd"));
    EXPECT_EQ(ownerName(rec, port, clientPort), QStringLiteral("connfd"));
    // The same name told again is no second socket.
    watcher.nameSocket(QStringLiteral("me"), a.get(), QStringLiteral("connfd"));
    watcher.poll(diag);
    EXPECT_EQ(ownerName(rec, port, clientPort), QStringLiteral("connfd"));
    // A named socket keeps its name when another name arrives for its descriptor
    // (the code's next socket there is a new one, discovered anew).
    watcher.nameSocket(QStringLiteral("me"), c.get(), QStringLiteral("other"));
    EXPECT_EQ(ownerName(rec, clientPort, port), QStringLiteral("clientSocket"));
    // What is recorded of it afterwards goes by the new name: the client
    // leaves, the accepted socket's CLOSE_WAIT is connfd's.
    rec.take();
    c.reset();
    QString closeWaitOf;
    for (int i = 0; i < 200 && closeWaitOf.isEmpty(); ++i) {
        ::usleep(10000);
        watcher.poll(diag);
        for (const Event& e : rec.take())
            if (const StateData* s = e.state(); s && s->localPort == port && s->state == QLatin1String("CLOSE_WAIT"))
                closeWaitOf = s->socket;
    }
    EXPECT_EQ(closeWaitOf, QStringLiteral("connfd"));
}
