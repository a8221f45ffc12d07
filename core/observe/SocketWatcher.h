#pragma once
// Discovers the sockets of programs socklab did not write: every ~10 ms it
// lists the lab's TCP and UDP sockets with sock_diag, ties new ones to a
// program through their inode (/proc/<pid>/fd), registers their ports with
// the recorder, and records kernel states, queue levels and timers.

#include "SockDiag.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <sys/types.h>

namespace socklab {

class Recorder;

class SocketWatcher
{
public:
    explicit SocketWatcher(Recorder& recorder) : m_recorder(recorder) {}

    // A program's process group and actor name; its sockets are looked for from now on.
    void addProgram(pid_t group, const QString& actor);
    // The name a program's descriptor goes by ("connfd" rather than "fd5"; scripted
    // runs read it from the code). A socket sock_diag found on that descriptor
    // before the name came (accept() returned in the kernel, its return not yet
    // taken from the gate) is renamed: what is recorded from now on is "connfd".
    void nameSocket(const QString& actor, int fd, const QString& name);
    // One sock_diag round; `diag` must have been opened inside the lab.
    void poll(SockDiag& diag);

    // A TCP listener or a bound UDP socket: a client may start now.
    bool isServing(const QString& actor) const { return m_serving.contains(actor); }
    bool hadSocket(const QString& actor) const { return m_hadSocket.contains(actor); }
    // "server", "client" or "program", from what its sockets did.
    QString roleOf(const QString& actor) const { return m_roles.value(actor, QStringLiteral("program")); }

private:
    struct Known {
        QString actor;
        QString socket; // "fd3", "fd4#2" when a descriptor number comes back
        int fd = -1;
        int protocol = 0;
        uint16_t localPort = 0, remotePort = 0;
        bool listening = false;
    };
    void discover(const QList<DiagSocket>& socks);
    QString countedName(const QString& actor, const QString& name); // "connfd", then "connfd#2"
    void track(const DiagSocket& d);
    void queue(const QString& actor, const QString& socket, const DiagSocket& d);
    void timer(const QString& actor, const QString& socket, const DiagSocket& d);
    void warnIfNotLoopback(const Known& k, const DiagSocket& d);
    QHash<QString, QString> m_fdNames; // "actor/fd" -> name
    static QString portKey(uint16_t l, uint16_t r) { return QString::number(l) + ':' + QString::number(r); }

    Recorder& m_recorder;
    QHash<pid_t, QString> m_programs; // process group -> actor
    QHash<quint64, Known> m_known;    // inode -> owner
    QSet<quint64> m_unknownTried;
    QHash<QString, int> m_fdUses;     // "actor/fd3" -> connections seen on it
    QHash<QString, quint64> m_lastOnFd; // "actor/5" -> inode last discovered on that descriptor
    QSet<QString> m_present;          // TCP "l:r" present at the last poll
    QHash<QString, QString> m_stateSocket; // "l:r" -> socket name states were recorded under
    QHash<QString, QString> m_lastQueue;
    QHash<QString, qint64> m_lastTimerMs;
    QSet<QString> m_serving, m_hadSocket, m_warned;
    QHash<QString, QString> m_roles;
};

} // namespace socklab
