#include "WireProbe.h"

#include "Lab.h"
#include "SysError.h"
#include "UniqueFd.h"
#include "Wire.h"
#include "WireFirewall.h"

#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <thread>

namespace socklab {

namespace {

// A datagram to itself on 127.0.0.1, from a thread inside the lab: "" when it came back.
QString echoDatagram(const Lab& lab)
{
    QString why;
    std::thread t([&] {
        if (!lab.enterThisThread(&why)) return;
        const UniqueFd s(::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof a;
        if (!s || ::bind(s.get(), reinterpret_cast<sockaddr*>(&a), sizeof a) != 0
            || ::getsockname(s.get(), reinterpret_cast<sockaddr*>(&a), &len) != 0) {
            why = sysError(QStringLiteral("a UDP socket on 127.0.0.1"), errno);
            return;
        }
        if (::sendto(s.get(), "socklab", 7, 0, reinterpret_cast<sockaddr*>(&a), sizeof a) != 7) {
            why = sysError(QStringLiteral("sendto 127.0.0.1"), errno);
            return;
        }
        pollfd p{s.get(), POLLIN, 0};
        char buf[16];
        if (::poll(&p, 1, 2000) != 1 || ::recv(s.get(), buf, sizeof buf, 0) != 7)
            why = QStringLiteral("a datagram sent through the wire never arrived");
    });
    t.join();
    return why;
}

} // namespace

QString WireProbe::run(const Lab& lab)
{
    if (!lab.isolated()) return QStringLiteral("no-namespace");
    if (WireFirewall::iptablesPath().isEmpty()) return QStringLiteral("no-iptables");
    Wire wire{WirePolicy{}};
    QString why;
    if (!wire.start(lab, &why)) return why;
    why = echoDatagram(lab);
    const WireStats st = wire.stats();
    wire.stop();
    if (!why.isEmpty()) return why;
    if (wire.stats().received == 0 && st.received == 0)
        return QStringLiteral("the datagram went around the wire: the NFQUEUE rule did not apply");
    return {};
}

} // namespace socklab
