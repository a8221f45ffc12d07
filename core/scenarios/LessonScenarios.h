#pragma once
// The rest of the lesson as scenarios: buffers, sticky packets and their three
// fixes, UDP, listen backlog, TIME_WAIT, the homework server, bind addresses.
// Each takes the user's parameters (already checked by checkLessonParameters).

#include "Problem.h"
#include "Scenario.h"

namespace socklab {

Scenario buffersScenario(const QVariantMap& p);       // BufferScenarios.cpp
Scenario stickyScenario(const QVariantMap& p);        // StickyScenarios.cpp
Scenario fixDelimiterScenario(const QVariantMap& p);  // FixScenarios.cpp
Scenario fixLengthPrefixScenario(const QVariantMap& p);
Scenario fixPacingScenario(const QVariantMap& p);
Scenario udpScenario(const QVariantMap& p);           // UdpScenarios.cpp
Scenario backlogScenario(const QVariantMap& p);       // ConnectionScenarios.cpp
Scenario timeWaitScenario(const QVariantMap& p);
Scenario homeworkScenario(const QVariantMap& p);
Scenario bindAddressScenario(const QVariantMap& p);

// The user's values for scenario `id` (any id: "port" is common to all).
// False and one clear line in *error when a value is bad; nothing has run yet.
bool checkLessonParameters(const QString& id, const QVariantMap& params, Problem* error);

} // namespace socklab
