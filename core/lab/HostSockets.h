#pragma once
// The host's sockets on one port, seen from outside any lab: every ~10 ms a
// sock_diag dump filtered to that port; loopback sockets only (anything
// reaching the port from another address is counted, never recorded). The
// owners are found through /proc/<pid>/fd when readable (our own uid's
// processes, or all as root); otherwise a socket is an actor named "port N".
// States, queue levels and TIME_WAIT timers go to the recorder.

#include "SockDiag.h"
#include "Timeline.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <sys/types.h>

namespace socklab {

class Recorder;

class HostSockets
{
public:
    // `address`: one loopback address, or empty for any loopback address.
    HostSockets(Recorder& recorder, uint16_t port, const QString& address);

    void poll(SockDiag& diag); // `diag` opened in the host's network namespace
    // The actor for a packet's socket, named (and registered) on first sight
    // when sock_diag never saw it: a connection shorter than one poll.
    QString actorFor(uint16_t localPort, uint16_t remotePort);

    QList<ActorInfo> actors() const { return m_actors; }
    int socketsSeen() const { return int(m_sockets.size()); }
    int ignoredNonLoopback() const { return int(m_ignored.size()); }
    bool ownersReadable() const { return m_ownerFound; }

    static bool isLoopback(const QString& addr);

private:
    struct Owner {
        pid_t pid = -1;
        int fd = -1;
    };
    struct Tracked {
        QString actor, socket;
        bool listening = false;
    };
    bool relevant(const DiagSocket& d) const;
    void findOwners(const QList<DiagSocket>& socks);
    Tracked& trackedFor(const DiagSocket& d);
    QString actorNamed(const QString& key, pid_t pid, uint16_t localPort, bool server);
    void queue(const Tracked& t, const DiagSocket& d);
    void timer(const Tracked& t, const DiagSocket& d);
    static QString portKey(uint16_t l, uint16_t r) { return QString::number(l) + ':' + QString::number(r); }

    Recorder& m_recorder;
    uint16_t m_port;
    QString m_address;
    QHash<quint64, Owner> m_owners; // inode -> process holding it
    QSet<quint64> m_ownerTried;
    QHash<QString, Tracked> m_sockets; // "proto/l:r" -> actor and socket name
    QHash<QString, QString> m_actorOfKey; // "server", "pid 123", "port 4567" -> actor name
    QList<ActorInfo> m_actors;
    QSet<QString> m_present; // TCP "l:r" (not LISTEN) at the last poll
    QHash<QString, QString> m_lastQueue;
    QHash<QString, qint64> m_lastTimerMs;
    QSet<QString> m_ignored;
    bool m_ownerFound = false;
};

} // namespace socklab
