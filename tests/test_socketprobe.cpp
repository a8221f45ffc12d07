// probeSocket() against real loopback sockets on ephemeral ports.

#include "SocketProbe.h"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/tcp.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <functional>
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

sockaddr_in loopback(uint16_t port)
{
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}

void setBuffers(int fd, int bytes)
{
    ::setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &bytes, sizeof bytes);
    ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &bytes, sizeof bytes);
}

// bufBytes > 0: small buffers set before listen()/connect() so the window
// scale and the accepted socket inherit them.
Fd listener(int backlog, int bufBytes = 0)
{
    Fd fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (bufBytes > 0) setBuffers(fd.get(), bufBytes);
    const sockaddr_in a = loopback(0);
    if (::bind(fd.get(), reinterpret_cast<const sockaddr*>(&a), sizeof a) != 0 ||
        ::listen(fd.get(), backlog) != 0)
        return Fd();
    return fd;
}

Fd connectTo(uint16_t port, int bufBytes = 0)
{
    Fd fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (bufBytes > 0) setBuffers(fd.get(), bufBytes);
    const sockaddr_in a = loopback(port);
    if (::connect(fd.get(), reinterpret_cast<const sockaddr*>(&a), sizeof a) != 0) return Fd();
    return fd;
}

Fd acceptOne(int lfd)
{
    return Fd(::accept4(lfd, nullptr, nullptr, SOCK_CLOEXEC));
}

bool waitUntil(const std::function<bool()>& done, int ms = 2000)
{
    const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    while (!done()) {
        if (std::chrono::steady_clock::now() > end) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
}

struct Pair {
    Fd listen, client, server;
    uint16_t port = 0;
};

Pair connectedPair(int bufBytes = 0)
{
    Pair p;
    p.listen = listener(4, bufBytes);
    p.port = probeSocket(p.listen.get()).localPort;
    p.client = connectTo(p.port, bufBytes);
    p.server = acceptOne(p.listen.get());
    return p;
}

} // namespace

TEST(SocketProbeTest, ListenState)
{
    Fd l = listener(5);
    ASSERT_GE(l.get(), 0);
    const ProbeResult r = probeSocket(l.get());
    ASSERT_TRUE(r.ok) << r.errnoName.toStdString();
    EXPECT_TRUE(r.errnoName.isEmpty());
    EXPECT_EQ(r.state, "LISTEN");
    EXPECT_EQ(r.type, SOCK_STREAM);
    EXPECT_NE(r.localPort, 0);
    EXPECT_EQ(r.remotePort, 0);
    EXPECT_EQ(r.inq, -1); // the kernel refuses SIOCINQ on a listener
    EXPECT_GT(r.sndbuf, 0);
    EXPECT_GT(r.rcvbuf, 0);
}

TEST(SocketProbeTest, EstablishedBothEnds)
{
    Pair p = connectedPair();
    ASSERT_GE(p.server.get(), 0);
    const ProbeResult c = probeSocket(p.client.get());
    const ProbeResult s = probeSocket(p.server.get());
    ASSERT_TRUE(c.ok);
    ASSERT_TRUE(s.ok);
    EXPECT_EQ(c.state, "ESTABLISHED");
    EXPECT_EQ(s.state, "ESTABLISHED");
    EXPECT_EQ(c.remotePort, p.port);
    EXPECT_EQ(s.localPort, p.port);
    EXPECT_EQ(s.remotePort, c.localPort);
    EXPECT_GE(c.rto, 200000); // microseconds: TCP_RTO_MIN is 200 ms
    EXPECT_GE(c.sndWscale, 0);
    EXPECT_GE(c.rcvWscale, 0);
    EXPECT_GT(c.sndWnd, 0);
    EXPECT_EQ(c.inq, 0);
    EXPECT_EQ(c.outq, 0);
    EXPECT_EQ(c.outqNsd, 0);
    EXPECT_EQ(c.unacked, 0);
    EXPECT_EQ(c.probes, 0);
    EXPECT_EQ(c.backoff, 0);
    EXPECT_EQ(c.retransmits, 0);
    EXPECT_EQ(c.totalRetrans, 0);
}

