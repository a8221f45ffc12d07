#pragma once
// `socklab lab [--json] [--pcap FILE] [--save FILE] [--timeout S] -- COMMAND [ARG…] [--- COMMAND …]`
// `socklab lab --attach [ADDR:]PORT [--timeout S] [--json] [--pcap FILE]`: programs already on the host

#include "Problem.h"

#include <QJsonArray>
#include <QStringList>

#include <atomic>

namespace socklab {

class Timeline;

// What follows "lab"; exit code. `stop` (StopOnSignal): once set, the programs
// are killed, the lab torn down, nothing printed or saved, and 1 returned.
// With --attach a signal ends the observation instead: printed, and `stop` cleared.
int runLabVerb(const QStringList& args, std::atomic<int>* stop = nullptr);

// Problems in --json ("problems", "warnings"): their words, in the chosen language.
QJsonArray problemsJson(const ProblemList& list);

// Prints a lab session as `socklab lab` does at its end; exit code 1 when it
// had problems (the programs failed), else 0. `payload`: --payload's bytes
// per packet in JSON (-1: all). Used by `socklab replay`.
int printLabSession(const Timeline& tl, bool json, int payload, const ProblemList& problems,
                    const ProblemList& warnings);

} // namespace socklab
