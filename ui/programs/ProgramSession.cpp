#include "ProgramSession.h"

#include <QMetaObject>

namespace socklab {

ProgramSession::ProgramSession(QObject* parent) : QObject(parent), m_worker(new ProgramSessionWorker)
{
    qRegisterMetaType<ProgramSessionSnapshot>();
    m_thread.setObjectName(QStringLiteral("socklab-programs"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &ProgramSessionWorker::snapshot, this, &ProgramSession::onSnapshot);
    connect(m_worker, &ProgramSessionWorker::output, this, &ProgramSession::output);
    connect(m_worker, &ProgramSessionWorker::finished, this,
            [this](const QStringList& problems, const QStringList& warnings) {
                m_problems = problems;
                Q_EMIT finished(problems, warnings);
            });
    m_thread.start();
}

ProgramSession::~ProgramSession()
{
    // The lab is killed and reaped on its own thread, then the thread ends.
    QMetaObject::invokeMethod(m_worker, &ProgramSessionWorker::shutdown, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

bool ProgramSession::start(const QList<QStringList>& commands, const ProgramLabOptions& options, QString* error)
{
    bool ok = false;
    QString err;
    m_last = {};
    m_problems.clear();
    QStringList names;
    QMetaObject::invokeMethod(m_worker, [&] {
        ok = m_worker->start(commands, options, &err);
        names = m_worker->names();
    }, Qt::BlockingQueuedConnection);
    m_last.names = names;
    m_started = ok;
    if (!ok && error) *error = err;
    return ok;
}

void ProgramSession::onSnapshot(const ProgramSessionSnapshot& s)
{
    const bool grew = s.timeline.size() != m_last.timeline.size();
    m_last = s;
    if (grew) Q_EMIT timelineChanged();
    Q_EMIT statusChanged();
}

bool ProgramSession::sendLine(int program, const QString& line)
{
    if (!m_started || program < 0 || program >= programCount()) return false;
    const QByteArray bytes = (line + '\n').toUtf8();
    QMetaObject::invokeMethod(m_worker, [w = m_worker, program, bytes] { w->writeLine(program, bytes); });
    return true;
}

void ProgramSession::closeInput(int program)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, program] { w->closeInput(program); });
}

void ProgramSession::stop() { QMetaObject::invokeMethod(m_worker, &ProgramSessionWorker::stop); }

void ProgramSession::step(int program)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, program] { w->step(program); });
}

void ProgramSession::run() { QMetaObject::invokeMethod(m_worker, &ProgramSessionWorker::run); }

void ProgramSession::setHolding(bool hold)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, hold] { w->setHolding(hold); });
}

void ProgramSession::setBreakpoints(const QList<GateBreakpoint>& breakpoints)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, breakpoints] { w->setBreakpoints(breakpoints); });
}

void ProgramSession::setHoldNextPacket(bool on)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, on] { w->setHoldNextPacket(on); });
}

void ProgramSession::releasePacket(qint64 packetId)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, packetId] { w->releasePacket(packetId); });
}

void ProgramSession::dropPacket(qint64 packetId)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, packetId] { w->dropPacket(packetId); });
}

} // namespace socklab
