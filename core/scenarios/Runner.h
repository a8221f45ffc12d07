#pragma once
// Executes a scenario on real sockets, one step at a time, and turns what the
// observers saw into the timeline.
//
// When is a step over? The "quiet rule": the step's call has returned, or its
// thread has been asleep in the kernel for kBlockedMs (a blocking call such as
// accept()); and for kQuietMs nothing new was captured and no call returned
// (two delayed-ACK periods, so a late ACK or FIN still belongs to its step);
// and the step's own minimum wait has passed (retransmissions, probes). A step
// that never gets quiet ends after its maximum wait with a "step-timeout" note.

#include "Lab.h"
#include "PacketAnnotator.h"
#include "PacketTap.h"
#include "Problem.h"
#include "Recorder.h"
#include "Scenario.h"
#include "SegmentSynthesizer.h"
#include "StateDeriver.h"
#include "Timeline.h"

#include <QHash>

#include <memory>
#include <vector>

namespace socklab {

class Actor;
class ScriptedRun;
class PcapWriter;
class SockDiag;

struct RunOptions {
    QString capture;  // force a capture mode (empty: best available)
    QString pcapPath; // write the captured packets here
};

class Runner
{
public:
    static constexpr int kBlockedMs = 30;
    static constexpr int kQuietMs = 80;

    explicit Runner(Scenario scenario, RunOptions options = {});
    ~Runner(); // wakes and ends every actor, closes every socket, stops capture
    Runner(const Runner&) = delete;
    Runner& operator=(const Runner&) = delete;

    bool start(Problem* error); // lab, capture, actors; nothing is left behind on failure
    bool hasNextStep() const;
    int nextStep() const;
    int stepCount() const;
    bool runStep(Problem* error);
    bool runAll(Problem* error);
    // Ends the run: a last look with sock_diag (TIME_WAIT), capture stopped, pcap closed.
    void finish();

    const Timeline& timeline() const;
    const Scenario& scenario() const { return m_scenario; }
    CaptureMode captureMode() const;
    TapStats tapStats() const;
    uint16_t port() const;

private:
    Step resolve(const Step& s) const;
    void settle(const Step& step, Actor* actor, int stepIndex);
    void pollDiag();
    void merge();
    Event frameToEvent(const CapturedFrame& f);
    void claimConnectingPort(const PacketData& p);
    void addNote(const QString& code, QVariantMap args, const QString& actor = {});
    Actor* actor(const QString& name) const;

    Scenario m_scenario;
    RunOptions m_options;
    std::unique_ptr<Lab> m_lab;
    std::unique_ptr<Recorder> m_recorder;
    std::unique_ptr<PacketTap> m_tap;
    std::unique_ptr<SockDiag> m_diag;
    std::unique_ptr<PcapWriter> m_pcap;
    std::unique_ptr<StateDeriver> m_deriver;
    std::unique_ptr<SegmentSynthesizer> m_synth;
    std::vector<std::unique_ptr<Actor>> m_actors;
    std::unique_ptr<ScriptedRun> m_script; // a scenario folder: its real programs, stepped
    Timeline m_timeline;
    int m_next = 0;
    bool m_finished = false;
    uint16_t m_port = 8888, m_port2 = 8889;
    QString m_addr2;
    PacketAnnotator m_annotator{[this](uint16_t l, uint16_t r) {
        const auto o = m_recorder->ownerOf(l, r);
        return o ? o->actor : QString();
    }};
    QHash<QString, qint64> m_lastTimerMs;
    QHash<QString, qint64> m_lastAcceptQ;
};

} // namespace socklab
