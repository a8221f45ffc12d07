#pragma once
// Outside a private namespace (host mode) a lesson's ports (8888, 8889) may be
// taken on the host's loopback: the kernel picks two free ones instead.

#include <QString>

#include <cstdint>

namespace socklab {

// Two different free TCP ports of 127.0.0.1 (both are bound at the same time,
// then released). False and `why` set when the kernel gives none.
bool freePorts(uint16_t& first, uint16_t& second, QString* why);

} // namespace socklab
