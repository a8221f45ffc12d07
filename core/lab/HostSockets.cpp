#include "HostSockets.h"

#include "Recorder.h"

#include <QFile>

#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <unistd.h>

namespace socklab {

namespace {

// A socket no descriptor names: by its peer's port ("conn:8080"), or "udp" when unconnected.
QString unownedName(uint16_t remotePort)
{
    return remotePort ? QStringLiteral("conn:%1").arg(remotePort) : QStringLiteral("udp");
}

bool isWildcard(const QString& addr) { return addr == QLatin1String("0.0.0.0") || addr == QLatin1String("::"); }

QString procText(pid_t pid, const char* file)
{
    QFile f(QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1String(file)));
    if (!f.open(QIODevice::ReadOnly)) return {};
    QByteArray b = f.read(4096);
    b.replace('\0', ' ');
    return QString::fromLocal8Bit(b).trimmed();
}

// Which process holds each of `wanted` (socket inodes): every /proc/<pid>/fd we
// may read. Unreadable ones (other users' processes; all of them from inside
// our private user namespace) are skipped.
QHash<quint64, QPair<pid_t, int>> scanProcesses(const QSet<quint64>& wanted)
{
    QHash<quint64, QPair<pid_t, int>> out;
    DIR* proc = ::opendir("/proc");
    if (!proc) return out;
    while (dirent* p = ::readdir(proc)) {
        char* end = nullptr;
        const long pid = std::strtol(p->d_name, &end, 10);
        if (pid <= 0 || !end || *end) continue;
        char path[64];
        std::snprintf(path, sizeof path, "/proc/%ld/fd", pid);
        DIR* fds = ::opendir(path);
        if (!fds) continue;
        while (dirent* e = ::readdir(fds)) {
            if (e->d_name[0] == '.') continue;
            char link[128];
            const ssize_t n = ::readlinkat(::dirfd(fds), e->d_name, link, sizeof link - 1);
            if (n <= 0) continue;
            link[n] = 0;
            unsigned long long inode = 0;
            if (std::sscanf(link, "socket:[%llu]", &inode) == 1 && wanted.contains(inode) && !out.contains(inode))
                out.insert(inode, {pid_t(pid), std::atoi(e->d_name)});
        }
        ::closedir(fds);
    }
    ::closedir(proc);
    return out;
}

} // namespace

HostSockets::HostSockets(Recorder& recorder, uint16_t port, const QString& address)
    : m_recorder(recorder), m_port(port), m_address(address)
{
}

bool HostSockets::isLoopback(const QString& addr)
{
    return addr.startsWith(QLatin1String("127.")) || addr == QLatin1String("::1")
           || addr.startsWith(QLatin1String("::ffff:127."));
}

bool HostSockets::relevant(const DiagSocket& d) const
{
    const bool connected = d.remotePort != 0 && !isWildcard(d.remoteAddr);
    // A connection counts only when both of its ends are on the loopback.
    if (connected && !(isLoopback(d.localAddr) && isLoopback(d.remoteAddr))) return false;
    const QString& ours = d.localPort == m_port ? d.localAddr : d.remoteAddr;
    if (!connected && isWildcard(d.localAddr)) return true; // a listener on every address also serves 127.0.0.1
    if (m_address.isEmpty()) return isLoopback(ours);
    return ours == m_address || ours == QLatin1String("::ffff:") + m_address;
}

void HostSockets::findOwners(const QList<DiagSocket>& socks)
{
    QSet<quint64> wanted;
    for (const DiagSocket& d : socks)
        if (d.inode != 0 && !m_owners.contains(d.inode) && !m_ownerTried.contains(d.inode)) wanted.insert(d.inode);
    if (wanted.isEmpty()) return;
    const auto found = scanProcesses(wanted);
    for (quint64 inode : std::as_const(wanted)) {
        const auto it = found.constFind(inode);
        if (it == found.constEnd()) {
            m_ownerTried.insert(inode); // not ours to read, or already closed
            continue;
        }
        m_owners.insert(inode, Owner{it->first, it->second});
        m_ownerFound = true;
    }
}

QString HostSockets::actorNamed(const QString& key, pid_t pid, uint16_t localPort, bool server)
{
    if (const auto it = m_actorOfKey.constFind(key); it != m_actorOfKey.constEnd()) return *it;
    QString base = pid > 0 ? procText(pid, "comm") : QString();
    if (base.isEmpty()) base = QStringLiteral("port %1").arg(localPort);
    QString name = base;
    // One process on both ends (a test, a proxy): its client side is told apart by port.
    if (m_actorOfKey.values().contains(name)) name = QStringLiteral("%1:%2").arg(base).arg(localPort);
    for (int n = 2; m_actorOfKey.values().contains(name); ++n)
        name = QStringLiteral("%1#%2").arg(base).arg(n);
    m_actorOfKey.insert(key, name);
    const QString command = pid > 0 ? QStringLiteral("pid %1: %2").arg(pid).arg(procText(pid, "cmdline")) : QString();
    m_actors.append({name, server ? QStringLiteral("server") : QStringLiteral("client"), {}, command});
    return name;
}

