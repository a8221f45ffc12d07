#pragma once
// The worker side of ProgramSession: owns the ProgramLab on a thread of its
// own and polls it there (forks, sock_diag, capture and decoding never run on
// the GUI thread). After each round with news it hands a value snapshot out.

#include "ProgramLab.h"

#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>

namespace socklab {

struct ProgramSessionSnapshot {
    Timeline timeline;
    QList<ProgramStatus> status; // one per program
    QStringList names;
    bool finished = false;
    bool holding = false;
    bool waitingForStep = false;
    bool wire = false;        // the programs' packets cross socklab's wire
    bool holdingPackets = false; // the wire holds the next SYN, FIN or data segment
};

class ProgramSessionWorker final : public QObject
{
    Q_OBJECT
public:
    ProgramSessionWorker() = default;
    ~ProgramSessionWorker() override;

    // Called on the worker thread (blocking-queued from the GUI).
    bool start(const QList<QStringList>& commands, const ProgramLabOptions& options, QString* error);
    void writeLine(int program, const QByteArray& bytes);
    void closeInput(int program);
    void stop();
    void step(int program);
    void run();
    void setHolding(bool hold);
    void setBreakpoints(const QList<GateBreakpoint>& breakpoints);
    // Wire mode: hold every next SYN, FIN or data segment (a rule of the wire), release or drop a held one.
    void setHoldNextPacket(bool on);
    void releasePacket(qint64 packetId);
    void dropPacket(qint64 packetId);
    QStringList names() const;
    void shutdown(); // ends the lab (kills and reaps) before the thread ends

Q_SIGNALS:
    void output(int program, bool isError, const QString& text);
    void snapshot(const socklab::ProgramSessionSnapshot& s);
    void finished(const QStringList& problems, const QStringList& warnings);

private:
    void tick();
    void publish();

    std::unique_ptr<ProgramLab> m_lab;
    QTimer* m_timer = nullptr;
    int m_holdRule = -1; // the wire's "hold the next packet" rule while it is on
    int m_lastSize = -1;
    QList<ProgramStatus> m_lastStatus;
};

} // namespace socklab

Q_DECLARE_METATYPE(socklab::ProgramSessionSnapshot)
