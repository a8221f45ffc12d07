#include "TempFolders.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <cerrno>
#include <csignal>
#include <sys/stat.h>
#include <unistd.h>

namespace socklab {

QString TempFolders::nameTemplate(const QString& kind)
{
    return QDir::tempPath() + QStringLiteral("/socklab-%1-%2-XXXXXX").arg(kind).arg(::getpid());
}

int TempFolders::removeStale()
{
    static const QRegularExpression name(
        QStringLiteral("^socklab-(?:scenario|gate|runtime)-([0-9]{1,10})-[A-Za-z0-9]{6}$"));
    const QDir tmp(QDir::tempPath());
    int removed = 0;
    for (const QString& entry : tmp.entryList({QStringLiteral("socklab-*")},
                                              QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden)) {
        const auto m = name.match(entry);
        if (!m.hasMatch()) continue;
        bool ok = false;
        const qlonglong pid = m.captured(1).toLongLong(&ok);
        if (!ok || pid <= 0 || pid > 0x3fffffff || pid == ::getpid()) continue;
        const QString path = tmp.filePath(entry);
        struct stat st {
        };
        if (::lstat(QFile::encodeName(path).constData(), &st) != 0 || !S_ISDIR(st.st_mode) ||
            st.st_uid != ::geteuid())
            continue;
        if (::kill(pid_t(pid), 0) == 0 || errno != ESRCH)
            continue; // alive (or not ours to ask): kept
        if (QDir(path).removeRecursively()) ++removed;
    }
    return removed;
}

} // namespace socklab
