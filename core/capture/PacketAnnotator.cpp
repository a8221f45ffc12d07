#include "PacketAnnotator.h"

#include <algorithm>

#include "PacketDecoder.h"
#include "StringPool.h"

namespace socklab {

void PacketAnnotator::annotate(PacketData& p)
{
    if (p.protocol == QLatin1String("icmp") || p.protocol == QLatin1String("icmp6")) {
        // An ICMP error quotes the datagram that caused it: it goes back to its sender.
        p.toActor = intern(m_actorOf(p.srcPort, p.dstPort));
        return;
    }
    p.fromActor = intern(m_actorOf(p.srcPort, p.dstPort));
    p.toActor = intern(m_actorOf(p.dstPort, p.srcPort));
    if (p.protocol != QLatin1String("tcp")) return;
    const QString fwd = dirKey(p.srcPort, p.dstPort), back = dirKey(p.dstPort, p.srcPort);
    if (p.has(TcpFlag::SYN)) {
        m_isn.insert(fwd, p.seq);
        m_wscale.insert(fwd, p.options.wscale);
    } else if (!m_isn.contains(fwd)) {
        m_isn.insert(fwd, p.seq); // joined mid-connection
    }
    p.relSeq = p.seq - m_isn.value(fwd);
    if (p.has(TcpFlag::ACK) && m_isn.contains(back)) p.relAck = p.ack - m_isn.value(back);
    // Window scaling applies only when both SYNs offered it, and never to SYNs.
    if (p.has(TcpFlag::SYN)) p.winScale = 0;
    else if (m_wscale.value(fwd, -1) >= 0 && m_wscale.value(back, -1) >= 0) p.winScale = m_wscale.value(fwd);
    else if (m_wscale.contains(fwd) && m_wscale.contains(back)) p.winScale = 0;
}

Event PacketAnnotator::toEvent(const CapturedFrame& f, int linkType, qint64 originEpochUs,
                               const std::function<void(const PacketData&)>& beforeAnnotate)
{
    const DecodedPacket d = decodePacketData(linkType, QByteArrayView(f.bytes), f.wireLen);
    Event e;
    e.tUs = f.epochUs - originEpochUs;
    if (!d.ok) {
        e.kind = EventKind::Note;
        e.data = NoteData{QStringLiteral("undecodable-packet"), {{"error", d.error}, {"bytes", f.bytes}}};
        return e;
    }
    PacketData p = d.data; // raw: the decoder's copy of f.bytes, which payload shares (until cut below)
    p.linkType = linkType;
    p.wireLen = f.wireLen;
    p.capLen = std::max<uint32_t>(f.capLen, uint32_t(f.bytes.size()));
    p.frameOffset = f.spoolOffset;
    if (p.frameOffset >= 0) {
        // The whole frame is in the frame store: memory keeps what every view
        // needs (the decoded headers above and the payload's first bytes, in a
        // block of their own), not the frame (issue 12: memory per event).
        p.payload = QByteArray(p.payload.constData(), p.payload.size());
        p.raw = QByteArray();
    }
    if (beforeAnnotate) beforeAnnotate(p);
    annotate(p);
    e.kind = p.protocol == QLatin1String("tcp") ? EventKind::Segment : EventKind::Datagram;
    e.actor = p.fromActor;
    e.data = std::move(p);
    return e;
}

} // namespace socklab
