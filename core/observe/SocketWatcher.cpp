#include "SocketWatcher.h"

#include "ProcessSockets.h"
#include "Recorder.h"

namespace socklab {

namespace {

bool isLoopback(const QString& addr)
{
    return addr.startsWith(QLatin1String("127.")) || addr == QLatin1String("::1")
           || addr.startsWith(QLatin1String("::ffff:127."));
}

} // namespace

void SocketWatcher::addProgram(pid_t group, const QString& actor)
{
    m_programs.insert(group, actor);
    m_unknownTried.clear(); // a socket seen before its owner was known: look again
}

QString SocketWatcher::countedName(const QString& actor, const QString& name)
{
    const int uses = ++m_fdUses[actor + '/' + name];
    return uses == 1 ? name : QStringLiteral("%1#%2").arg(name).arg(uses);
}

void SocketWatcher::nameSocket(const QString& actor, int fd, const QString& name)
{
    const QString fdKey = actor + '/' + QString::number(fd);
    m_fdNames.insert(fdKey, name);
    const auto it = m_known.find(m_lastOnFd.value(fdKey));
    if (it == m_known.end() || it->actor != actor || it->fd != fd) return;
    const QString byNumber = QStringLiteral("fd%1").arg(fd);
    if (it->socket != byNumber && !it->socket.startsWith(byNumber + '#')) return; // named already
    const QString old = it->socket;
    it->socket = countedName(actor, name);
    if (it->localPort != 0) {
        m_recorder.registerSocket(actor, it->socket, it->localPort, it->remotePort, it->listening);
        const QString pk = portKey(it->localPort, it->remotePort);
        if (m_stateSocket.value(pk) == old) m_stateSocket.insert(pk, it->socket);
    }
}

void SocketWatcher::poll(SockDiag& diag)
{
    if (!diag.isOpen()) return;
    QList<DiagSocket> socks = diag.tcp({}, false);
    socks.append(diag.udp({}));
    discover(socks);
    QSet<QString> present, listed;
    for (const DiagSocket& d : socks) {
        if (d.localPort == 0) continue; // created, not bound yet: nothing to show
        track(d);
        if (d.protocol != IPPROTO_TCP) continue;
        listed.insert(portKey(d.localPort, d.remotePort));
        if (d.state != QLatin1String("LISTEN")) present.insert(portKey(d.localPort, d.remotePort));
    }
    // A connection gone from the kernel's tables is CLOSED (after TIME_WAIT, or a RST).
    // A bound socket that now listens is still there: not CLOSED.
    for (const QString& k : std::as_const(m_present)) {
        if (listed.contains(k)) continue;
        const uint16_t l = uint16_t(k.section(':', 0, 0).toUInt()), r = uint16_t(k.section(':', 1, 1).toUInt());
        if (const auto owner = m_recorder.ownerOf(l, r))
            m_recorder.observeState(owner->actor, m_stateSocket.value(k), l, r, QStringLiteral("CLOSED"),
                                    QStringLiteral("sock_diag"));
    }
    m_present = present;
}

void SocketWatcher::discover(const QList<DiagSocket>& socks)
{
    bool unknown = false;
    for (const DiagSocket& d : socks)
        if (d.inode != 0 && !m_known.contains(d.inode) && !m_unknownTried.contains(d.inode)) unknown = true;
    if (!unknown) return;
    const QHash<quint64, SocketHolder> held = ProcessSockets::scan(m_programs.keys());
    for (const DiagSocket& d : socks) {
        if (d.inode == 0 || m_known.contains(d.inode)) continue;
        const auto it = held.constFind(d.inode);
        if (qEnvironmentVariableIsSet("SOCKLAB_LAB_DEBUG"))
            qDebug("discover inode %llu %d->%d %s: %s", d.inode, d.localPort, d.remotePort, qPrintable(d.state),
                   it == held.constEnd() ? "not found" : "found");
        if (it == held.constEnd()) {
            m_unknownTried.insert(d.inode); // its program exited already, or not ours
            continue;
        }
        Known k;
        k.actor = m_programs.value(it->group);
        k.fd = it->fd;
        const QString fdKey = k.actor + '/' + QString::number(it->fd);
        k.socket = countedName(k.actor, m_fdNames.value(fdKey, QStringLiteral("fd%1").arg(it->fd)));
        k.protocol = d.protocol;
        m_known.insert(d.inode, k);
        m_lastOnFd.insert(fdKey, d.inode);
    }
}

void SocketWatcher::track(const DiagSocket& d)
{
    const bool listening = d.protocol == IPPROTO_TCP && d.state == QLatin1String("LISTEN");
    const bool udpBound = d.protocol == IPPROTO_UDP && d.remotePort == 0;
    const auto it = m_known.find(d.inode);
    if (d.inode != 0 && it != m_known.end()) {
        Known& k = *it;
        if (k.localPort != d.localPort || k.remotePort != d.remotePort || k.listening != listening) {
            k.localPort = d.localPort;
            k.remotePort = d.remotePort;
            k.listening = listening;
            m_recorder.registerSocket(k.actor, k.socket, d.localPort, d.remotePort, listening);
            m_hadSocket.insert(k.actor);
            if (listening || (udpBound && d.localPort < 32768)) {
                m_serving.insert(k.actor);
                m_roles.insert(k.actor, QStringLiteral("server"));
                warnIfNotLoopback(k, d);
            } else if (!m_roles.contains(k.actor)) {
                m_roles.insert(k.actor, QStringLiteral("client"));
            }
        }
    }
    const auto owner = m_recorder.ownerOf(d.localPort, d.remotePort);
    if (!owner) return;
    // A socket no descriptor holds: TIME_WAIT after close(), or a connection
    // the listener has not accept()ed yet (no name until it is).
    const bool knownHere = d.inode != 0 && it != m_known.end();
    QString socket = knownHere ? it->socket : owner->socket;
    if (!knownHere && owner->listening && !listening) socket.clear(); // found through its listener
    if (d.protocol == IPPROTO_TCP) {
        m_stateSocket.insert(portKey(d.localPort, d.remotePort), socket);
        m_recorder.observeState(owner->actor, socket, d.localPort, d.remotePort, d.state,
                                QStringLiteral("sock_diag"));
        timer(owner->actor, socket, d);
    }
    queue(owner->actor, socket, d);
}

void SocketWatcher::queue(const QString& actor, const QString& socket, const DiagSocket& d)
{
    const QueueData q = queueDataOf(d, socket);
    const QString k = portKey(d.localPort, d.remotePort) + '/' + QString::number(d.protocol);
    const QString levels = QStringLiteral("%1 %2 %3 %4 %5 %6").arg(q.inq).arg(q.outq).arg(q.sndbuf).arg(q.rcvbuf)
                               .arg(q.acceptQueue).arg(q.backlog);
    if (m_lastQueue.value(k) == levels) return;
    m_lastQueue.insert(k, levels);
    Event e;
    e.tUs = m_recorder.nowUs();
    e.kind = EventKind::Queue;
    e.actor = actor;
    e.data = q;
    m_recorder.add(std::move(e));
}

void SocketWatcher::timer(const QString& actor, const QString& socket, const DiagSocket& d)
{
    if (d.timer != QLatin1String("timewait")) return;
    // An orphaned FIN_WAIT_2 runs the same kernel timer (tcp_fin_timeout).
    const QString name = canonicalTcpState(d.state) == QLatin1String("TIME_WAIT") ? d.timer
                                                                                  : QStringLiteral("fin_wait_2");
    const QString k = portKey(d.localPort, d.remotePort) + name;
    // One timer event a second is enough to show it counting down.
    if (m_lastTimerMs.contains(k) && m_lastTimerMs.value(k) - d.expiresMs < 1000) return;
    m_lastTimerMs.insert(k, d.expiresMs);
    Event e;
    e.tUs = m_recorder.nowUs();
    e.kind = EventKind::Timer;
    e.actor = actor;
    e.data = TimerData{socket, name, d.expiresMs, d.retransmits, d.localPort, d.remotePort};
    m_recorder.add(std::move(e));
}

void SocketWatcher::warnIfNotLoopback(const Known& k, const DiagSocket& d)
{
    if (isLoopback(d.localAddr)) return;
    const QString key = k.actor + '/' + portKey(d.localPort, 0);
    if (m_warned.contains(key)) return;
    m_warned.insert(key);
    Event e;
    e.tUs = m_recorder.nowUs();
    e.kind = EventKind::Note;
    e.actor = k.actor;
    e.data = NoteData{QStringLiteral("non-loopback-listen"),
                      {{"address", d.localAddr},
                       {"port", d.localPort},
                       {"protocol", d.protocol == IPPROTO_TCP ? QStringLiteral("tcp") : QStringLiteral("udp")}}};
    m_recorder.add(std::move(e));
}

} // namespace socklab
