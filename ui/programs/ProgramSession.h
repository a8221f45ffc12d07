#pragma once
// The window's handle on a ProgramLab. The lab lives on a worker thread
// (ProgramSessionWorker: it forks, reads sock_diag, captures and decodes
// there); this object, on the GUI thread, only keeps the latest value
// snapshot it handed over and forwards commands (typed lines, Step, Run,
// breakpoints, Stop) to it. Views get the recording through timelineChanged().

#include "ProgramSessionWorker.h"

#include <QObject>
#include <QThread>

namespace socklab {

class ProgramSession final : public QObject
{
    Q_OBJECT
public:
    explicit ProgramSession(QObject* parent = nullptr);
    ~ProgramSession() override; // ends the lab on its thread, then the thread

    // Starts the programs; false with a one-line reason (e.g. command not found).
    bool start(const QList<QStringList>& commands, const ProgramLabOptions& options, QString* error);
    bool running() const { return m_started && !m_last.finished; }
    int programCount() const { return int(m_last.names.size()); }
    QString actorName(int program) const { return m_last.names.value(program); }
    Timeline timeline() const { return m_last.timeline; }
    QStringList problems() const { return m_problems; }
    ProgramStatus status(int program) const { return m_last.status.value(program); }
    bool waitingForStep() const { return m_last.waitingForStep; }
    bool holding() const { return m_last.holding; }
    bool wire() const { return m_last.wire; }                     // wire mode
    bool holdingPackets() const { return m_last.holdingPackets; } // the wire holds the next SYN, FIN or data segment

    bool sendLine(int program, const QString& line); // writes line + '\n' to its stdin
    void closeInput(int program);                    // end of file, like Ctrl+D
    void stop();
    // Stepping (the programs run through the call gate).
    void step(int program = -1); // one held call: of `program`, or the one waiting longest
    void run();                  // until a breakpoint
    void setHolding(bool hold);
    void setBreakpoints(const QList<GateBreakpoint>& breakpoints);
    // Wire mode (queued to the lab's thread, like every command): the teacher's hold, release and drop.
    void setHoldNextPacket(bool on);
    void releasePacket(qint64 packetId);
    void dropPacket(qint64 packetId);

Q_SIGNALS:
    void output(int program, bool isError, const QString& text);
    void timelineChanged();
    void statusChanged();
    void finished(const QStringList& problems, const QStringList& warnings);

private:
    void onSnapshot(const ProgramSessionSnapshot& s);

    QThread m_thread;
    ProgramSessionWorker* m_worker = nullptr; // lives on m_thread
    ProgramSessionSnapshot m_last;
    QStringList m_problems;
    bool m_started = false;
};

} // namespace socklab
