// Fuzzes the session reader (timelineFromJson) and what a replay then does with
// the timeline: its JSON again and its text lines.

#include "TextFormatter.h"
#include "TimelineJson.h"

#include <QJsonDocument>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    const socklab::TimelineLoadResult r = socklab::timelineFromJson(bytes);
    if (!r.ok) {
        if (r.error.isEmpty() || r.error.contains('\n')) __builtin_trap(); // one clear line
        return 0;
    }
    const QByteArray again = QJsonDocument(socklab::timelineToJson(r.timeline, {.includeRaw = true})).toJson();
    // What socklab wrote, socklab reads back.
    if (!socklab::timelineFromJson(again).ok) __builtin_trap();
    volatile qsizetype sink = socklab::formatTimeline(r.timeline).size();
    (void)sink;
    return 0;
}
