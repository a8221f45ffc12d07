#include "SegmentSynthesizer.h"

namespace socklab {

namespace {
QString dir(uint16_t a, uint16_t b) { return QString::number(a) + ':' + QString::number(b); }
}

void SegmentSynthesizer::push(QList<Event>& out, qint64 t, uint16_t from, uint16_t to, uint8_t flags,
                              uint32_t len)
{
    PacketData p;
    p.protocol = QStringLiteral("tcp");
    p.srcAddr = p.dstAddr = QStringLiteral("127.0.0.1");
    p.srcPort = from;
    p.dstPort = to;
    p.flags = flags;
    p.len = len;
    uint32_t& seq = m_next[dir(from, to)];
    p.relSeq = p.seq = seq;
    p.relAck = p.ack = (flags & TcpFlag::ACK) ? m_next.value(dir(to, from)) : 0;
    seq += len + ((flags & (TcpFlag::SYN | TcpFlag::FIN)) ? 1 : 0);
    if (auto o = m_rec.ownerOf(from, to)) p.fromActor = o->actor;
    if (auto o = m_rec.ownerOf(to, from)) p.toActor = o->actor;
    Event e;
    e.tUs = t;
    e.kind = EventKind::Segment;
    e.actor = p.fromActor;
    e.provenance = Provenance::Derived;
    e.data = std::move(p);
    out.append(std::move(e));
}

QList<Event> SegmentSynthesizer::synthesize(const QList<Event>& batch)
{
    QList<Event> out;
    for (const Event& e : batch) {
        const ReturnData* r = e.ret();
        if (!r || r->blocked) continue;
        const auto local = uint16_t(r->values.value("local_port").toUInt());
        const auto remote = uint16_t(r->values.value("remote_port").toUInt());
        const qint64 t = e.tUs - 1; // just before the call returned
        using namespace TcpFlag;
        if (r->call == QLatin1String("connect")) {
            if (r->errnoName.isEmpty() && local && remote) {
                push(out, t - 2, local, remote, SYN);
                push(out, t - 1, remote, local, SYN | ACK);
                push(out, t, local, remote, ACK);
            } else if (r->errnoName == QLatin1String("ECONNREFUSED") && local) {
                const auto port = uint16_t(r->values.value("port").toUInt());
                push(out, t - 1, local, port, SYN);
                push(out, t, port, local, RST | ACK);
            }
        } else if ((r->call == QLatin1String("send") || r->call == QLatin1String("sendall")) && r->result > 0
                   && local && remote) {
            push(out, t - 1, local, remote, PSH | ACK, uint32_t(r->result));
            push(out, t, remote, local, ACK);
        } else if ((r->call == QLatin1String("close") || r->call == QLatin1String("shutdown"))
                   && r->errnoName.isEmpty() && local && remote) {
            push(out, t - 1, local, remote, FIN | ACK);
            push(out, t, remote, local, ACK);
        }
    }
    return out;
}

} // namespace socklab