TEST(SocketProbeTest, InqAfterPeerSendsFiveBytes)
{
    Pair p = connectedPair();
    ASSERT_GE(p.server.get(), 0);
    ASSERT_EQ(::send(p.client.get(), "hello", 5, 0), 5);
    EXPECT_TRUE(waitUntil([&] { return probeSocket(p.server.get()).inq == 5; }));
    char buf[8];
    ASSERT_EQ(::recv(p.server.get(), buf, sizeof buf, 0), 5);
    EXPECT_EQ(probeSocket(p.server.get()).inq, 0);
}

TEST(SocketProbeTest, OutqWhenReceiverDoesNotRead)
{
    Pair p = connectedPair(4096);
    ASSERT_GE(p.server.get(), 0);
    ASSERT_EQ(::fcntl(p.client.get(), F_SETFL, O_NONBLOCK), 0);
    char chunk[1000];
    std::memset(chunk, 'x', sizeof chunk);
    qint64 sent = 0;
    for (int i = 0; i < 1000; ++i) { // until the send buffer is full
        const ssize_t n = ::send(p.client.get(), chunk, sizeof chunk, MSG_NOSIGNAL);
        if (n < 0) {
            ASSERT_TRUE(errno == EAGAIN || errno == EWOULDBLOCK) << errnoName(errno).toStdString();
            break;
        }
        sent += n;
    }
    ProbeResult c;
    ProbeResult s;
    // Settle: the receiver's queue stops growing once its window closes.
    EXPECT_TRUE(waitUntil([&] {
        c = probeSocket(p.client.get());
        s = probeSocket(p.server.get());
        return c.outq > 0 && s.inq > 0 && c.outq + s.inq == sent;
    })) << "sent "
        << sent << " outq " << c.outq << " inq " << s.inq;
    EXPECT_GE(c.outq, c.outqNsd);
    EXPECT_GE(c.outqNsd, 0);
    EXPECT_GE(c.sndbuf, 4096); // the kernel doubles what was asked for
    EXPECT_LE(c.sndbuf, 16384);
}

TEST(SocketProbeTest, CloseWaitAfterPeerShutdown)
{
    Pair p = connectedPair();
    ASSERT_GE(p.server.get(), 0);
    ASSERT_EQ(::shutdown(p.client.get(), SHUT_WR), 0);
    EXPECT_TRUE(waitUntil([&] { return probeSocket(p.server.get()).state == "CLOSE_WAIT"; }));
    EXPECT_TRUE(waitUntil([&] { return probeSocket(p.client.get()).state == "FIN_WAIT2"; }));
}

TEST(SocketProbeTest, ClosedFdGivesEbadf)
{
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    ASSERT_GE(fd, 0);
    ::close(fd);
    const ProbeResult r = probeSocket(fd);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.errnoName, "EBADF");
    EXPECT_EQ(probeSocket(-1).errnoName, "EBADF");
}

TEST(SocketProbeTest, NonSocketGivesEnotsock)
{
    int fds[2];
    ASSERT_EQ(::pipe2(fds, O_CLOEXEC), 0);
    const ProbeResult r = probeSocket(fds[0]);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.errnoName, "ENOTSOCK");
    ::close(fds[0]);
    ::close(fds[1]);
}

TEST(SocketProbeTest, UdpSocket)
{
    Fd u(::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    const sockaddr_in a = loopback(0);
    ASSERT_EQ(::bind(u.get(), reinterpret_cast<const sockaddr*>(&a), sizeof a), 0);
    ProbeResult r = probeSocket(u.get());
    ASSERT_TRUE(r.ok);
    EXPECT_EQ(r.type, SOCK_DGRAM);
    EXPECT_EQ(r.state, "");
    EXPECT_EQ(r.rto, -1);
    EXPECT_EQ(r.inq, 0);
    EXPECT_EQ(r.outqNsd, -1);
    const sockaddr_in to = loopback(r.localPort);
    ASSERT_EQ(::sendto(u.get(), "abc", 3, 0, reinterpret_cast<const sockaddr*>(&to), sizeof to), 3);
    EXPECT_TRUE(
        waitUntil([&] { return probeSocket(u.get()).inq == 3; })); // size of the next datagram
}

TEST(SocketProbeTest, UnixStreamIsNotTcp)
{
    int sv[2];
    ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv), 0);
    const ProbeResult r = probeSocket(sv[0]);
    EXPECT_TRUE(r.ok);
    EXPECT_EQ(r.type, SOCK_STREAM);
    EXPECT_EQ(r.state, "");
    EXPECT_EQ(r.rto, -1);
    ::close(sv[0]);
    ::close(sv[1]);
}

