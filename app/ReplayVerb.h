#pragma once
// `socklab replay FILE [--json] [--payload N|all] [--lang L]`: prints a saved session exactly as
// `socklab run` or `socklab lab` printed it, without opening a socket.

#include <QStringList>

namespace socklab {

class Timeline;

int runReplayVerb(const QStringList& args); // what follows "replay"; exit code

// What `socklab run` prints for a timeline (text lines or the JSON document
// with `payload` bytes per packet, -1 all) and its capture-loss line on
// stderr: one function, so that run and replay cannot drift apart.
void printRunOutput(const Timeline& tl, bool json, int payload);

} // namespace socklab
