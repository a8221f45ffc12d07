#pragma once
// The call gate: every socket call of the programs it starts becomes a `call`
// event when it starts and a `return` event when it returns, and can be held
// before it runs until released.
//
// How: ptrace + a seccomp filter. Each program is forked by the gate's own
// thread (the tracer: ptrace requests must come from it), asks to be traced,
// and installs a filter (GateFilter) that stops it only at socket-related
// system calls (SECCOMP_RET_TRACE); every other call runs at full speed. At
// such a stop the call has not run yet: the gate reads its arguments, decides
// whether it counts (read/write/close/poll only on IPv4/IPv6 sockets), and
// either resumes it to its exit (PTRACE_SYSCALL: the return value) or keeps
// the thread stopped: held. A held thread is stopped by the tracer, not
// sleeping in the kernel; the status tells the two apart. Children and threads
// are traced too (PTRACE_O_TRACEFORK/CLONE), a killed tracee just goes away,
// and PTRACE_O_EXITKILL ends the programs if socklab dies.
//
// Python programs add the line: the hook (resources/gate/sitecustomize.py)
// writes one short record before and after each socket method to /dev/null;
// the gate reads the record from the stopped writer's memory, so the call that
// follows carries the student's file:line, the Python name and exception.
//
// Thread-safe: every public function may be called from any one other thread.

#include "GateEvent.h"
#include "GateFilter.h"
#include "Problem.h"

#include <QList>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <future>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace socklab {

class Lab;
class LabProcess;
class GateTracer;

class CallGate
{
public:
    CallGate();
    ~CallGate(); // kills whatever it still traces, reaps it, ends its thread
    CallGate(const CallGate&) = delete;
    CallGate& operator=(const CallGate&) = delete;

    bool start(const Lab& lab, QString* error);
    // Forks and execs `process` from the tracer thread (inside the lab).
    bool spawn(int program, LabProcess& process, Problem* error);

    // Stepping. Holding: every new call waits at the gate until released.
    void setHolding(bool hold);
    bool holding() const { return m_holding.load(); }
    // Releases exactly one held call: of `program`, or (-1) the one that has
    // waited longest. False when none is held.
    bool step(int program = -1);
    // Releases everything and stops holding; a call on a breakpoint's line
    // is held again (and holding starts again).
    void run();
    void setBreakpoints(const QList<GateBreakpoint>& breakpoints);
    // Stopping: nothing is held any more, nothing will be.
    void releaseAll();

    QList<GateEvent> take();
    QList<GateThreadStatus> status() const;
    int tracedCount() const; // threads traced now

private:
    void loop(const Lab* lab, std::promise<QString>* entered);
    // Runs `job` on the tracer thread and waits for it (waking a blocking wait()).
    void post(std::function<void(GateTracer&)> job);

    GateFilter m_filter;
    std::unique_ptr<GateTracer> m_tracer; // touched by the tracer thread only
    std::thread m_thread;
    std::atomic<pid_t> m_tid{0};
    std::atomic<bool> m_holding{false};
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    std::deque<std::function<void(GateTracer&)>> m_jobs;
    bool m_quit = false;
    QList<GateEvent> m_events;            // under m_mutex
    QList<GateThreadStatus> m_status;     // under m_mutex
    int m_traced = 0;                     // under m_mutex
    friend class GateTracer;
};

} // namespace socklab
