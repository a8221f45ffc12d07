#pragma once
// The append-only record of one session: metadata plus events ordered by time.

#include "Event.h"

#include <QList>
#include <QString>
#include <QVariantMap>

namespace socklab {

struct ActorInfo {
    QString name;    // "server", "client", or a program's name
    QString role;    // "server", "client", "peer", "program"
    QString codeFile; // Python code shown in the code pane (resource name), may be empty
    QString command;  // for programs run in the lab
};

// One executed scenario step, with the values observed while it ran, so
// captions can quote real numbers ("seq=0", "returned 5 bytes").
struct StepRecord {
    int index = -1;
    QString actor;
    QString call;
    QString socket;
    QString captionId;
    int codeLine = -1;
    qint64 tStartUs = 0;
    qint64 tEndUs = 0;
    QVariantMap values;
};

class Timeline
{
public:
    QString scenarioId;
    QString captureMode; // "namespace", "host", "states-only"
    qint64 originEpochUs = 0; // wall-clock time of tUs == 0
    QList<ActorInfo> actors;
    QList<StepRecord> steps;
    QVariantMap parameters; // scenario parameters used for this run

    // Events are kept sorted by tUs; equal times keep arrival order.
    void append(Event e);
    void appendBatch(QList<Event> batch);

    const QList<Event>& events() const { return m_events; }
    int size() const { return int(m_events.size()); }
    bool isEmpty() const { return m_events.isEmpty(); }
    const Event& at(int i) const { return m_events.at(i); }
    qint64 durationUs() const { return m_events.isEmpty() ? 0 : m_events.last().tUs; }

    // Index of the last event with tUs <= t, or -1.
    int lastIndexAtOrBefore(qint64 tUs) const;
    // Index of the "step" note that starts step n, or -1.
    int indexOfStep(int step) const;
    int actorIndex(const QString& name) const;
    int countOf(EventKind kind) const;

private:
    QList<Event> m_events;
};

} // namespace socklab
