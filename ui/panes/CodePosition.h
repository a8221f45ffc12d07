#pragma once
// Where each actor is in its Python code at a cursor: the line of its latest
// call, and whether that call is still blocked in the kernel.

#include "Timeline.h"

#include <QHash>

namespace socklab {

struct CodePosition {
    int line = -1;   // 1-based line in the actor's code, -1 before its first call
    QString call;    // "accept", "connect", ...
    bool blocked = false; // its latest Return has blocked=true and no real Return followed
};

// Each actor's call and return events (their indices, in order): made once
// per timeline, so that a cursor move looks back through those only instead
// of walking the whole timeline once per code column (issue 12: a step at a
// million events).
using CodeEventIndex = QHash<QString, QList<int>>;
CodeEventIndex indexCodeEvents(const Timeline& tl);

// Pure function of (timeline, cursor); cursor -1 = before the first event.
// `index` is indexCodeEvents(tl).
CodePosition codePositionAt(const Timeline& tl, const CodeEventIndex& index, int cursor, const QString& actor);
CodePosition codePositionAt(const Timeline& tl, int cursor, const QString& actor);

} // namespace socklab
