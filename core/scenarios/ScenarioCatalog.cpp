#include "ScenarioCatalog.h"

#include "FolderCatalog.h"
#include "FolderScenario.h"

#include <QFile>
#include <QtGlobal>

namespace socklab {

namespace {

// The built-in lessons in the order they are listed, with their translated
// titles. Each is a folder of real programs (resources/scenarios/<id>/).
struct Entry {
    const char* id;
    const char* title;
};

const Entry kEntries[] = {
    {"handshake", QT_TRANSLATE_NOOP("Scenario", "Three-way handshake")},
    {"echo", QT_TRANSLATE_NOOP("Scenario", "Echo: the lesson's server and client")},
    {"teardown", QT_TRANSLATE_NOOP("Scenario", "Four-way teardown")},
    {"refused", QT_TRANSLATE_NOOP("Scenario", "Connection refused")},
    {"broken-pipe", QT_TRANSLATE_NOOP("Scenario", "Broken pipe: send() after the peer left")},
    {"reset-unread", QT_TRANSLATE_NOOP("Scenario", "Reset: close() with unread data")},
    {"buffers", QT_TRANSLATE_NOOP("Scenario", "Send and receive buffers, zero window")},
    {"sticky", QT_TRANSLATE_NOOP("Scenario", "Sticky packets: message boundaries lost")},
    {"fix-delimiter", QT_TRANSLATE_NOOP("Scenario", "Fix 1: an end marker after each message")},
    {"fix-length-prefix", QT_TRANSLATE_NOOP("Scenario", "Fix 2: a header with the length (\"Y 18 abcd…\")")},
    {"fix-pacing", QT_TRANSLATE_NOOP("Scenario", "Fix 3: take turns, one message per recv()")},
    {"udp", QT_TRANSLATE_NOOP("Scenario", "UDP: datagrams, truncation, port unreachable")},
    {"backlog", QT_TRANSLATE_NOOP("Scenario", "listen(n): a full accept queue drops SYNs")},
    {"time-wait", QT_TRANSLATE_NOOP("Scenario", "TIME_WAIT holds the port: SO_REUSEADDR")},
    {"homework", QT_TRANSLATE_NOOP("Scenario", "Homework: serve the next client")},
    {"bind-address", QT_TRANSLATE_NOOP("Scenario", "127.0.0.1 or 0.0.0.0: which bind accepts what")},
};

const Entry* find(const QString& id)
{
    for (const Entry& e : kEntries)
        if (id == QLatin1String(e.id)) return &e;
    return nullptr;
}

} // namespace

QStringList ScenarioCatalog::lessonIds()
{
    QStringList out;
    for (const Entry& e : kEntries)
        out << QString::fromLatin1(e.id);
    return out;
}

QStringList ScenarioCatalog::ids()
{
    QStringList out = lessonIds();
    // Built-in folders not in the lesson's list (none today), then the teacher's.
    for (const FolderEntry& e : FolderCatalog::entries(FolderCatalog::captionCheck(), lessonIds()))
        if (e.folder && !out.contains(e.id)) out << e.id;
    return out;
}

bool ScenarioCatalog::isOwn(const QString& id) { return !find(id) && FolderCatalog::isTeacher(id); }

bool ScenarioCatalog::contains(const QString& id)
{
    return find(id) != nullptr || FolderCatalog::isBuiltIn(id) || FolderCatalog::find(id).has_value();
}

const char* ScenarioCatalog::title(const QString& id)
{
    if (const Entry* e = find(id)) return e->title;
    if (const auto f = FolderCatalog::find(id)) return keptText(f->titleEn);
    return "";
}

QString ScenarioCatalog::folderTitle(const QString& id, const QString& language)
{
    if (find(id) && !FolderCatalog::isBuiltIn(id)) return {};
    const auto f = FolderCatalog::find(id);
    return f ? f->title(language) : QString();
}

std::optional<Scenario> ScenarioCatalog::build(const QString& id, const QVariantMap& params, Problem* error)
{
    // A folder: the scenario's own programs, run for real (a teacher's may not take a built-in id).
    if (FolderCatalog::isBuiltIn(id) || (!find(id) && FolderCatalog::isTeacher(id))) {
        Problem p;
        const auto folder = FolderCatalog::find(id, &p);
        if (!folder) {
            if (error) *error = p.isNull() ? Problem(QStringLiteral("unknown-scenario"), {{"id", id}}) : p;
            return std::nullopt;
        }
        return scenarioFromFolder(*folder, params, error);
    }
    // A built-in id whose folder is missing from this build, or no such id.
    if (error) *error = Problem(QStringLiteral("unknown-scenario"), {{"id", id}});
    return std::nullopt;
}

QStringList ScenarioCatalog::codeLines(const Timeline& tl, const QString& codeFile)
{
    for (const ProgramSource& p : tl.programs)
        if (p.codeFile == codeFile && !codeFile.isEmpty()) {
            QStringList lines = p.source.split('\n');
            if (!lines.isEmpty() && lines.last().isEmpty()) lines.removeLast();
            return lines;
        }
    return codeLines(codeFile);
}

QStringList ScenarioCatalog::codeLines(const QString& codeFile)
{
    QFile f(codeFile);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) return {};
    QStringList lines = QString::fromUtf8(f.readAll()).split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty()) lines.removeLast();
    return lines;
}

} // namespace socklab
