#include "TextFormatter.h"

#include <QStringList>

namespace socklab {

namespace {

QString argsText(const CallData& c)
{
    const QVariantMap& a = c.args;
    if (c.call == QLatin1String("socket"))
        return a.value("type").toString() == QLatin1String("dgram") ? QStringLiteral("AF_INET, SOCK_DGRAM")
                                                                     : QStringLiteral("AF_INET, SOCK_STREAM");
    if (a.contains("addr") && a.contains("data"))
        return QStringLiteral("%1, ('%2', %3)").arg(pythonBytes(a.value("data").toByteArray()),
                                                   a.value("addr").toString(), a.value("port").toString());
    if (a.contains("addr"))
        return QStringLiteral("('%1', %2)").arg(a.value("addr").toString(), a.value("port").toString());
    if (a.contains("data")) return pythonBytes(a.value("data").toByteArray());
    if (a.contains("bufsize")) return a.value("bufsize").toString();
    if (a.contains("backlog")) return a.value("backlog").toString();
    if (a.contains("option"))
        return QStringLiteral("%1, %2").arg(a.value("option").toString(), a.value("value").toString());
    if (a.contains("how")) return a.value("how").toString();
    if (a.contains("ms")) return a.value("ms").toString() + QStringLiteral(" ms");
    if (a.contains("bytes")) return a.value("bytes").toString() + QStringLiteral(" bytes");
    return {};
}

QString packetLine(const Event& e, const PacketData& p)
{
    const QString from = p.fromActor.isEmpty() ? QStringLiteral("%1:%2").arg(p.srcAddr).arg(p.srcPort) : p.fromActor;
    const QString to = p.toActor.isEmpty() ? QStringLiteral("%1:%2").arg(p.dstAddr).arg(p.dstPort) : p.toActor;
    QString line = QStringLiteral("%1 → %2  ").arg(from, to);
    if (p.protocol == QLatin1String("tcp")) {
        line += QStringLiteral("[%1] seq=%2").arg(tcpFlagNames(p.flags).join(','), QString::number(p.relSeq));
        if (p.has(TcpFlag::ACK)) line += QStringLiteral(" ack=%1").arg(p.relAck);
        line += QStringLiteral(" win=%1").arg(p.scaledWindow());
        if (p.len) line += QStringLiteral(" len=%1").arg(p.len);
        const QString opts = formatTcpOptions(p.options);
        if (!opts.isEmpty()) line += ' ' + opts;
        if (p.len && !p.payload.isEmpty()) line += ' ' + pythonBytes(p.payload, 40);
    } else if (p.protocol == QLatin1String("udp")) {
        line += QStringLiteral("UDP len=%1 %2").arg(p.len).arg(pythonBytes(p.payload, 40));
    } else {
        line += QStringLiteral("ICMP type=%1 code=%2%3").arg(p.icmpType).arg(p.icmpCode)
                    .arg(p.icmpType == 3 && p.icmpCode == 3 ? QStringLiteral(" (port unreachable)") : QString());
    }
    if (e.provenance == Provenance::Derived) line += QStringLiteral("  (derived)");
    return line;
}

} // namespace

QString pythonBytes(const QByteArray& data, int maxChars)
{
    QString out = QStringLiteral("b'");
    for (int i = 0; i < data.size(); ++i) {
        if (out.size() >= maxChars) {
            out += QStringLiteral("…");
            break;
        }
        const auto c = uchar(data[i]);
        if (c == '\\' || c == '\'') out += '\\' + QChar(c);
        else if (c == '\n') out += QStringLiteral("\\n");
        else if (c == '\r') out += QStringLiteral("\\r");
        else if (c == '\t') out += QStringLiteral("\\t");
        else if (c >= 0x20 && c < 0x7f) out += QChar(c);
        else out += QStringLiteral("\\x%1").arg(c, 2, 16, QChar('0'));
    }
    return out + '\'';
}

QString formatTcpOptions(const TcpOptions& o)
{
    QStringList parts;
    if (o.mss >= 0) parts << QStringLiteral("mss %1").arg(o.mss);
    if (o.sackPermitted) parts << QStringLiteral("sackOK");
    if (o.hasTimestamps) parts << QStringLiteral("TS val %1 ecr %2").arg(o.tsVal).arg(o.tsEcr);
    if (o.wscale >= 0) parts << QStringLiteral("wscale %1").arg(o.wscale);
    for (const auto& b : o.sackBlocks)
        parts << QStringLiteral("sack %1:%2").arg(b.first).arg(b.second);
    return parts.isEmpty() ? QString() : '<' + parts.join(',') + '>';
}

QString formatCaptureLine(const Timeline& tl)
{
    QString what;
    if (tl.captureMode == QLatin1String("namespace"))
        what = QStringLiteral("private network namespace, packets captured on its loopback");
    else if (tl.captureMode == QLatin1String("host"))
        what = QStringLiteral("host loopback, packets captured for this session's ports only");
    else
        what = QStringLiteral("no capture permission: states from the kernel, segments derived");
    return QStringLiteral("capture: %1 (%2)").arg(tl.captureMode, what);
}

QString formatEvent(const Timeline& tl, const Event& e)
{
    Q_UNUSED(tl);
    const QString who = e.actor.leftJustified(7);
    if (const CallData* c = e.call())
        return QStringLiteral("%1 %2%3(%4)").arg(who, c->socket.isEmpty() ? QString() : c->socket + '.', c->call,
                                                 argsText(*c));
    if (const ReturnData* r = e.ret()) {
        const QString call = QStringLiteral("%1()").arg(r->call);
        if (r->blocked) return QStringLiteral("%1 %2 … blocked").arg(who, call);
        if (!r->errnoName.isEmpty()) return QStringLiteral("%1 %2 → error %3").arg(who, call, r->errnoName);
        QString v = QStringLiteral("%1 %2 → %3").arg(who, call).arg(r->result);
        if (r->values.contains("data")) v += ' ' + pythonBytes(r->values.value("data").toByteArray());
        if (r->values.contains("peer")) v += QStringLiteral(" from %1").arg(r->values.value("peer").toString());
        if (r->values.value("truncated").toBool())
            v += QStringLiteral(" (datagram of %1 bytes truncated)").arg(r->values.value("datagram_len").toLongLong());
        return v;
    }
    if (const PacketData* p = e.packet()) return packetLine(e, *p);
    if (const StateData* s = e.state()) {
        const QString sock = s->socket.isEmpty() ? QStringLiteral("port %1").arg(s->localPort) : s->socket;
        return QStringLiteral("%1 %2 %3 (%4%5)").arg(who, sock, s->state, provenanceName(e.provenance),
                                                   s->cause.isEmpty() ? QString() : QStringLiteral(": ") + s->cause);
    }
    if (const TimerData* t = e.timer())
        return QStringLiteral("%1 %2 timer %3: %4 ms left (kernel: sock_diag)").arg(who, t->socket, t->timer)
            .arg(t->expiresMs);
    if (const QueueData* q = e.queue()) {
        if (q->acceptQueue >= 0)
            return QStringLiteral("%1 %2 accept queue %3/%4").arg(who, q->socket).arg(q->acceptQueue).arg(q->backlog);
        return {}; // buffer levels are for the views; text stays readable
    }
    if (const NoteData* n = e.note()) {
        if (n->code == QLatin1String("step"))
            return QStringLiteral("── step %1: %2 %3()").arg(n->args.value("index").toInt() + 1)
                .arg(e.actor, n->args.value("call").toString());
        if (n->code == QLatin1String("state-mismatch"))
            return QStringLiteral("%1 note: kernel says %2, derivation said %3").arg(
                who, n->args.value("kernel").toString(), n->args.value("derived").toString());
        if (n->code == QLatin1String("teardown-3"))
            return QStringLiteral("%1 note: the ACK of the peer's FIN rode on this FIN (3-segment teardown)").arg(who);
        if (n->code == QLatin1String("capture-mode")) return {};
        if (n->code == QLatin1String("parsed-message")) {
            const QByteArray b = n->args.value("bytes").toByteArray();
            const QString text = QString::fromUtf8(b); // shown too when the bytes are valid UTF-8
            return QStringLiteral("%1 parsed message: %2%3").arg(who, pythonBytes(b),
                text.toUtf8() == b ? QStringLiteral(" \"%1\"").arg(text) : QString());
        }
        return QStringLiteral("%1 note: %2").arg(who, n->code);
    }
    return {};
}

QString formatTimeline(const Timeline& tl)
{
    QStringList lines{formatCaptureLine(tl)};
    for (const Event& e : tl.events()) {
        const QString text = formatEvent(tl, e);
        if (text.isEmpty()) continue;
        lines << QStringLiteral("%1  %2").arg(double(e.tUs) / 1e6, 10, 'f', 6).arg(text);
    }
    return lines.join('\n') + '\n';
}

} // namespace socklab
