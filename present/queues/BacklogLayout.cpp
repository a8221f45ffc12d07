#include "BacklogLayout.h"

#include <QHash>

namespace socklab {

int ConnectionAttempt::droppedSyns() const
{
    int n = 0;
    for (const SynAttempt& s : syns)
        n += s.dropped;
    return n;
}

QList<int> BacklogModel::waiting() const
{
    QList<int> out;
    for (int i = 0; i < attempts.size(); ++i)
        if (!closed && attempts[i].established && !attempts[i].accepted && !attempts[i].reset) out << i;
    return out;
}

int BacklogModel::droppedSyns() const
{
    int n = 0;
    for (const ConnectionAttempt& a : attempts)
        n += a.droppedSyns();
    return n;
}

qint64 BacklogModel::maxRetransmitGapUs() const
{
    qint64 gap = -1;
    for (const ConnectionAttempt& a : attempts)
        for (const SynAttempt& s : a.syns)
            gap = qMax(gap, s.gapUs);
    return gap;
}

BacklogModel backlogAt(const Timeline& tl, int cursor)
{
    BacklogModel m;
    // The listener: the first socket with a measured accept queue in the whole run.
    for (const Event& e : tl.events())
        if (const QueueData* q = e.queue(); q && q->acceptQueue >= 0) {
            m.listener = e.actor;
            m.socket = q->socket;
            m.port = q->localPort;
            break;
        }
    if (m.listener.isEmpty()) return m;
    // Which actor owns a client port (the kernel names it even when the capture cannot).
    QHash<uint16_t, QString> owner;
    for (const Event& e : tl.events()) {
        if (e.actor == m.listener) continue;
        if (const QueueData* q = e.queue(); q && q->localPort) owner.insert(q->localPort, e.actor);
        if (const StateData* s = e.state(); s && s->localPort) owner.insert(s->localPort, e.actor);
    }
    auto attemptFor = [&](uint16_t port) -> ConnectionAttempt* {
        for (ConnectionAttempt& a : m.attempts)
            if (a.clientPort == port) return &a;
        return nullptr;
    };
    const int last = qMin(cursor, tl.size() - 1);
    for (int i = 0; i <= last; ++i) {
        const Event& e = tl.at(i);
        if (const QueueData* q = e.queue(); q && q->acceptQueue >= 0 && e.actor == m.listener && q->socket == m.socket) {
            m.backlog = q->backlog;
            m.queued = q->acceptQueue;
            m.queueEvent = i;
        } else if (const CallData* c = e.call(); c && e.actor == m.listener && c->call == QLatin1String("accept")) {
            ++m.acceptCalls;
        } else if (const ReturnData* r = e.ret(); r && e.actor == m.listener && r->call == QLatin1String("close")
                                                   && !r->blocked && r->socket == m.socket) {
            m.closed = true; // the kernel resets what waited in the queue (RST to each)
        } else if (const ReturnData* r = e.ret(); r && e.actor == m.listener && r->call == QLatin1String("accept") &&
                                                   !r->blocked && r->errnoName.isEmpty()) {
            // accept() took the oldest waiting connection.
            for (ConnectionAttempt& a : m.attempts)
                if (a.established && !a.accepted && !a.reset) {
                    a.accepted = true;
                    break;
                }
        } else if (const PacketData* p = e.packet(); p && p->protocol == QLatin1String("tcp")) {
            if (p->dstPort == m.port && p->has(TcpFlag::SYN) && !p->has(TcpFlag::ACK)) {
                ConnectionAttempt* a = attemptFor(p->srcPort);
                if (!a) {
                    ConnectionAttempt fresh;
                    fresh.clientPort = p->srcPort;
                    fresh.client = !p->fromActor.isEmpty() ? p->fromActor.toString() : owner.value(p->srcPort);
                    m.attempts.append(fresh);
                    a = &m.attempts.last();
                }
                SynAttempt s;
                s.queueFull = m.backlog >= 0 && m.queued > m.backlog;
                s.event = i;
                s.tUs = e.tUs;
                if (!a->syns.isEmpty()) s.gapUs = e.tUs - a->syns.last().tUs;
                a->syns.append(s);
            } else if (p->srcPort == m.port && p->has(TcpFlag::SYN) && p->has(TcpFlag::ACK)) {
                if (ConnectionAttempt* a = attemptFor(p->dstPort); a && !a->syns.isEmpty()) a->syns.last().answered = true;
            } else if (p->dstPort == m.port && p->has(TcpFlag::ACK) && !p->has(TcpFlag::SYN) && !p->has(TcpFlag::RST)) {
                // The third segment of the handshake: the connection is now in the accept queue.
                if (ConnectionAttempt* a = attemptFor(p->srcPort); a && !a->syns.isEmpty() && a->syns.last().answered)
                    a->established = true;
            } else if (p->has(TcpFlag::RST) && (p->srcPort == m.port || p->dstPort == m.port)) {
                if (ConnectionAttempt* a = attemptFor(p->srcPort == m.port ? p->dstPort : p->srcPort)) a->reset = true;
            }
        }
    }
    // Dropped: no SYN+ACK came back and either the queue was full or the client had to send it again.
    for (ConnectionAttempt& a : m.attempts)
        for (int k = 0; k < a.syns.size(); ++k)
            a.syns[k].dropped = !a.syns[k].answered && (a.syns[k].queueFull || k + 1 < a.syns.size());
    return m;
}

} // namespace socklab
