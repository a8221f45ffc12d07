#pragma once
// Narration for the rest of the lesson (buffers, sticky packets and the three
// fixes, UDP, backlog, TIME_WAIT, the homework server, bind addresses): one or
// two translated sentences per step that quote the run's real values.

#include "Timeline.h"

#include <QString>

namespace socklab {

// The caption of step `stepIndex` when its caption id belongs to a lesson
// scenario; empty otherwise (Captions.cpp then uses its own texts).
QString lessonCaptionText(const Timeline& tl, int stepIndex);

} // namespace socklab
