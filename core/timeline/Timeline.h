#pragma once
// The append-only record of one session: metadata plus events ordered by time.

#include "Event.h"

#include <QList>
#include <QString>
#include <QVariantMap>

#include <algorithm>
#include <memory>

namespace socklab {

struct ActorInfo {
    QString name;    // "server", "client", or a program's name
    QString role;    // "server", "client", "peer", "program"
    QString codeFile; // Python code shown in the code pane (resource name), may be empty
    QString command;  // for programs run in the lab
};

// A program that ran in the session, and its text.
struct ProgramSource {
    QString actor;
    QString codeFile; // where it came from (":/scenarios/echo/server.py", a path)
    QString source;   // its full text, as it ran
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

class FrameStore;

// What the capture got and what the kernel could not give it (pcap_stats).
struct CaptureStats {
    quint64 captured = 0;
    quint64 dropped = 0;
    QString error; // the capture or its pcap file failed ("" when not)
    quint64 notInFile = 0; // frames the disk was too slow to take: only their first bytes were kept
};

class Timeline
{
public:
    QString scenarioId;
    QString captureMode; // "namespace", "host", "states-only"
    qint64 originEpochUs = 0; // wall-clock time of tUs == 0
    QList<ActorInfo> actors;
    QList<StepRecord> steps;
    QList<ProgramSource> programs; // the programs that ran, with their text (--json "programs")
    QVariantMap parameters; // scenario parameters used for this run
    CaptureStats captureStats;
    // Whole frames of captured packets that memory holds only the payload's
    // first bytes of (null when none: replayed sessions keep raw in memory).
    std::shared_ptr<const FrameStore> frames;
    // The whole captured frame of p: from the frame store when memory does not
    // hold it. Empty when it cannot be read (derived, or the store is gone).
    QByteArray fullFrame(const PacketData& p) const;
    // Its first `n` bytes (what a session file keeps), read back the same way.
    QByteArray frameHead(const PacketData& p, qsizetype n) const;

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
    // Packets the capture lost so far: its final count, or while recording
    // the count in the last "capture-loss" note (0: nothing lost).
    quint64 droppedSoFar() const { return std::max(captureStats.dropped, m_droppedInNotes); }

private:
    void noteLoss(const Event& e);
    void reserveFor(qsizetype more);

    QList<Event> m_events;
    quint64 m_droppedInNotes = 0;
};

} // namespace socklab
