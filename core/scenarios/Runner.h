#pragma once
// Runs a built-in lesson or a teacher's scenario: the scenario folder's real
// Python programs in the lab under the call gate, stepped by its script
// (ScriptedRun). The one entry point the command line, the window's session
// worker and the tests use for a scenario id.
//
// When is a step over? See ScriptedRun: the step's call has returned, or its
// thread sleeps in the kernel (accept(), recv()); then nothing new for
// kQuietMs and the step's minimum wait has passed; a step that never gets
// quiet ends after its maximum wait with a "step-timeout" note.

#include "Problem.h"
#include "Scenario.h"
#include "Timeline.h"

#include <atomic>
#include <memory>

namespace socklab {

class ScriptedRun;
enum class CaptureMode;

struct RunOptions {
    QString capture;  // force a capture mode (empty: best available)
    QString pcapPath; // write the captured packets here
    const std::atomic<int>* stop =
        nullptr; // set: the run ends at once, "interrupted" (ScriptedRun::setStop)
};

class Runner
{
public:
    explicit Runner(Scenario scenario, RunOptions options = {});
    ~Runner(); // ends every program, closes the lab, stops capture
    Runner(const Runner&) = delete;
    Runner& operator=(const Runner&) = delete;

    // The lab, capture and programs; nothing is left behind on failure. A
    // scenario without a folder has nothing to run ("no-folder").
    bool start(Problem* error);
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
    uint16_t port() const;
    ProblemList problems() const; // the programs': a crash, an ignored SIGTERM (ScriptedRun)
    ProblemList warnings() const;

private:
    Scenario m_scenario;
    RunOptions m_options;
    std::unique_ptr<ScriptedRun> m_script;
    Timeline m_empty;
};

} // namespace socklab
