#include "RecordingSources.h"

#include "AttachDialog.h"
#include "DialogPlacement.h"
#include "ProgramSession.h"
#include "RunProgramsDialog.h"

#include <QAction>
#include <QScreen>
#include <QShortcut>
#include <QWidget>

namespace socklab {

namespace {
// A window shown for the first time comes up in front, beside what it must not
// hide (the ladder); one already open may be behind.
void bringUp(QWidget* dialog, const QWidget* keepInView)
{
    if (!dialog->isVisible()) {
        const QSize size = dialog->size();
        dialog->show(); // a dialog centres itself over its parent as it shows: move it after that
        const QScreen* screen = keepInView ? keepInView->screen() : nullptr;
        if (keepInView && keepInView->isVisible() && screen) {
            const QRect avoid(keepInView->mapToGlobal(QPoint(0, 0)), keepInView->size());
            dialog->setGeometry(DialogPlacement::beside(avoid, size, QSize(420, 320), screen->availableGeometry()));
        }
        return;
    }
    dialog->raise();
    dialog->activateWindow();
}
} // namespace

RecordingSources::RecordingSources(QWidget* window)
    : QObject(window), m_window(window), m_runAct(new QAction(this)), m_attachAct(new QAction(this))
{
    m_runAct->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(m_runAct, &QAction::triggered, this, &RecordingSources::openRunPrograms);
    connect(m_attachAct, &QAction::triggered, this, &RecordingSources::openAttach);
    // The dialog's F7 / F8 in the main window too: a teacher at the ladder releases or drops the held packet.
    connect(new QShortcut(QKeySequence(Qt::Key_F7), window), &QShortcut::activated, this,
            [this] { actOnHeldPacket(0, false); });
    connect(new QShortcut(QKeySequence(Qt::Key_F8), window), &QShortcut::activated, this,
            [this] { actOnHeldPacket(0, true); });
    retranslate();
}

bool RecordingSources::isRecording() const
{
    return (m_programs && m_programs->session()->running()) || (m_attach && m_attach->attached());
}

bool RecordingSources::wireLive() const
{
    return m_programs && m_programs->session()->running() && m_programs->session()->wire();
}

void RecordingSources::actOnHeldPacket(qint64 packetId, bool drop)
{
    if (!wireLive()) return;
    const QList<qint64> held = m_programs->heldPacketIds();
    if (packetId == 0 && !held.isEmpty()) packetId = held.first();
    if (packetId == 0 || !held.contains(packetId)) return; // released or dropped meanwhile
    if (drop) m_programs->session()->dropPacket(packetId);
    else m_programs->session()->releasePacket(packetId);
}

void RecordingSources::openRunPrograms()
{
    if (!m_programs) {
        m_programs = new RunProgramsDialog(m_window);
        connect(m_programs, &RunProgramsDialog::timelineChanged, this, &RecordingSources::timelineChanged);
        connect(m_programs, &RunProgramsDialog::runFinished, this, &RecordingSources::finished);
        m_programs->setBreakpoints(m_breakpoints);
    }
    bringUp(m_programs, m_keepInView);
}

void RecordingSources::setBreakpoints(const QList<GateBreakpoint>& breakpoints)
{
    m_breakpoints = breakpoints;
    if (m_programs) m_programs->setBreakpoints(breakpoints);
}

void RecordingSources::openAttach()
{
    if (!m_attach) {
        m_attach = new AttachDialog(m_window);
        connect(m_attach, &AttachDialog::timelineChanged, this, &RecordingSources::timelineChanged);
        connect(m_attach, &AttachDialog::attachFinished, this, &RecordingSources::finished);
    }
    bringUp(m_attach, m_keepInView);
}

void RecordingSources::retranslate()
{
    m_runAct->setText(tr("&Run my programs…"));
    m_attachAct->setText(tr("&Attach to a running program…"));
    m_attachAct->setToolTip(tr("Watch a port of programs already running on this computer (observation only)"));
}

} // namespace socklab
