#pragma once
// SIGINT, SIGTERM or SIGHUP to a command-line verb (Ctrl+C, kill, a closed
// terminal) while `run`, `lab`, `export` or `replay` works: the verb stops its
// session the normal way (the loop that waits for the programs sees the flag
// within milliseconds; the programs are stopped, the lab torn down, every
// temporary folder and file removed), then one line on stderr ("socklab:
// stopped by SIGINT") and exit 128 + signal, as a shell reports a process a
// signal ended. A second signal ends the process at once (SA_RESETHAND: the
// default action).
//
// The handler only stores the signal's number in a lock-free atomic (nothing
// else is safe in a signal handler); the verbs' waiting loops read it. The
// window has QuitOnSignal (a self-pipe read by its event loop) instead.

#include <atomic>

namespace socklab {

class StopOnSignal
{
  public:
    StopOnSignal();
    ~StopOnSignal(); // the default actions again
    StopOnSignal(const StopOnSignal&) = delete;
    StopOnSignal& operator=(const StopOnSignal&) = delete;

    // 0 until a signal came, then its number; for the loops that wait.
    std::atomic<int>* flag() const;
    int signalNumber() const;
    // The verb's exit code; after a signal, the one line and 128 + signal instead.
    int finish(int code) const;
};

} // namespace socklab
