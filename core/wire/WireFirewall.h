#pragma once
// The lab-side set-up of the wire, done in the namespace of the calling
// thread (the lab's): lo's MTU (ioctl SIOCSIFMTU) and the netfilter rule that
// diverts every packet leaving on lo to the wire's NFQUEUE, installed by
// running iptables-nft there (root of the lab's own user namespace is enough).
// Nothing of it outlives the lab: the rule and the MTU go with its namespace.

#include <QString>

#include <cstdint>

namespace socklab {

class WireFirewall
{
public:
    static constexpr uint32_t kInjectedMark = 0x534b; // the wire's own copies (duplicates) skip the queue

    // The iptables-nft found on PATH, /usr/sbin or /sbin; empty when none.
    static QString iptablesPath();
    static bool setLoopbackMtu(int mtu, QString* error);
    static int loopbackMtu();
    // iptables-nft -A OUTPUT -o lo -m mark ! --mark 0x534b -j NFQUEUE --queue-num N
    // (IPv4; and ip6tables-nft for ::1 where it exists). Error: its own words.
    static bool divertLoopback(uint16_t queue, QString* error);
};

} // namespace socklab
