#include "SessionController.h"

#include "PcapFile.h"
#include "ScenarioCatalog.h"
#include "SessionWorker.h"
#include "TimelineJson.h"

#include <QMetaObject>
#include <QThread>

namespace socklab {

SessionController::SessionController(QObject* parent)
    : QObject(parent), m_thread(new QThread(this)), m_worker(new SessionWorker), m_fileThread(new QThread(this)),
      m_fileContext(new QObject)
{
    qRegisterMetaType<socklab::Timeline>("socklab::Timeline");
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SessionWorker::started, this, &SessionController::onStarted);
    connect(m_worker, &SessionWorker::stepped, this, &SessionController::onStepped);
    connect(m_worker, &SessionWorker::failed, this, &SessionController::onFailed);
    m_thread->setObjectName(QStringLiteral("socklab session"));
    m_thread->start();
    m_fileContext->moveToThread(m_fileThread);
    connect(m_fileThread, &QThread::finished, m_fileContext, &QObject::deleteLater);
    m_fileThread->setObjectName(QStringLiteral("socklab files"));
    m_fileThread->start();
}

SessionController::~SessionController()
{
    // The runner ends on its own thread (actors joined, capture stopped) before the thread quits.
    QMetaObject::invokeMethod(m_worker, &SessionWorker::stop, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    // A save under way is written to its end (what it reports back is not delivered).
    QMetaObject::invokeMethod(m_fileContext, [] {}, Qt::BlockingQueuedConnection);
    m_fileThread->quit();
    m_fileThread->wait();
}

void SessionController::setBusy(bool running)
{
    m_running = running;
    updateBusy();
}

void SessionController::updateBusy()
{
    const bool busy = m_running || !m_opening.isEmpty();
    if (m_busy == busy && m_busyOpening == m_opening) return;
    m_busy = busy;
    m_busyOpening = m_opening; // what the window says it is doing changes with it
    emit busyChanged(busy);
}

void SessionController::cancelOpening()
{
    ++m_openTicket;
    m_opening.clear();
}

void SessionController::openScenario(const QString& id)
{
    if (!ScenarioCatalog::contains(id)) {
        emit errorOccurred(tr("There is no scenario called “%1”.").arg(id));
        return;
    }
    cancelOpening();
    m_scenarioId = id;
    m_replay = false;
    m_recording = false;
    m_live = false;
    m_stepCount = 0;
    m_nextStep = 0;
    m_timeline = Timeline();
    m_timeline.scenarioId = id;
    const quint64 gen = ++m_generation;
    setBusy(true);
    emit timelineChanged(m_timeline);
    emit sessionChanged();
    const QString capture = m_capture;
    QMetaObject::invokeMethod(m_worker, [w = m_worker, gen, id, capture] { w->start(gen, id, capture); },
                              Qt::QueuedConnection);
}

void SessionController::reset()
{
    if (!m_scenarioId.isEmpty() && !m_recording) openScenario(m_scenarioId);
}

void SessionController::stepForward()
{
    if (m_busy || !hasNextStep()) return;
    setBusy(true);
    const quint64 gen = m_generation;
    QMetaObject::invokeMethod(m_worker, [w = m_worker, gen] { w->runStep(gen); }, Qt::QueuedConnection);
}

void SessionController::onStarted(quint64 generation, const Timeline& tl, int stepCount)
{
    if (generation != m_generation) return;
    m_timeline = tl;
    m_stepCount = stepCount;
    m_nextStep = 0;
    m_live = true;
    setBusy(false);
    emit timelineChanged(m_timeline);
    emit sessionChanged();
}

void SessionController::onStepped(quint64 generation, const Timeline& tl, int nextStep, int stepCount)
{
    if (generation != m_generation) return;
    m_timeline = tl;
    m_nextStep = nextStep;
    m_stepCount = stepCount;
    setBusy(false);
    emit timelineChanged(m_timeline);
    emit sessionChanged();
}

void SessionController::onFailed(quint64 generation, const QString& message)
{
    if (generation != m_generation) return;
    setBusy(false);
    if (!m_live) {
        emit errorOccurred(tr("Could not start the scenario on real sockets: %1").arg(message));
        emit sessionChanged();
        return;
    }
    emit errorOccurred(tr("The step could not run: %1").arg(message));
}

bool SessionController::openSession(const QString& path)
{
    TimelineLoadResult r = loadTimeline(path);
    if (!r.ok) {
        emit errorOccurred(tr("Could not open the session %1: %2").arg(path, r.error));
        emit openFinished(path, false);
        return false;
    }
    cancelOpening();
    showOpened(path, std::move(r.timeline));
    return true;
}

void SessionController::openSessionInBackground(const QString& path)
{
    const quint64 ticket = ++m_openTicket;
    m_opening = path;
    updateBusy();
    QMetaObject::invokeMethod(m_fileContext, [this, ticket, path] {
        TimelineLoadResult r = loadTimeline(path);
        // Back on the controller's thread (dropped there if the controller is gone).
        QMetaObject::invokeMethod(this, [this, ticket, path, r = std::move(r)] { finishOpening(ticket, path, r); },
                                  Qt::QueuedConnection);
    });
}

void SessionController::finishOpening(quint64 ticket, const QString& path, const TimelineLoadResult& r)
{
    if (ticket != m_openTicket) return; // something else was shown meanwhile
    m_opening.clear();
    if (!r.ok) {
        updateBusy();
        emit errorOccurred(tr("Could not open the session %1: %2").arg(path, r.error));
        emit openFinished(path, false);
        return;
    }
    showOpened(path, r.timeline);
}

void SessionController::showOpened(const QString& path, Timeline tl)
{
    // A replay runs no sockets: end the live run first.
    ++m_generation;
    QMetaObject::invokeMethod(m_worker, &SessionWorker::stop, Qt::QueuedConnection);
    m_timeline = std::move(tl);
    m_scenarioId = m_timeline.scenarioId;
    m_replay = true;
    m_recording = false;
    m_live = false;
    m_stepCount = int(m_timeline.steps.size());
    m_nextStep = m_stepCount;
    setBusy(false);
    emit timelineChanged(m_timeline);
    emit sessionChanged();
    emit openFinished(path, true);
}

void SessionController::showRecording(const Timeline& tl)
{
    cancelOpening();
    if (!m_recording) {
        // The scenario's sockets are not needed any more.
        ++m_generation;
        QMetaObject::invokeMethod(m_worker, &SessionWorker::stop, Qt::QueuedConnection);
    }
    m_timeline = tl;
    m_scenarioId = tl.scenarioId;
    m_recording = true;
    m_replay = false;
    m_live = false;
    m_stepCount = int(m_timeline.steps.size());
    m_nextStep = m_stepCount;
    setBusy(false);
    emit timelineChanged(m_timeline);
    emit sessionChanged();
}

bool SessionController::saveSession(const QString& path)
{
    QString error;
    if (!saveTimeline(m_timeline, path, &error)) {
        emit errorOccurred(tr("Could not save the session: %1").arg(error));
        return false;
    }
    emit succeeded(tr("Saved the session as %1").arg(path));
    return true;
}

void SessionController::saveSessionInBackground(const QString& path)
{
    ++m_saving;
    QMetaObject::invokeMethod(m_fileContext, [this, tl = m_timeline, path] {
        QString error;
        const bool saved = saveTimeline(tl, path, &error);
        QMetaObject::invokeMethod(
            this,
            [this, saved, path, error] {
                --m_saving;
                if (saved)
                    emit succeeded(tr("Saved the session as %1").arg(path));
                else
                    emit errorOccurred(tr("Could not save the session: %1").arg(error));
            },
            Qt::QueuedConnection);
    });
}

bool SessionController::exportPcap(const QString& path)
{
    int linkType = -1;
    for (const Event& e : m_timeline.events())
        if (const PacketData* p = e.packet(); p && p->captured()) {
            linkType = p->linkType;
            break;
        }
    if (linkType < 0) {
        emit errorOccurred(tr("There are no captured packets to export: this session has only "
                              "derived segments (states-only mode) or has not sent any packet yet."));
        return false;
    }
    PcapWriter w;
    if (!w.open(path, linkType)) {
        emit errorOccurred(tr("Could not write the pcap file: %1").arg(w.error()));
        return false;
    }
    int frames = 0;
    int unreadable = 0;
    for (const Event& e : m_timeline.events())
        if (const PacketData* p = e.packet(); p && p->captured() && p->linkType == linkType) {
            // Memory holds a captured frame's first bytes at most: the rest is read back.
            const QByteArray frame = m_timeline.fullFrame(*p);
            if (frame.isEmpty()) {
                ++unreadable;
                continue;
            }
            w.write(m_timeline.originEpochUs + e.tUs, frame, p->wireLen);
            ++frames;
        }
    w.close();
    if (unreadable > 0) {
        emit errorOccurred(tr("Wrote %1 packets to %2, but %n could not be read back from the capture file "
                              "and are missing from it.", nullptr, unreadable)
                               .arg(frames)
                               .arg(path));
        return true;
    }
    emit succeeded(tr("Wrote %n packet(s) to %1", nullptr, frames).arg(path));
    return true;
}

QString SessionController::captureModeText(const QString& mode)
{
    if (mode == QLatin1String("namespace"))
        return tr("Private lab: packets captured in socklab's own network namespace");
    if (mode == QLatin1String("host")) return tr("Host loopback: packets captured on this computer's lo");
    if (mode == QLatin1String("states-only"))
        return tr("States only: no capture permission, segments are derived (*)");
    return tr("Not started");
}

QString SessionController::captureModeTooltip(const QString& mode)
{
    if (mode == QLatin1String("namespace"))
        return tr("socklab made a private network of its own: its 127.0.0.1 is invisible to the rest of "
                  "the computer, and every packet shown was really captured by the kernel.");
    if (mode == QLatin1String("host"))
        return tr("The sockets run on this computer's loopback interface; the packets shown were "
                  "captured there.");
    if (mode == QLatin1String("states-only"))
        return tr("Packets could not be captured here. The states come from the kernel; the segments "
                  "between them are reconstructed from the TCP rules and marked with *.");
    return {};
}

} // namespace socklab
