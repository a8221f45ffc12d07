#pragma once
// The one place where a note's code and values become words, for the command
// line (TextFormatter) and the window (Captions, event log) alike:
// {"teardown-3"} → "the ACK of the peer's FIN rode on this FIN (3-segment teardown)".
// A note recorded in one language reads in another: the timeline holds codes.

#include "Event.h"

#include <QString>

namespace socklab {

// The note's words without actor or time; for an unknown code, the code itself.
// "step" and "program-output" are laid out by their views (empty here).
QString noteText(const NoteData& n);
// False for a code this socklab has no words for (noteText() gives the code back).
bool noteHasWords(const NoteData& n);

// How a program ended, from its values ({"status": 0} or {"signal": 6, "signal_name": "SIGABRT"}):
// "exited with status 0", "killed by signal 6 (SIGABRT)".
QString exitText(const QVariantMap& values);

} // namespace socklab
