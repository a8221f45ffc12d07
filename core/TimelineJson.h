#pragma once
// The JSON form of a timeline: the `--json` contract of design.md and, with
// raw frames included, the session file format (replayable without sockets).

#include "Timeline.h"

#include <QJsonObject>
#include <QString>

namespace socklab {

struct TimelineJsonOptions {
    bool includeRaw = false; // raw frames (base64): needed to replay packet details
};

QJsonObject timelineToJson(const Timeline& tl, TimelineJsonOptions opt = {});
QJsonObject eventToJson(const Event& e, bool includeRaw = false);

struct TimelineLoadResult {
    bool ok = false;
    QString error; // one clear line: what is wrong and where
    Timeline timeline;
};
TimelineLoadResult timelineFromJson(const QByteArray& json);

bool saveTimeline(const Timeline& tl, const QString& path, QString* error);
TimelineLoadResult loadTimeline(const QString& path);

} // namespace socklab
