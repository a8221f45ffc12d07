#pragma once
// `socklab lab [--json] [--pcap FILE] [--timeout S] -- COMMAND [ARG…] [--- COMMAND …]`

#include <QStringList>

namespace socklab {

int runLabVerb(const QStringList& args); // what follows "lab"; exit code

} // namespace socklab
