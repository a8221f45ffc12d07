// PacketDecoder: hand-built frames decoded field by field, then malformed
// input (every truncation, bad lengths, random byte flips) that must give
// ok == false or a consistent result, never an out-of-bounds read.

#include "PacketDecoder.h"

#include <gtest/gtest.h>

#include <functional>
#include <random>

using namespace socklab;

// Readable gtest messages for Qt strings (internal linkage: no clash with other suites).
static void PrintTo(const QString& s, std::ostream* os) { *os << '"' << s.toStdString() << '"'; }
static void PrintTo(const QStringList& l, std::ostream* os)
{
    *os << '{' << l.join(", ").toStdString() << '}';
}

namespace {

QByteArray bytes(std::initializer_list<int> list)
{
    QByteArray b;
    for (int v : list) b += char(v);
    return b;
}
QByteArray be16(uint16_t v) { return bytes({v >> 8, v & 0xff}); }
QByteArray be32(uint32_t v) { return be16(uint16_t(v >> 16)) + be16(uint16_t(v)); }

uint16_t checksum(const QByteArray& data)
{
    uint32_t sum = 0;
    for (qsizetype i = 0; i < data.size(); i += 2)
        sum += uint8_t(data[i]) << 8 | (i + 1 < data.size() ? uint8_t(data[i + 1]) : 0);
    while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
    return uint16_t(~sum);
}

const QByteArray kLocal4 = bytes({127, 0, 0, 1});
const QByteArray kLocal6 = QByteArray(15, '\0') + char(1);

QByteArray ipv4(uint8_t proto, const QByteArray& payload, const QByteArray& options = {})
{
    const int ihl = 20 + int(options.size());
    QByteArray h = bytes({0x40 | ihl / 4, 0}) + be16(uint16_t(ihl + payload.size())) + be16(0x1c46) +
                   be16(0x4000) + bytes({64, proto}) + be16(0) + kLocal4 + kLocal4 + options;
    const uint16_t sum = checksum(h);
    h[10] = char(sum >> 8);
    h[11] = char(sum);
    return h + payload;
}

QByteArray ipv6(uint8_t next, const QByteArray& payload)
{
    return bytes({0x60, 0x0a, 0xbc, 0xde}) + be16(uint16_t(payload.size())) + bytes({next, 64}) + kLocal6 +
           kLocal6 + payload;
}

QByteArray ether(uint16_t type, const QByteArray& packet)
{
    return QByteArray(12, '\0') + be16(type) + packet;
}

QByteArray sll(uint16_t type, const QByteArray& packet)
{
    return be16(4) + be16(772) + be16(6) + QByteArray(8, '\0') + be16(type) + packet;
}

struct Tcp {
    uint16_t sport = 40312, dport = 8888;
    uint32_t seq = 1000, ack = 0;
    uint8_t flags = TcpFlag::SYN;
    uint16_t win = 65495;
    QByteArray options;
    QByteArray payload;
    // chainable setters: tcp(Tcp().opts(kSynOptions).flag(TcpFlag::SYN))
    Tcp& ports(uint16_t s, uint16_t d)
    {
        sport = s;
        dport = d;
        return *this;
    }
    Tcp& seqAck(uint32_t s, uint32_t a)
    {
        seq = s;
        ack = a;
        return *this;
    }
    Tcp& flag(uint8_t f)
    {
        flags = f;
        return *this;
    }
    Tcp& window(uint16_t w)
    {
        win = w;
        return *this;
    }
    Tcp& opts(const QByteArray& o)
    {
        options = o;
        return *this;
    }
    Tcp& data(const QByteArray& d)
    {
        payload = d;
        return *this;
    }
};

QByteArray tcp(const Tcp& t)
{
    const int hlen = 20 + int(t.options.size());
    return be16(t.sport) + be16(t.dport) + be32(t.seq) + be32(t.ack) + bytes({hlen / 4 << 4, t.flags}) +
           be16(t.win) + be16(0xfe30) + be16(0) + t.options + t.payload;
}

QByteArray udp(uint16_t sport, uint16_t dport, const QByteArray& payload)
{
    return be16(sport) + be16(dport) + be16(uint16_t(8 + payload.size())) + be16(0xabcd) + payload;
}

// mss 65495, sackOK, TS val 16909060 ecr 0, nop, wscale 7 (what Linux sends)
const QByteArray kSynOptions = bytes({2, 4, 0xff, 0xd7, 4, 2, 8, 10, 1, 2, 3, 4, 0, 0, 0, 0, 1, 3, 3, 7});
const QByteArray kTsOptions = bytes({1, 1, 8, 10, 0, 0, 0, 9, 1, 2, 3, 4});

QByteArray synFrame() { return ether(0x0800, ipv4(6, tcp(Tcp().opts(kSynOptions)))); }
QByteArray synAckFrame()
{
    return ether(0x0800, ipv4(6, tcp(Tcp()
                                         .ports(8888, 40312)
                                         .seqAck(5000, 1001)
                                         .flag(TcpFlag::SYN | TcpFlag::ACK)
                                         .opts(kSynOptions))));
}
QByteArray helloFrame()
{
    return ether(0x0800, ipv4(6, tcp(Tcp()
                                         .seqAck(1001, 5001)
                                         .flag(TcpFlag::PSH | TcpFlag::ACK)
                                         .window(512)
                                         .opts(kTsOptions)
                                         .data("hello"))));
}
QByteArray finFrame()
{
    return ether(0x0800, ipv4(6, tcp(Tcp().seqAck(1006, 5001).flag(TcpFlag::FIN | TcpFlag::ACK))));
}
QByteArray rstFrame()
{
    return ether(0x0800, ipv4(6, tcp(Tcp().seqAck(1006, 5001).flag(TcpFlag::RST | TcpFlag::ACK).window(0))));
}
QByteArray ipv6SynFrame() { return ether(0x86dd, ipv6(6, tcp(Tcp().opts(kSynOptions)))); }
QByteArray udpFrame() { return ether(0x0800, ipv4(17, udp(40000, 9999, "ping"))); }
QByteArray icmpUnreachableFrame()
{
    const QByteArray quotedPacket = ipv4(17, udp(40000, 9999, "ping"));
    QByteArray icmp = bytes({3, 3}) + be16(0) + be32(0) + quotedPacket;
    const uint16_t sum = checksum(icmp);
    icmp[2] = char(sum >> 8);
    icmp[3] = char(sum);
    return ether(0x0800, ipv4(1, icmp));
}
QByteArray sllFrame() { return sll(0x0800, ipv4(6, tcp(Tcp().opts(kSynOptions)))); }

QList<QByteArray> goodFrames()
{
    return {synFrame(), synAckFrame(),  helloFrame(), finFrame(),
            rstFrame(), ipv6SynFrame(), udpFrame(),   icmpUnreachableFrame()};
}

const PacketField* findIn(const QList<PacketField>& fields, const char* name)
{
    for (const PacketField& f : fields) {
        if (qstrcmp(f.name, name) == 0) return &f;
        if (const PacketField* c = findIn(f.children, name)) return c;
    }
    return nullptr;
}

const PacketLayer* layer(const DecodedPacket& p, const char* name)
{
    for (const PacketLayer& l : p.layers)
        if (qstrcmp(l.name, name) == 0) return &l;
    return nullptr;
}

// The value of the first field called `name` in layer `layerName`.
QString value(const DecodedPacket& p, const char* layerName, const char* name)
{
    const PacketLayer* l = layer(p, layerName);
    const PacketField* f = l ? findIn(l->fields, name) : nullptr;
    return f ? f->value : QStringLiteral("<missing>");
}

QStringList layerNames(const DecodedPacket& p)
{
    QStringList names;
    for (const PacketLayer& l : p.layers) names << QString::fromLatin1(l.name);
    return names;
}

void expectFieldsInside(const QList<PacketField>& fields, int size)
{
    for (const PacketField& f : fields) {
        EXPECT_GE(f.offset, 0) << f.name;
        EXPECT_GE(f.length, 0) << f.name;
        EXPECT_LE(f.offset + f.length, size) << f.name;
        expectFieldsInside(f.children, size);
    }
}

// Whatever the input, everything the decoder points at lies inside the frame.
void expectConsistent(const DecodedPacket& p, int size)
{
    EXPECT_EQ(p.ok, p.error.isEmpty()) << p.error.toStdString();
    EXPECT_EQ(p.data.raw.size(), size);
    EXPECT_LE(p.data.payload.size(), size);
    for (const PacketLayer& l : p.layers) {
        EXPECT_GE(l.offset, 0) << l.name;
        EXPECT_LE(l.offset + l.length, size) << l.name;
        expectFieldsInside(l.fields, size);
    }
    if (p.ok) {
        EXPECT_TRUE(QStringList({"tcp", "udp", "icmp", "icmp6"}).contains(p.data.protocol));
    }
}

// decodePacketData is decodePacket without the layers: the same answer.
void expectSameData(int linkType, const QByteArray& frame, uint32_t wireLen = 0)
{
    const DecodedPacket full = decodePacket(linkType, frame, wireLen);
    const DecodedPacket fast = decodePacketData(linkType, frame, wireLen);
    EXPECT_EQ(fast.ok, full.ok);
    EXPECT_EQ(fast.error, full.error);
    EXPECT_TRUE(fast.layers.isEmpty());
    const PacketData &a = full.data, &b = fast.data;
    EXPECT_EQ(b.srcAddr, a.srcAddr);
    EXPECT_EQ(b.dstAddr, a.dstAddr);
    EXPECT_EQ(b.protocol, a.protocol);
    EXPECT_EQ(b.payload, a.payload);
    EXPECT_EQ(b.raw, a.raw);
    EXPECT_EQ(b.options.order, a.options.order);
    EXPECT_EQ(b.options.sackBlocks, a.options.sackBlocks);
    EXPECT_EQ(b.options.tsVal, a.options.tsVal);
    EXPECT_EQ(b.options.tsEcr, a.options.tsEcr);
    EXPECT_EQ(b.options.mss, a.options.mss);
    EXPECT_EQ(b.options.wscale, a.options.wscale);
    EXPECT_EQ(b.options.sackPermitted, a.options.sackPermitted);
    EXPECT_EQ(b.options.hasTimestamps, a.options.hasTimestamps);
    EXPECT_EQ(b.seq, a.seq);
    EXPECT_EQ(b.ack, a.ack);
    EXPECT_EQ(b.len, a.len);
    EXPECT_EQ(b.wireLen, a.wireLen);
    EXPECT_EQ(b.srcPort, a.srcPort);
    EXPECT_EQ(b.dstPort, a.dstPort);
    EXPECT_EQ(b.win, a.win);
    EXPECT_EQ(b.linkType, a.linkType);
    EXPECT_EQ(b.icmpType, a.icmpType);
    EXPECT_EQ(b.icmpCode, a.icmpCode);
    EXPECT_EQ(b.ipVersion, a.ipVersion);
    EXPECT_EQ(b.flags, a.flags);
}

DecodedPacket decodeOk(const QByteArray& frame, int linkType = 1)
{
    DecodedPacket p = decodePacket(linkType, frame);
    EXPECT_TRUE(p.ok) << p.error.toStdString();
    expectConsistent(p, int(frame.size()));
    return p;
}

std::string err(const QByteArray& frame, int linkType = 1)
{
    const DecodedPacket p = decodePacket(linkType, frame);
    EXPECT_FALSE(p.ok);
    expectConsistent(p, int(frame.size()));
    return p.error.toStdString();
}

} // namespace

