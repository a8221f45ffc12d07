#pragma once
// A teacher's scenario folder made from programs that ran in the lab (File ▸
// New scenario from my programs…): the Python files exactly as they ran, and
// a scenario.json naming them with their arguments. Without steps, a Step
// releases the calls one by one in the order they arrive
// (docs/scenario-format.md).

#include "Problem.h"
#include "Timeline.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace socklab {

struct DraftProgram {
    QString actor;  // [A-Za-z0-9_-], unique
    QString role;   // "server" (it listened), "client" (it connected), "peer"
    QString file;   // the file name in the folder
    QString source; // its text, as it ran
    QStringList args; // after the file name; the port it used written as {port}
};

struct ScenarioDraft {
    QString id;
    QString titleEn, titleZh;
    QList<DraftProgram> programs;
    int port = 0; // the "port" parameter's default (0: none)
};

class ScenarioFolderWriter
{
public:
    // The programs of a recording of your own programs (the commands of
    // Timeline::actors, the texts of Timeline::programs). Only Python programs
    // run in a folder: "draft-not-python" {actor, command} names the first
    // that is not; "draft-no-programs" when the recording ran none.
    static std::optional<ScenarioDraft> draftOf(const Timeline& tl, Problem* error);

    // Writes `root`/<id>/ and checks it by loading it back; false with one
    // Problem and nothing left behind: "folder-bad-id", "folder-id-is-lesson",
    // "folder-exists", "draft-no-title", "folder-write-failed"
    // {path, detail}, or what loading found. `dir` gets the folder's path.
    static bool write(const QString& root, const ScenarioDraft& draft, QString* dir, Problem* error);

    static QByteArray scenarioJson(const ScenarioDraft& draft);
};

} // namespace socklab
