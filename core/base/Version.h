#pragma once
// socklab's version: the one in the top CMakeLists' project() (e.g. "0.1.0").

#include <QString>

namespace socklab {

QString version();

} // namespace socklab
