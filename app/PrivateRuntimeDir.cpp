#include "PrivateRuntimeDir.h"

#include "TempFolders.h"

#include <QDir>

namespace socklab {

PrivateRuntimeDir::PrivateRuntimeDir(bool needed)
{
    if (!needed || !qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) return;
    auto dir =
        std::make_unique<QTemporaryDir>(TempFolders::nameTemplate(QStringLiteral("runtime")));
    if (!dir->isValid()) return; // Qt then warns as before; nothing worse
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(dir->path())); // QTemporaryDir makes it 0700
    m_dir = std::move(dir);
}

PrivateRuntimeDir::~PrivateRuntimeDir()
{
    if (m_dir) qunsetenv("XDG_RUNTIME_DIR");
}

} // namespace socklab
