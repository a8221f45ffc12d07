#pragma once
// Narration: one translated sentence or two per scenario step that explains
// what the kernel did and why, quoting the real values observed in the run
// (StepRecord::values and the step's own segments).

#include "Timeline.h"

#include <QString>

namespace socklab {

// The caption of step `stepIndex` (index into tl.steps); empty when out of range.
// Unknown caption ids fall back to a generic sentence built from the call and result.
QString captionText(const Timeline& tl, int stepIndex);

// Whether a caption id has a text of its own (not the generic "step N" one):
// how scenario folders are checked (ScenarioFolder's caption predicate).
bool isKnownCaption(const QString& id);

// The caption of the step that event `eventIndex` belongs to (the last "step"
// note at or before it); empty before the first step.
QString captionForCursor(const Timeline& tl, int eventIndex);

// What the narration says at a cursor. `unitComplete`: the cursor rests at the
// end of its teaching unit, so the views show everything the step's caption
// tells; otherwise (an event-by-event walk, a scrub) it says only what the
// event at the cursor did, never what the views do not show yet.
QString narrationAt(const Timeline& tl, int eventIndex, bool unitComplete);

// Index into tl.steps of the step that event `eventIndex` belongs to, or -1.
int stepAtEvent(const Timeline& tl, int eventIndex);

// One translated line describing any event (event log, ladder tooltips).
QString eventSummary(const Timeline& tl, const Event& e);

// An actor's name as shown ("client" -> 客户端 in Chinese); programs keep their own names.
QString actorTitle(const QString& actor);
// A call's name as the program wrote it: socklab's stand-ins for the lesson's
// time.sleep() ("wait_readable", "sleep") are shown as time.sleep.
QString callName(const QString& call);

// A segment's short label as drawn on the ladder: "SYN,ACK seq=0 ack=1", "UDP len=5".
QString segmentLabel(const PacketData& p);

} // namespace socklab
