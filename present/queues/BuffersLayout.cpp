#include "BuffersLayout.h"

#include <algorithm>
#include <limits>

namespace socklab {

namespace {

bool isSend(const QString& c) { return c == QLatin1String("send") || c == QLatin1String("sendall"); }
bool isRecv(const QString& c) { return c == QLatin1String("recv"); }
bool isConnQueue(const QueueData& q) { return q.acceptQueue < 0 && (q.inq >= 0 || q.outq >= 0); }

// Splits the stream bytes [begin, end) by the send() calls they came from.
QList<QueuePart> partsOf(const QList<SendCallRange>& sends, qint64 begin, qint64 end, qint64 unsentFrom)
{
    QList<QueuePart> out;
    auto add = [&](qint64 from, qint64 to, int idx) {
        // The unsent tail of the send queue is drawn apart (SIOCOUTQNSD).
        if (from < unsentFrom && to > unsentFrom) {
            out.append({unsentFrom - from, idx, false});
            out.append({to - unsentFrom, idx, true});
        } else if (to > from) {
            out.append({to - from, idx, from >= unsentFrom});
        }
    };
    qint64 at = begin;
    for (int i = 0; i < sends.size() && at < end; ++i) {
        const qint64 sEnd = sends[i].finished() ? sends[i].end : std::numeric_limits<qint64>::max();
        if (sEnd <= at) continue;
        if (sends[i].begin > at) { // bytes no recorded call accounts for
            add(at, qMin(end, sends[i].begin), -1);
            at = qMin(end, sends[i].begin);
        }
        const qint64 to = qMin(end, sEnd);
        add(at, to, i);
        at = to;
    }
    add(at, end, -1);
    return out;
}

struct Tracking {
    EndpointBuffers ep;
    qint64 peerAck = -1; // the peer's latest relative ACK number
    qint64 peerWindow = -1;
    qint64 unaAtQueue = -1, receivedAtQueue = 0;
    QueueData queue;
    bool haveQueue = false;
    qint64 myAck = -1;       // the latest relative ACK number this endpoint sent
    bool finReceived = false;
    int lastChange = -1;     // the latest event that changed its receive queue (data in, recv() out)
};

} // namespace

int BuffersModel::peerOf(int endpoint) const
{
    if (endpoint < 0 || endpoint >= endpoints.size()) return -1;
    const EndpointBuffers& me = endpoints[endpoint];
    for (int i = 0; i < endpoints.size(); ++i)
        if (i != endpoint && endpoints[i].localPort == me.remotePort && endpoints[i].remotePort == me.localPort &&
            me.localPort != 0)
            return i;
    return endpoints.size() == 2 ? 1 - endpoint : -1;
}

BuffersModel buffersAt(const Timeline& tl, int cursor)
{
    // The endpoints of the whole run, so the view keeps its shape while stepping:
    // sockets that reached ESTABLISHED and whose queues were measured.
    QList<Tracking> eps;
    auto find = [&](const QString& actor, const QString& socket) -> Tracking* {
        for (Tracking& t : eps)
            if (t.ep.actor == actor && t.ep.socket == socket) return &t;
        return nullptr;
    };
    for (const Event& e : tl.events())
        if (const StateData* s = e.state(); s && s->state == QLatin1String("ESTABLISHED") && !find(e.actor, s->socket)) {
            Tracking t;
            t.ep.actor = e.actor;
            t.ep.socket = s->socket;
            eps.append(t);
        }
    for (const Event& e : tl.events()) {
        if (const QueueData* q = e.queue(); q && isConnQueue(*q))
            if (Tracking* t = find(e.actor, q->socket); t && !t->ep.localPort) t->ep.localPort = q->localPort;
        if (const StateData* s = e.state(); s && s->state == QLatin1String("ESTABLISHED"))
            if (Tracking* t = find(e.actor, s->socket)) {
                if (!t->ep.localPort) t->ep.localPort = s->localPort;
                if (!t->ep.remotePort) t->ep.remotePort = s->remotePort;
            }
    }
    // A socket whose ports the kernel did not name: take them from its actor's segments.
    for (Tracking& t : eps)
        if (!t.ep.remotePort || !t.ep.localPort)
            for (const Event& e : tl.events())
                if (const PacketData* p = e.packet(); p && p->protocol == QLatin1String("tcp") && p->fromActor == t.ep.actor &&
                                                      (!t.ep.localPort || p->srcPort == t.ep.localPort)) {
                    t.ep.localPort = p->srcPort;
                    t.ep.remotePort = p->dstPort;
                    break;
                }

    const int last = qMin(cursor, tl.size() - 1);
    for (int i = 0; i <= last; ++i) {
        const Event& e = tl.at(i);
        if (const CallData* c = e.call(); c && isSend(c->call)) {
            if (Tracking* t = find(e.actor, c->socket)) {
                SendCallRange r;
                r.begin = t->ep.sends.isEmpty() ? 0 : qMax<qint64>(t->ep.sends.last().begin, t->ep.sends.last().end);
                r.requested = c->args.value("data").toByteArray().size();
                r.callEvent = i;
                t->ep.sends.append(r);
            }
        } else if (const ReturnData* r = e.ret()) {
            Tracking* t = find(e.actor, r->socket);
            if (!t) continue;
            if (isSend(r->call)) {
                t->ep.sendBlocked = r->blocked;
                if (!r->blocked && !t->ep.sends.isEmpty() && !t->ep.sends.last().finished())
                    t->ep.sends.last().end = t->ep.sends.last().begin + qMax<qint64>(0, r->result);
            } else {
                t->ep.sendBlocked = false;
                if (isRecv(r->call) && !r->blocked && r->result > 0) {
                    t->ep.received += r->result;
                    t->lastChange = i;
                }
            }
        } else if (const QueueData* q = e.queue(); q && isConnQueue(*q)) {
            if (Tracking* t = find(e.actor, q->socket)) {
                t->queue = *q;
                t->haveQueue = true;
                t->ep.queueEvent = i;
                t->unaAtQueue = t->peerAck > 0 ? t->peerAck - 1 : -1;
                t->receivedAtQueue = t->ep.received;
            }
        } else if (const PacketData* p = e.packet(); p && p->protocol == QLatin1String("tcp")) {
            for (Tracking& t : eps) {
                const bool fromMe = p->srcPort == t.ep.localPort && p->dstPort == t.ep.remotePort;
                const bool toMe = p->dstPort == t.ep.localPort && p->srcPort == t.ep.remotePort;
                if (fromMe && p->has(TcpFlag::ACK) && !p->has(TcpFlag::RST)) {
                    // A probe: at most one byte, one below what the peer acknowledged, into a zero window.
                    const bool control = p->has(TcpFlag::SYN) || p->has(TcpFlag::FIN);
                    if (!control && p->len <= 1 && t.peerWindow == 0 && qint64(p->relSeq) == t.peerAck - 1)
                        t.ep.probes.append({i, e.tUs});
                    t.ep.window = qint64(p->scaledWindow());
                    t.ep.windowEvent = i;
                    t.myAck = p->relAck;
                } else if (toMe && p->has(TcpFlag::ACK) && !p->has(TcpFlag::RST)) {
                    t.peerAck = p->relAck;
                    t.peerWindow = qint64(p->scaledWindow());
                    if (p->len > 0) t.lastChange = i;
                    t.finReceived |= p->has(TcpFlag::FIN);
                }
            }
        }
    }

    BuffersModel m;
    for (Tracking& t : eps) {
        if (!t.ep.localPort) continue;
        EndpointBuffers& ep = t.ep;
        if (t.haveQueue) {
            const QueueData& q = t.queue;
            ep.sendQueue.capacity = q.sndbuf;
            ep.sendQueue.used = q.outq;
            ep.sendQueue.unsent = qMax<qint64>(0, q.outqNsd);
            ep.recvQueue.capacity = q.rcvbuf;
            ep.recvQueue.used = q.inq;
            // The kernel was last asked before newer data or recv() calls: what it
            // acknowledged minus what recv() took is what waits now.
            if (t.lastChange > ep.queueEvent && t.myAck > 0) {
                ep.recvQueue.used = qMax<qint64>(0, t.myAck - 1 - (t.finReceived ? 1 : 0) - ep.received);
                ep.recvQueue.derived = true;
                t.receivedAtQueue = ep.received;
            }
            // Where the queued bytes sit in the stream: the send queue ends at
            // what the peer acknowledged plus what is still queued.
            qint64 written = 0;
            for (const SendCallRange& s : ep.sends)
                written = s.finished() ? s.end : qMax(written, s.begin);
            if (t.unaAtQueue >= 0 && q.outq >= 0) written = t.unaAtQueue + q.outq;
            if (q.outq > 0)
                ep.sendQueue.parts = partsOf(ep.sends, written - q.outq, written, written - ep.sendQueue.unsent);
        }
    }
    // Receive queues are coloured by the peer's send() calls.
    for (Tracking& t : eps)
        if (t.ep.localPort) m.endpoints.append(t.ep);
    for (int i = 0; i < m.endpoints.size(); ++i) {
        EndpointBuffers& ep = m.endpoints[i];
        const int peer = m.peerOf(i);
        const Tracking* t = find(ep.actor, ep.socket);
        if (ep.recvQueue.used > 0)
            ep.recvQueue.parts = partsOf(peer >= 0 ? m.endpoints[peer].sends : QList<SendCallRange>{},
                                         t->receivedAtQueue, t->receivedAtQueue + ep.recvQueue.used,
                                         std::numeric_limits<qint64>::max());
    }
    // The busiest sender of the whole run first, so the order stays put while stepping.
    auto requested = [&](const EndpointBuffers& ep) {
        qint64 n = 0;
        for (const Event& e : tl.events())
            if (const CallData* c = e.call(); c && isSend(c->call) && e.actor == ep.actor && c->socket == ep.socket)
                n += c->args.value("data").toByteArray().size();
        return n;
    };
    std::stable_sort(m.endpoints.begin(), m.endpoints.end(),
                     [&](const EndpointBuffers& a, const EndpointBuffers& b) { return requested(a) > requested(b); });
    return m;
}

} // namespace socklab
