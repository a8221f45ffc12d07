#pragma once
// Writes the JSON of a timeline one event at a time (issue 12: `lab --json`
// of a 1 GiB download must not build one document of every event). The bytes
// are exactly those of QJsonDocument(timelineToJson(tl, opt) + extra)
// .toJson(format): the --json contract and the session format do not change.

#include "TimelineJson.h"

#include <QByteArrayView>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <functional>

namespace socklab {

// `write` gets the output piece by piece and returns false to stop (a failed
// write); the function then returns false. `extra`'s members join the root
// object (problems, warnings, cli) in the order a QJsonObject keeps them.
using JsonSink = std::function<bool(QByteArrayView)>;
bool writeTimelineJson(const Timeline& tl, const TimelineJsonOptions& opt, const QJsonObject& extra,
                       QJsonDocument::JsonFormat format, const JsonSink& write);
// The same to a stdio stream (stdout for --json), flushed at the end.
bool writeTimelineJson(const Timeline& tl, const TimelineJsonOptions& opt, const QJsonObject& extra,
                       QJsonDocument::JsonFormat format, FILE* out);

} // namespace socklab
