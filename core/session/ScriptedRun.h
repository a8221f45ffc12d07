#pragma once
// Runs a scenario folder (docs/scenario-format.md): its Python programs in the
// lab under the call gate, every socket call held, and its step script
// releasing them, so the lesson is the programs' own behaviour. Each step is
// marked in the timeline ("step" note, StepRecord with its caption id and
// values) for playback and captions.
//
// When is a step over? Its actor's target call (until / line / the n-th call)
// was released and has returned (the program waits at its next call, or has
// ended) or sleeps in the kernel for 30 ms; then nothing new for kQuietMs and
// the step's min_wait_ms has passed. max_wait_ms ends it with "step-timeout".

#include "Problem.h"
#include "Scenario.h"
#include "ScenarioFolder.h"
#include "MessageFramer.h"
#include "Timeline.h"

#include <QHash>
#include <QTemporaryDir>

#include <atomic>
#include <memory>

namespace socklab {

class ProgramLab;
enum class CaptureMode;

class ScriptedRun
{
public:
    static constexpr int kQuietMs = 80;
    static constexpr int kBlockedMs = 30;
    static constexpr int kRunOutMs = 5000; // after the last step, programs get this long to end

    ScriptedRun(Scenario scenario, ScenarioFolder folder, QString capture, QString pcapPath);
    ~ScriptedRun();
    ScriptedRun(const ScriptedRun&) = delete;
    ScriptedRun& operator=(const ScriptedRun&) = delete;

    bool start(Problem* error);
    bool hasNextStep() const;
    int nextStep() const { return m_next; }
    int stepCount() const;
    bool runStep(Problem* error);
    bool runAll(Problem* error);
    void finish();
    // Set (a signal's number, by StopOnSignal): the loops that wait for a step
    // or for the programs' end see it within milliseconds; the run then fails
    // with "interrupted", its programs killed and reaped, its folder and pcap
    // removed. Null: never.
    void setStop(const std::atomic<int>* stop) { m_stop = stop; }

    const Timeline& timeline() const;
    CaptureMode captureMode() const;
    uint16_t port() const { return m_port; }
    // What went wrong with the programs (a crash, a program that ignored SIGTERM)
    // and what is worth a note (a program that never made a socket).
    ProblemList problems() const;
    ProblemList warnings() const;

private:
    void decorate(int program, Event& e);
    bool runScriptStep(int index, const FolderStep& fs, Problem* error);
    bool stopAsked() const { return m_stop && m_stop->load(std::memory_order_relaxed) != 0; }
    bool interrupted(Problem* error);
    bool releaseOne();
    int programOf(const QString& actor) const;
    void frame(int program, const ReturnData& r);
    const ReturnData* returnSince(int from, const QString& actor, const QString& call) const;

    Scenario m_scenario;
    ScenarioFolder m_folder;
    QString m_capture, m_pcapPath;
    QList<FolderProgram> m_programs;
    QList<FolderStep> m_steps; // the folder's, repeats expanded for this run's values
    MessageFramer m_framer;    // the folder's "framing", over its actor's recv() data
    bool m_framing = false;
    QTemporaryDir m_dir;
    std::unique_ptr<ProgramLab> m_lab;
    Timeline m_empty;
    QHash<qint64, int> m_stepOfThread; // tid -> step its current call was released in
    QHash<qint64, QString> m_socketOfThread;
    QHash<qint64, QString> m_lineOfThread;
    QHash<QString, QStringList> m_lines; // code file -> its lines
    int m_next = 0;
    int m_current = -1;
    bool m_finished = false;
    const std::atomic<int>* m_stop = nullptr;
    uint16_t m_port = 8888;
    uint16_t m_hostPort = 0, m_hostPort2 = 0; // outside a namespace: free ports of the host
};

} // namespace socklab
