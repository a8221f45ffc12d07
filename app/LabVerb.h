#pragma once
// `socklab lab [--json] [--pcap FILE] [--timeout S] -- COMMAND [ARG…] [--- COMMAND …]`
// `socklab lab --attach [ADDR:]PORT [--timeout S] [--json] [--pcap FILE]`: programs already on the host

#include <QStringList>

namespace socklab {

int runLabVerb(const QStringList& args); // what follows "lab"; exit code

} // namespace socklab
