#include "StateDeriver.h"

#include "Recorder.h"

namespace socklab {

namespace {
// Sequence-space comparison (RFC 9293 arithmetic modulo 2^32).
bool seqGE(uint32_t a, uint32_t b) { return int32_t(a - b) >= 0; }
constexpr qint64 kToleranceUs = 5000; // probe and capture clocks differ by a few ms at most
} // namespace

StateDeriver::StateDeriver(OwnerLookup owners) : m_owners(std::move(owners)) {}

QString StateDeriver::stateOf(uint16_t localPort, uint16_t remotePort) const
{
    return m_eps.value(key(localPort, remotePort)).state;
}

StateDeriver::Endpoint* StateDeriver::endpoint(uint16_t local, uint16_t remote, bool create)
{
    auto it = m_eps.find(key(local, remote));
    if (it != m_eps.end()) {
        // A socket accepted later gets its name now.
        if (it->socket.isEmpty())
            if (auto o = m_owners(local, remote); o && !o->listening) it->socket = o->socket;
        return &*it;
    }
    if (!create) return nullptr;
    const auto owner = m_owners(local, remote);
    if (!owner) return nullptr; // not one of ours
    Endpoint ep;
    ep.actor = owner->actor;
    ep.socket = owner->listening ? QString() : owner->socket; // a child of a listener has no name yet
    ep.local = local;
    ep.remote = remote;
    ep.state = QStringLiteral("CLOSED");
    return &*m_eps.insert(key(local, remote), ep);
}

void StateDeriver::transition(Endpoint& ep, const QString& to, const QString& cause, qint64 tUs,
                              QList<Event>& out)
{
    if (ep.state == to) return;
    Event e;
    e.tUs = tUs;
    e.kind = EventKind::State;
    e.actor = ep.actor;
    e.provenance = Provenance::Derived;
    e.data = StateData{ep.socket, to, ep.state, ep.local, ep.remote, cause, ep.uncertain};
    ep.state = to;
    ep.history.append({tUs, to});
    out.append(std::move(e));
}

QList<Event> StateDeriver::feed(const Event& e)
{
    QList<Event> out;
    if (e.kind == EventKind::Segment && e.provenance == Provenance::Kernel)
        if (const PacketData* p = e.packet()) onSegment(e, *p, out);
    if (const NoteData* n = e.note(); n && n->code == QLatin1String("capture-loss"))
        for (Endpoint& ep : m_eps)
            if (ep.state != QLatin1String("CLOSED")) ep.uncertain = true;
    return out;
}

void StateDeriver::onSegment(const Event& e, const PacketData& p, QList<Event>& out)
{
    // The sender's endpoint exists from its SYN on; the receiver's child of a
    // listener is born when the SYN arrives.
    Endpoint* from = endpoint(p.srcPort, p.dstPort, true);
    Endpoint* to = endpoint(p.dstPort, p.srcPort, true);
    if (from) onSent(*from, p, e.tUs, out);
    if (to) onReceived(*to, p, e.tUs, out);
}

void StateDeriver::onSent(Endpoint& ep, const PacketData& p, qint64 t, QList<Event>& out)
{
    if (p.has(TcpFlag::RST)) {
        if (ep.state == QLatin1String("LISTEN")) ep.state = QStringLiteral("CLOSED"); // a refused SYN: no child was born
        else transition(ep, QStringLiteral("CLOSED"), QStringLiteral("snd RST"), t, out);
        return;
    }
    if (p.has(TcpFlag::SYN) && !p.has(TcpFlag::ACK)) {
        if (ep.state == QLatin1String("CLOSED"))
            transition(ep, QStringLiteral("SYN_SENT"), QStringLiteral("connect / snd SYN"), t, out);
        return;
    }
    if (p.has(TcpFlag::SYN) && p.has(TcpFlag::ACK)) {
        transition(ep, QStringLiteral("SYN_RECV"), QStringLiteral("rcv SYN / snd SYN,ACK"), t, out);
        return;
    }
    if (p.has(TcpFlag::FIN) && !ep.finSent) {
        ep.finSent = true;
        ep.finSeq = p.seq + p.len;
        if (ep.state == QLatin1String("ESTABLISHED"))
            transition(ep, QStringLiteral("FIN_WAIT_1"), QStringLiteral("close / snd FIN"), t, out);
        else if (ep.state == QLatin1String("CLOSE_WAIT")) {
            transition(ep, QStringLiteral("LAST_ACK"), QStringLiteral("close / snd FIN"), t, out);
            if (!ep.ackedPeerFinAlone) {
                // The ACK of the peer's FIN rode on our FIN: 3 segments, not 4.
                Event n;
                n.tUs = t;
                n.kind = EventKind::Note;
                n.actor = ep.actor;
                n.provenance = Provenance::Derived;
                n.data = NoteData{QStringLiteral("teardown-3"),
                                  {{"socket", ep.socket}, {"local_port", ep.local}}};
                out.append(std::move(n));
            }
        }
        return;
    }
    if (p.has(TcpFlag::ACK) && ep.peerFinSeen && !ep.finSent && p.len == 0)
        ep.ackedPeerFinAlone = true;
}

void StateDeriver::onReceived(Endpoint& ep, const PacketData& p, qint64 t, QList<Event>& out)
{
    const QString& s = ep.state;
    if (p.has(TcpFlag::RST)) {
        if (s != QLatin1String("CLOSED") && s != QLatin1String("TIME_WAIT"))
            transition(ep, QStringLiteral("CLOSED"), QStringLiteral("rcv RST"), t, out);
        return;
    }
    if (p.has(TcpFlag::SYN) && !p.has(TcpFlag::ACK)) {
        // A SYN to a listener: the child exists in LISTEN's shadow until it answers.
        if (s == QLatin1String("CLOSED") || s == QLatin1String("TIME_WAIT")) ep.state = QStringLiteral("LISTEN");
        return;
    }
    if (p.has(TcpFlag::SYN) && p.has(TcpFlag::ACK)) {
        if (s == QLatin1String("SYN_SENT"))
            transition(ep, QStringLiteral("ESTABLISHED"), QStringLiteral("rcv SYN,ACK / snd ACK"), t, out);
        return;
    }
    const bool acksOurFin = ep.finSent && p.has(TcpFlag::ACK) && seqGE(p.ack, ep.finSeq + 1);
    if (s == QLatin1String("SYN_RECV") && p.has(TcpFlag::ACK))
        transition(ep, QStringLiteral("ESTABLISHED"), QStringLiteral("rcv ACK of SYN"), t, out);

    if (p.has(TcpFlag::FIN)) {
        ep.peerFinSeen = true;
        if (ep.state == QLatin1String("ESTABLISHED"))
            transition(ep, QStringLiteral("CLOSE_WAIT"), QStringLiteral("rcv FIN / snd ACK"), t, out);
        else if (ep.state == QLatin1String("FIN_WAIT_1"))
            transition(ep, acksOurFin ? QStringLiteral("TIME_WAIT") : QStringLiteral("CLOSING"),
                       acksOurFin ? QStringLiteral("rcv FIN,ACK / snd ACK") : QStringLiteral("rcv FIN / snd ACK"),
                       t, out);
        else if (ep.state == QLatin1String("FIN_WAIT_2"))
            transition(ep, QStringLiteral("TIME_WAIT"), QStringLiteral("rcv FIN / snd ACK"), t, out);
        return;
    }
    if (acksOurFin) {
        if (s == QLatin1String("FIN_WAIT_1"))
            transition(ep, QStringLiteral("FIN_WAIT_2"), QStringLiteral("rcv ACK of FIN"), t, out);
        else if (s == QLatin1String("CLOSING"))
            transition(ep, QStringLiteral("TIME_WAIT"), QStringLiteral("rcv ACK of FIN"), t, out);
        else if (s == QLatin1String("LAST_ACK"))
            transition(ep, QStringLiteral("CLOSED"), QStringLiteral("rcv ACK of FIN"), t, out);
    }
}

// A kernel reading that no derived state near that moment explains becomes a
// visible note: the derivation is a model, and a model can be wrong.
QList<Event> StateDeriver::check(const Event& e)
{
    QList<Event> out;
    const StateData* sd = e.state();
    if (!sd || e.provenance != Provenance::Kernel) return out;
    const StateData& s = *sd;
    const Endpoint* ep = nullptr;
    if (auto it = m_eps.constFind(key(s.localPort, s.remotePort)); it != m_eps.constEnd()) ep = &*it;
    if (!ep || ep->history.isEmpty() || s.state == QLatin1String("LISTEN")) return out;
    if (s.remotePort == 0) return out; // not connected yet: nothing derived to compare
    QString derivedNow;
    for (const auto& [t, st] : ep->history) {
        if (t <= e.tUs) derivedNow = st;
        if (qAbs(t - e.tUs) <= kToleranceUs && st == s.state) return out;
    }
    if (derivedNow.isEmpty() || derivedNow == s.state) return out;
    // After close() the kernel may already be a step further (e.g. CLOSED
    // reported by sock_diag once the socket is gone): compare the final word.
    if (s.state == QLatin1String("CLOSED") && ep->state == QLatin1String("CLOSED")) return out;
    Event n;
    n.tUs = e.tUs;
    n.kind = EventKind::Note;
    n.actor = e.actor;
    n.provenance = Provenance::Derived;
    n.data = NoteData{QStringLiteral("state-mismatch"),
                      {{"socket", s.socket}, {"kernel", s.state}, {"derived", derivedNow},
                       {"local_port", s.localPort}, {"remote_port", s.remotePort}}};
    if (ep->uncertain) {
        // Segments were lost: the kernel is right, the derivation goes on from there.
        std::get<NoteData>(n.data).args.insert("uncertain", true);
        Endpoint& fix = m_eps[key(s.localPort, s.remotePort)];
        fix.state = s.state;
        fix.history.append({e.tUs, s.state});
    }
    out.append(std::move(n));
    return out;
}

} // namespace socklab
