#pragma once
// `socklab replay FILE [--json] [--payload N|all] [--lang L]`: prints a saved session exactly as
// `socklab run` or `socklab lab` printed it, without opening a socket.

#include "Problem.h"

#include <QJsonObject>
#include <QStringList>

namespace socklab {

class Timeline;

int runReplayVerb(const QStringList& args); // what follows "replay"; exit code

// What `socklab run` prints for a timeline (text lines or the JSON document
// with `payload` bytes per packet, -1 all) and its capture-loss line on
// stderr: one function, so that run and replay cannot drift apart.
void printRunOutput(const Timeline& tl, bool json, int payload, const QJsonObject& extra = {});
// The same, then what went wrong with the scenario's programs, one line each on
// stderr (exit 1), and its warnings as notes (exit 0): `run` and its replay.
int printRunSession(const Timeline& tl, bool json, int payload, const ProblemList& problems,
                    const ProblemList& warnings);

} // namespace socklab
