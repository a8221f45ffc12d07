#include "Recorder.h"

#include "SocketProbe.h"

#include <ctime>

namespace socklab {

Recorder::Recorder(qint64 originEpochUs) : m_origin(originEpochUs) {}

qint64 Recorder::epochNowUs()
{
    timespec ts{};
    ::clock_gettime(CLOCK_REALTIME, &ts); // the clock pcap timestamps use
    return qint64(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
}

void Recorder::add(Event e)
{
    std::lock_guard lock(m_mutex);
    m_inbox.append(std::move(e));
}

QList<Event> Recorder::take()
{
    std::lock_guard lock(m_mutex);
    return std::exchange(m_inbox, {});
}

QPair<uint16_t, uint16_t> Recorder::portsOf(const QString& actor, const QString& socket) const
{
    std::lock_guard lock(m_mutex);
    const QString pk = m_portsOf.value(key(actor, socket));
    if (pk.isEmpty()) return {0, 0};
    return {uint16_t(pk.section(':', 0, 0).toUInt()), uint16_t(pk.section(':', 1, 1).toUInt())};
}

void Recorder::registerSocket(const QString& actor, const QString& socket, uint16_t localPort,
                              uint16_t remotePort, bool listening)
{
    std::lock_guard lock(m_mutex);
    const QString pk = portKey(localPort, remotePort);
    m_byPorts.insert(pk, SocketOwner{actor, socket, listening, true});
    m_portsOf.insert(key(actor, socket), pk);
}

void Recorder::socketClosed(const QString& actor, const QString& socket)
{
    std::lock_guard lock(m_mutex);
    const QString pk = m_portsOf.value(key(actor, socket));
    if (m_byPorts.contains(pk)) m_byPorts[pk].open = false;
}

std::optional<SocketOwner> Recorder::ownerOf(uint16_t localPort, uint16_t remotePort) const
{
    std::lock_guard lock(m_mutex);
    auto it = m_byPorts.find(portKey(localPort, remotePort));
    if (it != m_byPorts.end()) return *it;
    it = m_byPorts.find(portKey(localPort, 0));
    if (it != m_byPorts.end()) return *it;
    return std::nullopt;
}

QSet<uint16_t> Recorder::localPorts() const
{
    std::lock_guard lock(m_mutex);
    QSet<uint16_t> out;
    for (auto it = m_byPorts.begin(); it != m_byPorts.end(); ++it)
        out.insert(uint16_t(it.key().section(':', 0, 0).toUInt()));
    out.remove(0);
    return out;
}

QList<QPair<uint16_t, uint16_t>> Recorder::closedConnections() const
{
    std::lock_guard lock(m_mutex);
    QList<QPair<uint16_t, uint16_t>> out;
    for (auto it = m_byPorts.begin(); it != m_byPorts.end(); ++it)
        if (!it->open && !it->listening)
            out.append({uint16_t(it.key().section(':', 0, 0).toUInt()),
                        uint16_t(it.key().section(':', 1, 1).toUInt())});
    return out;
}

void Recorder::observe(const QString& actor, const QString& socket, const ProbeResult& p)
{
    if (!p.ok) return;
    const qint64 t = nowUs();
    if (!p.state.isEmpty())
        observeState(actor, socket, p.localPort, p.remotePort, p.state, QStringLiteral("tcp_info"));
    QueueData q;
    q.socket = socket;
    q.inq = p.inq;
    q.outq = p.outq;
    q.outqNsd = p.outqNsd;
    q.sndbuf = p.sndbuf;
    q.rcvbuf = p.rcvbuf;
    q.localPort = p.localPort;
    std::lock_guard lock(m_mutex);
    const QString k = key(actor, socket);
    const auto it = m_lastQueue.constFind(k);
    if (it != m_lastQueue.constEnd() && it->inq == q.inq && it->outq == q.outq
        && it->outqNsd == q.outqNsd && it->sndbuf == q.sndbuf && it->rcvbuf == q.rcvbuf)
        return;
    m_lastQueue.insert(k, q);
    Event e;
    e.tUs = t;
    e.kind = EventKind::Queue;
    e.actor = actor;
    e.data = q;
    m_inbox.append(std::move(e));
}

void Recorder::observeState(const QString& actor, const QString& socket, uint16_t localPort,
                            uint16_t remotePort, const QString& kernelState, const QString& cause)
{
    const QString state = canonicalTcpState(kernelState);
    const qint64 t = nowUs();
    std::lock_guard lock(m_mutex);
    // A connection not yet accept()ed has no name: tell them apart by ports.
    const QString k = socket.isEmpty() ? key(actor, '#' + portKey(localPort, remotePort)) : key(actor, socket);
    // A Python name rebound to a new connection (connfd in an accept() loop)
    // while the old one lives on in TIME_WAIT: one history per connection.
    const QString conn = socket.isEmpty() || remotePort == 0 ? k : k + '#' + portKey(localPort, remotePort);
    const QString prev = m_lastState.value(conn);
    if (prev == state) return;
    m_lastState.insert(conn, state);
    m_lastState.insert(k, state);
    Event e;
    e.tUs = t;
    e.kind = EventKind::State;
    e.actor = actor;
    e.data = StateData{socket, state, prev, localPort, remotePort, cause};
    m_inbox.append(std::move(e));
}

QString Recorder::lastKernelState(const QString& actor, const QString& socket) const
{
    std::lock_guard lock(m_mutex);
    return m_lastState.value(key(actor, socket));
}

} // namespace socklab