TEST(PacketDecoder, SynWithOptions)
{
    const QByteArray frame = synFrame();
    const DecodedPacket p = decodeOk(frame);
    EXPECT_EQ(layerNames(p), QStringList({"Ethernet II", "IPv4", "TCP"}));
    EXPECT_EQ(p.layers[0].kind, PacketLayer::Kind::Link);
    EXPECT_EQ(p.layers[1].kind, PacketLayer::Kind::Network);
    EXPECT_EQ(p.layers[2].kind, PacketLayer::Kind::Transport);
    EXPECT_EQ(p.layers[2].offset, 34);
    EXPECT_EQ(p.layers[2].length, 40);

    const PacketData& d = p.data;
    EXPECT_EQ(d.ipVersion, 4);
    EXPECT_EQ(d.srcAddr, "127.0.0.1");
    EXPECT_EQ(d.dstAddr, "127.0.0.1");
    EXPECT_EQ(d.protocol, "tcp");
    EXPECT_EQ(d.srcPort, 40312);
    EXPECT_EQ(d.dstPort, 8888);
    EXPECT_EQ(d.flags, TcpFlag::SYN);
    EXPECT_EQ(d.seq, 1000u);
    EXPECT_EQ(d.ack, 0u);
    EXPECT_EQ(d.win, 65495);
    EXPECT_EQ(d.len, 0u);
    EXPECT_TRUE(d.payload.isEmpty());
    EXPECT_EQ(d.raw, frame);
    EXPECT_EQ(d.linkType, 1);
    EXPECT_EQ(d.wireLen, uint32_t(frame.size()));
    EXPECT_EQ(d.options.mss, 65495);
    EXPECT_TRUE(d.options.sackPermitted);
    EXPECT_TRUE(d.options.hasTimestamps);
    EXPECT_EQ(d.options.tsVal, 0x01020304u);
    EXPECT_EQ(d.options.tsEcr, 0u);
    EXPECT_EQ(d.options.wscale, 7);
    EXPECT_TRUE(d.options.sackBlocks.isEmpty());
    EXPECT_EQ(d.options.order, QStringList({"mss", "sackOK", "TS", "nop", "wscale"}));

    EXPECT_EQ(value(p, "Ethernet II", "Destination"), "00:00:00:00:00:00");
    EXPECT_EQ(value(p, "Ethernet II", "Type"), "0x0800 (IPv4)");
    EXPECT_EQ(value(p, "IPv4", "Version"), "4");
    EXPECT_EQ(value(p, "IPv4", "Header length"), "20 bytes (5)");
    EXPECT_EQ(value(p, "IPv4", "Total length"), "60");
    EXPECT_EQ(value(p, "IPv4", "Identification"), "0x1c46 (7238)");
    EXPECT_EQ(value(p, "IPv4", "Flags"), "0x2 (DF)");
    EXPECT_EQ(value(p, "IPv4", "Don't fragment"), "1");
    EXPECT_EQ(value(p, "IPv4", "More fragments"), "0");
    EXPECT_EQ(value(p, "IPv4", "Fragment offset"), "0");
    EXPECT_EQ(value(p, "IPv4", "Time to live"), "64");
    EXPECT_EQ(value(p, "IPv4", "Protocol"), "6 (TCP)");
    EXPECT_EQ(value(p, "IPv4", "Header checksum"), value(p, "IPv4", "Calculated checksum"));
    EXPECT_EQ(value(p, "IPv4", "Source address"), "127.0.0.1");
    EXPECT_EQ(p.layers[1].summary, "Src: 127.0.0.1, Dst: 127.0.0.1");

    EXPECT_EQ(p.layers[2].summary, "Src Port: 40312, Dst Port: 8888, Seq: 1000, Len: 0");
    EXPECT_EQ(value(p, "TCP", "Source port"), "40312");
    EXPECT_EQ(value(p, "TCP", "Destination port"), "8888");
    EXPECT_EQ(value(p, "TCP", "Sequence number"), "1000");
    EXPECT_EQ(value(p, "TCP", "Acknowledgment number"), "0");
    EXPECT_EQ(value(p, "TCP", "Header length"), "40 bytes (10)");
    EXPECT_EQ(value(p, "TCP", "Flags"), "0x0002 (SYN)");
    EXPECT_EQ(value(p, "TCP", "Syn (SYN)"), "1");
    EXPECT_EQ(value(p, "TCP", "Acknowledgment (ACK)"), "0");
    EXPECT_EQ(value(p, "TCP", "Fin (FIN)"), "0");
    EXPECT_EQ(value(p, "TCP", "Window"), "65495");
    EXPECT_EQ(value(p, "TCP", "Checksum"), "0xfe30");
    EXPECT_EQ(value(p, "TCP", "Urgent pointer"), "0");
    EXPECT_EQ(value(p, "TCP", "Options"), "mss 65495,sackOK,TS val 16909060 ecr 0,nop,wscale 7");
    EXPECT_EQ(value(p, "TCP", "Maximum segment size"), "65495");
    EXPECT_EQ(value(p, "TCP", "Timestamp value"), "16909060");
    EXPECT_EQ(value(p, "TCP", "Timestamp echo reply"), "0");
    EXPECT_EQ(value(p, "TCP", "Window scale"), "7 (multiply by 128)");

    const PacketField* sport = findIn(p.layers[2].fields, "Source port");
    ASSERT_TRUE(sport);
    EXPECT_EQ(sport->offset, 34);
    EXPECT_EQ(sport->length, 2);
    const PacketField* opts = findIn(p.layers[2].fields, "Options");
    ASSERT_TRUE(opts);
    EXPECT_EQ(opts->offset, 54);
    EXPECT_EQ(opts->length, 20);
    ASSERT_EQ(opts->children.size(), 5);
    EXPECT_EQ(opts->children[3].offset, 70); // the nop
    EXPECT_EQ(opts->children[3].length, 1);
    const PacketField* tsval = findIn(p.layers[2].fields, "Timestamp value");
    EXPECT_EQ(tsval->offset, 62);
    EXPECT_EQ(tsval->length, 4);
}

