#pragma once
// Layout math of the time–sequence graph (as in Stevens and tcptrace): one
// TCP connection's data direction, sequence number (relative to the sender's
// first) over time. Each segment is a vertical bar from seq to seq+len at the
// time it was sent; the receiver's ACKs are a step line, its window's right
// edge a faint one; retransmissions, segments the wire dropped and packets it
// holds are marked. A pure function of (timeline, cursor): the axes span the
// whole recording (nothing rescales while stepping), what is drawn stops at
// the cursor. No painting here.

#include "Timeline.h"

#include <QList>
#include <QLineF>
#include <QRectF>
#include <QString>

namespace socklab {

struct TimeSeqBar {
    int eventIndex = -1; // the segment (for a held packet: the wire's hold)
    qint64 tUs = 0;
    qint64 seqLo = 0; // relative to the sender's first sequence number
    qint64 seqHi = 0; // seqLo + len (+1 for SYN and FIN, which take a number each)
    bool syn = false;
    bool fin = false;
    bool retransmission = false; // covers numbers already sent
    bool dropped = false;        // the wire dropped it: it never arrived
    bool held = false;           // the wire holds it at the cursor
    int endEventIndex = -1;      // held: its release or drop (-1: still held at the end)
};

struct TimeSeqAck {
    int eventIndex = -1;
    qint64 tUs = 0;
    qint64 ack = 0;        // relative, in the sender's numbers
    qint64 windowEdge = 0; // ack + the advertised window
};

class TimeSeqLayout
{
public:
    void setTimeline(const Timeline& tl);

    bool empty() const { return m_bars.isEmpty(); }
    QString sender() const { return m_sender; }
    QString receiver() const { return m_receiver; }
    uint16_t senderPort() const { return m_srcPort; }
    uint16_t receiverPort() const { return m_dstPort; }

    QList<TimeSeqBar> bars(int cursor) const; // what was sent at or before the cursor (held: while held)
    QList<TimeSeqAck> acks(int cursor) const;
    int retransmissions(int cursor) const;
    int drops(int cursor) const;

    // Axes: the whole recording of this connection.
    qint64 firstUs() const { return m_t0; }
    qint64 lastUs() const { return m_t1; }
    qint64 maxSeq() const { return m_seqMax; }

    // The plot's rectangle (inside the target, after the axes' labels), then the mapping.
    void setPlot(const QRectF& plot) { m_plot = plot; }
    const QRectF& plot() const { return m_plot; }
    qreal xOf(qint64 tUs) const;
    qreal yOf(qint64 seq) const;
    QLineF barLine(const TimeSeqBar& b) const; // vertical: (x, y(seqLo)) to (x, y(seqHi))

    // Worth a tab of its own: the wire acted in the session, or the kernel sent something again.
    static bool worthShowing(const Timeline& tl);

private:
    QList<TimeSeqBar> m_bars; // in event order, held ones included
    QList<TimeSeqAck> m_acks;
    QString m_sender, m_receiver;
    uint16_t m_srcPort = 0, m_dstPort = 0;
    qint64 m_t0 = 0, m_t1 = 1, m_seqMax = 1;
    QRectF m_plot{0, 0, 100, 100};
};

} // namespace socklab
