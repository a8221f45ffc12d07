#pragma once
// What the backlog view shows at a cursor, as plain data: the listener's
// accept queue as slots (Linux queues backlog+1 finished connections), the
// connections waiting in it, and the SYNs the full queue dropped with the
// client's retransmissions of them.

#include "Timeline.h"

namespace socklab {

struct SynAttempt {
    int event = -1;
    qint64 tUs = 0;
    qint64 gapUs = -1; // time since the previous SYN of the same connection attempt (-1: first)
    bool answered = false; // a SYN+ACK came back before the next SYN (or the cursor)
    bool queueFull = false; // the accept queue held backlog+1 connections when it arrived
    bool dropped = false;   // unanswered, and the queue was full or the client sent it again
};

// One client port's connection attempt: its SYNs in order.
struct ConnectionAttempt {
    QString client;    // actor name ("" when no actor owns the port)
    uint16_t clientPort = 0;
    QList<SynAttempt> syns;
    bool established = false; // the handshake completed
    bool accepted = false;    // accept() returned it
    bool reset = false;       // an RST ended it
    int droppedSyns() const;
};

struct BacklogModel {
    QString listener, socket; // actor and socket variable of the listening socket
    uint16_t port = 0;
    qint64 backlog = -1;      // listen(n) as sock_diag reports it
    qint64 queued = -1;       // connections waiting for accept() (latest Queue event)
    int queueEvent = -1;
    QList<ConnectionAttempt> attempts; // in order of their first SYN
    int acceptCalls = 0;      // accept() calls of the listener's program so far (returned or not)
    bool closed = false;      // the listener's program closed the listening socket: its queue is gone
    int slotCount() const { return backlog >= 0 ? int(backlog) + 1 : 0; } // Linux: backlog+1
    // Connections in the queue: sock_diag's last count while the listener is open, then none.
    qint64 inQueue() const { return closed ? 0 : qMax<qint64>(0, queued); }
    // Attempts sitting in the accept queue (handshake done, not accepted, not reset,
    // the listener still open), oldest first.
    QList<int> waiting() const;
    int droppedSyns() const;
    qint64 maxRetransmitGapUs() const;
};

// Pure: the first listener with an accept queue in the run, its state at event `cursor`.
BacklogModel backlogAt(const Timeline& tl, int cursor);

} // namespace socklab
