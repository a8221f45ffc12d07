#pragma once
// Where a recording that is not a scenario comes from: "Run my programs…"
// (the student's own programs in the lab) and "Attach to a running program…"
// (a port on the host's loopback). Owns the two modeless dialogs and their
// actions, and hands every new recording to the window as a value.

#include "GateEvent.h"
#include "Timeline.h"

#include <QObject>

class QAction;
class QWidget;

namespace socklab {

class AttachDialog;
class RunProgramsDialog;

class RecordingSources final : public QObject
{
    Q_OBJECT

public:
    explicit RecordingSources(QWidget* window);

    QAction* runProgramsAction() const { return m_runAct; }
    QAction* attachAction() const { return m_attachAct; }
    RunProgramsDialog* programsDialog() const { return m_programs; } // null until first opened
    AttachDialog* attachDialog() const { return m_attach; }          // null until first opened
    bool isRecording() const; // programs running, or attached to a port
    void openRunPrograms();
    void openAttach();
    void retranslate();
    void keepInView(QWidget* w) { m_keepInView = w; } // the dialogs open beside it (the ladder)
    // The code pane's breakpoints, for the programs running now and the next run.
    void setBreakpoints(const QList<socklab::GateBreakpoint>& breakpoints);
    // Wire mode: the programs run through the wire now (the ladder's Release / Drop buttons act).
    bool wireLive() const;
    // A held packet let go (drop: false) or lost (true); 0: the one held longest (F7 / F8 in the window).
    void actOnHeldPacket(qint64 packetId, bool drop);

signals:
    void timelineChanged(const socklab::Timeline& tl);
    void finished(); // a run or an attach ended

private:
    QWidget* m_window;
    QAction* m_runAct;
    QAction* m_attachAct;
    RunProgramsDialog* m_programs = nullptr;
    AttachDialog* m_attach = nullptr;
    QList<GateBreakpoint> m_breakpoints;
    QWidget* m_keepInView = nullptr;
};

} // namespace socklab
