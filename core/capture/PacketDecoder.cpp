#include "PacketDecoder.h"

#include "StringPool.h"

#include <QStringDecoder>
#include <QtCore/qglobal.h>

#include <arpa/inet.h>

#include <algorithm>

namespace socklab {

namespace {

constexpr int kMaxFrame = 1 << 28; // keeps every offset sum far from int overflow

// Bounds-checked big-endian reads. Callers check lengths first so they can
// report a clear error; an out-of-range read still only yields 0.
class Bytes
{
public:
    explicit Bytes(QByteArrayView v) : v_(v), size_(int(std::min<qsizetype>(v.size(), kMaxFrame + 1))) {}
    int size() const { return size_; }
    bool has(int off, int n) const { return off >= 0 && n >= 0 && off <= size_ && n <= size_ - off; }
    uint8_t u8(int off) const { return has(off, 1) ? uint8_t(v_[off]) : 0; }
    uint16_t u16(int off) const { return uint16_t(u8(off) << 8 | u8(off + 1)); }
    uint32_t u32(int off) const { return uint32_t(u16(off)) << 16 | u16(off + 2); }
    QByteArrayView view(int off, int n) const { return has(off, n) ? v_.sliced(off, n) : QByteArrayView(); }

private:
    QByteArrayView v_;
    int size_;
};

struct Name {
    int value;
    const char* name;
};

// Protocol numbers -> names shown in values (protocol names are not translated).
// clang-format off
constexpr Name kEtherTypes[] = {{0x0800, "IPv4"}, {0x86dd, "IPv6"}, {0x0806, "ARP"}, {0x8100, "802.1Q"}};
constexpr Name kIpProtos[] = {{0, "Hop-by-hop"}, {1, "ICMP"}, {6, "TCP"}, {17, "UDP"}, {43, "Routing"},
    {44, "Fragment"}, {51, "AH"}, {58, "ICMPv6"}, {59, "No next header"}, {60, "Destination options"}};
constexpr Name kIcmpTypes[] = {{0, "Echo reply"}, {3, "Destination unreachable"}, {4, "Source quench"},
    {5, "Redirect"}, {8, "Echo request"}, {11, "Time exceeded"}, {12, "Parameter problem"}};
constexpr Name kIcmp6Types[] = {{1, "Destination unreachable"}, {2, "Packet too big"}, {3, "Time exceeded"},
    {4, "Parameter problem"}, {128, "Echo request"}, {129, "Echo reply"}, {133, "Router solicitation"},
    {134, "Router advertisement"}, {135, "Neighbor solicitation"}, {136, "Neighbor advertisement"}};
constexpr Name kUnreachable[] = {{0, "Network unreachable"}, {1, "Host unreachable"},
    {2, "Protocol unreachable"}, {3, "Port unreachable"}, {4, "Fragmentation needed"}};
constexpr Name kUnreachable6[] = {{0, "No route to destination"}, {1, "Administratively prohibited"},
    {3, "Address unreachable"}, {4, "Port unreachable"}};
constexpr Name kSllTypes[] = {{0, "Unicast to us"}, {1, "Broadcast"}, {2, "Multicast"},
    {3, "Unicast to another host"}, {4, "Sent by us"}};
// clang-format on

template <size_t N> const char* lookup(const Name (&table)[N], int value)
{
    for (const Name& n : table)
        if (n.value == value) return n.name;
    return nullptr;
}

QString num(qint64 v) { return QString::number(v); }
QString hex(quint64 v, int digits) { return QStringLiteral("0x%1").arg(v, digits, 16, QLatin1Char('0')); }
QString bit(bool set) { return set ? QStringLiteral("1") : QStringLiteral("0"); }
QString withName(const QString& v, const char* name)
{
    return name ? QStringLiteral("%1 (%2)").arg(v, QLatin1String(name)) : v;
}
QString named(qint64 v, const char* name) { return withName(num(v), name); }
QString protoName(int proto) { return named(proto, lookup(kIpProtos, proto)); }

PacketField field(const char* name, const QString& value, int off, int len, QList<PacketField> kids = {})
{
    return PacketField{name, value, off, len, std::move(kids)};
}

QString address(const Bytes& b, int off, bool v6)
{
    const QByteArrayView raw = b.view(off, v6 ? 16 : 4);
    char text[INET6_ADDRSTRLEN] = {};
    if (raw.isEmpty() || !inet_ntop(v6 ? AF_INET6 : AF_INET, raw.data(), text, sizeof text)) return {};
    return QString::fromLatin1(text);
}

QString mac(const Bytes& b, int off, int len)
{
    return QString::fromLatin1(b.view(off, len).toByteArray().toHex(':'));
}

// UTF-8 when the bytes are UTF-8 (the lesson sends Chinese text; a character
// cut at the end is allowed), otherwise printable ASCII; '.' for the rest.
QString textPreview(QByteArrayView bytes)
{
    for (qsizetype cut = 0; cut < 4 && cut < bytes.size(); ++cut) {
        QStringDecoder dec(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        QString s = dec.decode(bytes.first(bytes.size() - cut));
        if (dec.hasError()) continue;
        for (QChar& c : s)
            if (!c.isPrint() && !c.isSurrogate()) c = QLatin1Char('.');
        return s;
    }
    QString s;
    for (char c : bytes) s += (c >= 0x20 && c < 0x7f) ? QLatin1Char(c) : QLatin1Char('.');
    return s;
}

// "68 65 6c 6c 6f | hello", at most 64 bytes of it.
QString payloadPreview(QByteArrayView bytes)
{
    constexpr qsizetype kMax = 64;
    const QByteArrayView head = bytes.first(std::min(bytes.size(), kMax));
    const QString more = bytes.size() > kMax ? QStringLiteral("…") : QString();
    return QStringLiteral("%1%2 | %3%2")
        .arg(QString::fromLatin1(head.toByteArray().toHex(' ')), more, textPreview(head));
}

// Internet checksum over [off, off+len) with the checksum field taken as zero.
uint16_t inetChecksum(const Bytes& b, int off, int len, int checksumOff)
{
    uint32_t sum = 0;
    for (int i = off; i < off + len; i += 2)
        if (i != checksumOff) sum += i + 1 < off + len ? b.u16(i) : uint32_t(b.u8(i)) << 8;
    while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
    return uint16_t(~sum);
}

// Wireshark's order, low bit first: "SYN, ACK", "FIN, PSH, ACK".
QString flagText(uint16_t flags)
{
    static const char* const names[] = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR", "AE"};
    QStringList set;
    for (int i = 0; i < 9; ++i)
        if (flags & (1u << i)) set << QLatin1String(names[i]);
    return set.join(QStringLiteral(", "));
}

// The IP payload: [off, end) as the IP header declares it, of which
// [off, capEnd) was captured (less only when the snap length cut it).
struct Span {
    int off = 0;
    int end = 0;
    int capEnd = 0;
    bool fragment = false; // a first fragment: the UDP length may exceed this packet
};

class Decoder
{
public:
    Decoder(QByteArrayView frame, uint32_t wireLen, bool fields)
        : b_(frame), wireSize_(int(std::min<qint64>(std::max<qint64>(wireLen, b_.size()), kMaxFrame))),
          fields_(fields)
    {
    }
    bool run(int linkType);

    DecodedPacket out;
    int payloadAt = -1; // where out.data.payload starts in the frame

private:
    bool fail(const QString& msg)
    {
        out.error = msg;
        return false;
    }
    PacketLayer& addLayer(PacketLayer::Kind kind, const char* name, int off, int len)
    {
        out.layers.append(PacketLayer{kind, name, {}, off, len, {}});
        return out.layers.last();
    }
    bool ethernet();
    bool linuxSll(bool v2);
    bool nullLoopback();
    bool network(int etherType, int off);
    bool ipv4(int off);
    void ipv4Layer(int off, int ihl, int total, int tos, int proto, int frag);
    bool ipv6(int off);
    PacketLayer& ipv6Layer(int off, uint32_t first, int payloadLen, uint8_t next);
    bool ipSpan(const char* what, int off, int headerLen, int declaredLen, Span& span);
    bool walkIpv6Ext(int& p, int end, uint8_t& next, bool& fragment, QList<PacketField>* fields);
    bool transport(int proto, const Span& span);
    bool tcp(const Span& s);
    bool tcpOptions(int p, int end, PacketField& optionsField);
    bool udp(const Span& s);
    bool icmp(const Span& s, bool v6);
    PacketField quoted(int off, int capEnd, bool v6);
    void application(int off, int declaredLen, int capEnd);

    Bytes b_;
    int wireSize_; // the frame's length on the wire (>= captured)
    bool fields_;  // false: out.data only, no IP/transport/payload layers (decodePacketData)
};

bool Decoder::run(int linkType)
{
    if (b_.size() > kMaxFrame) return fail(QStringLiteral("frame too large: %1 bytes").arg(b_.size()));
    if (b_.size() == 0) return fail(QStringLiteral("empty frame"));
    switch (linkType) {
    case LinkType::Ethernet: return ethernet();
    case LinkType::LinuxSll: return linuxSll(false);
    case LinkType::LinuxSll2: return linuxSll(true);
    case LinkType::Null:
    case LinkType::Loop: return nullLoopback();
    case LinkType::Raw:
    case LinkType::RawAlt: {
        const int version = b_.u8(0) >> 4;
        if (version != 4 && version != 6)
            return fail(QStringLiteral("raw packet with IP version %1").arg(version));
        return network(version == 4 ? 0x0800 : 0x86dd, 0);
    }
    }
    return fail(QStringLiteral("unsupported link type %1").arg(linkType));
}

bool Decoder::ethernet()
{
    if (!b_.has(0, 14))
        return fail(QStringLiteral("truncated Ethernet header: %1 of 14 bytes").arg(b_.size()));
    PacketLayer& l =
        addLayer(PacketLayer::Kind::Link, QT_TRANSLATE_NOOP("PacketLayer", "Ethernet II"), 0, 14);
    l.summary = QStringLiteral("Src: %1, Dst: %2").arg(mac(b_, 6, 6), mac(b_, 0, 6));
    l.fields << field(QT_TRANSLATE_NOOP("PacketField", "Destination"), mac(b_, 0, 6), 0, 6)
             << field(QT_TRANSLATE_NOOP("PacketField", "Source"), mac(b_, 6, 6), 6, 6);
    int off = 12;
    // Up to two 802.1Q / 802.1ad tags sit between the MACs and the EtherType.
    for (int tags = 0; (b_.u16(off) == 0x8100 || b_.u16(off) == 0x88a8) && tags < 2; ++tags) {
        if (!b_.has(off, 6)) return fail(QStringLiteral("truncated 802.1Q VLAN tag"));
        l.fields << field(QT_TRANSLATE_NOOP("PacketField", "VLAN tag"), num(b_.u16(off + 2) & 0x0fff), off,
                          4);
        off += 4;
        l.length += 4;
    }
    const int type = b_.u16(off);
    l.fields << field(QT_TRANSLATE_NOOP("PacketField", "Type"),
                      withName(hex(type, 4), lookup(kEtherTypes, type)), off, 2);
    return network(type, off + 2);
}

// DLT_LINUX_SLL (16 bytes) and DLT_LINUX_SLL2 (20 bytes, fields reordered).
bool Decoder::linuxSll(bool v2)
{
    const int size = v2 ? 20 : 16;
    if (!b_.has(0, size))
        return fail(QStringLiteral("truncated Linux cooked header: %1 of %2 bytes").arg(b_.size()).arg(size));
    const int pktType = v2 ? b_.u8(10) : b_.u16(0), hatype = b_.u16(v2 ? 8 : 2);
    const int addrLen = v2 ? b_.u8(11) : b_.u16(4), proto = b_.u16(v2 ? 0 : 14);
    const char* pktName = lookup(kSllTypes, pktType);
    PacketLayer& l = addLayer(PacketLayer::Kind::Link,
                              v2 ? QT_TRANSLATE_NOOP("PacketLayer", "Linux cooked capture v2")
                                 : QT_TRANSLATE_NOOP("PacketLayer", "Linux cooked capture"),
                              0, size);
    l.summary = pktName ? QString::fromLatin1(pktName) : num(pktType);
    l.fields << field(QT_TRANSLATE_NOOP("PacketField", "Packet type"), named(pktType, pktName), v2 ? 10 : 0,
                      v2 ? 1 : 2)
             << field(QT_TRANSLATE_NOOP("PacketField", "Link-layer address type"),
                      named(hatype, hatype == 772 ? "Loopback"
                                    : hatype == 1 ? "Ethernet"
                                                  : nullptr),
                      v2 ? 8 : 2, 2)
             << field(QT_TRANSLATE_NOOP("PacketField", "Link-layer address length"), num(addrLen),
                      v2 ? 11 : 4, v2 ? 1 : 2)
             << field(QT_TRANSLATE_NOOP("PacketField", "Source"), mac(b_, v2 ? 12 : 6, std::min(addrLen, 8)),
                      v2 ? 12 : 6, 8)
             << field(QT_TRANSLATE_NOOP("PacketField", "Protocol"),
                      withName(hex(proto, 4), lookup(kEtherTypes, proto)), v2 ? 0 : 14, 2);
    if (v2) l.fields << field(QT_TRANSLATE_NOOP("PacketField", "Interface index"), num(b_.u32(4)), 4, 4);
    return network(proto, size);
}

bool Decoder::nullLoopback()
{
    if (!b_.has(0, 4)) return fail(QStringLiteral("truncated loopback header: %1 of 4 bytes").arg(b_.size()));
    // DLT_NULL is in the capturing host's byte order; family numbers are small.
    uint32_t family = b_.u32(0);
    if (family > 0xffff) family = __builtin_bswap32(family);
    const bool v6 = family == 10 || family == 24 || family == 28 || family == 30; // Linux, BSDs, macOS
    const char* name = family == 2 ? "IPv4" : v6 ? "IPv6" : nullptr;
    PacketLayer& l =
        addLayer(PacketLayer::Kind::Link, QT_TRANSLATE_NOOP("PacketLayer", "Null/Loopback"), 0, 4);
    l.summary = QStringLiteral("Family: %1").arg(named(family, name));
    l.fields << field(QT_TRANSLATE_NOOP("PacketField", "Family"), named(family, name), 0, 4);
    if (!name) return fail(QStringLiteral("unsupported address family %1").arg(family));
    return network(family == 2 ? 0x0800 : 0x86dd, 4);
}

bool Decoder::network(int etherType, int off)
{
    if (etherType == 0x0800) return ipv4(off);
    if (etherType == 0x86dd) return ipv6(off);
    return fail(QStringLiteral("unsupported network protocol %1")
                    .arg(withName(hex(etherType, 4), lookup(kEtherTypes, etherType))));
}

// Checks the IP-declared length against the frame and fills `span`.
bool Decoder::ipSpan(const char* what, int off, int headerLen, int declaredLen, Span& span)
{
    span.end = off + declaredLen;
    if (span.end > wireSize_)
        return fail(QStringLiteral("truncated %1 packet: length %2, only %3 bytes in the frame")
                        .arg(QLatin1String(what))
                        .arg(declaredLen)
                        .arg(wireSize_ - off));
    span.off = off + headerLen;
    span.capEnd = std::min(span.end, b_.size()); // Ethernet padding after `end` is dropped
    return true;
}

bool Decoder::ipv4(int off)
{
    const int avail = b_.size() - off;
    if (avail < 20) return fail(QStringLiteral("truncated IPv4 header: %1 of 20 bytes").arg(avail));
    if (b_.u8(off) >> 4 != 4) return fail(QStringLiteral("bad IPv4 version: %1").arg(b_.u8(off) >> 4));
    const int ihl = (b_.u8(off) & 0x0f) * 4;
    if (ihl < 20)
        return fail(
            QStringLiteral("bad IPv4 header length: %1 bytes (IHL %2, minimum 5)").arg(ihl).arg(ihl / 4));
    if (ihl > avail) return fail(QStringLiteral("truncated IPv4 header: %1 of %2 bytes").arg(avail).arg(ihl));
    const int total = b_.u16(off + 2), tos = b_.u8(off + 1), proto = b_.u8(off + 9), frag = b_.u16(off + 6);
    const int fragOffset = (frag & 0x1fff) * 8;
    PacketData& d = out.data;
    d.ipVersion = 4;
    d.srcAddr = address(b_, off + 12, false);
    d.dstAddr = address(b_, off + 16, false);

    if (fields_) ipv4Layer(off, ihl, total, tos, proto, frag);
    if (total < ihl)
        return fail(
            QStringLiteral("IPv4 total length %1 is shorter than its header (%2 bytes)").arg(total).arg(ihl));
    Span span;
    if (!ipSpan("IPv4", off, ihl, total, span)) return false;
    if (fragOffset != 0)
        return fail(QStringLiteral("IPv4 fragment at offset %1: not reassembled").arg(fragOffset));
    span.fragment = frag & 0x2000;
    return transport(proto, span);
}

// The IPv4 header as a layer of fields (its checks are ipv4()'s).
void Decoder::ipv4Layer(int off, int ihl, int total, int tos, int proto, int frag)
{
    const int fragOffset = (frag & 0x1fff) * 8;
    const PacketData& d = out.data;
    QStringList flagNames;
    if (frag & 0x4000) flagNames << QStringLiteral("DF");
    if (frag & 0x2000) flagNames << QStringLiteral("MF");
    const QString flagsValue =
        hex(frag >> 13, 1) +
        (flagNames.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(flagNames.join(QLatin1Char(','))));
    PacketLayer& l = addLayer(PacketLayer::Kind::Network, QT_TRANSLATE_NOOP("PacketLayer", "IPv4"), off, ihl);
    l.summary = QStringLiteral("Src: %1, Dst: %2").arg(d.srcAddr, d.dstAddr);
    l.fields
        << field(QT_TRANSLATE_NOOP("PacketField", "Version"), QStringLiteral("4"), off, 1)
        << field(QT_TRANSLATE_NOOP("PacketField", "Header length"),
                 QStringLiteral("%1 bytes (%2)").arg(ihl).arg(ihl / 4), off, 1)
        << field(QT_TRANSLATE_NOOP("PacketField", "Differentiated services"), hex(tos, 2), off + 1, 1,
                 {field(QT_TRANSLATE_NOOP("PacketField", "DSCP"), num(tos >> 2), off + 1, 1),
                  field(QT_TRANSLATE_NOOP("PacketField", "ECN"), num(tos & 3), off + 1, 1)})
        << field(QT_TRANSLATE_NOOP("PacketField", "Total length"), num(total), off + 2, 2)
        << field(QT_TRANSLATE_NOOP("PacketField", "Identification"),
                 QStringLiteral("%1 (%2)").arg(hex(b_.u16(off + 4), 4)).arg(b_.u16(off + 4)), off + 4, 2)
        << field(QT_TRANSLATE_NOOP("PacketField", "Flags"), flagsValue, off + 6, 1,
                 {field(QT_TRANSLATE_NOOP("PacketField", "Reserved bit"), bit(frag & 0x8000), off + 6, 1),
                  field(QT_TRANSLATE_NOOP("PacketField", "Don't fragment"), bit(frag & 0x4000), off + 6, 1),
                  field(QT_TRANSLATE_NOOP("PacketField", "More fragments"), bit(frag & 0x2000), off + 6, 1)})
        << field(QT_TRANSLATE_NOOP("PacketField", "Fragment offset"), num(fragOffset), off + 6, 2)
        << field(QT_TRANSLATE_NOOP("PacketField", "Time to live"), num(b_.u8(off + 8)), off + 8, 1)
        << field(QT_TRANSLATE_NOOP("PacketField", "Protocol"), protoName(proto), off + 9, 1)
        << field(QT_TRANSLATE_NOOP("PacketField", "Header checksum"), hex(b_.u16(off + 10), 4), off + 10, 2,
                 {field(QT_TRANSLATE_NOOP("PacketField", "Calculated checksum"),
                        hex(inetChecksum(b_, off, ihl, off + 10), 4), off + 10, 2)})
        << field(QT_TRANSLATE_NOOP("PacketField", "Source address"), d.srcAddr, off + 12, 4)
        << field(QT_TRANSLATE_NOOP("PacketField", "Destination address"), d.dstAddr, off + 16, 4);
    if (ihl > 20) // shown, not interpreted
        l.fields << field(QT_TRANSLATE_NOOP("PacketField", "Options"),
                          QString::fromLatin1(b_.view(off + 20, ihl - 20).toByteArray().toHex(' ')), off + 20,
                          ihl - 20);
}

// Steps `p` over hop-by-hop / routing / fragment / AH / destination-options
// headers up to the transport header; `next` ends as the transport protocol.
bool Decoder::walkIpv6Ext(int& p, int end, uint8_t& next, bool& fragment, QList<PacketField>* fields)
{
    for (;;) { // ends: each header is at least 8 bytes
        const char* name = next == 0    ? QT_TRANSLATE_NOOP("PacketField", "Hop-by-hop options")
                           : next == 43 ? QT_TRANSLATE_NOOP("PacketField", "Routing header")
                           : next == 44 ? QT_TRANSLATE_NOOP("PacketField", "Fragment header")
                           : next == 51 ? QT_TRANSLATE_NOOP("PacketField", "Authentication header")
                           : next == 60 ? QT_TRANSLATE_NOOP("PacketField", "Destination options")
                                        : nullptr;
        if (!name) return true;
        if (p + 2 > end || !b_.has(p, 2))
            return fail(QStringLiteral("truncated IPv6 extension header (next header %1)").arg(next));
        const int len = next == 44 ? 8 : next == 51 ? (b_.u8(p + 1) + 2) * 4 : (b_.u8(p + 1) + 1) * 8;
        if (p + len > end || !b_.has(p, len))
            return fail(QStringLiteral("truncated IPv6 extension header: %1 bytes, %2 left")
                            .arg(len)
                            .arg(std::min(end, b_.size()) - p));
        if (next == 44) {
            const int fragOffset = b_.u16(p + 2) & 0xfff8;
            if (fragOffset != 0)
                return fail(QStringLiteral("IPv6 fragment at offset %1: not reassembled").arg(fragOffset));
            fragment = b_.u16(p + 2) & 1;
        }
        if (fields)
            *fields << field(
                name, QStringLiteral("%1 bytes, next header %2").arg(len).arg(protoName(b_.u8(p))), p, len);
        next = b_.u8(p);
        p += len;
    }
}

bool Decoder::ipv6(int off)
{
    const int avail = b_.size() - off;
    if (avail < 40) return fail(QStringLiteral("truncated IPv6 header: %1 of 40 bytes").arg(avail));
    if (b_.u8(off) >> 4 != 6) return fail(QStringLiteral("bad IPv6 version: %1").arg(b_.u8(off) >> 4));
    const uint32_t first = b_.u32(off);
    const int payloadLen = b_.u16(off + 4);
    uint8_t next = b_.u8(off + 6);
    PacketData& d = out.data;
    d.ipVersion = 6;
    d.srcAddr = address(b_, off + 8, true);
    d.dstAddr = address(b_, off + 24, true);

    Span span;
    if (!ipSpan("IPv6", off, 40, 40 + payloadLen, span)) {
        if (fields_) ipv6Layer(off, first, payloadLen, next);
        return false;
    }
    if (!fields_) return walkIpv6Ext(span.off, span.end, next, span.fragment, nullptr) && transport(next, span);
    PacketLayer& l = ipv6Layer(off, first, payloadLen, next);
    const bool walked =
        walkIpv6Ext(span.off, span.end, next, span.fragment, &l.fields); // adds no layer: `l` stays valid
    l.length = span.off - off;
    return walked && transport(next, span);
}

// The fixed IPv6 header as a layer of fields (its checks are ipv6()'s).
PacketLayer& Decoder::ipv6Layer(int off, uint32_t first, int payloadLen, uint8_t next)
{
    const int tc = (first >> 20) & 0xff;
    const PacketData& d = out.data;
    PacketLayer& l = addLayer(PacketLayer::Kind::Network, QT_TRANSLATE_NOOP("PacketLayer", "IPv6"), off, 40);
    l.summary = QStringLiteral("Src: %1, Dst: %2").arg(d.srcAddr, d.dstAddr);
    l.fields << field(QT_TRANSLATE_NOOP("PacketField", "Version"), QStringLiteral("6"), off, 1)
             << field(QT_TRANSLATE_NOOP("PacketField", "Traffic class"), hex(tc, 2), off, 2,
                      {field(QT_TRANSLATE_NOOP("PacketField", "DSCP"), num(tc >> 2), off, 2),
                       field(QT_TRANSLATE_NOOP("PacketField", "ECN"), num(tc & 3), off + 1, 1)})
             << field(QT_TRANSLATE_NOOP("PacketField", "Flow label"), hex(first & 0xfffff, 5), off + 1, 3)
             << field(QT_TRANSLATE_NOOP("PacketField", "Payload length"), num(payloadLen), off + 4, 2)
             << field(QT_TRANSLATE_NOOP("PacketField", "Next header"), protoName(next), off + 6, 1)
             << field(QT_TRANSLATE_NOOP("PacketField", "Hop limit"), num(b_.u8(off + 7)), off + 7, 1)
             << field(QT_TRANSLATE_NOOP("PacketField", "Source address"), d.srcAddr, off + 8, 16)
             << field(QT_TRANSLATE_NOOP("PacketField", "Destination address"), d.dstAddr, off + 24, 16);
    return l;
}

bool Decoder::transport(int proto, const Span& span)
{
    if (proto == 6) return tcp(span);
    if (proto == 17) return udp(span);
    if (proto == 1 && out.data.ipVersion == 4) return icmp(span, false);
    if (proto == 58 && out.data.ipVersion == 6) return icmp(span, true);
    return fail(QStringLiteral("unsupported IP protocol %1").arg(protoName(proto)));
}

bool Decoder::tcp(const Span& s)
{
    const int off = s.off, segLen = s.end - off, cap = s.capEnd - off;
    if (segLen < 20)
        return fail(QStringLiteral("IP payload too short for a TCP header: %1 bytes").arg(segLen));
    if (cap < 20) return fail(QStringLiteral("truncated TCP header: %1 of 20 bytes").arg(cap));
    const int hlen = (b_.u8(off + 12) >> 4) * 4;
    if (hlen < 20)
        return fail(QStringLiteral("bad TCP data offset %1: header length %2 bytes, minimum 20")
                        .arg(hlen / 4)
                        .arg(hlen));
    if (hlen > segLen)
        return fail(
            QStringLiteral("TCP header length %1 exceeds the segment (%2 bytes)").arg(hlen).arg(segLen));
    if (hlen > cap) return fail(QStringLiteral("truncated TCP header: %1 of %2 bytes").arg(cap).arg(hlen));

    PacketData& d = out.data;
    const uint16_t flags = b_.u16(off + 12) & 0x0fff;
    d.protocol = QStringLiteral("tcp");
    d.srcPort = b_.u16(off);
    d.dstPort = b_.u16(off + 2);
    d.seq = b_.u32(off + 4);
    d.ack = b_.u32(off + 8);
    d.flags = uint8_t(flags);
    d.win = b_.u16(off + 14);
    d.len = uint32_t(segLen - hlen);
    d.payload = b_.view(off + hlen, cap - hlen).toByteArray();
    payloadAt = off + hlen;
    if (!fields_) {
        PacketField opts;
        return hlen <= 20 || tcpOptions(off + 20, off + hlen, opts);
    }

    PacketLayer& l =
        addLayer(PacketLayer::Kind::Transport, QT_TRANSLATE_NOOP("PacketLayer", "TCP"), off, hlen);
    l.summary =
        QStringLiteral("Src Port: %1, Dst Port: %2, Seq: %3").arg(d.srcPort).arg(d.dstPort).arg(d.seq);
    if (flags & TcpFlag::ACK) l.summary += QStringLiteral(", Ack: %1").arg(d.ack);
    l.summary += QStringLiteral(", Len: %1").arg(d.len);
    const Name bits[] = {{0x100, QT_TRANSLATE_NOOP("PacketField", "Accurate ECN (AE)")},
                         {TcpFlag::CWR, QT_TRANSLATE_NOOP("PacketField", "Congestion window reduced (CWR)")},
                         {TcpFlag::ECE, QT_TRANSLATE_NOOP("PacketField", "ECN-Echo (ECE)")},
                         {TcpFlag::URG, QT_TRANSLATE_NOOP("PacketField", "Urgent (URG)")},
                         {TcpFlag::ACK, QT_TRANSLATE_NOOP("PacketField", "Acknowledgment (ACK)")},
                         {TcpFlag::PSH, QT_TRANSLATE_NOOP("PacketField", "Push (PSH)")},
                         {TcpFlag::RST, QT_TRANSLATE_NOOP("PacketField", "Reset (RST)")},
                         {TcpFlag::SYN, QT_TRANSLATE_NOOP("PacketField", "Syn (SYN)")},
                         {TcpFlag::FIN, QT_TRANSLATE_NOOP("PacketField", "Fin (FIN)")}};
    const QString flagsValue =
        flags ? QStringLiteral("%1 (%2)").arg(hex(flags, 4), flagText(flags)) : hex(flags, 4);
    QList<PacketField> flagFields{
        field(QT_TRANSLATE_NOOP("PacketField", "Reserved"), num((flags >> 9) & 7), off + 12, 1)};
    for (const Name& f : bits)
        flagFields << field(f.name, bit(flags & f.value), f.value == 0x100 ? off + 12 : off + 13, 1);
    l.fields << field(QT_TRANSLATE_NOOP("PacketField", "Source port"), num(d.srcPort), off, 2)
             << field(QT_TRANSLATE_NOOP("PacketField", "Destination port"), num(d.dstPort), off + 2, 2)
             << field(QT_TRANSLATE_NOOP("PacketField", "Sequence number"), num(d.seq), off + 4, 4)
             << field(QT_TRANSLATE_NOOP("PacketField", "Acknowledgment number"), num(d.ack), off + 8, 4)
             << field(QT_TRANSLATE_NOOP("PacketField", "Header length"),
                      QStringLiteral("%1 bytes (%2)").arg(hlen).arg(hlen / 4), off + 12, 1)
             << field(QT_TRANSLATE_NOOP("PacketField", "Flags"), flagsValue, off + 12, 2, flagFields)
             << field(QT_TRANSLATE_NOOP("PacketField", "Window"), num(d.win), off + 14, 2)
             << field(QT_TRANSLATE_NOOP("PacketField", "Checksum"), hex(b_.u16(off + 16), 4), off + 16, 2)
             << field(QT_TRANSLATE_NOOP("PacketField", "Urgent pointer"), num(b_.u16(off + 18)), off + 18, 2);
    if (hlen > 20) {
        PacketField opts = field(QT_TRANSLATE_NOOP("PacketField", "Options"), {}, off + 20, hlen - 20);
        const bool good = tcpOptions(off + 20, off + hlen, opts);
        l.fields << opts; // tcpOptions adds no layer: `l` stays valid
        if (!good) return false;
    }
    application(off + hlen, segLen - hlen, s.capEnd);
    return true;
}

// Fills out.data.options and the children of `optionsField`; its value is
// tcpdump's notation: "mss 65495,sackOK,TS val 1 ecr 0,nop,wscale 7".
bool Decoder::tcpOptions(int p, int end, PacketField& optionsField)
{
    TcpOptions& o = out.data.options;
    QStringList text;
    // The order is pooled as a whole: set once, however the loop ends.
    struct OrderOnExit {
        TcpOptions& o;
        QStringList order;
        ~OrderOnExit() { o.order = order; }
    } kinds{o, {}};
    auto add = [&](const char* name, const QString& value, int len, const QString& order,
                   const QString& shown, QList<PacketField> kids = {}) {
        kinds.order << order;
        if (!fields_) return;
        text << shown;
        optionsField.children << field(name, value, p, len, std::move(kids));
        optionsField.value = text.join(QLatin1Char(','));
    };
    while (p < end) {
        const int kind = b_.u8(p);
        if (kind == 0) { // end of list: the rest is padding
            add(QT_TRANSLATE_NOOP("PacketField", "End of option list (EOL)"), {}, end - p,
                QStringLiteral("eol"), QStringLiteral("eol"));
            break;
        }
        if (kind == 1) {
            add(QT_TRANSLATE_NOOP("PacketField", "No-operation (NOP)"), {}, 1, QStringLiteral("nop"),
                QStringLiteral("nop"));
            ++p;
            continue;
        }
        if (p + 2 > end) return fail(QStringLiteral("TCP option kind %1 has no length byte").arg(kind));
        const int len = b_.u8(p + 1);
        if (len < 2)
            return fail(QStringLiteral("TCP option kind %1 has invalid length %2").arg(kind).arg(len));
        if (len > end - p)
            return fail(QStringLiteral("TCP option kind %1 overruns the header: length %2, %3 bytes left")
                            .arg(kind)
                            .arg(len)
                            .arg(end - p));
        const int expected = kind == 2 ? 4 : kind == 3 ? 3 : kind == 4 ? 2 : kind == 8 ? 10 : len;
        if (len != expected || (kind == 5 && (len < 10 || (len - 2) % 8 != 0)))
            return fail(QStringLiteral("TCP option kind %1 has length %2, expected %3")
                            .arg(kind)
                            .arg(len)
                            .arg(kind == 5 ? QStringLiteral("2 + 8n") : num(expected)));
        QList<PacketField> kids{field(QT_TRANSLATE_NOOP("PacketField", "Kind"), num(kind), p, 1),
                                field(QT_TRANSLATE_NOOP("PacketField", "Length"), num(len), p + 1, 1)};
        if (kind == 2) {
            o.mss = b_.u16(p + 2);
            kids << field(QT_TRANSLATE_NOOP("PacketField", "MSS value"), num(o.mss), p + 2, 2);
            add(QT_TRANSLATE_NOOP("PacketField", "Maximum segment size"), num(o.mss), len,
                QStringLiteral("mss"), QStringLiteral("mss %1").arg(o.mss), kids);
        } else if (kind == 3) {
            o.wscale = b_.u8(p + 2);
            kids << field(QT_TRANSLATE_NOOP("PacketField", "Shift count"), num(o.wscale), p + 2, 1);
            add(QT_TRANSLATE_NOOP("PacketField", "Window scale"),
                QStringLiteral("%1 (multiply by %2)").arg(o.wscale).arg(qint64(1) << std::min<int>(o.wscale, 62)),
                len, QStringLiteral("wscale"), QStringLiteral("wscale %1").arg(o.wscale), kids);
        } else if (kind == 4) {
            o.sackPermitted = true;
            add(QT_TRANSLATE_NOOP("PacketField", "SACK permitted"), {}, len, QStringLiteral("sackOK"),
                QStringLiteral("sackOK"), kids);
        } else if (kind == 8) {
            o.hasTimestamps = true;
            o.tsVal = b_.u32(p + 2);
            o.tsEcr = b_.u32(p + 6);
            kids << field(QT_TRANSLATE_NOOP("PacketField", "Timestamp value"), num(o.tsVal), p + 2, 4)
                 << field(QT_TRANSLATE_NOOP("PacketField", "Timestamp echo reply"), num(o.tsEcr), p + 6, 4);
            add(QT_TRANSLATE_NOOP("PacketField", "Timestamps"),
                QStringLiteral("TSval %1, TSecr %2").arg(o.tsVal).arg(o.tsEcr), len, QStringLiteral("TS"),
                QStringLiteral("TS val %1 ecr %2").arg(o.tsVal).arg(o.tsEcr), kids);
        } else if (kind == 5) {
            QStringList blocks;
            for (int q = p + 2; q + 8 <= p + len; q += 8) {
                o.sackBlocks.append({b_.u32(q), b_.u32(q + 4)});
                blocks << QStringLiteral("%1-%2").arg(b_.u32(q)).arg(b_.u32(q + 4));
                kids << field(QT_TRANSLATE_NOOP("PacketField", "Left edge"), num(b_.u32(q)), q, 4)
                     << field(QT_TRANSLATE_NOOP("PacketField", "Right edge"), num(b_.u32(q + 4)), q + 4, 4);
            }
            add(QT_TRANSLATE_NOOP("PacketField", "SACK"), blocks.join(QLatin1Char(' ')), len,
                QStringLiteral("sack"),
                QStringLiteral("sack %1 {%2}").arg(blocks.size()).arg(blocks.join(QStringLiteral("}{"))),
                kids);
        } else {
            add(QT_TRANSLATE_NOOP("PacketField", "Unknown option"),
                QStringLiteral("kind %1, %2 bytes").arg(kind).arg(len), len,
                QStringLiteral("opt%1").arg(kind), QStringLiteral("opt-%1").arg(kind), kids);
        }
        p += len;
    }
    return true;
}

bool Decoder::udp(const Span& s)
{
    const int off = s.off, segLen = s.end - off, cap = s.capEnd - off;
    if (segLen < 8)
        return fail(QStringLiteral("IP payload too short for a UDP header: %1 bytes").arg(segLen));
    if (cap < 8) return fail(QStringLiteral("truncated UDP header: %1 of 8 bytes").arg(cap));
    PacketData& d = out.data;
    const int ulen = b_.u16(off + 4);
    d.protocol = QStringLiteral("udp");
    d.srcPort = b_.u16(off);
    d.dstPort = b_.u16(off + 2);
    PacketLayer& l = addLayer(PacketLayer::Kind::Transport, QT_TRANSLATE_NOOP("PacketLayer", "UDP"), off, 8);
    l.summary = QStringLiteral("Src Port: %1, Dst Port: %2, Len: %3")
                    .arg(d.srcPort)
                    .arg(d.dstPort)
                    .arg(std::max(ulen - 8, 0));
    l.fields << field(QT_TRANSLATE_NOOP("PacketField", "Source port"), num(d.srcPort), off, 2)
             << field(QT_TRANSLATE_NOOP("PacketField", "Destination port"), num(d.dstPort), off + 2, 2)
             << field(QT_TRANSLATE_NOOP("PacketField", "Length"), num(ulen), off + 4, 2)
             << field(QT_TRANSLATE_NOOP("PacketField", "Checksum"), hex(b_.u16(off + 6), 4), off + 6, 2);
    if (ulen < 8) return fail(QStringLiteral("bad UDP length %1 (minimum 8)").arg(ulen));
    if (ulen > segLen && !s.fragment)
        return fail(QStringLiteral("UDP length %1 exceeds the IP payload (%2 bytes)").arg(ulen).arg(segLen));
    const int end = std::min(off + ulen, s.capEnd);
    d.len = uint32_t(ulen - 8);
    d.payload = b_.view(off + 8, end - off - 8).toByteArray();
    payloadAt = off + 8;
    application(off + 8, ulen - 8, end);
    return true;
}

// The IP header and first transport bytes an ICMP error quotes. Lenient:
// what is missing is left out, a broken quotation does not spoil the message.
PacketField Decoder::quoted(int off, int capEnd, bool v6)
{
    PacketField f = field(QT_TRANSLATE_NOOP("PacketField", "Original datagram"), {}, off, capEnd - off);
    const int hlen = v6 ? 40 : (b_.u8(off) & 0x0f) * 4;
    if (capEnd - off < (v6 ? 40 : 20) || b_.u8(off) >> 4 != (v6 ? 6 : 4) || hlen < 20 || off + hlen > capEnd)
        return f;
    const int srcOff = off + (v6 ? 8 : 12), dstOff = off + (v6 ? 24 : 16), protoOff = off + (v6 ? 6 : 9);
    const QString src = address(b_, srcOff, v6), dst = address(b_, dstOff, v6);
    uint8_t proto = b_.u8(protoOff);
    f.children << field(QT_TRANSLATE_NOOP("PacketField", "Source address"), src, srcOff, v6 ? 16 : 4)
               << field(QT_TRANSLATE_NOOP("PacketField", "Destination address"), dst, dstOff, v6 ? 16 : 4);
    int p = off + hlen;
    bool fragment = false;
    const QString savedError = out.error;
    if (v6 && !walkIpv6Ext(p, capEnd, proto, fragment, nullptr)) {
        out.error = savedError;
        return f;
    }
    f.children << field(QT_TRANSLATE_NOOP("PacketField", "Protocol"), protoName(proto), protoOff, 1);
    f.value = QStringLiteral("%1 → %2 (%3)").arg(src, dst, protoName(proto));
    if ((proto == 6 || proto == 17) && p + 4 <= capEnd) {
        out.data.srcPort = b_.u16(p);
        out.data.dstPort = b_.u16(p + 2);
        f.children << field(QT_TRANSLATE_NOOP("PacketField", "Source port"), num(out.data.srcPort), p, 2)
                   << field(QT_TRANSLATE_NOOP("PacketField", "Destination port"), num(out.data.dstPort),
                            p + 2, 2);
        f.value = QStringLiteral("%1 %2 → %3 %4 (%5)")
                      .arg(src)
                      .arg(out.data.srcPort)
                      .arg(dst)
                      .arg(out.data.dstPort)
                      .arg(QLatin1String(proto == 6 ? "TCP" : "UDP"));
    }
    return f;
}

bool Decoder::icmp(const Span& s, bool v6)
{
    const QLatin1String what(v6 ? "ICMPv6" : "ICMP");
    const int off = s.off, msgLen = s.end - off, cap = s.capEnd - off;
    if (msgLen < 8)
        return fail(QStringLiteral("IP payload too short for an %1 header: %2 bytes").arg(what).arg(msgLen));
    if (cap < 8) return fail(QStringLiteral("truncated %1 header: %2 of 8 bytes").arg(what).arg(cap));
    PacketData& d = out.data;
    const int type = b_.u8(off), code = b_.u8(off + 1);
    d.protocol = v6 ? QStringLiteral("icmp6") : QStringLiteral("icmp");
    d.icmpType = type;
    d.icmpCode = code;
    d.len = uint32_t(msgLen - 8);
    d.payload = b_.view(off + 8, cap - 8).toByteArray();
    payloadAt = off + 8;
    const bool unreachable = type == (v6 ? 1 : 3);
    const QString typeText = named(type, v6 ? lookup(kIcmp6Types, type) : lookup(kIcmpTypes, type));
    const char* codeName = !unreachable ? nullptr
                           : v6         ? lookup(kUnreachable6, code)
                                        : lookup(kUnreachable, code);
    PacketLayer& l = addLayer(
        PacketLayer::Kind::Transport,
        v6 ? QT_TRANSLATE_NOOP("PacketLayer", "ICMPv6") : QT_TRANSLATE_NOOP("PacketLayer", "ICMP"), off, cap);
    l.summary = QStringLiteral("Type: %1, Code: %2").arg(typeText, named(code, codeName));
    l.fields << field(QT_TRANSLATE_NOOP("PacketField", "Type"), typeText, off, 1)
             << field(QT_TRANSLATE_NOOP("PacketField", "Code"), named(code, codeName), off + 1, 1)
             << field(QT_TRANSLATE_NOOP("PacketField", "Checksum"), hex(b_.u16(off + 2), 4), off + 2, 2);
    const bool echo = v6 ? (type == 128 || type == 129) : (type == 0 || type == 8);
    const bool error =
        v6 ? (type >= 1 && type <= 4) : (type == 3 || type == 4 || type == 5 || type == 11 || type == 12);
    if (echo) {
        l.fields << field(QT_TRANSLATE_NOOP("PacketField", "Identifier"), num(b_.u16(off + 4)), off + 4, 2)
                 << field(QT_TRANSLATE_NOOP("PacketField", "Sequence number"), num(b_.u16(off + 6)), off + 6,
                          2);
    }
    if (v6 && type == 2)
        l.fields << field(QT_TRANSLATE_NOOP("PacketField", "MTU"), num(b_.u32(off + 4)), off + 4, 4);
    if (!v6 && unreachable && code == 4)
        l.fields << field(QT_TRANSLATE_NOOP("PacketField", "Next-hop MTU"), num(b_.u16(off + 6)), off + 6, 2);
    if (error)
        l.fields << quoted(off + 8, s.capEnd, v6);
    else if (cap > 8)
        l.fields << field(QT_TRANSLATE_NOOP("PacketField", "Data"), payloadPreview(d.payload), off + 8,
                          cap - 8);
    return true;
}

// The payload as its own layer: covers every captured byte, previews 64.
void Decoder::application(int off, int declaredLen, int capEnd)
{
    if (declaredLen <= 0 || !fields_) return;
    const int cap = std::max(0, capEnd - off);
    const QByteArrayView bytes = b_.view(off, cap);
    PacketLayer& l =
        addLayer(PacketLayer::Kind::Application, QT_TRANSLATE_NOOP("PacketLayer", "Data"), off, cap);
    l.summary = QStringLiteral("%1 bytes").arg(declaredLen);
    if (cap > 0) l.summary += QStringLiteral(": ") + textPreview(bytes.first(std::min(cap, 32)));
    l.fields << field(QT_TRANSLATE_NOOP("PacketField", "Data"), payloadPreview(bytes), off, cap)
             << field(QT_TRANSLATE_NOOP("PacketField", "Length"), num(declaredLen), off, cap);
    if (cap < declaredLen)
        l.fields << field(QT_TRANSLATE_NOOP("PacketField", "Captured length"), num(cap), off, cap);
}

} // namespace

namespace {
DecodedPacket decode(int linkType, QByteArrayView frame, uint32_t wireLen, bool fields)
{
    Decoder d(frame, wireLen, fields);
    d.out.data.raw = frame.toByteArray();
    d.out.data.linkType = linkType;
    d.out.data.wireLen = wireLen ? wireLen : uint32_t(frame.size());
    d.out.ok = d.run(linkType);
    // Compact for the timeline: payload inside raw (repeating text is pooled).
    PacketData& p = d.out.data;
    if (d.payloadAt >= 0 && !p.payload.isEmpty() && d.payloadAt + p.payload.size() <= p.raw.size()
        && QByteArrayView(p.raw).sliced(d.payloadAt, p.payload.size()) == QByteArrayView(p.payload))
        p.payload = sharedSlice(p.raw, d.payloadAt, p.payload.size());
    if (!fields) d.out.layers.clear();
    return std::move(d.out);
}
} // namespace

DecodedPacket decodePacket(int linkType, QByteArrayView frame, uint32_t wireLen)
{
    return decode(linkType, frame, wireLen, true);
}

DecodedPacket decodePacketData(int linkType, QByteArrayView frame, uint32_t wireLen)
{
    return decode(linkType, frame, wireLen, false);
}

} // namespace socklab
