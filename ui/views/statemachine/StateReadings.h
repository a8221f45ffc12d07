#pragma once
// One answer, for every view, to "is this State event a transition?". States
// passed too quickly to poll are derived from the segments; the kernel's own
// reading of such a state can arrive after the socket has (by derivation)
// already moved on — FIN_WAIT_1 read after FIN_WAIT_2* was drawn. That reading
// confirms a state the socket passed through; shown as new, the state would
// seem to go backwards.

#include "Timeline.h"

#include <QSet>

namespace socklab {

class StateReadings final
{
public:
    // Indices of State events that are no transition: the socket's current state
    // again, or a kernel reading of a state it has already passed through.
    static QSet<int> confirmations(const Timeline& tl);
    // Indices of State events on a datagram socket (made with SOCK_DGRAM): UDP
    // has no TCP state, so no view draws one (the kernel still reports its
    // socket as CLOSED or "ESTABLISHED" once connect()ed).
    static QSet<int> datagramStates(const Timeline& tl);
    // Indices of the State events that are transitions (neither of the above,
    // with a socket), in order. Made once per timeline and kept for the last
    // one asked about, so that a view painting each cursor position of a
    // million-event session looks at these only (issue 12).
    static QList<int> transitions(const Timeline& tl);
};

} // namespace socklab
