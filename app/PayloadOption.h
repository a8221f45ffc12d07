#pragma once
// `--payload N|all` of run and lab (how many payload bytes --json prints per
// packet, like tcpdump -s), and the line that says capture lost packets.

#include <QString>

namespace socklab {

class Timeline;

constexpr int kDefaultJsonPayload = 64;

// N >= 0 or "all" (-1). False with one clear line in *error.
bool parsePayloadOption(const QString& value, int* limit, QString* error);

// "" when nothing was lost; else one line naming the counts.
QString captureLossLine(const Timeline& tl);

} // namespace socklab
