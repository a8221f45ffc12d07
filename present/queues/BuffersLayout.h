#pragma once
// What the buffers view shows at a cursor, as plain data: for each connected
// endpoint its send and receive queues (real byte counts from the latest Queue
// event: SIOCOUTQ/SIOCOUTQNSD/SIOCINQ against SO_SNDBUF/SO_RCVBUF), which
// send() call the queued bytes came from, a blocked send(), the window the
// peer advertised last, and the zero-window probes sent so far.

#include "Timeline.h"

namespace socklab {

// One send()/sendall() call: the stream bytes it handed to the kernel.
struct SendCallRange {
    qint64 begin = 0;
    qint64 end = -1;      // exclusive; -1 while the call has not returned
    qint64 requested = 0; // bytes the program asked to send
    int callEvent = -1;
    bool finished() const { return end >= 0; }
};

// A run of queued bytes that came from one send() call.
struct QueuePart {
    qint64 bytes = 0;
    int sendIndex = -1;   // index into the sender's sends, -1 unknown
    bool unsent = false;  // send queue: not yet on the wire (SIOCOUTQNSD)
};

struct QueueBar {
    qint64 capacity = -1; // SO_SNDBUF / SO_RCVBUF as the kernel reports it (doubled)
    qint64 used = -1;     // bytes in the queue (-1: not measured yet)
    qint64 unsent = 0;    // send queue only
    QList<QueuePart> parts; // oldest byte first
    bool derived = false; // receive queue: newer segments than the last measurement, counted from them
    bool known() const { return used >= 0; }
    bool full() const { return used > 0 && capacity > 0 && used >= capacity; }
};

struct ZeroWindowProbe {
    int event = -1;
    qint64 tUs = 0;
};

struct EndpointBuffers {
    QString actor, socket;
    uint16_t localPort = 0, remotePort = 0;
    QList<SendCallRange> sends; // this endpoint's send() calls up to the cursor
    qint64 received = 0;        // bytes recv() has taken out so far
    QueueBar sendQueue, recvQueue;
    int queueEvent = -1;        // the Queue event the bars come from
    bool sendBlocked = false;   // its latest return is a blocked send()
    qint64 window = -1;         // scaled window in its latest ACK (-1: none yet)
    int windowEvent = -1;
    QList<ZeroWindowProbe> probes; // probes this endpoint sent while the peer's window was 0
    bool zeroWindow() const { return window == 0; }
};

struct BuffersModel {
    QList<EndpointBuffers> endpoints; // the busiest sender first
    int peerOf(int endpoint) const;   // index of the other end of the connection, or -1
};

// Pure: the connected endpoints of the whole run, their state at event `cursor`.
BuffersModel buffersAt(const Timeline& tl, int cursor);

} // namespace socklab
