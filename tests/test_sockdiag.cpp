// SockDiag against real loopback sockets. Every socket binds port 0, so the
// tests never collide with each other or with anything else on the machine.

#include "LabGuard.h"
#include "SockDiag.h"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <sched.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <functional>
#include <optional>
#include <thread>
#include <utility>

using namespace socklab;

namespace {

class Fd
{
  public:
    explicit Fd(int fd = -1) : fd_(fd) {}
    Fd(Fd&& o) noexcept : fd_(std::exchange(o.fd_, -1)) {}
    Fd& operator=(Fd&& o) noexcept
    {
        reset(std::exchange(o.fd_, -1));
        return *this;
    }
    ~Fd() { reset(); }
    int get() const { return fd_; }
    void reset(int fd = -1)
    {
        if (fd_ >= 0) ::close(fd_);
        fd_ = fd;
    }

  private:
    int fd_;
};

uint16_t localPort(int fd)
{
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    if (::getsockname(fd, reinterpret_cast<sockaddr*>(&ss), &len) != 0) return 0;
    return ss.ss_family == AF_INET6 ? ntohs(reinterpret_cast<sockaddr_in6&>(ss).sin6_port)
                                    : ntohs(reinterpret_cast<sockaddr_in&>(ss).sin_port);
}

sockaddr_in loopback(uint16_t port)
{
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}

Fd listener(int backlog, in_addr_t addr = htonl(INADDR_LOOPBACK))
{
    Fd fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    sockaddr_in a = loopback(0);
    a.sin_addr.s_addr = addr;
    if (::bind(fd.get(), reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
        ::listen(fd.get(), backlog) != 0)
        return Fd();
    return fd;
}

Fd connectTo(uint16_t port)
{
    Fd fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    const sockaddr_in a = loopback(port);
    if (::connect(fd.get(), reinterpret_cast<const sockaddr*>(&a), sizeof a) != 0) return Fd();
    return fd;
}

Fd acceptOne(int lfd)
{
    return Fd(::accept4(lfd, nullptr, nullptr, SOCK_CLOEXEC));
}

// Loopback is fast but not synchronous: poll for up to `ms`.
bool waitUntil(const std::function<bool()>& done, int ms = 2000)
{
    const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    while (!done()) {
        if (std::chrono::steady_clock::now() > end) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
}

std::optional<DiagSocket> findSock(const QList<DiagSocket>& list, const QString& state,
                                   uint16_t local, uint16_t remote = 0)
{
    for (const DiagSocket& s : list)
        if (s.state == state && s.localPort == local && (remote == 0 || s.remotePort == remote))
            return s;
    return std::nullopt;
}

} // namespace

TEST(SockDiagTest, OpensInOwnNamespace)
{
    SockDiag diag;
    ASSERT_TRUE(diag.isOpen()) << diag.error().toStdString();
    EXPECT_TRUE(diag.error().isEmpty());
}

TEST(SockDiagTest, ListenShowsBacklogInWqueue)
{
    Fd l = listener(7);
    ASSERT_GE(l.get(), 0);
    const uint16_t port = localPort(l.get());
    SockDiag diag;
    const auto list = diag.tcp({port});
    ASSERT_TRUE(diag.error().isEmpty()) << diag.error().toStdString();
    const auto s = findSock(list, "LISTEN", port);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->wqueue, 7);
    EXPECT_EQ(s->rqueue, 0);
    EXPECT_EQ(s->family, AF_INET);
    EXPECT_EQ(s->protocol, IPPROTO_TCP);
    EXPECT_EQ(s->localAddr, "127.0.0.1");
    EXPECT_NE(s->inode, 0u);
    EXPECT_EQ(s->uid, ::geteuid());
    EXPECT_GT(s->rcvbuf, 0);
    EXPECT_GT(s->sndbuf, 0);
}

TEST(SockDiagTest, AcceptQueueGrowsWithoutAccept)
{
    Fd l = listener(8);
    ASSERT_GE(l.get(), 0);
    const uint16_t port = localPort(l.get());
    SockDiag diag;
    Fd clients[3];
    for (int i = 0; i < 3; ++i) {
        clients[i] = connectTo(port);
        ASSERT_GE(clients[i].get(), 0);
        const qint64 want = i + 1;
        EXPECT_TRUE(waitUntil([&] {
            const auto s = findSock(diag.tcp({port}, false), "LISTEN", port);
            return s && s->rqueue == want;
        })) << "accept queue never reached "
            << want;
    }
    const auto s = findSock(diag.tcp({port}, false), "LISTEN", port);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->wqueue, 8);
    // Accepting one shrinks the queue again.
    Fd a = acceptOne(l.get());
    ASSERT_GE(a.get(), 0);
    EXPECT_EQ(findSock(diag.tcp({port}, false), "LISTEN", port)->rqueue, 2);
}

