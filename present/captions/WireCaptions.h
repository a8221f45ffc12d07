#pragma once
// Narration for the wire-mode lessons (lost-syn, lost-data, lost-fin,
// simultaneous-close, reliable-vs-unreliable, mtu): what socklab's wire did to
// a packet and what the kernels did about it, with the run's own values
// (sequence numbers, retransmission delays, counts, states and who reported them).

#include "Timeline.h"

#include <QString>

namespace socklab {

// The caption of step `stepIndex` when its caption id is a wire lesson's; empty otherwise.
QString wireCaptionText(const Timeline& tl, int stepIndex);

} // namespace socklab
