#pragma once
// Where each actor is in its Python code at a cursor: the line of its latest
// call, and whether that call is still blocked in the kernel.

#include "Timeline.h"

namespace socklab {

struct CodePosition {
    int line = -1;   // 1-based line in the actor's code, -1 before its first call
    QString call;    // "accept", "connect", ...
    bool blocked = false; // its latest Return has blocked=true and no real Return followed
};

// Pure function of (timeline, cursor); cursor -1 = before the first event.
CodePosition codePositionAt(const Timeline& tl, int cursor, const QString& actor);

} // namespace socklab
