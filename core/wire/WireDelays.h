#pragma once
// Joins the wire's policy delays to their packets' captures on lo. A delayed
// packet crosses lo (and is captured) only once the wire lets it go, so its
// capture says it all when it carries the delay: one event per packet instead
// of a "delay" wire event beside every captured segment (issue 12: memory per
// event in wire mode). A delay whose packet is not captured (capture lost it,
// or the session ended first) is handed back, to become a wire event as before.

#include "WireRecord.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>

#include <cstdint>
#include <deque>
#include <map>

namespace socklab {

class WireDelays {
public:
    // Takes the policy's "delay" records out of `records` and keeps them until
    // their packet's capture claims one.
    void keep(QList<WireRecord>& records);
    // The delay the wire gave the captured IP packet `ip` (0: none known),
    // its record consumed. Identical packets claim their records in order.
    int64_t claim(QByteArrayView ip);
    // Records no capture claimed by `epochUs` plus their delay and `graceUs`
    // (all of them with epochUs < 0), in the order the wire made them.
    QList<WireRecord> unclaimed(int64_t epochUs, int64_t graceUs = 2'000'000);
    int waiting() const { return int(m_kept.size()); }

    // What identifies one IP packet in both the wire's copy and the capture: the
    // IP header without TTL and checksum, then the transport header's first 40
    // bytes without its checksum (ports, sequence numbers, flags, options; a
    // datagram's first bytes). Empty when it is not IPv4/IPv6 TCP or UDP.
    static QByteArray packetKey(QByteArrayView ip);
    // Where the IP packet starts in a frame of this pcap link type (-1: unknown).
    static int ipOffset(int linkType);

private:
    std::map<uint64_t, std::pair<WireRecord, QByteArray>> m_kept; // by arrival: the record and its packet's key
    QHash<QByteArray, std::deque<uint64_t>> m_byKey;               // key -> its unclaimed records, oldest first
    uint64_t m_next = 0;
};

} // namespace socklab
