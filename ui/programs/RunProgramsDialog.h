#pragma once
// "Run my programs…": one or two commands (a server and a client), or one of
// the lesson's examples in a click; each program gets a console pane, and the
// recording is handed to the window live through timelineChanged().
//
// For the main window: create it, connect timelineChanged(const Timeline&) to
// whatever shows a timeline (ladder, state machine, buffers, stream; playback
// and export work on it as on a scenario), and show() it (modeless).

#include "GateEvent.h"
#include "Timeline.h"

#include <QDialog>
#include <QElapsedTimer>
#include <QList>
#include <QTemporaryDir>
#include <QTimer>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QSpinBox;
class QWidget;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;

namespace socklab {

class ProgramConsole;
class ProgramSession;

class RunProgramsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit RunProgramsDialog(QWidget* parent = nullptr);
    ~RunProgramsDialog() override;

    // The lesson's pairs: {title, server file, client file} (client may be empty).
    struct Example {
        const char* title;
        const char* server;
        const char* client;
    };
    static const QList<Example>& examples();

    void setCommands(const QString& first, const QString& second); // shell-like words
    void openExample(int index); // copies the example out of the resources and fills the commands
    bool run();                  // false (and a message in the status line) when it cannot start
    ProgramConsole* console(int program) const { return m_consoles.value(program); }
    ProgramSession* session() const { return m_session; }
    QString status() const;
    // Stepping through the programs' socket calls (the call gate).
    void setStepping(bool on);      // before run(): every call waits at the gate
    // A call made from one of these lines waits at the gate, even while the programs run freely.
    void setBreakpoints(const QList<GateBreakpoint>& breakpoints);
    QPushButton* stepButton() const { return m_step; }
    QPushButton* continueButton() const { return m_continue; }

    // Wire mode: the programs' packets cross socklab's wire, with the policy these
    // controls make. The spec is the one `socklab lab --wire SPEC` takes.
    struct WireSettings {
        bool on = false;
        double lossPercent = 0;
        int delayMs = 0;
        int jitterMs = 0;
        int mtu = 1500;
        int seed = 0; // 0: a random seed (recorded in the session)
    };
    void setWireSettings(const WireSettings& w);
    WireSettings wireSettings() const;
    QString wireSpec() const; // "loss=30%,delay=50ms,jitter=0ms,mtu=1500[,seed=7]"
    // The teacher's hold: the wire holds every next SYN, FIN or data segment while on (F6).
    QPushButton* holdNextButton() const { return m_holdNext; }
    // For each packet the wire holds now: Release (F7: the oldest) and Drop (F8: the oldest).
    QList<qint64> heldPacketIds() const { return m_heldIds; }
    QPushButton* releaseButton(qint64 packetId) const;
    QPushButton* dropButton(qint64 packetId) const;

Q_SIGNALS:
    void timelineChanged(const socklab::Timeline& timeline);
    void runFinished(bool ok);

private:
    void onFinished(const QStringList& problems, const QStringList& warnings);
    QWidget* makeWireControls();
    void showHeldPackets();
    void loadSettings();
    void saveSettings() const;
    void showWhere();
    QString describe(int program) const;

    ProgramSession* m_session;
    QComboBox* m_examples;
    QLineEdit* m_first;
    QLineEdit* m_second;
    QPushButton* m_run;
    QPushButton* m_stop;
    QElapsedTimer m_clockOrigin;
    QSplitter* m_panes;
    QLabel* m_status;
    QCheckBox* m_stepping;
    QPushButton* m_step;
    QPushButton* m_continue;
    QTimer* m_clock; // the "blocked for 2.3 s" counter
    QList<ProgramConsole*> m_consoles;
    QTemporaryDir m_exampleDir;
    QList<GateBreakpoint> m_breakpoints;
    // Wire mode.
    QCheckBox* m_wire = nullptr;
    QDoubleSpinBox* m_loss = nullptr;
    QSpinBox* m_delay = nullptr;
    QSpinBox* m_jitter = nullptr;
    QComboBox* m_mtu = nullptr;
    QSpinBox* m_seed = nullptr;
    QPushButton* m_holdNext = nullptr;
    QWidget* m_heldBox = nullptr; // one line per held packet: what it is, Release, Drop
    QList<qint64> m_heldIds;
};

} // namespace socklab
