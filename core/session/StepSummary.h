#pragma once
// The values a step's caption quotes (seq, ISN, window, result, errno, the
// segments and states it caused), taken from the timeline from the step's start.

#include "Timeline.h"

#include <QVariantMap>

namespace socklab {

QVariantMap summarizeStep(const Timeline& tl, int fromIndex, int stepIndex);

} // namespace socklab