TEST(SockDiagTest, EstablishedPairWithInfo)
{
    Fd l = listener(4);
    const uint16_t port = localPort(l.get());
    Fd c = connectTo(port);
    ASSERT_GE(c.get(), 0);
    Fd a = acceptOne(l.get());
    ASSERT_GE(a.get(), 0);
    const uint16_t cport = localPort(c.get());

    SockDiag diag;
    const auto list = diag.tcp({port});
    ASSERT_TRUE(diag.error().isEmpty()) << diag.error().toStdString();
    const auto server = findSock(list, "ESTABLISHED", port, cport);
    const auto client = findSock(list, "ESTABLISHED", cport, port);
    ASSERT_TRUE(server);
    ASSERT_TRUE(client); // matched through its remote port
    EXPECT_EQ(client->remoteAddr, "127.0.0.1");
    EXPECT_NE(client->inode, 0u);
    EXPECT_GT(client->rto, 0);    // microseconds, >= 200 ms
    EXPECT_GT(client->sndWnd, 0); // kernels >= 5.x report it
    EXPECT_GE(client->sndWscale, 0);
    EXPECT_GE(client->rcvWscale, 0);
    EXPECT_EQ(client->probes, 0);
    EXPECT_EQ(client->backoff, 0);
    EXPECT_EQ(client->rmemAlloc, 0);
    EXPECT_GT(client->rcvbuf, 0);
    EXPECT_EQ(client->timer, ""); // nothing in flight

    // Without info: no tcp_info fields, memory still there.
    const auto bare = findSock(diag.tcp({port}, false), "ESTABLISHED", cport, port);
    ASSERT_TRUE(bare);
    EXPECT_EQ(bare->rto, -1);
    EXPECT_EQ(bare->sndWnd, -1);
    EXPECT_EQ(bare->sndWscale, -1);
    EXPECT_GT(bare->rcvbuf, 0);
}

TEST(SockDiagTest, UnreadBytesShowInRqueue)
{
    Fd l = listener(4);
    const uint16_t port = localPort(l.get());
    Fd c = connectTo(port);
    Fd a = acceptOne(l.get());
    ASSERT_GE(a.get(), 0);
    ASSERT_EQ(::send(c.get(), "hello", 5, 0), 5);
    SockDiag diag;
    const uint16_t cport = localPort(c.get());
    EXPECT_TRUE(waitUntil([&] {
        const auto s = findSock(diag.tcp({port}), "ESTABLISHED", port, cport);
        return s && s->rqueue == 5;
    }));
}

TEST(SockDiagTest, TimeWaitAfterActiveClose)
{
    Fd l = listener(4);
    const uint16_t port = localPort(l.get());
    Fd c = connectTo(port);
    Fd a = acceptOne(l.get());
    ASSERT_GE(a.get(), 0);
    const uint16_t cport = localPort(c.get());

    c.reset(); // active closer: FIN_WAIT1 -> FIN_WAIT2
    SockDiag diag;
    EXPECT_TRUE(waitUntil(
        [&] { return findSock(diag.tcp({port}), "CLOSE_WAIT", port, cport).has_value(); }));
    a.reset(); // peer closes: the closer enters TIME_WAIT

    std::optional<DiagSocket> tw;
    EXPECT_TRUE(waitUntil([&] {
        tw = findSock(diag.tcp({port}), "TIME_WAIT", cport, port);
        return tw.has_value();
    }));
    ASSERT_TRUE(tw);
    EXPECT_EQ(tw->timer, "timewait");
    EXPECT_GT(tw->expiresMs, 0);
    EXPECT_LE(tw->expiresMs, 60000);
    EXPECT_EQ(tw->inode, 0u); // no descriptor owns it any more
    EXPECT_EQ(tw->rto, -1);   // no tcp_info for a timewait mini-socket
}

TEST(SockDiagTest, PortFilterExcludesDecoy)
{
    Fd target = listener(4);
    Fd decoy = listener(4);
    Fd other = listener(4);
    const uint16_t tp = localPort(target.get()), dp = localPort(decoy.get()),
                   op = localPort(other.get());
    SockDiag diag;

    const auto one = diag.tcp({tp});
    EXPECT_TRUE(findSock(one, "LISTEN", tp));
    EXPECT_FALSE(findSock(one, "LISTEN", dp));
    EXPECT_EQ(diag.lastKernelCount(), one.size()) << "the kernel-side filter let others through";

    // Several ports chain correctly: both wanted ones, not the third.
    const auto two = diag.tcp({tp, op});
    EXPECT_TRUE(findSock(two, "LISTEN", tp));
    EXPECT_TRUE(findSock(two, "LISTEN", op));
    EXPECT_FALSE(findSock(two, "LISTEN", dp));
    EXPECT_EQ(diag.lastKernelCount(), two.size());

    const auto all = diag.tcp({});
    EXPECT_TRUE(findSock(all, "LISTEN", tp));
    EXPECT_TRUE(findSock(all, "LISTEN", dp));
    EXPECT_TRUE(diag.error().isEmpty()) << diag.error().toStdString();
}

