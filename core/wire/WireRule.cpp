#include "WireRule.h"

#include "Event.h"

namespace socklab {

namespace {
WireRule flagRule(WireRule::Action a, uint8_t flags, int n, int count, WireDirection dir)
{
    WireRule r;
    r.action = a;
    r.required = flags;
    r.forbidden = flags == TcpFlag::SYN ? TcpFlag::ACK : 0;
    r.tcpOnly = flags != 0;
    r.nth = n;
    r.count = count;
    r.direction = dir;
    return r;
}
} // namespace

WireRule WireRule::dropNth(uint8_t flags, int n, WireDirection dir) { return flagRule(Action::Drop, flags, n, 1, dir); }

WireRule WireRule::holdNth(uint8_t flags, int n, int count, WireDirection dir)
{
    return flagRule(Action::Hold, flags, n, count, dir);
}

WireRule WireRule::holdNextSynFinOrData()
{
    WireRule r;
    r.action = Action::Hold;
    r.tcpOnly = true;
    r.anyOf = TcpFlag::SYN | TcpFlag::FIN;
    r.anyOfData = true;
    r.count = -1;
    return r;
}

} // namespace socklab
