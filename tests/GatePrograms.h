#pragma once
// The programs of tests/gate/ and the interpreter to run them with, for the
// tests that run them in the lab (engine and window alike).

#include <QFileInfo>
#include <QString>

namespace socklab::test {

inline QString gateProgram(const QString& file) { return QStringLiteral(SOCKLAB_SOURCE_DIR "/tests/gate/") + file; }

// The real interpreter when there is one: a pyenv shim is a bash script, whose
// own system calls the gate would follow too.
inline QString python3()
{
    return QFileInfo::exists(QStringLiteral("/usr/bin/python3")) ? QStringLiteral("/usr/bin/python3")
                                                                 : QStringLiteral("python3");
}

} // namespace socklab::test
