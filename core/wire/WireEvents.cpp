#include "WireEvents.h"

#include "PacketAnnotator.h"
#include "PacketDecoder.h"

namespace socklab {

QList<Event> WireEvents::toEvents(const QList<WireRecord>& records, PacketAnnotator& annotator, qint64 originEpochUs)
{
    QList<Event> out;
    for (const WireRecord& r : records) {
        // The record may hold only the headers: decode them as a capture cut by its snap length.
        const DecodedPacket d = decodePacketData(LinkType::Raw, QByteArrayView(r.bytes), r.length);
        PacketData p = d.data;
        if (d.ok) annotator.annotate(p);
        p.linkType = LinkType::Raw;
        p.wireLen = r.length;
        Event e;
        e.tUs = r.epochUs - originEpochUs;
        e.kind = EventKind::Wire;
        e.provenance = Provenance::Wire;
        e.actor = p.fromActor;
        WireData w{wireActionName(r.action), r.reason, r.direction, qint64(r.packetId), r.delayUs, r.rule, p};
        w.packet.raw.clear(); // the wire event says what happened; the packet event below holds the bytes
        e.data = std::move(w);
        out.append(e);
        if (r.action == WireAction::Drop && d.ok) {
            Event lost;
            lost.tUs = e.tUs;
            lost.kind = p.protocol == QLatin1String("tcp") ? EventKind::Segment : EventKind::Datagram;
            lost.provenance = Provenance::Kernel;
            lost.actor = p.fromActor;
            p.raw = r.bytes;
            p.capLen = uint32_t(r.bytes.size());
            p.wire = QStringLiteral("dropped");
            lost.data = std::move(p);
            out.append(std::move(lost));
        }
    }
    return out;
}

} // namespace socklab
