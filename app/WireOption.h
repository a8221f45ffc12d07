#pragma once
// `socklab lab --wire loss=30%,delay=50ms[,jitter=10ms][,mtu=1500][,rate=1mbit][,seed=N]`:
// the spec parsed into a WirePolicy, or one line saying what is wrong with it.

#include "WirePolicy.h"

#include <QString>

#include <optional>

namespace socklab {

bool parseWireOption(const QString& spec, std::optional<WirePolicy>* out, QString* error);

} // namespace socklab
