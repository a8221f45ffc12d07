#pragma once
// Derives the TCP states the kernel passes too quickly to poll (SYN_SENT,
// SYN_RECV, FIN_WAIT_1/2, CLOSING, LAST_ACK ...) from captured segments by the
// RFC 9293 state machine, and checks them against what the kernel reported.

#include "Event.h"

#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace socklab {

struct SocketOwner;

class StateDeriver
{
public:
    // Who owns the socket with these ports: the runner's port registry.
    using OwnerLookup = std::function<std::optional<SocketOwner>(uint16_t local, uint16_t remote)>;
    explicit StateDeriver(OwnerLookup owners);

    // Feed captured segments in time order; returns derived states and notes
    // (e.g. a 3-segment teardown). A "capture-loss" note makes what is derived
    // afterwards for the connections alive then uncertain.
    QList<Event> feed(const Event& e);
    // Then compare a kernel-observed state with the derivation around its time;
    // returns a "state-mismatch" note when they disagree.
    QList<Event> check(const Event& kernelState);

    QString stateOf(uint16_t localPort, uint16_t remotePort) const;

private:
    struct Endpoint {
        QString actor;
        QString socket;
        uint16_t local = 0, remote = 0;
        QString state;
        uint32_t finSeq = 0; // sequence number of our FIN
        bool finSent = false;
        bool peerFinSeen = false;
        bool ackedPeerFinAlone = false; // a pure ACK for the peer's FIN went out first
        bool uncertain = false; // capture lost packets while this connection lived
        QList<QPair<qint64, QString>> history;
    };
    static QString key(uint16_t l, uint16_t r) { return QString::number(l) + ':' + QString::number(r); }
    Endpoint* endpoint(uint16_t local, uint16_t remote, bool create);
    void transition(Endpoint& ep, const QString& to, const QString& cause, qint64 tUs, QList<Event>& out);
    void onSegment(const Event& e, const PacketData& p, QList<Event>& out);
    void onSent(Endpoint& ep, const PacketData& p, qint64 t, QList<Event>& out);
    void onReceived(Endpoint& ep, const PacketData& p, qint64 t, QList<Event>& out);

    OwnerLookup m_owners;
    QHash<QString, Endpoint> m_eps;
};

} // namespace socklab