TEST(PacketDecoder, SynAck)
{
    const DecodedPacket p = decodeOk(synAckFrame());
    EXPECT_EQ(p.data.flags, TcpFlag::SYN | TcpFlag::ACK);
    EXPECT_EQ(p.data.srcPort, 8888);
    EXPECT_EQ(p.data.dstPort, 40312);
    EXPECT_EQ(p.data.seq, 5000u);
    EXPECT_EQ(p.data.ack, 1001u);
    EXPECT_EQ(value(p, "TCP", "Flags"), "0x0012 (SYN, ACK)");
    EXPECT_EQ(value(p, "TCP", "Acknowledgment (ACK)"), "1");
    EXPECT_EQ(p.layers[2].summary, "Src Port: 8888, Dst Port: 40312, Seq: 5000, Ack: 1001, Len: 0");
}

TEST(PacketDecoder, DataSegmentWithHello)
{
    const DecodedPacket p = decodeOk(helloFrame());
    EXPECT_EQ(layerNames(p), QStringList({"Ethernet II", "IPv4", "TCP", "Data"}));
    EXPECT_EQ(p.data.flags, TcpFlag::PSH | TcpFlag::ACK);
    EXPECT_EQ(p.data.len, 5u);
    EXPECT_EQ(p.data.payload, "hello");
    EXPECT_EQ(p.data.win, 512);
    EXPECT_EQ(p.data.options.order, QStringList({"nop", "nop", "TS"}));
    EXPECT_EQ(p.data.options.tsVal, 9u);
    EXPECT_EQ(p.data.options.tsEcr, 0x01020304u);
    EXPECT_EQ(p.data.options.mss, -1);
    EXPECT_EQ(p.data.options.wscale, -1);
    EXPECT_EQ(value(p, "TCP", "Flags"), "0x0018 (PSH, ACK)");
    const PacketLayer& data = p.layers[3];
    EXPECT_EQ(data.kind, PacketLayer::Kind::Application);
    EXPECT_EQ(data.offset, 66);
    EXPECT_EQ(data.length, 5);
    EXPECT_EQ(data.summary, "5 bytes: hello");
    EXPECT_EQ(value(p, "Data", "Data"), "68 65 6c 6c 6f | hello");
    EXPECT_EQ(value(p, "Data", "Length"), "5");
}

