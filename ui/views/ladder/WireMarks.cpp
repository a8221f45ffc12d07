#include "WireMarks.h"

namespace socklab {

QHash<int, int> WireMarks::holdEnds(const Timeline& tl)
{
    QHash<int, int> ends;
    QHash<qint64, int> open; // packet id -> its hold event
    for (int i = 0; i < tl.size(); ++i) {
        const WireData* w = tl.at(i).wire();
        if (!w) continue;
        if (w->action == QLatin1String("hold")) {
            open.insert(w->packetId, i);
            ends.insert(i, -1);
        } else if (w->action == QLatin1String("release") || w->action == QLatin1String("drop")) {
            if (auto it = open.find(w->packetId); it != open.end()) {
                ends.insert(*it, i);
                open.erase(it);
            }
        }
    }
    return ends;
}

QList<HeldWirePacket> WireMarks::heldAt(const Timeline& tl, int cursor)
{
    QList<HeldWirePacket> out;
    const int last = qMin(cursor, tl.size() - 1);
    for (int i = 0; i <= last; ++i) {
        const Event& e = tl.at(i);
        const WireData* w = e.wire();
        if (!w) continue;
        if (w->action == QLatin1String("hold")) {
            HeldWirePacket h;
            h.holdEvent = i;
            h.packetId = w->packetId;
            h.direction = w->direction;
            h.fromActor = w->packet.fromActor;
            h.toActor = w->packet.toActor;
            h.sinceUs = e.tUs;
            h.packet = w->packet;
            out.append(h);
        } else if (w->action == QLatin1String("release") || w->action == QLatin1String("drop")) {
            for (qsizetype k = 0; k < out.size(); ++k)
                if (out[k].packetId == w->packetId) {
                    out.removeAt(k);
                    break;
                }
        }
    }
    return out;
}

bool WireMarks::samePacket(const PacketData& a, const PacketData& b)
{
    return a.srcPort == b.srcPort && a.dstPort == b.dstPort && a.seq == b.seq && a.ack == b.ack
        && a.flags == b.flags && a.len == b.len && a.protocol == b.protocol;
}

bool WireMarks::hasWireEvents(const Timeline& tl)
{
    // A session through the wire says so in its parameters even when the wire
    // only passed and delayed (no wire events: the captures carry the delays).
    if (tl.parameters.contains(QStringLiteral("wire"))) return true;
    for (const Event& e : tl.events())
        if (e.kind == EventKind::Wire || e.wireDelayUs > 0) return true;
    return false;
}

} // namespace socklab
