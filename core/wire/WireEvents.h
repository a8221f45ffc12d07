#pragma once
// The wire's records as timeline events: each action a `wire` event
// (provenance "wire") carrying its packet decoded from the wire's copy; a
// packet the wire dropped also as a segment/datagram marked wire = "dropped"
// (the kernel sent it; it never crossed lo, so no capture has it).

#include "Event.h"
#include "WireRecord.h"

#include <QList>

namespace socklab {

class PacketAnnotator;

class WireEvents
{
public:
    static QList<Event> toEvents(const QList<WireRecord>& records, PacketAnnotator& annotator, qint64 originEpochUs);
};

} // namespace socklab
