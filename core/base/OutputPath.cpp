#include "OutputPath.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace socklab {

QString outputPathProblem(const QString& path)
{
    if (path.isEmpty()) return QStringLiteral("no file name");
    const QFileInfo info(path);
    if (info.isDir()) return QStringLiteral("it is a directory");
    // A FIFO would block the writer until a reader comes; a device (/dev/full)
    // is no place for a file that is replaced atomically.
    if (info.exists() && !info.isFile()) return QStringLiteral("not a regular file");
    const QString dir = info.absolutePath();
    const QFileInfo dirInfo(dir);
    if (!dirInfo.exists()) return QString::fromLocal8Bit(std::strerror(ENOENT));
    if (!dirInfo.isDir()) return QString::fromLocal8Bit(std::strerror(ENOTDIR));
    // The file is written beside its final name and renamed: the folder must be writable.
    if (::access(QFile::encodeName(dir).constData(), W_OK | X_OK) != 0)
        return QStringLiteral("folder %1: %2").arg(dir, QString::fromLocal8Bit(std::strerror(errno)));
    return {};
}

} // namespace socklab
