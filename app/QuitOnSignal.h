#pragma once
// SIGTERM, SIGINT or SIGHUP to the window (a desktop logging out, Ctrl+C in the
// terminal it was started from, a screenshot tool ending it) quits it the way
// File ▸ Quit does: the event loop ends, the session and its programs are
// stopped, the lab and the private folders are removed. A second signal while
// that runs ends the process at once (the default action).
//
// The handler only writes the signal's number to a pipe; a QSocketNotifier in
// the event loop reads it (the self-pipe trick: nothing else is safe in a
// signal handler).

#include <QObject>

class QSocketNotifier;

namespace socklab {

class QuitOnSignal : public QObject
{
public:
    explicit QuitOnSignal(QObject* parent = nullptr);
    ~QuitOnSignal() override;
    int signalNumber() const { return m_signal; } // 0 until a signal came
    // The exit code a shell gives a process a signal ended: 128 + signal.
    int exitCode(int normal) const { return m_signal ? 128 + m_signal : normal; }

private:
    void readSignal();
    int m_fds[2] = {-1, -1};
    QSocketNotifier* m_notifier = nullptr;
    int m_signal = 0;
};

} // namespace socklab
