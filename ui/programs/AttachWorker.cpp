#include "AttachWorker.h"

namespace socklab {

AttachWorker::~AttachWorker() = default;

bool AttachWorker::start(const HostAttachOptions& options, Problem* error, bool* capturing)
{
    if (!m_timer) {
        m_timer = new QTimer(this);
        m_timer->setInterval(10);
        connect(m_timer, &QTimer::timeout, this, &AttachWorker::tick);
    }
    auto attach = std::make_unique<HostAttach>(options);
    if (!attach->start(error)) return false;
    m_attach = std::move(attach);
    *capturing = m_attach->capturing();
    m_shown = -1;
    m_timer->start();
    tick();
    return true;
}

bool AttachWorker::stop(Timeline* timeline, int* socketsSeen)
{
    if (!m_attach) return false;
    if (!m_attach->finished()) m_attach->stop();
    while (m_attach->poll()) {}
    m_timer->stop();
    *timeline = m_attach->timeline();
    *socketsSeen = m_attach->socketsSeen();
    return true;
}

void AttachWorker::shutdown()
{
    if (m_timer) m_timer->stop();
    m_attach.reset();
}

void AttachWorker::tick()
{
    if (!m_attach) return;
    const bool more = m_attach->poll();
    const Timeline& tl = m_attach->timeline();
    if (tl.size() == m_shown && more) return;
    m_shown = tl.size();
    if (!more) m_timer->stop();
    Q_EMIT snapshot(tl, !more, m_attach->socketsSeen());
}

} // namespace socklab
