#include "TextFormatter.h"

#include "Captions.h"

#include "NoteText.h"

#include <QCoreApplication>
#include <QStringList>

namespace socklab {

namespace {

// Words are translated; the packet notation (tcpdump's) and Python's call syntax are not.
struct Words {
    Q_DECLARE_TR_FUNCTIONS(TextFormatter)
};

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
    if (a.contains("ms")) return Words::tr("%1 ms").arg(a.value("ms").toLongLong());
    if (a.contains("bytes")) return Words::tr("%1 bytes").arg(a.value("bytes").toLongLong());
    return {};
}

QString packetLine(const Event& e, const PacketData& p)
{
    const QString from = p.fromActor.isEmpty() ? QStringLiteral("%1:%2").arg(p.srcAddr.toString()).arg(p.srcPort) : p.fromActor.toString();
    const QString to = p.toActor.isEmpty() ? QStringLiteral("%1:%2").arg(p.dstAddr.toString()).arg(p.dstPort) : p.toActor.toString();
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
                    .arg(p.icmpType == 3 && p.icmpCode == 3 ? ' ' + Words::tr("(port unreachable)") : QString());
    }
    if (e.provenance == Provenance::Derived) line += QStringLiteral("  ") + Words::tr("(derived)");
    if (p.wire == QLatin1String("dropped")) line += QStringLiteral("  ") + Words::tr("(dropped by the wire: never arrived)");
    if (e.wireDelayUs > 0)
        line += QStringLiteral("  ") + Words::tr("(delayed %1 ms by the wire)").arg(double(e.wireDelayUs) / 1000, 0, 'f', 1);
    return line;
}

// "wire drop (loss) client → server [SYN] seq=0": what socklab's wire did.
QString wireLine(const Event& e, const WireData& w)
{
    QString what;
    if (w.action == QLatin1String("pass")) what = Words::tr("pass");
    else if (w.action == QLatin1String("drop")) what = Words::tr("drop");
    else if (w.action == QLatin1String("hold")) what = Words::tr("hold");
    else if (w.action == QLatin1String("release")) what = Words::tr("release after %1 ms").arg(double(w.delayUs) / 1000, 0, 'f', 1);
    else if (w.action == QLatin1String("delay")) what = Words::tr("delay %1 ms").arg(double(w.delayUs) / 1000, 0, 'f', 1);
    else if (w.action == QLatin1String("duplicate")) what = Words::tr("duplicate");
    else if (w.action == QLatin1String("reorder")) what = Words::tr("reorder");
    else what = w.action;
    return QStringLiteral("%1 %2 (%3)  %4").arg(Words::tr("wire"), what, w.reason, packetLine(e, w.packet));
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
        what = Words::tr("private network namespace, packets captured on its loopback");
    else if (tl.captureMode == QLatin1String("host"))
        what = Words::tr("host loopback, packets captured for this session's ports only");
    else
        what = Words::tr("no capture permission: states from the kernel, segments derived");
    return Words::tr("capture: %1 (%2)").arg(tl.captureMode, what);
}

