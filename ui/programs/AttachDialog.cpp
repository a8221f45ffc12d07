#include "AttachDialog.h"

#include "AttachWorker.h"
#include "HostAttach.h"
#include "ProblemText.h"

#include <QMetaObject>

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

namespace socklab {

AttachDialog::AttachDialog(QWidget* parent)
    : QDialog(parent), m_target(new QLineEdit(this)), m_seconds(new QSpinBox(this)),
      m_start(new QPushButton(tr("Attach"), this)), m_stop(new QPushButton(tr("Stop"), this)),
      m_status(new QLabel(this)), m_worker(new AttachWorker)
{
    qRegisterMetaType<socklab::Timeline>("socklab::Timeline");
    m_thread.setObjectName(QStringLiteral("socklab-attach"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &AttachWorker::snapshot, this, &AttachDialog::onSnapshot);
    m_thread.start();
    setWindowTitle(tr("Attach to a running program"));
    m_target->setPlaceholderText(tr("port, e.g. 8888 or 127.0.0.1:8888"));
    m_seconds->setRange(0, 3600);
    m_seconds->setValue(30);
    m_seconds->setSpecialValueText(tr("until Stop"));
    m_seconds->setSuffix(tr(" s"));
    m_stop->setEnabled(false);
    m_status->setWordWrap(true);
    m_status->setText(tr("Watches a port of programs already running on this computer's loopback "
                         "(127.0.0.1 or ::1). socklab only looks: it sends nothing to them."));

    auto* form = new QFormLayout;
    form->addRow(tr("Port:"), m_target);
    form->addRow(tr("Watch for:"), m_seconds);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_start);
    buttons->addWidget(m_stop);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status, 1);
    layout->addLayout(buttons);
    resize(480, 220);

    connect(m_start, &QPushButton::clicked, this, [this] { attach(m_target->text().trimmed(), m_seconds->value()); });
    connect(m_stop, &QPushButton::clicked, this, &AttachDialog::stop);
}

AttachDialog::~AttachDialog()
{
    QMetaObject::invokeMethod(m_worker, &AttachWorker::shutdown, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

bool AttachDialog::attached() const { return m_attached; }
QString AttachDialog::status() const { return m_status->text(); }

bool AttachDialog::attach(const QString& target, int seconds)
{
    if (attached()) return false;
    HostAttachOptions o;
    Problem error;
    if (!HostAttach::parseTarget(target, &o.port, &o.address, &error)) {
        m_status->setText(tr("Cannot attach: %1").arg(problemText(error)));
        return false;
    }
    o.durationMs = seconds > 0 ? seconds * 1000 : 0;
    bool ok = false, capturing = false;
    QMetaObject::invokeMethod(m_worker, [&] { ok = m_worker->start(o, &error, &capturing); },
                              Qt::BlockingQueuedConnection);
    if (!ok) {
        m_status->setText(tr("Cannot attach: %1").arg(problemText(error)));
        return false;
    }
    m_attached = true;
    m_status->setText(capturing
                          ? tr("Attached to port %1: packets and kernel states.").arg(o.port)
                          : tr("Attached to port %1 — STATES ONLY: no capture permission on the host, so the "
                               "states come from sock_diag and no packet is shown.").arg(o.port));
    setRunning(true);
    return true;
}

void AttachDialog::stop()
{
    if (!attached()) return;
    // Waits for the worker's last look (short); the lab work stays on its thread.
    Timeline tl;
    int seen = 0;
    bool done = false;
    QMetaObject::invokeMethod(m_worker, [&] { done = m_worker->stop(&tl, &seen); }, Qt::BlockingQueuedConnection);
    if (done) onSnapshot(tl, true, seen);
}

void AttachDialog::setRunning(bool running)
{
    m_start->setEnabled(!running);
    m_stop->setEnabled(running);
    m_target->setEnabled(!running);
    m_seconds->setEnabled(!running);
}

void AttachDialog::onSnapshot(const Timeline& tl, bool finished, int socketsSeen)
{
    Q_EMIT timelineChanged(tl);
    if (!finished || !m_attached) return;
    m_attached = false;
    setRunning(false);
    const bool saw = socketsSeen > 0;
    m_status->setText(saw ? tr("Finished: %n event(s) recorded.", nullptr, tl.size())
                          : tr("Finished: nothing used port %1 on the loopback.")
                                .arg(tl.parameters.value("port").toInt()));
    Q_EMIT attachFinished(saw);
}

} // namespace socklab
