#include "StateReadings.h"

#include <QHash>
#include <QStringList>

namespace socklab {

QSet<int> StateReadings::confirmations(const Timeline& tl)
{
    QSet<int> out;
    QHash<QString, QStringList> path; // actor/socket -> the states it went through, in order
    for (int i = 0; i < tl.size(); ++i) {
        const Event& e = tl.at(i);
        const StateData* s = e.state();
        if (!s || s->socket.isEmpty()) continue;
        QStringList& p = path[e.actor + '/' + s->socket];
        if (!p.isEmpty() && p.last() == s->state) {
            out.insert(i); // the state it is in already
            continue;
        }
        // CLOSED comes at both ends of a connection: reaching it again is real.
        if (e.provenance == Provenance::Kernel && s->state != QLatin1String("CLOSED") && p.contains(s->state)) {
            out.insert(i); // a late reading of a state already passed
            continue;
        }
        p.append(s->state);
    }
    return out;
}

QSet<int> StateReadings::datagramStates(const Timeline& tl)
{
    QSet<int> out;
    QSet<QString> datagram; // actor/socket made with SOCK_DGRAM
    for (int i = 0; i < tl.size(); ++i) {
        const Event& e = tl.at(i);
        if (const CallData* c = e.call(); c && c->call == QLatin1String("socket") && !c->socket.isEmpty()) {
            const QString key = e.actor + '/' + c->socket;
            if (c->args.value("type").toString() == QLatin1String("dgram")) datagram.insert(key);
            else datagram.remove(key); // the name is reused for a new stream socket
        }
        if (const StateData* s = e.state(); s && datagram.contains(e.actor + '/' + s->socket)) out.insert(i);
    }
    return out;
}

QList<int> StateReadings::transitions(const Timeline& tl)
{
    // Keyed on the events' buffer, held here: while this copy shares it, any
    // change to the timeline (an append, an edit) detaches it and so shows as
    // another buffer. One cache per thread.
    thread_local QList<Event> cachedEvents;
    thread_local QList<int> cached;
    if (cachedEvents.constData() == tl.events().constData() && cachedEvents.size() == tl.events().size() &&
        !cachedEvents.isEmpty())
        return cached;
    const QSet<int> confirmed = confirmations(tl);
    const QSet<int> datagram = datagramStates(tl);
    QList<int> out;
    for (int i = 0; i < tl.size(); ++i)
        if (const StateData* s = tl.at(i).state(); s && !s->socket.isEmpty() && !confirmed.contains(i) && !datagram.contains(i))
            out.append(i);
    cachedEvents = tl.events();
    cached = out;
    return out;
}

} // namespace socklab