TEST(SocketProbeTest, ErrnoNameTable)
{
    EXPECT_EQ(errnoName(ECONNREFUSED), "ECONNREFUSED");
    EXPECT_EQ(errnoName(EPIPE), "EPIPE");
    EXPECT_EQ(errnoName(ECONNRESET), "ECONNRESET");
    EXPECT_EQ(errnoName(EAGAIN), "EAGAIN");
    EXPECT_EQ(errnoName(EWOULDBLOCK), "EAGAIN");
    EXPECT_EQ(errnoName(EADDRINUSE), "EADDRINUSE");
    EXPECT_EQ(errnoName(EINPROGRESS), "EINPROGRESS");
    EXPECT_EQ(errnoName(ETIMEDOUT), "ETIMEDOUT");
    EXPECT_EQ(errnoName(EINVAL), "EINVAL");
    EXPECT_EQ(errnoName(EBADF), "EBADF");
    EXPECT_EQ(errnoName(ENOTCONN), "ENOTCONN");
    EXPECT_EQ(errnoName(EMSGSIZE), "EMSGSIZE");
    EXPECT_EQ(errnoName(EACCES), "EACCES");
    EXPECT_EQ(errnoName(EPERM), "EPERM");
    EXPECT_EQ(errnoName(EINTR), "EINTR");
    EXPECT_EQ(errnoName(ECONNABORTED), "ECONNABORTED");
    EXPECT_EQ(errnoName(EHOSTUNREACH), "EHOSTUNREACH");
    EXPECT_EQ(errnoName(ENETUNREACH), "ENETUNREACH");
    EXPECT_EQ(errnoName(EADDRNOTAVAIL), "EADDRNOTAVAIL");
    EXPECT_EQ(errnoName(ENOTSOCK), "ENOTSOCK");
    EXPECT_EQ(errnoName(0), "");
    EXPECT_EQ(errnoName(99999), "E99999");
}

TEST(SocketProbeTest, TcpStateNames)
{
    const char* names[] = {"ESTABLISHED", "SYN_SENT",  "SYN_RECV", "FIN_WAIT1",
                           "FIN_WAIT2",   "TIME_WAIT", "CLOSE",    "CLOSE_WAIT",
                           "LAST_ACK",    "LISTEN",    "CLOSING",  "NEW_SYN_RECV"};
    for (int i = 1; i <= 12; ++i)
        EXPECT_EQ(tcpStateName(i), names[i - 1]) << i;
    EXPECT_EQ(tcpStateName(0), "UNKNOWN(0)");
    EXPECT_EQ(tcpStateName(13), "UNKNOWN(13)");
}

TEST(SocketProbeTest, ParseTcpInfoHonoursLength)
{
    EXPECT_EQ(parseTcpInfo(nullptr, 0).state, -1);

    alignas(8) unsigned char buf[512] = {};
    buf[offsetof(tcp_info, tcpi_state)] = 10;
    buf[offsetof(tcp_info, tcpi_backoff)] = 3;
    const uint32_t rto = 1000000, wnd = 65536;
    std::memcpy(buf + offsetof(tcp_info, tcpi_rto), &rto, 4);
    std::memcpy(buf + 228, &wnd, 4); // tcpi_snd_wnd
    std::memcpy(buf + 232, &wnd, 4); // tcpi_rcv_wnd (newer than some headers)

    TcpInfoFields f = parseTcpInfo(buf, 8); // only the u8 fields and wscale
    EXPECT_EQ(f.state, 10);
    EXPECT_EQ(f.backoff, 3);
    EXPECT_EQ(f.sndWscale, 0);
    EXPECT_EQ(f.rto, -1);

    f = parseTcpInfo(buf, 104); // an old kernel's length: no snd_wnd
    EXPECT_EQ(f.rto, 1000000);
    EXPECT_EQ(f.totalRetrans, 0);
    EXPECT_EQ(f.sndWnd, -1);

    f = parseTcpInfo(buf, 232);
    EXPECT_EQ(f.sndWnd, 65536);
    EXPECT_EQ(f.rcvWnd, -1);

    f = parseTcpInfo(buf, sizeof buf);
    EXPECT_EQ(f.rcvWnd, 65536);
}