TEST(PacketDecoder, FinAndRst)
{
    const DecodedPacket fin = decodeOk(finFrame());
    EXPECT_EQ(fin.data.flags, TcpFlag::FIN | TcpFlag::ACK);
    EXPECT_EQ(value(fin, "TCP", "Flags"), "0x0011 (FIN, ACK)");
    EXPECT_EQ(value(fin, "TCP", "Fin (FIN)"), "1");
    EXPECT_EQ(value(fin, "TCP", "Header length"), "20 bytes (5)");
    EXPECT_EQ(findIn(fin.layers[2].fields, "Options"), nullptr);
    EXPECT_TRUE(fin.data.options.order.isEmpty());

    const DecodedPacket rst = decodeOk(rstFrame());
    EXPECT_EQ(rst.data.flags, TcpFlag::RST | TcpFlag::ACK);
    EXPECT_EQ(rst.data.win, 0);
    EXPECT_EQ(value(rst, "TCP", "Flags"), "0x0014 (RST, ACK)");
    EXPECT_EQ(value(rst, "TCP", "Reset (RST)"), "1");
}

TEST(PacketDecoder, Ipv6Syn)
{
    const DecodedPacket p = decodeOk(ipv6SynFrame());
    EXPECT_EQ(layerNames(p), QStringList({"Ethernet II", "IPv6", "TCP"}));
    EXPECT_EQ(p.data.ipVersion, 6);
    EXPECT_EQ(p.data.srcAddr, "::1");
    EXPECT_EQ(p.data.dstAddr, "::1");
    EXPECT_EQ(p.data.srcPort, 40312);
    EXPECT_EQ(p.data.options.mss, 65495);
    EXPECT_EQ(value(p, "IPv6", "Payload length"), "40");
    EXPECT_EQ(value(p, "IPv6", "Next header"), "6 (TCP)");
    EXPECT_EQ(value(p, "IPv6", "Hop limit"), "64");
    EXPECT_EQ(value(p, "IPv6", "Flow label"), "0xabcde");
    EXPECT_EQ(value(p, "IPv6", "Traffic class"), "0x00");
    EXPECT_EQ(p.layers[1].length, 40);
}

