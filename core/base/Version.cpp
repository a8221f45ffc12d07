#include "Version.h"

namespace socklab {

QString version() { return QStringLiteral(SOCKLAB_VERSION); }

} // namespace socklab
