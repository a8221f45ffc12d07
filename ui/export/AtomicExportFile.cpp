#include "AtomicExportFile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace socklab {

namespace {

QString cannotWrite(const QString& path, const QString& why)
{
    return QCoreApplication::translate("Replay", "cannot write %1: %2").arg(path, why);
}

// The end a complete file of this type has: QPdfWriter and QSvgGenerator do
// not report a write that failed, a truncated file lacks its last lines.
bool looksComplete(const QString& path, const QString& suffix)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly) || f.size() == 0) return false;
    f.seek(qMax<qint64>(0, f.size() - 64));
    const QByteArray tail = f.readAll();
    if (suffix == QLatin1String("pdf")) return tail.contains("%%EOF");
    if (suffix == QLatin1String("svg")) return tail.contains("</svg>");
    return true; // QImageWriter reports its own write errors
}

} // namespace

AtomicExportFile::AtomicExportFile(QString target) : m_target(std::move(target)) {}

AtomicExportFile::~AtomicExportFile()
{
    if (!m_temp.isEmpty()) QFile::remove(m_temp);
}

bool AtomicExportFile::open(QString* error)
{
    const QFileInfo info(m_target);
    QTemporaryFile tmp(info.absolutePath() + QStringLiteral("/.") + info.completeBaseName()
                       + QStringLiteral(".XXXXXX.") + info.suffix());
    tmp.setAutoRemove(false);
    if (!tmp.open()) {
        if (error) *error = cannotWrite(m_target, tmp.errorString());
        return false;
    }
    m_temp = tmp.fileName();
    tmp.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    return true;
}

bool AtomicExportFile::commit(QString* error)
{
    if (m_temp.isEmpty()) return false;
    const QByteArray temp = QFile::encodeName(m_temp);
    if (!looksComplete(m_temp, QFileInfo(m_target).suffix().toLower())) {
        if (error) *error = cannotWrite(m_target, QCoreApplication::translate("Replay", "the file was not written completely (is the disk full?)"));
        return false;
    }
    const int fd = ::open(temp.constData(), O_RDONLY | O_CLOEXEC);
    const bool synced = fd >= 0 && ::fsync(fd) == 0;
    const int syncErr = errno;
    if (fd >= 0) ::close(fd);
    if (!synced) {
        if (error) *error = cannotWrite(m_target, QString::fromLocal8Bit(std::strerror(syncErr)));
        return false;
    }
    if (::rename(temp.constData(), QFile::encodeName(m_target).constData()) != 0) {
        if (error) *error = cannotWrite(m_target, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    m_temp.clear();
    return true;
}

} // namespace socklab
