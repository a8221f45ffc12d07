#include "FreePorts.h"

#include "SysError.h"
#include "UniqueFd.h"

#include <netinet/in.h>
#include <sys/socket.h>

namespace socklab {

namespace {

// Binds a loopback TCP socket to a port the kernel picks; the socket is kept
// open so the next call gets a different port. 0 and `why` set on failure.
uint16_t bindEphemeral(UniqueFd& s, QString* why)
{
    s.reset(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (!s) {
        *why = sysError(QStringLiteral("socket() for a free port"), errno);
        return 0;
    }
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t l = sizeof a;
    if (::bind(s.get(), reinterpret_cast<sockaddr*>(&a), l) != 0) {
        *why = sysError(QStringLiteral("bind() for a free port"), errno);
        return 0;
    }
    if (::getsockname(s.get(), reinterpret_cast<sockaddr*>(&a), &l) != 0) {
        *why = sysError(QStringLiteral("getsockname() for a free port"), errno);
        return 0;
    }
    return ntohs(a.sin_port);
}

} // namespace

bool freePorts(uint16_t& first, uint16_t& second, QString* why)
{
    UniqueFd a, b;
    first = bindEphemeral(a, why);
    if (first == 0) return false;
    second = bindEphemeral(b, why);
    return second != 0;
}

} // namespace socklab
