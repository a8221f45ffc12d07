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

// The caption of the step that event `eventIndex` belongs to (the last "step"
// note at or before it); empty before the first step.
QString captionForCursor(const Timeline& tl, int eventIndex);

// Index into tl.steps of the step that event `eventIndex` belongs to, or -1.
int stepAtEvent(const Timeline& tl, int eventIndex);

// One translated line describing any event (event log, ladder tooltips).
QString eventSummary(const Timeline& tl, const Event& e);

// A segment's short label as drawn on the ladder: "SYN,ACK seq=0 ack=1", "UDP len=5".
QString segmentLabel(const PacketData& p);

} // namespace socklab
