#include "SysError.h"

#include "SocketProbe.h"

#include <cstring>

namespace socklab {

QString sysError(const QString& what, int err)
{
    if (err == 0) return what;
    return QStringLiteral("%1: %2 (%3)").arg(what, errnoName(err), QString::fromLocal8Bit(std::strerror(err)));
}

} // namespace socklab
