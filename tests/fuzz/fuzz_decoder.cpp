// Fuzzes decodePacket (and checks decodePacketData agrees): the first byte
// picks the link type, the rest is the frame.

#include "PacketDecoder.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static constexpr int kLinkTypes[] = {socklab::LinkType::Null,     socklab::LinkType::Ethernet,
                                         socklab::LinkType::RawAlt,   socklab::LinkType::Raw,
                                         socklab::LinkType::Loop,     socklab::LinkType::LinuxSll,
                                         socklab::LinkType::LinuxSll2, 147 /* unknown */};
    if (size < 2) return 0;
    const int linkType = kLinkTypes[data[0] % (sizeof kLinkTypes / sizeof kLinkTypes[0])];
    // The second byte: a snap-length cut (wireLen larger than the frame) or not.
    const uint32_t wireLen = (data[1] & 1) ? uint32_t(size - 2) + data[1] : 0;
    const QByteArrayView frame(reinterpret_cast<const char*>(data + 2), qsizetype(size - 2));
    const socklab::DecodedPacket p = socklab::decodePacket(linkType, frame, wireLen);
    // Touch what the views read, so a field pointing outside the frame shows.
    volatile qsizetype sink = p.data.payload.size() + p.error.size();
    for (const socklab::PacketLayer& l : p.layers) {
        if (l.offset < 0 || l.length < 0 || l.offset + l.length > frame.size() + 65536) __builtin_trap();
        sink = sink + l.summary.size();
    }
    (void)sink;
    // The capture's data-only decoding must give the same answer.
    const socklab::DecodedPacket q = socklab::decodePacketData(linkType, frame, wireLen);
    const socklab::PacketData &a = p.data, &b = q.data;
    if (q.ok != p.ok || q.error != p.error || !q.layers.isEmpty() || b.payload != a.payload || b.raw != a.raw
        || b.srcAddr != a.srcAddr || b.dstAddr != a.dstAddr || b.protocol != a.protocol || b.seq != a.seq
        || b.ack != a.ack || b.len != a.len || b.flags != a.flags || b.srcPort != a.srcPort || b.dstPort != a.dstPort
        || b.win != a.win || b.icmpType != a.icmpType || b.icmpCode != a.icmpCode || b.ipVersion != a.ipVersion
        || b.options.order != a.options.order || b.options.sackBlocks != a.options.sackBlocks
        || b.options.tsVal != a.options.tsVal || b.options.tsEcr != a.options.tsEcr || b.options.mss != a.options.mss
        || b.options.wscale != a.options.wscale || b.options.sackPermitted != a.options.sackPermitted
        || b.options.hasTimestamps != a.options.hasTimestamps)
        __builtin_trap();
    return 0;
}
