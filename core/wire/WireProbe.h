#pragma once
// Does the wire work here? One real datagram across a lab's lo through a real
// Wire (NFQUEUE + iptables-nft): for `socklab doctor`.

#include <QString>

namespace socklab {

class Lab;

class WireProbe
{
public:
    // "" when a datagram went through the wire; "no-namespace", "no-iptables",
    // or what failed (the system's words) otherwise.
    static QString run(const Lab& lab);
};

} // namespace socklab
