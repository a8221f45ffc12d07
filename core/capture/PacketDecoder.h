#pragma once
// Decodes one captured frame into layers and fields for the packet-details
// view, and into a PacketData for the timeline. Pure function of the bytes:
// every read is bounds-checked, malformed input gives ok == false plus an
// English error, never a crash.

#include "Event.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

#include <cstdint>

namespace socklab {

// pcap link types (DLT_*) the decoder understands.
namespace LinkType {
constexpr int Null = 0;        // DLT_NULL: 4-byte address family, host byte order
constexpr int Ethernet = 1;    // DLT_EN10MB: what `lo` gives
constexpr int RawAlt = 12;     // DLT_RAW on some platforms
constexpr int Raw = 101;       // LINKTYPE_RAW: bare IPv4/IPv6
constexpr int Loop = 108;      // DLT_LOOP: like Null, network byte order
constexpr int LinuxSll = 113;  // DLT_LINUX_SLL: Linux cooked capture v1
constexpr int LinuxSll2 = 276; // DLT_LINUX_SLL2: Linux cooked capture v2
} // namespace LinkType

// One line in a packet-details tree. `name` is English and marked with
// QT_TRANSLATE_NOOP("PacketField", ...): translate it with
// QCoreApplication::translate("PacketField", name).
struct PacketField {
    const char* name = "";
    QString value;  // e.g. "40312", "0x0002 (SYN)", "127.0.0.1"
    int offset = 0; // byte offset in the frame
    int length = 0; // bytes; bit fields give their containing byte(s)
    QList<PacketField> children;
};

struct PacketLayer {
    enum class Kind { Link, Network, Transport, Application };
    Kind kind = Kind::Link;
    const char* name = ""; // QT_TRANSLATE_NOOP("PacketLayer", "TCP") etc.
    QString summary;       // one line, like Wireshark's
    int offset = 0;
    int length = 0;
    QList<PacketField> fields;
};

struct DecodedPacket {
    bool ok = false;
    QString error; // English, set when !ok: "truncated TCP header: 12 of 20 bytes"
    // ipVersion, srcAddr, dstAddr, srcPort/dstPort, protocol, flags, seq, ack,
    // win, options, len, payload (captured part), icmpType/icmpCode, raw,
    // linkType, wireLen. For an ICMP error quoting a UDP/TCP datagram the ports
    // are the quoted datagram's, so it can be matched to its socket.
    PacketData data;
    QList<PacketLayer> layers; // decoded so far, also when !ok
};

// wireLen: original length on the wire; 0 means "the frame is complete".
// When wireLen > frame.size() the capture was cut by the snap length: headers
// must still be complete, but a shortened payload is accepted.
DecodedPacket decodePacket(int linkType, QByteArrayView frame, uint32_t wireLen = 0);
// The same decoding, the same `data`, `ok` and `error`, without the layers
// of fields (`layers` empty): what the capture needs for every frame, at a
// fraction of the cost; the packet-layers pane decodes its one frame whole.
DecodedPacket decodePacketData(int linkType, QByteArrayView frame, uint32_t wireLen = 0);

} // namespace socklab
