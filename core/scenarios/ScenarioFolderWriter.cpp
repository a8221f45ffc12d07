#include "ScenarioFolderWriter.h"

#include "FolderCatalog.h"
#include "ScenarioCatalog.h"
#include "ScenarioFolder.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSaveFile>
#include <QSet>
#include <QTemporaryDir>

namespace socklab {

namespace {

// An actor name the folder format takes: [A-Za-z0-9_-]{1,40}, ".py" dropped.
QString actorNameOf(QString name)
{
    if (name.endsWith(QLatin1String(".py"))) name.chop(3);
    QString out;
    for (const QChar ch : name)
        out += (ch.unicode() < 128 && (ch.isLetterOrNumber() || ch == '-' || ch == '_')) ? ch : QChar('_');
    out = out.left(40);
    return out.isEmpty() ? QStringLiteral("program") : out;
}

// What the actor's calls say about it: it listened (server), it connected (client).
QString roleOf(const Timeline& tl, const QString& actor, QList<int>* ports)
{
    bool listened = false, connected = false;
    for (const Event& e : tl.events()) {
        if (e.actor != actor) continue;
        const CallData* c = e.call();
        if (!c) continue;
        if (c->call == QLatin1String("listen")) listened = true;
        if (c->call == QLatin1String("connect")) connected = true;
        if ((c->call == QLatin1String("bind") || c->call == QLatin1String("connect")) && c->args.contains("port")) {
            const int port = c->args.value("port").toInt();
            if (port > 0 && !ports->contains(port)) ports->append(port);
        }
    }
    return listened ? QStringLiteral("server") : connected ? QStringLiteral("client") : QStringLiteral("peer");
}

Problem writeFailed(const QString& path, const QString& detail)
{
    return Problem(QStringLiteral("folder-write-failed"), {{"path", path}, {"detail", detail}});
}

bool writeFile(const QString& path, const QByteArray& bytes, Problem* error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
        *error = writeFailed(path, f.errorString());
        return false;
    }
    return true;
}

} // namespace

std::optional<ScenarioDraft> ScenarioFolderWriter::draftOf(const Timeline& tl, Problem* error)
{
    ScenarioDraft d;
    QSet<QString> actors, files;
    QList<int> ports;
    for (const ActorInfo& a : tl.actors) {
        if (a.command.isEmpty()) continue;
        const ProgramSource* src = nullptr;
        for (const ProgramSource& p : tl.programs)
            if (p.actor == a.name) src = &p;
        const QStringList words = QProcess::splitCommand(a.command);
        const QString fileName = src ? QFileInfo(src->codeFile).fileName() : QString();
        qsizetype at = -1;
        for (qsizetype i = 0; i < words.size() && !fileName.isEmpty(); ++i)
            if (QFileInfo(words[i]).fileName() == fileName) {
                at = i;
                break;
            }
        if (!src || at < 0 || !fileName.endsWith(QLatin1String(".py"))) {
            if (error) *error = Problem(QStringLiteral("draft-not-python"), {{"actor", a.name}, {"command", a.command}});
            return std::nullopt;
        }
        DraftProgram p;
        p.actor = actorNameOf(a.name);
        for (int n = 2; actors.contains(p.actor); ++n) p.actor = actorNameOf(a.name).left(36) + '-' + QString::number(n);
        actors.insert(p.actor);
        p.role = roleOf(tl, a.name, &ports);
        p.source = src->source;
        // The same file twice (three clients of one client.py) is one file; two
        // different files of one name get a second name.
        p.file = fileName;
        bool same = false;
        for (const DraftProgram& q : std::as_const(d.programs)) same = same || (q.file == p.file && q.source == p.source);
        for (int n = 2; !same && files.contains(p.file); ++n) p.file = fileName.chopped(3) + '-' + QString::number(n) + ".py";
        files.insert(p.file);
        p.args = words.mid(at + 1);
        d.programs << p;
    }
    if (d.programs.isEmpty()) {
        if (error) *error = Problem(QStringLiteral("draft-no-programs"));
        return std::nullopt;
    }
    // The port the programs used, when they were given it as an argument,
    // becomes the "port" parameter: on a machine without a private namespace
    // the lab runs it on a free port instead.
    for (const int port : std::as_const(ports)) {
        bool used = false;
        for (DraftProgram& p : d.programs)
            for (QString& arg : p.args)
                if (arg == QString::number(port)) {
                    arg = QStringLiteral("{port}");
                    used = true;
                }
        if (used) {
            d.port = port;
            break;
        }
    }
    return d;
}

QByteArray ScenarioFolderWriter::scenarioJson(const ScenarioDraft& d)
{
    QJsonObject title{{"en", d.titleEn}};
    if (!d.titleZh.isEmpty()) title.insert("zh_CN", d.titleZh);
    QJsonArray programs;
    for (const DraftProgram& p : d.programs) {
        QJsonObject o{{"actor", p.actor}, {"role", p.role}, {"file", p.file}};
        if (!p.args.isEmpty()) o.insert("args", QJsonArray::fromStringList(p.args));
        programs.append(o);
    }
    QJsonObject root{{"title", title}, {"programs", programs}};
    if (d.port > 0) root.insert("parameters", QJsonObject{{"port", QJsonObject{{"type", "port"}, {"default", d.port}}}});
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool ScenarioFolderWriter::write(const QString& root, const ScenarioDraft& d, QString* dir, Problem* error)
{
    Problem ignored;
    Problem& err = error ? *error : ignored;
    if (!FolderCatalog::validId(d.id)) {
        err = Problem(QStringLiteral("folder-bad-id"), {{"id", d.id}});
        return false;
    }
    const QString target = root + '/' + d.id;
    if (ScenarioCatalog::lessonIds().contains(d.id)) {
        err = Problem(QStringLiteral("folder-id-is-lesson"), {{"id", d.id}});
        return false;
    }
    if (d.titleEn.trimmed().isEmpty()) {
        err = Problem(QStringLiteral("draft-no-title"));
        return false;
    }
    if (QFileInfo::exists(target)) {
        err = Problem(QStringLiteral("folder-exists"), {{"id", d.id}, {"dir", target}});
        return false;
    }
    if (!QDir().mkpath(root)) {
        err = writeFailed(root, QStringLiteral("cannot make the folder"));
        return false;
    }
    // Written beside, checked, then renamed: a failure leaves no half folder.
    QTemporaryDir tmp(root + QStringLiteral("/.new-") + d.id + QStringLiteral("-XXXXXX"));
    if (!tmp.isValid()) {
        err = writeFailed(root, tmp.errorString());
        return false;
    }
    const QByteArray json = scenarioJson(d);
    if (!writeFile(tmp.filePath(QStringLiteral("scenario.json")), json, &err)) return false;
    QSet<QString> written;
    for (const DraftProgram& p : d.programs) {
        if (written.contains(p.file)) continue;
        if (!writeFile(tmp.filePath(p.file), p.source.toUtf8(), &err)) return false;
        written.insert(p.file);
    }
    const QString path = tmp.path();
    auto hasFile = [&](const QString& f) { return QFileInfo(path + '/' + f).isFile(); };
    if (!ScenarioFolder::parse(d.id, json, hasFile, {}, &err)) return false;
    if (!QDir().rename(path, target)) {
        err = writeFailed(target, QStringLiteral("rename failed"));
        return false;
    }
    tmp.setAutoRemove(false);
    if (dir) *dir = target;
    return true;
}

} // namespace socklab
