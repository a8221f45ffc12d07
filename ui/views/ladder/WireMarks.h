#pragma once
// What the wire did, read back from a timeline (wire mode): the packets it
// holds at a cursor, how each hold ended, the delay it gave a segment. Pure
// functions of (timeline, cursor): the ladder, the time–sequence graph and
// the Release / Drop buttons all read the same answer.

#include "Timeline.h"

#include <QHash>
#include <QList>
#include <QString>

namespace socklab {

struct HeldWirePacket {
    int holdEvent = -1;    // the wire event "hold"
    qint64 packetId = 0;   // what Wire::release() / drop() take
    QString direction;     // "c2s", "s2c"
    QString fromActor;
    QString toActor;
    qint64 sinceUs = 0;    // timeline time of the hold
    PacketData packet;     // its headers, decoded from the wire's copy
};

class WireMarks
{
public:
    // Packets held at the cursor: held at or before it, neither released nor dropped by then. Oldest first.
    static QList<HeldWirePacket> heldAt(const Timeline& tl, int cursor);
    // For every hold event: the event that ended it (a release or a drop of the same packet), or -1.
    static QHash<int, int> holdEnds(const Timeline& tl);
    // The same packet as a wire event and a capture: ports, seq, ack, flags and length agree.
    static bool samePacket(const PacketData& a, const PacketData& b);
    // True when the session went through socklab's wire (its parameters), or
    // has anything the wire did: a wire event, a capture the wire delayed.
    static bool hasWireEvents(const Timeline& tl);
};

} // namespace socklab