TEST(PacketDecoder, Ipv6ExtensionHeaders)
{
    // hop-by-hop (8 bytes, PadN) -> destination options (16 bytes) -> TCP
    const QByteArray hbh = bytes({60, 0, 1, 4, 0, 0, 0, 0});
    const QByteArray dst = bytes({6, 1, 1, 12}) + QByteArray(12, '\0');
    const QByteArray frame = ether(0x86dd, ipv6(0, hbh + dst + tcp(Tcp().data("xy"))));
    const DecodedPacket p = decodeOk(frame);
    EXPECT_EQ(p.data.protocol, "tcp");
    EXPECT_EQ(p.data.payload, "xy");
    EXPECT_EQ(p.layers[1].length, 40 + 8 + 16);
    EXPECT_EQ(value(p, "IPv6", "Hop-by-hop options"), "8 bytes, next header 60 (Destination options)");
    EXPECT_EQ(value(p, "IPv6", "Destination options"), "16 bytes, next header 6 (TCP)");

    QByteArray overrun = frame;
    overrun[14 + 40 + 8 + 1] = char(9); // destination options claims 80 bytes
    EXPECT_NE(err(overrun).find("truncated IPv6 extension header"), std::string::npos);
}

TEST(PacketDecoder, Udp)
{
    const DecodedPacket p = decodeOk(udpFrame());
    EXPECT_EQ(layerNames(p), QStringList({"Ethernet II", "IPv4", "UDP", "Data"}));
    EXPECT_EQ(p.data.protocol, "udp");
    EXPECT_EQ(p.data.srcPort, 40000);
    EXPECT_EQ(p.data.dstPort, 9999);
    EXPECT_EQ(p.data.len, 4u);
    EXPECT_EQ(p.data.payload, "ping");
    EXPECT_EQ(value(p, "UDP", "Length"), "12");
    EXPECT_EQ(value(p, "UDP", "Checksum"), "0xabcd");
    EXPECT_EQ(value(p, "IPv4", "Protocol"), "17 (UDP)");
    EXPECT_EQ(p.layers[2].summary, "Src Port: 40000, Dst Port: 9999, Len: 4");
}

TEST(PacketDecoder, IcmpPortUnreachableQuotesUdpPorts)
{
    const DecodedPacket p = decodeOk(icmpUnreachableFrame());
    EXPECT_EQ(layerNames(p), QStringList({"Ethernet II", "IPv4", "ICMP"}));
    EXPECT_EQ(p.data.protocol, "icmp");
    EXPECT_EQ(p.data.icmpType, 3);
    EXPECT_EQ(p.data.icmpCode, 3);
    EXPECT_EQ(p.data.srcPort, 40000); // the quoted datagram's: matches the sending socket
    EXPECT_EQ(p.data.dstPort, 9999);
    EXPECT_EQ(value(p, "ICMP", "Type"), "3 (Destination unreachable)");
    EXPECT_EQ(value(p, "ICMP", "Code"), "3 (Port unreachable)");
    EXPECT_EQ(value(p, "ICMP", "Original datagram"), "127.0.0.1 40000 → 127.0.0.1 9999 (UDP)");
    const PacketField* dport = findIn(p.layers[2].fields, "Destination port");
    ASSERT_TRUE(dport);
    EXPECT_EQ(dport->value, "9999");
    EXPECT_EQ(dport->offset, 14 + 20 + 8 + 20 + 2);
}

TEST(PacketDecoder, Icmp6PortUnreachable)
{
    const QByteArray quotedPacket = ipv6(17, udp(40000, 9999, "ping"));
    const QByteArray frame = ether(0x86dd, ipv6(58, bytes({1, 4, 0, 0, 0, 0, 0, 0}) + quotedPacket));
    const DecodedPacket p = decodeOk(frame);
    EXPECT_EQ(p.data.protocol, "icmp6");
    EXPECT_EQ(p.data.icmpType, 1);
    EXPECT_EQ(p.data.icmpCode, 4);
    EXPECT_EQ(p.data.srcPort, 40000);
    EXPECT_EQ(p.data.dstPort, 9999);
    EXPECT_EQ(value(p, "ICMPv6", "Code"), "4 (Port unreachable)");
}

TEST(PacketDecoder, LinuxCookedCapture)
{
    const DecodedPacket p = decodeOk(sllFrame(), 113);
    EXPECT_EQ(layerNames(p), QStringList({"Linux cooked capture", "IPv4", "TCP"}));
    EXPECT_EQ(p.layers[0].length, 16);
    EXPECT_EQ(p.layers[0].summary, "Sent by us");
    EXPECT_EQ(value(p, "Linux cooked capture", "Packet type"), "4 (Sent by us)");
    EXPECT_EQ(value(p, "Linux cooked capture", "Protocol"), "0x0800 (IPv4)");
    EXPECT_EQ(p.data.linkType, 113);
    EXPECT_EQ(p.data.srcPort, 40312);
    EXPECT_EQ(p.data.options.wscale, 7);

    // v2 (DLT_LINUX_SLL2): protocol first, then interface index, type, packet type
    const QByteArray v2 = be16(0x0800) + be16(0) + be32(1) + be16(772) + bytes({4, 6}) + QByteArray(8, '\0') +
                          ipv4(17, udp(1, 2, "x"));
    const DecodedPacket q = decodeOk(v2, 276);
    EXPECT_EQ(layerNames(q), QStringList({"Linux cooked capture v2", "IPv4", "UDP", "Data"}));
    EXPECT_EQ(value(q, "Linux cooked capture v2", "Interface index"), "1");
    EXPECT_EQ(value(q, "Linux cooked capture v2", "Packet type"), "4 (Sent by us)");
    EXPECT_EQ(q.data.payload, "x");
}

