#include "Captions.h"

#include "LessonCaptions.h"
#include "WireCaptions.h"
#include "NoteText.h"
#include "TextFormatter.h"

#include <QCoreApplication>
#include <QStringList>

namespace socklab {

namespace {

QString eventPhrase(const Event& e); // below

// The events of step n: from its "step" note up to the next step's note.
struct StepRange {
    int first = -1;
    int last = -1; // inclusive
};

StepRange rangeOf(const Timeline& tl, int n)
{
    StepRange r;
    r.first = tl.indexOfStep(n);
    if (r.first < 0) return r;
    const int next = tl.indexOfStep(n + 1);
    r.last = next < 0 ? tl.size() - 1 : next - 1;
    return r;
}

QList<const PacketData*> stepSegments(const Timeline& tl, const StepRange& r)
{
    QList<const PacketData*> out;
    for (int i = qMax(0, r.first); i <= r.last && i < tl.size(); ++i)
        if (const Event& e = tl.at(i); e.kind == EventKind::Segment && e.provenance == Provenance::Kernel)
            out << e.packet();
    return out;
}

QVariantMap callArgs(const Timeline& tl, const StepRange& r)
{
    for (int i = qMax(0, r.first); i <= r.last && i < tl.size(); ++i)
        if (const CallData* c = tl.at(i).call()) return c->args;
    return {};
}

bool hasNote(const Timeline& tl, const StepRange& r, const QString& code)
{
    for (int i = qMax(0, r.first); i <= r.last && i < tl.size(); ++i)
        if (const NoteData* n = tl.at(i).note(); n && n->code == code) return true;
    return false;
}

// The return of the step's call, possibly later than the step (accept() returns during connect()).
const ReturnData* finalReturn(const Timeline& tl, int n)
{
    for (const Event& e : tl.events())
        if (const ReturnData* r = e.ret(); r && r->step == n && !r->blocked) return r;
    return nullptr;
}

QString segList(const QList<const PacketData*>& segs)
{
    QStringList parts;
    for (const PacketData* p : segs)
        parts << segmentLabel(*p);
    return parts.join(QStringLiteral("; "));
}

QString errnoMeaning(const QString& e)
{
    if (e == QLatin1String("ECONNREFUSED"))
        return QCoreApplication::translate("Captions", "ConnectionRefusedError: nobody listens on that port");
    if (e == QLatin1String("EPIPE"))
        return QCoreApplication::translate("Captions", "BrokenPipeError: the connection is already closed");
    if (e == QLatin1String("ECONNRESET"))
        return QCoreApplication::translate("Captions", "ConnectionResetError: the peer reset the connection");
    if (e == QLatin1String("EADDRINUSE"))
        return QCoreApplication::translate("Captions", "OSError: the address is already in use");
    return e;
}

QString generic(const StepRecord& s, const ReturnData* r)
{
    const QString call = s.socket.isEmpty() ? s.call + QStringLiteral("()") : s.socket + '.' + s.call + QStringLiteral("()");
    if (r && !r->errnoName.isEmpty())
        return QCoreApplication::translate("Captions", "The %1 calls %2: it fails with %3 (%4).")
            .arg(s.actor, call, r->errnoName, errnoMeaning(r->errnoName));
    if (r)
        return QCoreApplication::translate("Captions", "The %1 calls %2: it returns %3.").arg(s.actor, call).arg(r->result);
    if (s.values.value("blocked").toBool())
        return QCoreApplication::translate("Captions", "The %1 calls %2: it blocks, waiting in the kernel.").arg(s.actor, call);
    return QCoreApplication::translate("Captions", "The %1 calls %2.").arg(s.actor, call);
}

QString dataOf(const QVariantMap& v, const ReturnData* r)
{
    const QByteArray d = r && r->values.contains("data") ? r->values.value("data").toByteArray()
                                                         : v.value("data").toByteArray();
    return pythonBytes(d);
}

} // namespace

QString actorTitle(const QString& actor)
{
    if (actor == QLatin1String("client")) return QCoreApplication::translate("Ladder", "client");
    if (actor == QLatin1String("server")) return QCoreApplication::translate("Ladder", "server");
    // The lessons' numbered ones (backlog's client1..client4, homework's client2): 客户端2.
    for (const char* base : {"client", "server"}) {
        const QLatin1String b(base);
        if (actor.size() > b.size() && actor.startsWith(b)) {
            bool number = false;
            actor.mid(b.size()).toInt(&number);
            if (number && actor.at(b.size()).isDigit())
                return actorTitle(QString(b)) + actor.mid(b.size());
        }
    }
    return actor;
}

QString callName(const QString& call)
{
    if (call == QLatin1String("wait_readable") || call == QLatin1String("sleep")) return QStringLiteral("time.sleep");
    return call;
}

QString segmentLabel(const PacketData& p)
{
    if (p.protocol == QLatin1String("udp")) return QStringLiteral("UDP len=%1").arg(p.len);
    if (p.protocol.toString().startsWith(QLatin1String("icmp"))) {
        if (p.icmpType == 3 && p.icmpCode == 3) return QStringLiteral("ICMP port unreachable");
        return QStringLiteral("ICMP type=%1 code=%2").arg(p.icmpType).arg(p.icmpCode);
    }
    QString s = tcpFlagNames(p.flags).join(',');
    const bool control = p.has(TcpFlag::SYN) || p.has(TcpFlag::FIN) || p.has(TcpFlag::RST);
    if (control || p.len > 0 || !p.has(TcpFlag::ACK)) s += QStringLiteral(" seq=%1").arg(p.relSeq);
    if (p.has(TcpFlag::ACK)) s += QStringLiteral(" ack=%1").arg(p.relAck);
    if ((!control && p.len == 0) || p.win == 0) s += QStringLiteral(" win=%1").arg(p.scaledWindow());
    if (p.len > 0) s += QStringLiteral(" len=%1").arg(p.len);
    return s;
}

int stepAtEvent(const Timeline& tl, int eventIndex)
{
    for (int i = qMin(eventIndex, tl.size() - 1); i >= 0; --i)
        if (const NoteData* n = tl.at(i).note(); n && n->code == QLatin1String("step")) {
            const int idx = n->args.value("index").toInt();
            for (int k = 0; k < tl.steps.size(); ++k)
                if (tl.steps[k].index == idx) return k;
            return -1;
        }
    return -1;
}

QString captionForCursor(const Timeline& tl, int eventIndex)
{
    const int k = stepAtEvent(tl, eventIndex);
    return k < 0 ? QString() : captionText(tl, k);
}

QString narrationAt(const Timeline& tl, int eventIndex, bool unitComplete)
{
    if (eventIndex < 0 || eventIndex >= tl.size()) return captionForCursor(tl, eventIndex);
    if (unitComplete) {
        if (QString c = captionForCursor(tl, eventIndex); !c.isEmpty()) return c;
        // No scenario caption (the user's own programs): the call and where it got to.
        int call = eventIndex;
        while (call >= 0 && tl.at(call).kind != EventKind::Call)
            --call;
        // The last event that has words (a buffer level after a call may have none of its own).
        int at = eventIndex;
        QString last = eventPhrase(tl.at(at));
        while (last.isEmpty() && at > qMax(call, 0)) last = eventPhrase(tl.at(--at));
        if (call < 0 || call == at) return last.left(1).toUpper() + last.mid(1) + '.';
        return QCoreApplication::translate("Captions", "%1 — then %2.").arg(eventPhrase(tl.at(call)), last);
    }
    const Event& e = tl.at(eventIndex);
    if (const NoteData* n = e.note(); n && n->code == QLatin1String("step"))
        return QCoreApplication::translate("Captions", "Next: %1. Step (→) runs it and shows all it causes.")
            .arg(eventSummary(tl, e));
    return QCoreApplication::translate("Captions", "Event by event: %1. Step (→) shows the rest of this call.")
        .arg(eventSummary(tl, e));
}

QString captionText(const Timeline& tl, int stepIndex)
{
    if (stepIndex < 0 || stepIndex >= tl.steps.size()) return {};
    if (QString lesson = lessonCaptionText(tl, stepIndex); !lesson.isEmpty()) return lesson; // buffers, sticky, udp, …
    if (QString wire = wireCaptionText(tl, stepIndex); !wire.isEmpty()) return wire; // the wire-mode lessons
    const StepRecord& s = tl.steps[stepIndex];
    const QVariantMap& v = s.values;
    const QString id = s.captionId;
    const StepRange range = rangeOf(tl, s.index);
    const QList<const PacketData*> segs = stepSegments(tl, range);
    const ReturnData* r = finalReturn(tl, s.index);
    const QString err = r ? r->errnoName : v.value("errno").toString();
    const qint64 result = r ? r->result : v.value("result").toLongLong();

    if (id.endsWith(QLatin1String(".server-socket")))
        return QCoreApplication::translate("Captions",
                   "The server creates a stream socket (SOCK_STREAM): socket() returns descriptor %1. "
                   "Nothing goes on the wire yet — a new socket is just a kernel object in state CLOSED.")
            .arg(result);
    if (id.endsWith(QLatin1String(".client-socket")))
        return QCoreApplication::translate("Captions",
                   "The client creates its own socket: descriptor %1. Its port is not chosen yet; the kernel "
                   "picks a free one when it connects.")
            .arg(result);
    if (id.endsWith(QLatin1String(".bind")))
        return QCoreApplication::translate("Captions",
                   "bind() gives the server's socket its address 127.0.0.1 and port, so clients know where to "
                   "find it. It returns %1; still no packet is sent.")
            .arg(result);
    if (id.endsWith(QLatin1String(".listen")))
        return QCoreApplication::translate("Captions",
                   "listen() turns the socket into a listening socket: the kernel moves it to LISTEN and will "
                   "now answer SYNs by itself, queueing finished connections (backlog %1) until accept() takes them.")
            .arg(callArgs(tl, range).value("backlog", 5).toInt());
    if (id.endsWith(QLatin1String(".accept"))) {
        if (v.value("blocked").toBool())
            return QCoreApplication::translate("Captions",
                "The server calls accept(). No connection is waiting in the queue, so accept() blocks: "
                "the server's thread sleeps in the kernel until a client completes the handshake.");
        return QCoreApplication::translate("Captions",
                   "accept() takes a finished connection from the queue and returns a new connected socket "
                   "(descriptor %1) for client %2.")
            .arg(result).arg(r ? r->values.value("peer").toString() : QString());
    }
    if (id.endsWith(QLatin1String(".connect")) && id.startsWith(QLatin1String("tcp"))) {
        const PacketData* syn = segs.value(0);
        const PacketData* synack = segs.size() > 1 ? segs[1] : nullptr;
        const PacketData* ack = segs.size() > 2 ? segs[2] : nullptr;
        if (!err.isEmpty()) return generic(s, r);
        QString text = QCoreApplication::translate("Captions",
                           "The client calls connect(): its kernel sends SYN (seq=%1, ISN %2); the server's kernel "
                           "answers SYN,ACK ack=%3; the client's kernel sends ACK ack=%4 — connect() returns %5 "
                           "once the handshake is complete.")
                           .arg(syn ? syn->relSeq : v.value("seq").toLongLong())
                           .arg(syn ? qint64(syn->seq) : v.value("isn").toLongLong())
                           .arg(synack ? synack->relAck : 1)
                           .arg(ack ? ack->relAck : 1)
                           .arg(result);
        text += ' ';
        text += QCoreApplication::translate("Captions",
            "The server's program took no part: the kernel did the handshake, and the blocked accept() now returns.");
        return text;
    }
    if (id == QLatin1String("refused.connect"))
        return QCoreApplication::translate("Captions",
                   "The client calls connect() to a port where nobody listens. Its kernel sends SYN; the kernel "
                   "on the other side answers RST (%1), so connect() fails with %2 — %3.")
            .arg(segList(segs), err.isEmpty() ? QStringLiteral("?") : err, errnoMeaning(err));
    if (id == QLatin1String("echo.client-send") || id == QLatin1String("reset-unread.client-send"))
        return QCoreApplication::translate("Captions",
                   "The client calls send(%1): the bytes are copied into its send buffer and send() returns %2 "
                   "at once; the kernel then carries them in a segment (%3) and the peer's kernel acknowledges them.")
            .arg(pythonBytes(callArgs(tl, range).value("data").toByteArray()),
                 QString::number(result), segList(segs));
    if (id == QLatin1String("echo.server-send"))
        return QCoreApplication::translate("Captions",
                   "The server answers with send(): %1 bytes go into its send buffer and out in a segment (%2).")
            .arg(result).arg(segList(segs));
    if (id == QLatin1String("echo.server-recv") || id == QLatin1String("echo.client-recv"))
        return QCoreApplication::translate("Captions",
                   "The %1 calls recv(1024): the bytes were already waiting in its receive buffer, so recv() "
                   "returns at once with %2 bytes: %3.")
            .arg(s.actor).arg(result).arg(dataOf(v, r));
    if (id == QLatin1String("echo.server-recv-wait") || id == QLatin1String("teardown.server-recv")) {
        if (r && r->result == 0 && r->step == s.index && !v.value("blocked").toBool())
            return QCoreApplication::translate("Captions", "The server calls recv(): it returns b'' at once — the peer has closed.");
        return QCoreApplication::translate("Captions",
            "The server calls recv() again. Its receive buffer is empty, so recv() blocks until data or "
            "the peer's FIN arrives.");
    }
    if (id == QLatin1String("echo.client-close") || id == QLatin1String("teardown.client-close"))
        return QCoreApplication::translate("Captions",
                   "The client calls close(): its kernel sends FIN (%1). The server's kernel acknowledges it and "
                   "the server's blocked recv() returns b'' — the empty result means \"the peer closed\". The "
                   "client waits in FIN_WAIT_2 for the server's FIN.")
            .arg(segList(segs));
    if (id == QLatin1String("echo.server-close") || id == QLatin1String("teardown.server-close")) {
        QString text = QCoreApplication::translate("Captions",
                           "The server calls close(): its kernel sends its own FIN and the client's kernel "
                           "answers ACK (%1). The client keeps the connection in TIME_WAIT for %2 s so that a "
                           "lost last ACK can be repeated.")
                           .arg(segList(segs))
                           .arg(v.contains("timer_ms") ? qRound(v.value("timer_ms").toDouble() / 1000.0) : 60);
        if (hasNote(tl, range, QStringLiteral("teardown-3")) || hasNote(tl, rangeOf(tl, s.index - 1), QStringLiteral("teardown-3"))) {
            text += ' ';
            text += QCoreApplication::translate("Captions",
                "The server closed quickly, so its delayed ACK rode on its FIN: 3 segments appear instead of 4.");
        }
        return text;
    }
    if (id == QLatin1String("echo.listener-close"))
        return QCoreApplication::translate("Captions",
            "The server closes its listening socket: no segment is sent, the port stops accepting connections.");
    if (id == QLatin1String("broken-pipe.server-close"))
        return QCoreApplication::translate("Captions",
                   "The server closes its connected socket: its kernel sends FIN (%1). The client is not told "
                   "at once — it only learns when it next uses the socket.")
            .arg(segList(segs));
    if (id == QLatin1String("broken-pipe.first-send"))
        return QCoreApplication::translate("Captions",
                   "The client sends anyway: send() returns %1 because the bytes only had to reach its own send "
                   "buffer. The server's kernel has no socket to give them to and answers RST (%2).")
            .arg(result).arg(segList(segs));
    if (id == QLatin1String("broken-pipe.second-send"))
        return QCoreApplication::translate("Captions",
                   "The client sends again. The RST has already closed the connection, so this send() fails "
                   "with %1 — %2.")
            .arg(err, errnoMeaning(err));
    if (id == QLatin1String("broken-pipe.recv"))
        return err.isEmpty()
            ? QCoreApplication::translate("Captions", "recv() on the closed connection returns %1 bytes.").arg(result)
            : QCoreApplication::translate("Captions", "recv() on the reset connection fails with %1 — %2.").arg(err, errnoMeaning(err));
    if (id == QLatin1String("reset-unread.server-close"))
        return QCoreApplication::translate("Captions",
                   "The server closes its socket while %1 unread bytes sit in its receive buffer. Data would be "
                   "lost silently, so the kernel sends RST instead of FIN (%2).")
            .arg(tl.steps.value(stepIndex - 1).values.value("result", 5).toLongLong())
            .arg(segList(segs));
    if (id == QLatin1String("reset-unread.client-recv"))
        return QCoreApplication::translate("Captions",
                   "The client calls recv(): the RST has already torn the connection down, so recv() fails "
                   "with %1 — %2.")
            .arg(err.isEmpty() ? QStringLiteral("?") : err, errnoMeaning(err));
    return generic(s, r);
}

bool isKnownCaption(const QString& id)
{
    if (id.isEmpty()) return false;
    auto textOf = [](const QString& caption) {
        Timeline tl;
        StepRecord s;
        s.index = 0;
        s.actor = QStringLiteral("server");
        s.call = QStringLiteral("socket");
        s.captionId = caption;
        tl.steps.append(s);
        return captionText(tl, 0);
    };
    return textOf(id) != textOf(QStringLiteral("\x01unknown"));
}

namespace {
// An event's words as a phrase (a note of no actor's begins in lower case, as it
// is made), for the middle of a sentence; eventSummary() makes it a line of its own.
QString eventPhrase(const Event& e)
{
    const QString who = actorTitle(e.actor);
    if (const CallData* c = e.call())
        return QCoreApplication::translate("Captions", "%1 calls %2%3()")
            .arg(who, c->socket.isEmpty() || callName(c->call) != c->call ? QString() : c->socket + '.', callName(c->call));
    if (const ReturnData* r = e.ret()) {
        const QString call = callName(r->call);
        if (r->blocked) return QCoreApplication::translate("Captions", "%1: %2() blocks").arg(who, call);
        if (!r->errnoName.isEmpty())
            return QCoreApplication::translate("Captions", "%1: %2() fails with %3").arg(who, call, r->errnoName);
        QString text = QCoreApplication::translate("Captions", "%1: %2() returns %3").arg(who, call).arg(r->result);
        if (r->values.contains("data")) text += ' ' + pythonBytes(r->values.value("data").toByteArray(), 40);
        return text;
    }
    if (const PacketData* p = e.packet()) {
        QString text = QCoreApplication::translate("Captions", "%1 → %2: %3")
                           .arg(p->fromActor.isEmpty() ? QString::number(p->srcPort) : p->fromActor.toString(),
                                p->toActor.isEmpty() ? QString::number(p->dstPort) : p->toActor.toString(), segmentLabel(*p));
        if (e.provenance == Provenance::Derived) text += ' ' + QCoreApplication::translate("Captions", "(derived)");
        if (e.wireDelayUs > 0)
            text += ' ' + QCoreApplication::translate("Captions", "(the wire delayed it %1 ms)")
                              .arg(QString::number(double(e.wireDelayUs) / 1000.0, 'f', 0));
        return text;
    }
    if (const StateData* s = e.state()) {
        const QString src = e.provenance == Provenance::Derived
            ? QCoreApplication::translate("Captions", "derived from the segments")
            : QCoreApplication::translate("Captions", "reported by the kernel");
        return QCoreApplication::translate("Captions", "%1 %2 is now %3 (%4)").arg(who, s->socket, s->state, src);
    }
    if (const QueueData* q = e.queue()) {
        if (q->acceptQueue >= 0)
            return QCoreApplication::translate("Captions", "%1: %2 connection(s) wait for accept() (backlog %3)")
                .arg(who).arg(q->acceptQueue).arg(q->backlog);
        return QCoreApplication::translate("Captions", "%1 %2: %3 B unread, %4 B not yet acknowledged")
            .arg(who, q->socket).arg(qMax<qint64>(0, q->inq)).arg(qMax<qint64>(0, q->outq));
    }
    if (const WireData* w = e.wire()) {
        // What socklab's wire did to a packet (wire mode): the words of the narration under the ladder.
        const QString from = actorTitle(w->packet.fromActor), what = segmentLabel(w->packet);
        const QString ms = QString::number(double(w->delayUs) / 1000.0, 'f', 0);
        if (w->action == QLatin1String("hold"))
            return QCoreApplication::translate("Captions", "the wire holds %2 from %1").arg(from, what);
        if (w->action == QLatin1String("release"))
            return QCoreApplication::translate("Captions", "the wire releases %2 from %1 after %3 s")
                .arg(from, what, QString::number(double(w->delayUs) / 1e6, 'f', 1));
        if (w->action == QLatin1String("drop"))
            return QCoreApplication::translate("Captions", "the wire drops %2 from %1").arg(from, what);
        if (w->action == QLatin1String("delay"))
            return QCoreApplication::translate("Captions", "the wire delays %2 from %1 by %3 ms").arg(from, what, ms);
        if (w->action == QLatin1String("duplicate"))
            return QCoreApplication::translate("Captions", "the wire duplicates %2 from %1").arg(from, what);
        if (w->action == QLatin1String("reorder"))
            return QCoreApplication::translate("Captions", "the wire sends %2 from %1 out of order").arg(from, what);
        return QCoreApplication::translate("Captions", "%2 from %1 passes the wire").arg(from, what);
    }
    if (const TimerData* t = e.timer())
        return QCoreApplication::translate("Captions", "%1 %2: %3 timer, %4 ms left")
            .arg(who, t->socket, t->timer).arg(t->expiresMs);
    if (const NoteData* n = e.note()) {
        if (n->code == QLatin1String("step"))
            return QCoreApplication::translate("Captions", "Step %1: %2 calls %3()")
                .arg(n->args.value("index").toInt() + 1).arg(who, callName(n->args.value("call").toString()));
        if (n->code == QLatin1String("program-output")) return QStringLiteral("%1: %2").arg(who, n->args.value("text").toString());
        // Every other note's words come from the one place the command line uses too.
        const QString text = noteText(*n);
        if (noteHasWords(*n))
            return who.isEmpty() ? text : QCoreApplication::translate("Captions", "%1: %2").arg(who, text);
        return QCoreApplication::translate("Captions", "Note: %1").arg(text);
    }
    return {};
}
} // namespace

QString eventSummary(const Timeline& tl, const Event& e)
{
    Q_UNUSED(tl);
    const QString text = eventPhrase(e);
    // A note of no actor's is a sentence of its own in the log and a tooltip.
    if (e.note() && e.actor.isEmpty()) return text.left(1).toUpper() + text.mid(1);
    return text;
}

} // namespace socklab