QString formatEvent(const Timeline& tl, const Event& e)
{
    Q_UNUSED(tl);
    const QString who = e.actor.toString().leftJustified(7);
    if (const CallData* c = e.call())
        return QStringLiteral("%1 %2%3(%4)").arg(who, c->socket.isEmpty() ? QString() : c->socket + '.', c->call,
                                                 argsText(*c));
    if (const ReturnData* r = e.ret()) {
        const QString call = QStringLiteral("%1()").arg(r->call);
        if (r->blocked) return QStringLiteral("%1 %2 … %3").arg(who, call, Words::tr("blocked"));
        if (!r->errnoName.isEmpty()) return QStringLiteral("%1 %2 → %3").arg(who, call, Words::tr("error %1").arg(r->errnoName));
        QString v = QStringLiteral("%1 %2 → %3").arg(who, call).arg(r->result);
        if (r->values.contains("data")) v += ' ' + pythonBytes(r->values.value("data").toByteArray());
        if (r->values.contains("peer")) v += ' ' + Words::tr("from %1").arg(r->values.value("peer").toString());
        if (r->values.value("truncated").toBool())
            v += ' ' + Words::tr("(datagram of %1 bytes truncated)").arg(r->values.value("datagram_len").toLongLong());
        return v;
    }
    if (const PacketData* p = e.packet()) return packetLine(e, *p);
    // Passing unchanged is the wire's silence: its packet is the next captured line.
    if (const WireData* w = e.wire()) return w->action == QLatin1String("pass") ? QString() : wireLine(e, *w);
    if (const StateData* s = e.state()) {
        const QString sock = s->socket.isEmpty() ? Words::tr("port %1").arg(s->localPort) : s->socket;
        const QString source = e.provenance == Provenance::Derived ? Words::tr("derived") : Words::tr("kernel");
        // The cause is notation: "rcv SYN / snd SYN,ACK" (RFC 9293) or the kernel's interface (tcp_info, sock_diag).
        const QString how = s->cause.isEmpty() ? Words::tr(" (%1)").arg(source) : Words::tr(" (%1: %2)").arg(source, s->cause);
        const QString line = QStringLiteral("%1 %2 %3%4").arg(who, sock, s->state, how);
        if (!s->uncertain) return line;
        return line + Words::tr(" — uncertain: capture lost packets");
    }
    if (const TimerData* t = e.timer())
        return QStringLiteral("%1 %2 %3").arg(who, t->socket,
                                              Words::tr("timer %1: %2 ms left (kernel: sock_diag)").arg(t->timer).arg(t->expiresMs));
    if (const QueueData* q = e.queue()) {
        if (q->acceptQueue >= 0)
            return QStringLiteral("%1 %2 %3").arg(who, q->socket, Words::tr("accept queue %1/%2").arg(q->acceptQueue).arg(q->backlog));
        return {}; // buffer levels are for the views; text stays readable
    }
    if (const NoteData* n = e.note()) {
        const QVariantMap& a = n->args;
        if (n->code == QLatin1String("step")) {
            const int number = a.value("index").toInt() + 1;
            // A folder without steps (or a wait step) names no call: the next held call, whoever made it.
            if (a.value("call").toString().isEmpty())
                return QStringLiteral("── %1").arg(e.actor.isEmpty() ? Words::tr("step %1").arg(number)
                                                                     : Words::tr("step %1: %2").arg(number).arg(e.actor));
            return QStringLiteral("── %1").arg(Words::tr("step %1: %2 %3()").arg(number).arg(e.actor, a.value("call").toString()));
        }
        if (n->code == QLatin1String("capture-mode")) return {}; // the first line says it
        // What the user's programs printed, typed and did (socklab lab).
        if (n->code == QLatin1String("program-output"))
            return QStringLiteral("%1 %2 %3").arg(who, a.value("stream") == QLatin1String("stderr") ? "!" : "|",
                                                  a.value("text").toString());
        if (n->code == QLatin1String("program-input"))
            return QStringLiteral("%1 < %2").arg(who, a.value("text").toString().trimmed());
        if (n->code == QLatin1String("program-start") || n->code == QLatin1String("program-exit")
            || n->code == QLatin1String("program-failed") || n->code == QLatin1String("killed"))
            return QStringLiteral("%1 %2").arg(who, noteText(*n));
        if (n->code == QLatin1String("stopping") || n->code == QLatin1String("capture-loss")) return noteText(*n);
        // Every other note in the words the window uses too (NoteText).
        const QString note = Words::tr("note: %1").arg(noteText(*n));
        return e.actor.isEmpty() ? note : QStringLiteral("%1 %2").arg(who, note);
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
        // A scenario's step: its caption (the window's narration, with this run's values) under its header.
        if (const NoteData* n = e.note(); n && n->code == QLatin1String("step"))
            if (const QString caption = captionText(tl, n->args.value("index").toInt()); !caption.isEmpty())
                lines << QStringLiteral("%1  » %2").arg(QString(), 10).arg(caption);
    }
    return lines.join('\n') + '\n';
}

} // namespace socklab