TEST(PacketDecoder, RawAndNullLinkTypes)
{
    const QByteArray packet = ipv4(6, tcp(Tcp().opts(kSynOptions)));
    for (int raw : {12, 101}) {
        const DecodedPacket p = decodeOk(packet, raw);
        EXPECT_EQ(layerNames(p), QStringList({"IPv4", "TCP"}));
    }
    const DecodedPacket v6 = decodeOk(ipv6(6, tcp(Tcp())), 101);
    EXPECT_EQ(v6.data.ipVersion, 6);
    // DLT_NULL: family 2 in either byte order
    for (const QByteArray& family : {bytes({2, 0, 0, 0}), bytes({0, 0, 0, 2})}) {
        const DecodedPacket p = decodeOk(family + packet, 0);
        EXPECT_EQ(layerNames(p), QStringList({"Null/Loopback", "IPv4", "TCP"}));
    }
    EXPECT_EQ(decodeOk(bytes({30, 0, 0, 0}) + ipv6(6, tcp(Tcp())), 0).data.ipVersion, 6);
}

TEST(PacketDecoder, EthernetPaddingIsNotPayload)
{
    QByteArray frame = ether(0x0800, ipv4(6, tcp(Tcp().flag(TcpFlag::ACK))));
    frame += QByteArray(60 - frame.size(), '\0');
    const DecodedPacket p = decodeOk(frame);
    EXPECT_EQ(p.data.len, 0u);
    EXPECT_TRUE(p.data.payload.isEmpty());
    EXPECT_EQ(layerNames(p), QStringList({"Ethernet II", "IPv4", "TCP"}));
}

TEST(PacketDecoder, SnapLengthCutPayloadIsAccepted)
{
    const QByteArray full = ether(0x0800, ipv4(6, tcp(Tcp().flag(TcpFlag::ACK).data(QByteArray(1000, 'a')))));
    const QByteArray cut = full.first(14 + 20 + 20 + 10);
    const DecodedPacket p = decodePacket(1, cut, uint32_t(full.size()));
    ASSERT_TRUE(p.ok) << p.error.toStdString();
    expectConsistent(p, int(cut.size()));
    EXPECT_EQ(p.data.len, 1000u);
    EXPECT_EQ(p.data.payload, QByteArray(10, 'a'));
    EXPECT_EQ(p.data.wireLen, uint32_t(full.size()));
    EXPECT_EQ(value(p, "Data", "Length"), "1000");
    EXPECT_EQ(value(p, "Data", "Captured length"), "10");
    EXPECT_TRUE(value(p, "Data", "Data").startsWith("61 61"));
    // but headers cut by the snap length are still an error
    EXPECT_FALSE(decodePacket(1, full.first(14 + 20 + 10), uint32_t(full.size())).ok);
}

TEST(PacketDecoder, LongPayloadPreviewIsShortened)
{
    const DecodedPacket p = decodeOk(ether(0x0800, ipv4(17, udp(1, 2, QByteArray(300, 'z')))));
    EXPECT_EQ(p.data.payload.size(), 300);
    EXPECT_EQ(p.layers[3].length, 300);
    EXPECT_LT(value(p, "Data", "Data").size(), 64 * 3 + 80);
    EXPECT_TRUE(value(p, "Data", "Data").endsWith("…"));
}

TEST(PacketDecoder, Utf8PayloadPreview)
{
    const DecodedPacket p =
        decodeOk(ether(0x0800, ipv4(17, udp(1, 2, QString::fromUtf8("你好\n").toUtf8()))));
    EXPECT_EQ(p.layers[3].summary, QString::fromUtf8("7 bytes: 你好."));
}

TEST(PacketDecoder, SackBlocksAndUnknownOptions)
{
    const QByteArray opts = bytes({1, 1, 5, 18}) + be32(100) + be32(200) + be32(300) + be32(400) +
                            bytes({30, 4, 0xaa, 0xbb, 0, 0, 0, 0});
    const DecodedPacket p = decodeOk(ether(0x0800, ipv4(6, tcp(Tcp().flag(TcpFlag::ACK).opts(opts)))));
    EXPECT_EQ(p.data.options.order, QStringList({"nop", "nop", "sack", "opt30", "eol"}));
    ASSERT_EQ(p.data.options.sackBlocks.size(), 2);
    EXPECT_EQ(p.data.options.sackBlocks[0], qMakePair(100u, 200u));
    EXPECT_EQ(p.data.options.sackBlocks[1], qMakePair(300u, 400u));
    EXPECT_EQ(value(p, "TCP", "SACK"), "100-200 300-400");
    EXPECT_EQ(value(p, "TCP", "Unknown option"), "kind 30, 4 bytes");
    EXPECT_EQ(value(p, "TCP", "Options"), "nop,nop,sack 2 {100-200}{300-400},opt-30,eol");
}

