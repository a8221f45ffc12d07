#pragma once
// `socklab lab [--json] [--pcap FILE] [--save FILE] [--timeout S] -- COMMAND [ARG…] [--- COMMAND …]`
// `socklab lab --attach [ADDR:]PORT [--timeout S] [--json] [--pcap FILE]`: programs already on the host

#include "Problem.h"

#include <QStringList>

namespace socklab {

class Timeline;

int runLabVerb(const QStringList& args); // what follows "lab"; exit code

// Prints a lab session as `socklab lab` does at its end; exit code 1 when it
// had problems (the programs failed), else 0. `payload`: --payload's bytes
// per packet in JSON (-1: all). Used by `socklab replay`.
int printLabSession(const Timeline& tl, bool json, int payload, const ProblemList& problems,
                    const ProblemList& warnings);

} // namespace socklab