TEST(SockDiagTest, ManyPortsKernelAndUserSpace)
{
    Fd target = listener(4);
    Fd decoy = listener(4);
    const uint16_t tp = localPort(target.get()), dp = localPort(decoy.get());
    SockDiag diag;
    for (int count : {500, 3000}) { // below and above the kernel-filter limit
        QSet<uint16_t> ports{tp};
        for (int p = 1; ports.size() < count; ++p)
            if (p != dp) ports.insert(uint16_t(p));
        const auto list = diag.tcp(ports, false);
        EXPECT_TRUE(diag.error().isEmpty()) << diag.error().toStdString();
        EXPECT_TRUE(findSock(list, "LISTEN", tp)) << count;
        EXPECT_FALSE(findSock(list, "LISTEN", dp)) << count;
        if (count == 500) {
            EXPECT_EQ(diag.lastKernelCount(), list.size());
        }
    }
}

TEST(SockDiagTest, Ipv6Listener)
{
    Fd fd(::socket(AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 0));
    sockaddr_in6 a{};
    a.sin6_family = AF_INET6;
    a.sin6_addr = in6addr_loopback;
    if (fd.get() < 0 || ::bind(fd.get(), reinterpret_cast<sockaddr*>(&a), sizeof a) != 0)
        GTEST_SKIP() << "no IPv6 loopback";
    ASSERT_EQ(::listen(fd.get(), 3), 0);
    const uint16_t port = localPort(fd.get());
    SockDiag diag;
    const auto s = findSock(diag.tcp({port}), "LISTEN", port);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->family, AF_INET6);
    EXPECT_EQ(s->localAddr, "::1");
    EXPECT_EQ(s->wqueue, 3);
}

TEST(SockDiagTest, UdpUnconnectedAndConnected)
{
    Fd u(::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    const sockaddr_in any = loopback(0);
    ASSERT_EQ(::bind(u.get(), reinterpret_cast<const sockaddr*>(&any), sizeof any), 0);
    const uint16_t port = localPort(u.get());
    Fd peer(::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    const sockaddr_in to = loopback(port);
    ASSERT_EQ(::connect(peer.get(), reinterpret_cast<const sockaddr*>(&to), sizeof to), 0);
    const uint16_t peerPort = localPort(peer.get());

    SockDiag diag;
    const auto list = diag.udp({port});
    if (list.isEmpty() && !diag.error().isEmpty())
        GTEST_SKIP() << "udp_diag unavailable: " << diag.error().toStdString();
    const auto s = findSock(list, "CLOSE", port);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->protocol, IPPROTO_UDP);
    EXPECT_EQ(s->rto, -1);
    const auto c = findSock(list, "ESTABLISHED", peerPort, port);
    ASSERT_TRUE(c);
    EXPECT_FALSE(findSock(diag.tcp({port}), "CLOSE", port)); // TCP query does not list UDP
}

// How the engine uses it: a thread that setns()'d into a private namespace. In a
// forked child (unshare needs a single thread): namespace A, then B for the
// main thread; a second thread enters A and must see only A's sockets.
TEST(SockDiagTest, FollowsCallingThreadNamespace)
{
    SOCKLAB_REQUIRE_LAB();
    Fd hostListener = listener(2);
    const uint16_t hostPort = localPort(hostListener.get());
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        if (::unshare(CLONE_NEWUSER | CLONE_NEWNET) != 0) ::_exit(77);
        const int nsA = ::open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
        if (nsA < 0 || ::unshare(CLONE_NEWNET) != 0) ::_exit(77);
        if (findSock(SockDiag().tcp({hostPort}), "LISTEN", hostPort))
            ::_exit(1); // host is invisible
        int code = 0;
        Fd inA; // a listener made inside namespace A, kept open after the thread ends
        uint16_t p = 0;
        std::thread t([&] {
            if (::setns(nsA, CLONE_NEWNET) != 0) {
                code = 77;
                return;
            }
            inA = listener(2, htonl(INADDR_ANY)); // lo is down in a new namespace
            p = localPort(inA.get());
            SockDiag diagA;
            if (!findSock(diagA.tcp({p}), "LISTEN", p))
                code = 2;
            else if (findSock(diagA.tcp({}), "LISTEN", hostPort))
                code = 3;
        });
        t.join();
        // The main thread stayed in namespace B: A's listener is invisible here.
        if (code == 0 && (p == 0 || findSock(SockDiag().tcp({p}), "LISTEN", p))) code = 4;
        ::_exit(code);
    }
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0) << "77: unshare or setns refused although a lab can be made";
}
