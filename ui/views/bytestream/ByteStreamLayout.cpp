#include "ByteStreamLayout.h"

namespace socklab {

namespace {

// Every call that moves bytes of a stream: the lessons' Python names, and what
// the call gate records for the user's own programs (C and nc write()/read()
// on a socket, sendmsg, Python's recv_into behind makefile()).
bool isSend(const QString& c)
{
    static const QStringList names{"send", "sendall", "sendto", "sendmsg", "write", "writev", "sendfile"};
    return names.contains(c);
}
bool isRecv(const QString& c)
{
    static const QStringList names{"recv", "recvfrom", "recvmsg", "recv_into", "recvfrom_into", "read", "readv"};
    return names.contains(c);
}

} // namespace

qint64 ByteStreamModel::length() const
{
    qint64 n = 0;
    for (const QList<ByteRange>* l : {&sends, &recvs, &messages})
        if (!l->isEmpty()) n = qMax(n, l->last().end);
    return n;
}

int ByteStreamModel::mergedRecvs() const
{
    int merged = 0;
    for (const ByteRange& r : recvs) {
        int touched = 0;
        for (const ByteRange& s : sends)
            touched += s.begin < r.end && r.begin < s.end;
        merged += touched >= 2;
    }
    return merged;
}

ByteStreamModel byteStreamAt(const Timeline& tl, int cursor)
{
    ByteStreamModel m;
    const int last = qMin(cursor, tl.size() - 1);
    // Who sends and who receives: the whole run decides, so the view keeps its
    // shape while stepping. The sender first, then the receiver in a pass of its
    // own: the receiver's read() may return before the sender's send() does
    // (seen with nc and a C client when the gate was slow to take the send's return).
    for (const Event& e : tl.events())
        if (const ReturnData* r = e.ret(); r && !r->blocked && isSend(r->call) && r->result > 0) {
            m.sender = e.actor;
            m.sendCall = r->call;
            break;
        }
    if (!m.sender.isEmpty())
        for (const Event& e : tl.events())
            if (const ReturnData* r = e.ret(); r && !r->blocked && isRecv(r->call) && r->result > 0 && e.actor != m.sender) {
                m.receiver = e.actor;
                m.recvCall = r->call;
                break;
            }
    qint64 sent = 0, got = 0;
    QByteArray stream;
    for (int i = 0; i <= last; ++i) {
        const Event& e = tl.at(i);
        if (const ReturnData* r = e.ret(); r && !r->blocked && r->result > 0) {
            if (e.actor == m.sender && isSend(r->call)) {
                m.sends.append({sent, sent + r->result, {}, i});
                sent += r->result;
            } else if (e.actor == m.receiver && isRecv(r->call)) {
                const QByteArray d = r->values.value("data").toByteArray();
                m.recvs.append({got, got + d.size(), d, i});
                got += d.size();
                stream += d;
            }
        } else if (const NoteData* n = e.note(); n && e.actor == m.receiver && n->code == QLatin1String("parsed-message")) {
            const QByteArray b = n->args.value("bytes").toByteArray();
            const qint64 from = m.messages.isEmpty() ? 0 : m.messages.last().end;
            const qint64 at = stream.indexOf(b, from);
            const qint64 begin = at >= 0 ? at : from;
            m.messages.append({begin, begin + b.size(), b, i});
        }
    }
    return m;
}

} // namespace socklab