HostSockets::Tracked& HostSockets::trackedFor(const DiagSocket& d)
{
    const QString pk = portKey(d.localPort, d.remotePort);
    const bool listening = d.protocol == IPPROTO_TCP && d.state == QLatin1String("LISTEN");
    const Owner owner = m_owners.value(d.inode);
    auto it = m_sockets.find(pk);
    if (it == m_sockets.end()) {
        const bool server = d.localPort == m_port;
        const QString key = server ? QStringLiteral("server")
                            : owner.pid > 0 ? QStringLiteral("pid %1").arg(owner.pid)
                                            : QStringLiteral("port %1").arg(d.localPort);
        Tracked t;
        t.actor = actorNamed(key, owner.pid, d.localPort, server);
        t.listening = listening;
        // No descriptor to name it by: a listener, a connection not accept()ed yet, TIME_WAIT.
        if (owner.fd < 0) t.socket = listening ? QStringLiteral("listener") : unownedName(d.remotePort);
        it = m_sockets.insert(pk, t);
        if (owner.fd < 0) m_recorder.registerSocket(t.actor, t.socket, d.localPort, d.remotePort, listening);
    }
    // Named once its descriptor is known (after accept(), or on the next /proc scan).
    if (owner.fd >= 0 && it->socket != QStringLiteral("fd%1").arg(owner.fd)) {
        it->socket = QStringLiteral("fd%1").arg(owner.fd);
        m_recorder.registerSocket(it->actor, it->socket, d.localPort, d.remotePort, listening);
    }
    return *it;
}

QString HostSockets::actorFor(uint16_t localPort, uint16_t remotePort)
{
    if (const auto o = m_recorder.ownerOf(localPort, remotePort)) return o->actor;
    const bool server = localPort == m_port;
    if (!server && remotePort != m_port) return {};
    const QString name = actorNamed(server ? QStringLiteral("server") : QStringLiteral("port %1").arg(localPort), -1,
                                    localPort, server);
    m_sockets.insert(portKey(localPort, remotePort), Tracked{name, unownedName(remotePort), false});
    m_recorder.registerSocket(name, unownedName(remotePort), localPort, remotePort, false);
    return name;
}

void HostSockets::poll(SockDiag& diag)
{
    if (!diag.isOpen()) return;
    const QSet<uint16_t> ports{m_port};
    QList<DiagSocket> socks = diag.tcp(ports, false);
    socks.append(diag.udp(ports));
    findOwners(socks);
    QSet<QString> present;
    for (const DiagSocket& d : std::as_const(socks)) {
        if (d.localPort != m_port && d.remotePort != m_port) continue;
        if (!relevant(d)) {
            m_ignored.insert(portKey(d.localPort, d.remotePort));
            continue;
        }
        const Tracked& t = trackedFor(d);
        if (d.protocol == IPPROTO_TCP) {
            if (d.state != QLatin1String("LISTEN")) present.insert(portKey(d.localPort, d.remotePort));
            m_recorder.observeState(t.actor, t.socket, d.localPort, d.remotePort, d.state, QStringLiteral("sock_diag"));
            timer(t, d);
        }
        queue(t, d);
    }
    // Gone from the kernel's tables: CLOSED (the end of TIME_WAIT or LAST_ACK, or a RST).
    for (const QString& k : std::as_const(m_present)) {
        if (present.contains(k)) continue;
        const Tracked t = m_sockets.value(k);
        m_recorder.observeState(t.actor, t.socket, uint16_t(k.section(':', 0, 0).toUInt()),
                                uint16_t(k.section(':', 1, 1).toUInt()), QStringLiteral("CLOSED"),
                                QStringLiteral("sock_diag"));
    }
    m_present = present;
}

void HostSockets::queue(const Tracked& t, const DiagSocket& d)
{
    const QueueData q = queueDataOf(d, t.socket);
    const QString k = portKey(d.localPort, d.remotePort) + '/' + QString::number(d.protocol);
    const QString levels = QStringLiteral("%1 %2 %3 %4 %5 %6").arg(q.inq).arg(q.outq).arg(q.sndbuf).arg(q.rcvbuf)
                               .arg(q.acceptQueue).arg(q.backlog);
    if (m_lastQueue.value(k) == levels) return;
    m_lastQueue.insert(k, levels);
    Event e;
    e.tUs = m_recorder.nowUs();
    e.kind = EventKind::Queue;
    e.actor = t.actor;
    e.data = q;
    m_recorder.add(std::move(e));
}

void HostSockets::timer(const Tracked& t, const DiagSocket& d)
{
    if (d.timer != QLatin1String("timewait")) return;
    const QString name = canonicalTcpState(d.state) == QLatin1String("TIME_WAIT") ? d.timer
                                                                                  : QStringLiteral("fin_wait_2");
    const QString k = portKey(d.localPort, d.remotePort) + name;
    // One a second is enough to show it counting down.
    if (m_lastTimerMs.contains(k) && m_lastTimerMs.value(k) - d.expiresMs < 1000) return;
    m_lastTimerMs.insert(k, d.expiresMs);
    Event e;
    e.tUs = m_recorder.nowUs();
    e.kind = EventKind::Timer;
    e.actor = t.actor;
    e.data = TimerData{t.socket, name, d.expiresMs, d.retransmits, d.localPort, d.remotePort};
    m_recorder.add(std::move(e));
}

} // namespace socklab
