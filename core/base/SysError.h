#pragma once
// The one form a failed system call is reported in: "what: ENAME (text)".

#include <QString>

namespace socklab {

// "bind() for a free port: EADDRINUSE (Address already in use)"; `what` alone for 0.
QString sysError(const QString& what, int err);

} // namespace socklab
