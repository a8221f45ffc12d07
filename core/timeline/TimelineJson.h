#pragma once
// The JSON form of a timeline: the `--json` contract of design.md and, with
// raw frames included, the session file format (replayable without sockets).

#include "Timeline.h"

#include <QJsonObject>
#include <QString>

namespace socklab {

struct TimelineJsonOptions {
    bool includeRaw = false; // raw frames (base64): needed to replay packet details
    // payload_b64 holds at most this many bytes of each packet's payload
    // (`--payload N`, like tcpdump -s); -1: all of it, read back from the
    // timeline's frame store where memory kept only its first bytes.
    int payloadLimit = -1;
    bool readBack = true; // false: only what memory holds (session files)
    bool withEvents = true; // false: everything but "events" (the streaming writer adds them)
};

QJsonObject timelineToJson(const Timeline& tl, TimelineJsonOptions opt = {});
// Without its timeline: only what the event holds in memory (a captured
// frame in a frame store is not read back; sessions use the form below).
QJsonObject eventToJson(const Event& e, bool includeRaw = false);
// With the timeline: payloads cut for memory can be read back from its frame store.
QJsonObject eventToJson(const Event& e, const Timeline& tl, const TimelineJsonOptions& opt);
// The same event's compact JSON text, appended to `out`: the bytes of
// QJsonDocument(eventToJson(e, tl, opt)).toJson(Compact), without the object.
void appendEventJsonText(QByteArray& out, const Event& e, const Timeline& tl, const TimelineJsonOptions& opt);

// The session format's version: files of version 1 up to this one are read;
// a newer one, an older one or a missing "events" list is refused with one line.
int sessionFormatVersion();

struct TimelineLoadResult {
    bool ok = false;
    QString error; // one clear line: what is wrong and where
    Timeline timeline;
    // What the command line recorded beside the timeline ("cli": verb, problems,
    // warnings) so that `socklab replay` prints the session as it was printed.
    QJsonObject cli;
};
TimelineLoadResult timelineFromJson(const QByteArray& json);

// Written atomically (QSaveFile): a failed write leaves no file and no change.
// A path that exists and is not a regular file (a directory, a FIFO, a
// device) is refused. `cli` is stored as the "cli" object when not empty.
bool saveTimeline(const Timeline& tl, const QString& path, QString* error, const QJsonObject& cli = {});
TimelineLoadResult loadTimeline(const QString& path);

} // namespace socklab
