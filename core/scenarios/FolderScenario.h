#pragma once
// A scenario folder as the Scenario the rest of socklab knows: its actors
// (code files in the folder), its steps (actor, call, line, caption id) and
// its resolved parameter values; Runner runs it with ScriptedRun.

#include "Problem.h"
#include "Scenario.h"
#include "ScenarioFolder.h"

#include <optional>

namespace socklab {

std::optional<Scenario> scenarioFromFolder(const ScenarioFolder& folder, const QVariantMap& params, Problem* error);

// `text` as a const char* that lives as long as the program (the catalogue's title API).
const char* keptText(const QString& text);

// The line of `lines` a call is expected on, at or after line `from` (1-based):
// a line that is not a comment and makes that call ("sockfd.accept(", "socket.socket(").
int lineOfCall(const QStringList& lines, const QString& call, int from);

} // namespace socklab
