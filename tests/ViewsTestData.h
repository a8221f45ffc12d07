#pragma once
// Timelines for view tests: a real run of each scenario, cached per process
// (a run takes about a second), and synthetic ones of any size.

#include "ScenarioRun.h"

#include <QMap>

namespace socklab::test {

inline const Timeline& cachedRun(const QString& id)
{
    static QMap<QString, Timeline> runs;
    if (!runs.contains(id)) runs.insert(id, runScenario(id));
    return runs[id];
}

// n segments bouncing between a client and a server, one step every 10 segments.
inline Timeline syntheticTimeline(int n)
{
    Timeline tl;
    tl.scenarioId = QStringLiteral("synthetic");
    tl.actors = {{QStringLiteral("server"), QStringLiteral("server"), {}, {}},
                 {QStringLiteral("client"), QStringLiteral("client"), {}, {}}};
    QList<Event> events;
    events.reserve(n * 2);
    for (int i = 0; i < n; ++i) {
        if (i % 10 == 0) {
            Event s;
            s.tUs = qint64(i) * 1000;
            s.kind = EventKind::Note;
            s.actor = QStringLiteral("client");
            s.data = NoteData{QStringLiteral("step"), {{"index", i / 10}, {"call", "send"}}};
            events.append(s);
        }
        Event e;
        e.tUs = qint64(i) * 1000 + 1;
        e.kind = EventKind::Segment;
        const bool fromClient = i % 2 == 0;
        e.actor = fromClient ? QStringLiteral("client") : QStringLiteral("server");
        PacketData p;
        p.protocol = QStringLiteral("tcp");
        p.fromActor = e.actor;
        p.toActor = fromClient ? QStringLiteral("server") : QStringLiteral("client");
        p.flags = fromClient ? (TcpFlag::PSH | TcpFlag::ACK) : TcpFlag::ACK;
        p.relSeq = uint32_t(1 + i * 5);
        p.relAck = 1;
        p.len = fromClient ? 5 : 0;
        p.win = 512;
        e.data = p;
        events.append(e);
    }
    tl.appendBatch(events);
    return tl;
}

} // namespace socklab::test
