#pragma once
// The scenario folders socklab knows: the built-in ones (compiled in as
// :/scenarios/<id>/), then a teacher's own under
// $XDG_DATA_HOME/socklab/scenarios/<id>/ (default ~/.local/share/...). A broken
// folder is listed with its problem; it never hides the others.

#include "ScenarioFolder.h"

#include <QList>
#include <QString>

#include <optional>

namespace socklab {

struct FolderEntry {
    QString id;
    QString dir;
    bool teacher = false;
    std::optional<ScenarioFolder> folder; // empty: broken, see problem
    Problem problem;
};

class FolderCatalog
{
public:
    static QString builtInRoot() { return QStringLiteral(":/scenarios"); }
    static QString teacherRoot(); // $XDG_DATA_HOME/socklab/scenarios
    // Every folder, built-in first (sorted by id), then the teacher's (sorted);
    // a teacher folder with a built-in id is listed as broken ("folder-id-taken").
    static QList<FolderEntry> entries(const ScenarioFolder::CaptionCheck& knownCaption = {});
    // The folder of `id` (built-in wins), loaded; nullopt when there is none or it is broken.
    static std::optional<ScenarioFolder> find(const QString& id, Problem* error = nullptr);
    static bool hasFolder(const QString& id);
    // How caption ids are checked when folders are loaded (the program sets the
    // one that knows the words, ui/Captions' isKnownCaption; none: not checked).
    static void setCaptionCheck(ScenarioFolder::CaptionCheck check);
    static ScenarioFolder::CaptionCheck captionCheck();
    static bool validId(const QString& id); // a folder name: ASCII letters, digits, '-', '_' (1…60)
    static bool isBuiltIn(const QString& id);
    static bool isTeacher(const QString& id); // a folder under teacherRoot() (maybe broken)
    // Ids the teacher's folders may not take (the built-in lessons' ids).
    static QList<FolderEntry> entries(const ScenarioFolder::CaptionCheck& knownCaption, const QStringList& reserved);
};

} // namespace socklab
