#pragma once
// The hub between the threads that observe (actors, tap, probes) and the
// runner that builds the timeline: a thread-safe event inbox, the clock, and
// the registry of which actor owns which ports.

#include "Event.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <mutex>
#include <optional>

namespace socklab {

struct ProbeResult;

struct SocketOwner {
    QString actor;
    QString socket;
    bool listening = false;
    bool open = true; // false once the descriptor was closed
};

class Recorder
{
public:
    explicit Recorder(qint64 originEpochUs);

    static qint64 epochNowUs();
    qint64 nowUs() const { return epochNowUs() - m_origin; }
    qint64 origin() const { return m_origin; }
    void setOrigin(qint64 epochUs) { m_origin = epochUs; } // before any event is recorded

    void add(Event e);
    QList<Event> take();

    void registerSocket(const QString& actor, const QString& socket, uint16_t localPort,
                        uint16_t remotePort, bool listening);
    void socketClosed(const QString& actor, const QString& socket);
    std::optional<SocketOwner> ownerOf(uint16_t localPort, uint16_t remotePort) const;
    // The ports a socket was last registered with (0, 0: unknown).
    QPair<uint16_t, uint16_t> portsOf(const QString& actor, const QString& socket) const;
    QSet<uint16_t> localPorts() const;
    QList<QPair<uint16_t, uint16_t>> closedConnections() const;

    // State and Queue events for a probe of a descriptor, only where they changed.
    void observe(const QString& actor, const QString& socket, const ProbeResult& p);
    // A state seen without a descriptor (sock_diag), or CLOSED when it is gone.
    void observeState(const QString& actor, const QString& socket, uint16_t localPort,
                      uint16_t remotePort, const QString& state, const QString& cause);
    QString lastKernelState(const QString& actor, const QString& socket) const;

private:
    static QString key(const QString& actor, const QString& socket) { return actor + '/' + socket; }
    static QString portKey(uint16_t l, uint16_t r) { return QString::number(l) + ':' + QString::number(r); }

    qint64 m_origin;
    mutable std::mutex m_mutex;
    QList<Event> m_inbox;
    QHash<QString, SocketOwner> m_byPorts; // "local:remote" -> owner
    QHash<QString, QString> m_portsOf;     // actor/socket -> "local:remote"
    QHash<QString, QString> m_lastState;   // actor/socket -> state
    QHash<QString, QueueData> m_lastQueue; // actor/socket -> queue levels
};

} // namespace socklab