TEST(PacketDecoder, EveryTruncationIsAnErrorNotACrash)
{
    for (const QByteArray& frame : goodFrames()) {
        ASSERT_TRUE(decodePacket(1, frame).ok);
        for (qsizetype n = 0; n < frame.size(); ++n) {
            const QByteArray prefix = frame.first(n);
            const DecodedPacket p = decodePacket(1, prefix);
            EXPECT_FALSE(p.ok) << "prefix " << n << " of " << frame.size();
            EXPECT_FALSE(p.error.isEmpty());
            expectConsistent(p, int(n));
        }
    }
    for (const QByteArray& frame : {sllFrame()})
        for (qsizetype n = 0; n < frame.size(); ++n) EXPECT_FALSE(decodePacket(113, frame.first(n)).ok);
}

TEST(PacketDecoder, SnapCutPrefixesAreErrorsOrConsistent)
{
    for (const QByteArray& frame : goodFrames()) {
        const DecodedPacket full = decodePacket(1, frame);
        for (qsizetype n = 0; n <= frame.size(); ++n) {
            const DecodedPacket p = decodePacket(1, frame.first(n), uint32_t(frame.size()));
            expectConsistent(p, int(n));
            if (!p.ok) continue;
            EXPECT_EQ(p.data.len, full.data.len);
            // an ICMP error cut inside its quotation has no ports, but is otherwise fine
            if (p.data.srcPort != 0 || p.data.protocol != "icmp") {
                EXPECT_EQ(p.data.srcPort, full.data.srcPort);
            }
            EXPECT_TRUE(full.data.payload.startsWith(p.data.payload));
        }
    }
}

TEST(PacketDecoder, ErrorMessagesAreClear)
{
    EXPECT_EQ(err({}), "empty frame");
    EXPECT_EQ(err(QByteArray(10, '\0')), "truncated Ethernet header: 10 of 14 bytes");
    EXPECT_EQ(err(synFrame(), 9999), "unsupported link type 9999");
    EXPECT_EQ(err(bytes({0x50, 0, 0, 0}), 101), "raw packet with IP version 5");
    EXPECT_EQ(err(bytes({7, 0, 0, 0}) + ipv4(6, tcp(Tcp())), 0), "unsupported address family 7");
    EXPECT_EQ(err(ether(0x0806, QByteArray(28, '\0'))), "unsupported network protocol 0x0806 (ARP)");
    EXPECT_EQ(err(synFrame().first(14 + 20 + 12)),
              "truncated IPv4 packet: length 60, only 32 bytes in the frame");

    // The frame is long enough, but the IP total length leaves only 12 bytes for TCP
    QByteArray shortIp = ipv4(6, tcp(Tcp()).first(12)) + QByteArray(30, '\0');
    EXPECT_EQ(err(ether(0x0800, shortIp)), "IP payload too short for a TCP header: 12 bytes");
    EXPECT_EQ(err(ipv4(6, tcp(Tcp())).first(32), 101),
              "truncated IPv4 packet: length 40, only 32 bytes in the frame");
    EXPECT_EQ(err(ipv4(6, tcp(Tcp())).first(32), 101).size() > 0, true);

    // prefix cut by the snap length inside the TCP header
    const DecodedPacket cut = decodePacket(1, synFrame().first(14 + 20 + 12), 88);
    EXPECT_EQ(cut.error, "truncated TCP header: 12 of 20 bytes");
    EXPECT_EQ(layerNames(cut), QStringList({"Ethernet II", "IPv4"})); // decoded layers are kept
}

TEST(PacketDecoder, BadIpv4Header)
{
    QByteArray frame = synFrame();
    frame[14] = char(0x44); // IHL 4
    EXPECT_EQ(err(frame), "bad IPv4 header length: 16 bytes (IHL 4, minimum 5)");
    frame[14] = char(0x4f); // IHL 15 = 60 bytes: the whole packet, nothing left for TCP
    EXPECT_EQ(err(frame), "IP payload too short for a TCP header: 0 bytes");
    QByteArray tiny = ether(0x0800, ipv4(6, {}));
    tiny[14] = char(0x4f);
    EXPECT_EQ(err(tiny), "truncated IPv4 header: 20 of 60 bytes");
    frame = synFrame();
    frame[14] = char(0x65); // version 6 under EtherType IPv4
    EXPECT_EQ(err(frame), "bad IPv4 version: 6");
    frame = synFrame();
    frame[16] = 0;
    frame[17] = 10; // total length 10 < 20
    EXPECT_EQ(err(frame), "IPv4 total length 10 is shorter than its header (20 bytes)");
    frame = synFrame();
    frame[20] = char(0x20); // fragment offset 8 * 0x0000? set offset 0x0001 -> 8 bytes
    frame[21] = 1;
    EXPECT_EQ(err(frame), "IPv4 fragment at offset 8: not reassembled");
}

TEST(PacketDecoder, Ipv4OptionsAreSkipped)
{
    const QByteArray frame = ether(0x0800, ipv4(17, udp(1, 2, "x"), bytes({1, 1, 1, 0})));
    const DecodedPacket p = decodeOk(frame);
    EXPECT_EQ(value(p, "IPv4", "Header length"), "24 bytes (6)");
    EXPECT_EQ(value(p, "IPv4", "Options"), "01 01 01 00");
    EXPECT_EQ(value(p, "IPv4", "Header checksum"), value(p, "IPv4", "Calculated checksum"));
    EXPECT_EQ(p.data.payload, "x");
}

