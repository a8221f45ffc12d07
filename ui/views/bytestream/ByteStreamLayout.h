#pragma once
// What the byte-stream view shows at a cursor, as plain data: the sender's
// send() calls and the receiver's recv() results as ranges over one byte line,
// and the messages the receiver's parser took out of it (the fixes).

#include "Timeline.h"

namespace socklab {

struct ByteRange {
    qint64 begin = 0; // offset in the stream, inclusive
    qint64 end = 0;   // exclusive
    QByteArray bytes;
    int event = -1;   // timeline index of the return (or note)
};

struct ByteStreamModel {
    QString sender, receiver;
    // The calls that moved the bytes, as the programs named them: "send" and
    // "recv" in the lessons, "write"/"read" for C or nc, "sendall" in Python.
    QString sendCall = QStringLiteral("send"), recvCall = QStringLiteral("recv");
    QList<ByteRange> sends;    // bytes each send() put into the stream
    QList<ByteRange> recvs;    // bytes each recv() took out
    QList<ByteRange> messages; // "parsed-message" notes, placed over the bytes they came from
    qint64 length() const;     // the longest of the three lines
    // The recv() ranges holding bytes of two or more send() calls: lost boundaries.
    int mergedRecvs() const;
};

// Pure: the first stream in the timeline (first actor to send data, first
// other actor to receive it), up to and including event `cursor`.
ByteStreamModel byteStreamAt(const Timeline& tl, int cursor);

} // namespace socklab
