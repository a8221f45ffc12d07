#include "FolderCatalog.h"

#include <QDir>
#include <QFileInfo>
#include <QMutex>
#include <QtGlobal>

namespace socklab {

namespace {

QStringList folderIds(const QString& root)
{
    QDir d(root);
    if (!d.exists()) return {};
    QStringList ids = d.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    return ids;
}

QMutex s_checkMutex;
ScenarioFolder::CaptionCheck s_check;

} // namespace

void FolderCatalog::setCaptionCheck(ScenarioFolder::CaptionCheck check)
{
    QMutexLocker lock(&s_checkMutex);
    s_check = std::move(check);
}

ScenarioFolder::CaptionCheck FolderCatalog::captionCheck()
{
    QMutexLocker lock(&s_checkMutex);
    return s_check;
}

QString FolderCatalog::teacherRoot()
{
    QString base = qEnvironmentVariable("XDG_DATA_HOME");
    if (base.isEmpty() || !QDir::isAbsolutePath(base)) base = QDir::homePath() + QStringLiteral("/.local/share");
    return base + QStringLiteral("/socklab/scenarios");
}

QList<FolderEntry> FolderCatalog::entries(const ScenarioFolder::CaptionCheck& knownCaption)
{
    return entries(knownCaption ? knownCaption : captionCheck(), {});
}

bool FolderCatalog::validId(const QString& id)
{
    if (id.isEmpty() || id.size() > 60) return false;
    for (const QChar ch : id)
        if (!(ch.isLetterOrNumber() && ch.unicode() < 128) && ch != '-' && ch != '_') return false;
    return true;
}

bool FolderCatalog::isBuiltIn(const QString& id) { return validId(id) && QFileInfo(builtInRoot() + '/' + id).isDir(); }

bool FolderCatalog::isTeacher(const QString& id)
{
    return validId(id) && !isBuiltIn(id) && QFileInfo(teacherRoot() + '/' + id).isDir();
}

QList<FolderEntry> FolderCatalog::entries(const ScenarioFolder::CaptionCheck& knownCaption, const QStringList& reserved)
{
    QList<FolderEntry> out;
    const QStringList builtIn = folderIds(builtInRoot());
    for (const QString& id : builtIn) {
        FolderEntry e;
        e.id = id;
        e.dir = builtInRoot() + '/' + id;
        e.folder = ScenarioFolder::load(e.dir, knownCaption, &e.problem);
        out << e;
    }
    const QString root = teacherRoot();
    for (const QString& id : folderIds(root)) {
        FolderEntry e;
        e.id = id;
        e.dir = root + '/' + id;
        e.teacher = true;
        if (!validId(id)) {
            e.problem = Problem(QStringLiteral("folder-bad-id"), {{"id", id}, {"dir", e.dir}});
        } else if (builtIn.contains(id) || reserved.contains(id)) {
            e.problem = Problem(QStringLiteral("folder-id-taken"), {{"id", id}, {"dir", e.dir}});
        } else {
            e.folder = ScenarioFolder::load(e.dir, knownCaption, &e.problem);
            if (!e.folder && !e.problem.isNull()) e.problem.args.insert("dir", e.dir);
        }
        out << e;
    }
    return out;
}

std::optional<ScenarioFolder> FolderCatalog::find(const QString& id, Problem* error)
{
    if (!validId(id)) return std::nullopt;
    for (const QString& root : {builtInRoot(), teacherRoot()}) {
        const QString dir = root + '/' + id;
        if (!QFileInfo(dir).isDir()) continue;
        Problem p;
        auto f = ScenarioFolder::load(dir, captionCheck(), &p);
        if (!f && error) {
            *error = p;
            error->args.insert("dir", dir);
        }
        return f;
    }
    return std::nullopt;
}

bool FolderCatalog::hasFolder(const QString& id)
{
    if (!validId(id)) return false;
    return QFileInfo(builtInRoot() + '/' + id).isDir() || QFileInfo(teacherRoot() + '/' + id).isDir();
}

} // namespace socklab