TEST(PacketDecoder, BadTcpDataOffset)
{
    QByteArray frame = finFrame();
    const int doff = 14 + 20 + 12;
    frame[doff] = char(4 << 4);
    EXPECT_EQ(err(frame), "bad TCP data offset 4: header length 16 bytes, minimum 20");
    frame[doff] = char(15 << 4);
    EXPECT_EQ(err(frame), "TCP header length 60 exceeds the segment (20 bytes)");
    frame[doff] = 0;
    EXPECT_EQ(err(frame), "bad TCP data offset 0: header length 0 bytes, minimum 20");
}

TEST(PacketDecoder, BadTcpOptionLengths)
{
    auto withOptions = [](const QByteArray& o) { return ether(0x0800, ipv4(6, tcp(Tcp().opts(o)))); };
    EXPECT_EQ(err(withOptions(bytes({2, 0, 0, 0}))), "TCP option kind 2 has invalid length 0");
    EXPECT_EQ(err(withOptions(bytes({1, 1, 8, 1}))), "TCP option kind 8 has invalid length 1");
    EXPECT_EQ(err(withOptions(bytes({1, 1, 30, 9}))),
              "TCP option kind 30 overruns the header: length 9, 2 bytes left");
    EXPECT_EQ(err(withOptions(bytes({1, 1, 1, 2}))), "TCP option kind 2 has no length byte");
    EXPECT_EQ(err(withOptions(bytes({2, 5, 0, 0, 0, 1, 1, 1}))),
              "TCP option kind 2 has length 5, expected 4");
    EXPECT_EQ(err(withOptions(bytes({5, 6, 0, 0, 0, 0, 0, 0}))),
              "TCP option kind 5 has length 6, expected 2 + 8n");

    // the options decoded before the error stay visible
    const DecodedPacket p = decodePacket(1, withOptions(bytes({2, 4, 0x05, 0xb4, 1, 1, 8, 0})));
    EXPECT_FALSE(p.ok);
    EXPECT_EQ(p.data.options.mss, 1460);
    EXPECT_EQ(layerNames(p), QStringList({"Ethernet II", "IPv4", "TCP"}));
    EXPECT_EQ(value(p, "TCP", "Options"), "mss 1460,nop,nop");
}

TEST(PacketDecoder, BadUdpLength)
{
    QByteArray frame = udpFrame();
    const int len = 14 + 20 + 4;
    frame[len] = 0;
    frame[len + 1] = 7;
    EXPECT_EQ(err(frame), "bad UDP length 7 (minimum 8)");
    frame[len + 1] = 100;
    EXPECT_EQ(err(frame), "UDP length 100 exceeds the IP payload (12 bytes)");
}

TEST(PacketDecoder, DataOnlyDecodingGivesTheSameAnswerForEveryGoodFrame)
{
    const QList<QByteArray> frames = goodFrames();
    ASSERT_GE(frames.size(), 5);
    for (const QByteArray& frame : frames) {
        expectSameData(1, frame);
        expectSameData(1, frame, uint32_t(frame.size() + 1000)); // cut by the snap length
        EXPECT_TRUE(decodePacketData(1, frame).ok);
    }
    expectSameData(113, sllFrame());
    if (::testing::Test::HasFailure()) return;
    // The layers are what it leaves out.
    EXPECT_FALSE(decodePacket(1, frames.first()).layers.isEmpty());
}

TEST(PacketDecoder, RandomByteFlipsNeverCrash)
{
    std::mt19937 rng(20240607);
    const QList<QByteArray> frames = goodFrames() << sllFrame();
    int decodedOk = 0;
    for (int i = 0; i < 10000; ++i) {
        const int which = int(rng() % frames.size());
        const int linkType = which == frames.size() - 1 ? 113 : 1;
        QByteArray frame = frames[which];
        const int flips = 1 + int(rng() % 4);
        for (int f = 0; f < flips; ++f) frame[rng() % frame.size()] = char(rng());
        if (rng() % 4 == 0) frame.truncate(rng() % (frame.size() + 1));
        const uint32_t wireLen = rng() % 3 == 0 ? uint32_t(frame.size() + rng() % 100) : 0;
        const DecodedPacket p = decodePacket(linkType, frame, wireLen);
        expectConsistent(p, int(frame.size()));
        expectSameData(linkType, frame, wireLen);
        decodedOk += p.ok;
        if (::testing::Test::HasFailure()) FAIL() << "iteration " << i;
    }
    EXPECT_GT(decodedOk, 1000); // flips in non-critical bytes still decode
}

TEST(PacketDecoder, RandomGarbageNeverCrashes)
{
    std::mt19937 rng(7);
    for (int i = 0; i < 5000; ++i) {
        QByteArray frame(int(rng() % 120), '\0');
        for (char& c : frame) c = char(rng());
        // make the link layer plausible so the IP/TCP code gets exercised
        if (frame.size() > 14 && rng() % 2) {
            frame[12] = 0x08;
            frame[13] = 0;
            frame[14] = char(0x45);
        }
        for (int linkType : {0, 1, 12, 101, 108, 113, 276}) {
            const DecodedPacket p = decodePacket(linkType, frame);
            expectConsistent(p, int(frame.size()));
            expectSameData(linkType, frame);
        }
        if (::testing::Test::HasFailure()) FAIL() << "iteration " << i;
    }
}
