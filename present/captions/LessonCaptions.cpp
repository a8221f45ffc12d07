#include "LessonCaptions.h"

#include "BacklogLayout.h"
#include "BuffersLayout.h"
#include "TextFormatter.h"

#include <QCoreApplication>
#include <QStringList>

namespace socklab {

namespace {

// Everything a caption may quote about one step, gathered once.
struct StepFacts {
    const StepRecord* s = nullptr;
    int first = -1, last = -1;  // the step's events (inclusive)
    const ReturnData* ret = nullptr; // its final (non-blocked) return, possibly later
    QVariantMap args;           // what its call was given
    qint64 result = 0;
    QString err;
    bool blocked = false;       // it was still blocked when the next step began
    QList<const PacketData*> segs;
    int parsed = 0;             // "parsed-message" notes in the step

    QByteArray data() const
    {
        if (ret && ret->values.contains("data")) return ret->values.value("data").toByteArray();
        return s->values.contains("data") ? s->values.value("data").toByteArray() : args.value("data").toByteArray();
    }
    QString segList() const
    {
        QStringList parts;
        for (const PacketData* p : segs)
            parts << tcpFlagNames(p->flags).join(',');
        return parts.isEmpty() ? QStringLiteral("—") : parts.join(QStringLiteral(", "));
    }
};

StepFacts factsOf(const Timeline& tl, int stepIndex)
{
    StepFacts f;
    f.s = &tl.steps[stepIndex];
    f.first = tl.indexOfStep(f.s->index);
    const int next = tl.indexOfStep(f.s->index + 1);
    f.last = next < 0 ? tl.size() - 1 : next - 1;
    for (int i = 0; i < tl.size(); ++i) {
        const Event& e = tl.at(i);
        if (const ReturnData* r = e.ret(); r && r->step == f.s->index && !r->blocked && !f.ret) f.ret = r;
        if (const CallData* c = e.call(); c && c->step == f.s->index && f.args.isEmpty()) f.args = c->args;
    }
    for (int i = qMax(0, f.first); i <= f.last && f.first >= 0; ++i) {
        const Event& e = tl.at(i);
        if (e.kind == EventKind::Segment && e.provenance == Provenance::Kernel) f.segs << e.packet();
        if (const NoteData* n = e.note(); n && n->code == QLatin1String("parsed-message")) ++f.parsed;
    }
    f.result = f.ret ? f.ret->result : f.s->values.value("result").toLongLong();
    f.err = f.ret ? f.ret->errnoName : f.s->values.value("errno").toString();
    f.blocked = f.s->values.value("blocked").toBool();
    return f;
}

QString errnoText(const QString& e)
{
    if (e == QLatin1String("ECONNREFUSED"))
        return QCoreApplication::translate("LessonCaptions", "ECONNREFUSED (ConnectionRefusedError)");
    if (e == QLatin1String("EADDRINUSE"))
        return QCoreApplication::translate("LessonCaptions", "EADDRINUSE (OSError: Address already in use)");
    if (e == QLatin1String("EAGAIN"))
        return QCoreApplication::translate("LessonCaptions", "EAGAIN (socket.timeout)");
    return e;
}

qint64 seconds(const StepRecord& s) { return qRound64(s.values.value("timer_ms", 60000).toDouble() / 1000.0); }

// Captions every TCP lesson scenario shares (socket, bind, listen, accept, connect, close).
QString common(const Timeline& tl, const StepFacts& f, const QString& what)
{
    const StepRecord& s = *f.s;
    if (what == QLatin1String("server-socket"))
        return QCoreApplication::translate("LessonCaptions",
                   "The server creates a TCP socket (SOCK_STREAM): descriptor %1. Nothing is sent yet.").arg(f.result);
    if (what == QLatin1String("client-socket"))
        return QCoreApplication::translate("LessonCaptions", "%1 creates its TCP socket: descriptor %2.")
            .arg(s.actor).arg(f.result);
    if (what == QLatin1String("bind"))
        return QCoreApplication::translate("LessonCaptions",
                   "bind() gives the server's socket the address 127.0.0.1 and port %1; it returns %2.")
            .arg(s.values.value("port", f.args.value("port")).toString()).arg(f.result);
    if (what == QLatin1String("listen"))
        return QCoreApplication::translate("LessonCaptions",
                   "listen(%1): the socket is now LISTEN. The kernel completes handshakes by itself and queues "
                   "the connections until accept() takes them.")
            .arg(f.args.value("backlog", 5).toInt());
    if (what == QLatin1String("accept")) {
        if (f.blocked)
            return QCoreApplication::translate("LessonCaptions", "accept() blocks: no connection is waiting yet, so the server sleeps in the kernel until a client connects.");
        return QCoreApplication::translate("LessonCaptions", "accept() returns descriptor %1 for the client %2.")
            .arg(f.result).arg(f.ret ? f.ret->values.value("peer").toString() : QString());
    }
    if (what == QLatin1String("connect")) {
        if (!f.err.isEmpty())
            return QCoreApplication::translate("LessonCaptions", "connect() fails with %1.").arg(errnoText(f.err));
        return QCoreApplication::translate("LessonCaptions",
                   "%1 calls connect(): the two kernels do the three-way handshake (%2) and connect() returns %3.")
            .arg(s.actor, f.segList()).arg(f.result);
    }
    if (what == QLatin1String("client-close") || what == QLatin1String("server-close"))
        return QCoreApplication::translate("LessonCaptions", "%1 closes its connected socket: %2.")
            .arg(s.actor, f.segs.isEmpty() ? QCoreApplication::translate("LessonCaptions", "no segment is sent") : f.segList());
    if (what == QLatin1String("listener-close"))
        return QCoreApplication::translate("LessonCaptions", "The server closes its listening socket: the port is free again.");
    Q_UNUSED(tl);
    return {};
}

QString buffers(const Timeline& tl, const StepFacts& f, const QString& what)
{
    const StepRecord& s = *f.s;
    if (what == QLatin1String("rcvbuf"))
        return QCoreApplication::translate("LessonCaptions",
                   "setsockopt(SO_RCVBUF, %1) makes the server's receive buffer small (Linux doubles the value for "
                   "its bookkeeping). It is set on the listening socket, so the accepted connection inherits it.")
            .arg(f.args.value("value").toLongLong());
    if (what == QLatin1String("sndbuf"))
        return QCoreApplication::translate("LessonCaptions",
                   "setsockopt(SO_SNDBUF, %1) makes the client's send buffer small (the kernel doubles it too).")
            .arg(f.args.value("value").toLongLong());
    if (what == QLatin1String("settimeout"))
        return QCoreApplication::translate("LessonCaptions", "settimeout(0.5): a send() that cannot copy its bytes within 0.5 s gives up instead of waiting forever.");
    if (what == QLatin1String("send-fills")) {
        const BuffersModel m = buffersAt(tl, f.last);
        int probes = 0;
        for (const EndpointBuffers& ep : m.endpoints)
            if (ep.actor == s.actor) probes = int(ep.probes.size());
        return QCoreApplication::translate("LessonCaptions",
                   "sendall() of %1 bytes: the kernel copied %2 bytes into the send buffer and onto the wire until the "
                   "server's receive buffer was full and it advertised window 0. The server never calls recv(), so "
                   "sendall() gave up after 0.5 s with %3. Meanwhile the client's kernel sent %4 zero-window "
                   "probe(s) to ask whether the window has reopened.")
            .arg(f.args.contains("data") ? qint64(f.args.value("data").toByteArray().size())
                                         : tl.parameters.value("size").toLongLong()) // the folder's size: what sendall() was given
            .arg(f.result)
            .arg(!f.err.isEmpty() ? errnoText(f.err)
                 : f.ret && f.ret->values.value("exception").toString() == QLatin1String("TimeoutError")
                     ? QStringLiteral("socket.timeout") // Python's poll() waited 0.5 s: no errno
                     : QStringLiteral("—"))
            .arg(probes);
    }
    if (what == QLatin1String("blocking"))
        return QCoreApplication::translate("LessonCaptions", "settimeout(None): the client's socket blocks again — the next send() will wait as long as it takes.");
    if (what == QLatin1String("sendall-blocks"))
        return QCoreApplication::translate("LessonCaptions",
                   "sendall() of %1 more bytes: both buffers are full, so the call blocks. The client sleeps inside "
                   "send() until the server's recv() makes room — send() waits for buffer space, not for the peer "
                   "to read.")
            .arg(f.args.contains("data") ? qint64(f.args.value("data").toByteArray().size())
                                         : f.ret ? f.ret->values.value("bytes").toLongLong() : 0);
    if (what == QLatin1String("first-read"))
        return QCoreApplication::translate("LessonCaptions",
                   "The server finally calls recv(%1): it takes %2 bytes out of its receive buffer. The freed space "
                   "reopens the window (win=%3), the client's kernel sends more, and the blocked sendall() copies on.")
            .arg(f.args.value("bufsize").toInt()).arg(f.result).arg(s.values.value("win").toLongLong());
    if (what == QLatin1String("second-read"))
        return QCoreApplication::translate("LessonCaptions",
                   "Another recv() takes %1 more bytes; the client's send buffer drains into the freed space.")
            .arg(f.result);
    if (what == QLatin1String("read-timeout"))
        return QCoreApplication::translate("LessonCaptions", "settimeout(0.5) on the server's socket: the loop below stops once 0.5 s pass with nothing to read.");
    if (what == QLatin1String("drain")) {
        qint64 total = 0;
        int calls = 0;
        for (const Event& e : tl.events())
            if (const ReturnData* r = e.ret(); r && r->step == s.index && !r->blocked && r->result > 0) {
                total += r->result;
                ++calls;
            }
        return QCoreApplication::translate("LessonCaptions",
                   "The server's loop calls recv() again and again: %1 calls take %2 bytes, each returning what was "
                   "in the receive buffer. The blocked sendall() returned once its last bytes were in the send buffer.")
            .arg(calls).arg(total);
    }
    return {};
}

QString sticky(const Timeline& tl, const StepFacts& f, const QString& what)
{
    const StepRecord& s = *f.s;
    if (what == QLatin1String("send"))
        return QCoreApplication::translate("LessonCaptions",
                   "send(%1) copies %2 bytes into the client's send buffer and returns at once. The kernel carries "
                   "them in a segment of their own (%3).")
            .arg(pythonBytes(f.args.value("data").toByteArray())).arg(f.result).arg(f.segList());
    if (what == QLatin1String("wait"))
        return QCoreApplication::translate("LessonCaptions",
                   "The server sleeps (the lesson's time.sleep()) while the messages arrive: all %1 bytes now wait "
                   "together in its receive buffer, with no marks between them.")
            .arg(s.values.value("inq", f.result).toLongLong());
    if (what == QLatin1String("recv-all")) {
        int sends = 0;
        for (const StepRecord& o : tl.steps)
            sends += o.index < s.index && o.call == QLatin1String("send");
        return QCoreApplication::translate("LessonCaptions",
                   "One recv() returned all %1 bytes of %2 send() calls: %3. TCP is a byte stream with no message "
                   "boundaries. The %2 segments arrived separately on the wire — the merging happened in the "
                   "receive buffer.")
            .arg(f.result).arg(sends).arg(pythonBytes(f.data()));
    }
    return {};
}

QString fixes(const Timeline& tl, const StepFacts& f, const QString& scenario, const QString& what)
{
    Q_UNUSED(tl);
    const QByteArray sent = f.args.value("data").toByteArray();
    if (what == QLatin1String("send") && scenario == QLatin1String("fix-delimiter"))
        return QCoreApplication::translate("LessonCaptions",
                   "send(%1): the message followed by the end marker — %2 bytes. The receiver will cut the stream at "
                   "every marker.")
            .arg(pythonBytes(sent)).arg(f.result);
    if (what == QLatin1String("send") && scenario == QLatin1String("fix-length-prefix"))
        return QCoreApplication::translate("LessonCaptions",
                   "send(%1): a 5-byte header (b'Y' and the body length %2 packed with struct) followed by the "
                   "%2-byte body — %3 bytes in all. The length counts bytes, not characters: a Chinese character "
                   "takes 3 bytes in UTF-8.")
            .arg(pythonBytes(sent, 40)).arg(qMax(0, int(sent.size()) - 5)).arg(f.result);
    if (what == QLatin1String("send"))
        return QCoreApplication::translate("LessonCaptions",
                   "send(%1): %2 bytes. The server is already waiting in recv(), which returns them at once as one "
                   "message.")
            .arg(pythonBytes(sent)).arg(f.result);
    if (what == QLatin1String("wait"))
        return QCoreApplication::translate("LessonCaptions",
                   "The server waits until all %1 bytes are in its receive buffer — they are stuck together, as in "
                   "the sticky-packet lesson.")
            .arg(f.s->values.value("inq", f.result).toLongLong());
    if (what == QLatin1String("recv-part"))
        return QCoreApplication::translate("LessonCaptions",
                   "recv(%1) returns %2 — it stops in the middle of the second message. The parser completes %3 "
                   "message(s) and keeps the unfinished tail for later.")
            .arg(f.args.value("bufsize").toInt()).arg(pythonBytes(f.data(), 40)).arg(f.parsed);
    if (what == QLatin1String("recv-rest"))
        return QCoreApplication::translate("LessonCaptions",
                   "The next recv() returns the other %1 bytes. Joined with the kept tail they complete %2 more "
                   "message(s): every message comes out exactly as sent, the split one and the Chinese one included.")
            .arg(f.result).arg(f.parsed);
    if (what == QLatin1String("recv-waits")) {
        if (f.ret && f.ret->result == 0)
            return QCoreApplication::translate("LessonCaptions", "The server waits in recv() once more; it returns b'' when the client closes.");
        if (f.ret)
            return QCoreApplication::translate("LessonCaptions",
                       "The server waits in recv() before the client sends. It returns exactly one message, %1 "
                       "(%2 bytes), because it was already waiting when the bytes arrived.")
                .arg(pythonBytes(f.ret->values.value("data").toByteArray())).arg(f.ret->result);
        return QCoreApplication::translate("LessonCaptions", "The server waits in recv() before the client sends anything.");
    }
    if (what == QLatin1String("pause"))
        return QCoreApplication::translate("LessonCaptions",
                   "The client pauses %1 ms before the next message, so the receiver takes each message out alone. "
                   "This works only by timing — the weakest of the three fixes.")
            .arg(f.args.value("ms", 100).toInt());
    return {};
}

QString udp(const StepFacts& f, const QString& what)
{
    if (what == QLatin1String("server-socket"))
        return QCoreApplication::translate("LessonCaptions",
                   "The server creates a datagram socket (SOCK_DGRAM): descriptor %1. UDP has no connection: no "
                   "listen(), no accept().").arg(f.result);
    if (what == QLatin1String("bind"))
        return QCoreApplication::translate("LessonCaptions",
                   "bind() gives it 127.0.0.1 port %1: datagrams sent there now land in its receive queue.")
            .arg(f.s->values.value("port").toString());
    if (what.startsWith(QLatin1String("client-socket")))
        return QCoreApplication::translate("LessonCaptions", "The client creates a datagram socket: descriptor %1.")
            .arg(f.result);
    if (what == QLatin1String("sendto"))
        return QCoreApplication::translate("LessonCaptions",
                   "sendto(%1) sends one %2-byte datagram at once: no handshake before it, no acknowledgement after.")
            .arg(pythonBytes(f.args.value("data").toByteArray())).arg(f.result);
    if (what == QLatin1String("recvfrom"))
        return QCoreApplication::translate("LessonCaptions",
                   "recvfrom(1024) returns exactly one datagram, %1 (%2 bytes), from %3. Datagrams keep their "
                   "boundaries: no sticky packets in UDP.")
            .arg(pythonBytes(f.data())).arg(f.result).arg(f.s->values.value("peer").toString());
    if (what == QLatin1String("recvfrom-truncated"))
        return QCoreApplication::translate("LessonCaptions",
                   "recvfrom(%1) with a buffer too small: the %2-byte datagram is cut to %3 bytes, %4, and the rest "
                   "is lost — the kernel reports it with MSG_TRUNC.")
            .arg(f.args.value("bufsize").toInt())
            .arg(f.s->values.value("datagram_len").toLongLong())
            .arg(f.result)
            .arg(pythonBytes(f.data()));
    if (what.startsWith(QLatin1String("client-close")))
        return QCoreApplication::translate("LessonCaptions", "The client closes its UDP socket: nothing goes on the wire — there is no connection to end.");
    if (what == QLatin1String("server-close")) return QCoreApplication::translate("LessonCaptions", "The server closes its UDP socket.");
    if (what == QLatin1String("connect"))
        return QCoreApplication::translate("LessonCaptions",
                   "connect() on a UDP socket sends nothing: it only fixes the peer (port %1, where nobody listens), "
                   "so that send() works and errors from that peer are reported.")
            .arg(f.s->values.value("port").toString());
    if (what == QLatin1String("send-unreachable"))
        return QCoreApplication::translate("LessonCaptions",
                   "send(%1) returns %2: the datagram leaves. Nobody listens on that port, so the kernel there "
                   "answers with ICMP port unreachable.")
            .arg(pythonBytes(f.args.value("data").toByteArray())).arg(f.result);
    if (what == QLatin1String("settimeout")) return QCoreApplication::translate("LessonCaptions", "settimeout(1.0), so the next recv() cannot hang.");
    if (what == QLatin1String("recv-refused"))
        return QCoreApplication::translate("LessonCaptions",
                   "recv() fails with %1: the connected UDP socket remembered the ICMP error and reports it on its "
                   "next call.")
            .arg(errnoText(f.err));
    return {};
}

QString backlog(const Timeline& tl, const StepFacts& f, const QString& what)
{
    const StepRecord& s = *f.s;
    if (what == QLatin1String("listen")) {
        const int n = f.args.value("backlog", 1).toInt();
        return QCoreApplication::translate("LessonCaptions",
                   "listen(%1): the socket is LISTEN. The server will never call accept(), so finished connections "
                   "pile up in the accept queue; Linux lets backlog + 1 = %2 of them wait.")
            .arg(n).arg(n + 1);
    }
    const BacklogModel m = backlogAt(tl, f.last);
    if (what == QLatin1String("connect-queued"))
        return QCoreApplication::translate("LessonCaptions",
                   "%1 calls connect(): the server's kernel completes the handshake (%2) and puts the connection in "
                   "the accept queue (%3 waiting). connect() returns %4 although the server never called accept().")
            .arg(s.actor, f.segList()).arg(qMax<qint64>(0, m.queued)).arg(f.result);
    if (what == QLatin1String("connect-dropped")) {
        QStringList gaps;
        int syns = 0;
        for (const ConnectionAttempt& a : m.attempts)
            if (a.client == s.actor || (a.client.isEmpty() && a.droppedSyns() > 0)) {
                syns = int(a.syns.size());
                for (const SynAttempt& syn : a.syns)
                    if (syn.gapUs >= 0) gaps << QStringLiteral("+%1 s").arg(double(syn.gapUs) / 1e6, 0, 'f', 1);
            }
        return QCoreApplication::translate("LessonCaptions",
                   "%1 calls connect(), but the accept queue is full (%2 of %3). The server's kernel drops the SYN "
                   "silently — no SYN+ACK, no RST — and the client's kernel sends it again (%4 SYNs: %5). connect() "
                   "stays blocked.")
            .arg(s.actor)
            .arg(qMax<qint64>(0, m.queued))
            .arg(m.slotCount())
            .arg(syns)
            .arg(gaps.isEmpty() ? QStringLiteral("—") : gaps.join(QStringLiteral(", ")));
    }
    if (what == QLatin1String("listener-close"))
        return QCoreApplication::translate("LessonCaptions",
                   "The server closes its listening socket: the connections nobody accepted are reset (%1) and the "
                   "waiting client's connect() gives up.")
            .arg(f.segList());
    return {};
}

QString timeWait(const StepFacts& f, const QString& what)
{
    const StepRecord& s = *f.s;
    if (what == QLatin1String("reuseaddr-first"))
        return QCoreApplication::translate("LessonCaptions", "The first server sets SO_REUSEADDR, as real servers do; it matters only when the port is bound again.");
    if (what == QLatin1String("server-close-first"))
        return QCoreApplication::translate("LessonCaptions",
                   "The server closes the connection first (%1): the side that closes first is the one that ends in "
                   "TIME_WAIT.").arg(f.segList());
    if (what == QLatin1String("client-recv-eof")) return QCoreApplication::translate("LessonCaptions", "The client's recv() returns b'': the server has closed.");
    if (what == QLatin1String("client-close"))
        return QCoreApplication::translate("LessonCaptions",
                   "The client closes too (%1). The server's end of the connection now waits in TIME_WAIT for %2 s, "
                   "holding the port.").arg(f.segList()).arg(seconds(s));
    if (what == QLatin1String("listener-close"))
        return QCoreApplication::translate("LessonCaptions",
                   "The server program closes its listening socket to restart. The old connection stays in "
                   "TIME_WAIT in the kernel: %1 s left.").arg(seconds(s));
    if (what == QLatin1String("restart-socket"))
        return QCoreApplication::translate("LessonCaptions", "The restarted server creates a new socket: descriptor %1.")
            .arg(f.result);
    if (what == QLatin1String("bind-in-use"))
        return QCoreApplication::translate("LessonCaptions",
                   "bind() to port %1 without SO_REUSEADDR fails with %2: the connection in TIME_WAIT still holds "
                   "the port.").arg(s.values.value("port").toString(), errnoText(f.err));
    if (what == QLatin1String("reuseaddr"))
        return QCoreApplication::translate("LessonCaptions", "setsockopt(SO_REUSEADDR, 1): allow binding a port that only TIME_WAIT connections hold.");
    if (what == QLatin1String("bind-reuse"))
        return QCoreApplication::translate("LessonCaptions",
                   "bind() now succeeds (returns %1) although the old connection is still in TIME_WAIT.").arg(f.result);
    if (what == QLatin1String("listen-again"))
        return QCoreApplication::translate("LessonCaptions", "listen(): the restarted server takes connections on the same port again.");
    if (what == QLatin1String("final-close")) return QCoreApplication::translate("LessonCaptions", "The server closes its socket.");
    return {};
}

QString homework(const StepFacts& f, const QString& what)
{
    const StepRecord& s = *f.s;
    const QString sent = pythonBytes(f.args.value("data").toByteArray());
    if (what == QLatin1String("client-send"))
        return QCoreApplication::translate("LessonCaptions", "%1 sends %2 (%3 bytes).").arg(s.actor, sent).arg(f.result);
    if (what == QLatin1String("server-recv"))
        return QCoreApplication::translate("LessonCaptions", "The server's recv() returns %1 from its current client.")
            .arg(pythonBytes(f.data()));
    if (what == QLatin1String("server-send"))
        return QCoreApplication::translate("LessonCaptions", "The server answers %1.").arg(sent);
    if (what == QLatin1String("client-recv"))
        return QCoreApplication::translate("LessonCaptions", "%1 receives the answer %2.").arg(s.actor, pythonBytes(f.data()));
    if (what == QLatin1String("connect-queued"))
        return QCoreApplication::translate("LessonCaptions",
                   "%1 connects while the server is busy with the first client: the kernel completes the handshake "
                   "(%2) by itself and keeps the connection in the accept queue until the server calls accept() "
                   "again.").arg(s.actor, f.segList());
    if (what == QLatin1String("client-send-queued"))
        return QCoreApplication::translate("LessonCaptions",
                   "%1 already sends %2: the bytes wait in the receive buffer of its queued connection.").arg(s.actor, sent);
    if (what == QLatin1String("client-recv-waits"))
        return QCoreApplication::translate("LessonCaptions",
                   "%1 waits in recv() for an answer — the server is still talking to the first client.").arg(s.actor);
    if (what == QLatin1String("client-send-special"))
        return QCoreApplication::translate("LessonCaptions", "%1 sends the special string %2: it is done.").arg(s.actor, sent);
    if (what == QLatin1String("server-recv-special"))
        return QCoreApplication::translate("LessonCaptions",
                   "The server receives %1, the special string: it leaves the inner loop, closes this connection and "
                   "goes back to accept().").arg(pythonBytes(f.data()));
    if (what == QLatin1String("accept-next"))
        return QCoreApplication::translate("LessonCaptions",
                   "Back at the top of the loop, accept() returns at once with descriptor %1: the client %2 had been "
                   "waiting in the accept queue.").arg(f.result).arg(f.ret ? f.ret->values.value("peer").toString() : QString());
    if (what == QLatin1String("accept-waits"))
        return QCoreApplication::translate("LessonCaptions", "accept() again: no client is waiting, so it blocks — the server is ready for the next one.");
    return {};
}

QString bindAddress(const StepFacts& f, const QString& what)
{
    const QString port = f.s->values.value("port", f.args.value("port")).toString();
    if (what == QLatin1String("bind-loopback"))
        return QCoreApplication::translate("LessonCaptions",
                   "The server binds 127.0.0.1 port %1: only connections to the loopback address can reach it.").arg(port);
    if (what == QLatin1String("connect-refused"))
        return QCoreApplication::translate("LessonCaptions",
                   "The client connects to the lab's second address %1: no socket listens there (the server bound "
                   "127.0.0.1 only), so the kernel answers %2 and connect() fails with %3.")
            .arg(f.args.value("addr").toString(), f.segList(), errnoText(f.err));
    if (what == QLatin1String("bind-any"))
        return QCoreApplication::translate("LessonCaptions",
                   "The server binds 0.0.0.0 port %1: the wildcard address, every address of the machine.").arg(port);
    if (what == QLatin1String("connect-accepted"))
        return QCoreApplication::translate("LessonCaptions",
                   "The client connects to %1 again: now the handshake completes (%2) and connect() returns %3.")
            .arg(f.args.value("addr").toString(), f.segList()).arg(f.result);
    return {};
}

} // namespace

QString lessonCaptionText(const Timeline& tl, int stepIndex)
{
    if (stepIndex < 0 || stepIndex >= tl.steps.size()) return {};
    const QString id = tl.steps[stepIndex].captionId;
    const int dot = id.indexOf('.');
    if (dot < 0) return {};
    const QString scenario = id.left(dot), what = id.mid(dot + 1);
    static const QStringList lessons{"buffers", "sticky", "fix-delimiter", "fix-length-prefix", "fix-pacing",
                                     "udp", "backlog", "time-wait", "homework", "bind-address"};
    if (!lessons.contains(scenario)) return {};
    const StepFacts f = factsOf(tl, stepIndex);
    QString text;
    if (scenario == QLatin1String("udp")) return udp(f, what);
    if (scenario == QLatin1String("buffers")) text = buffers(tl, f, what);
    else if (scenario == QLatin1String("sticky")) text = sticky(tl, f, what);
    else if (scenario.startsWith(QLatin1String("fix-"))) text = fixes(tl, f, scenario, what);
    else if (scenario == QLatin1String("backlog")) text = backlog(tl, f, what);
    else if (scenario == QLatin1String("time-wait")) text = timeWait(f, what);
    else if (scenario == QLatin1String("homework")) text = homework(f, what);
    else if (scenario == QLatin1String("bind-address")) text = bindAddress(f, what);
    return text.isEmpty() ? common(tl, f, what) : text;
}

} // namespace socklab
