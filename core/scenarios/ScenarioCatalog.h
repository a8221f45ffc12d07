#pragma once
// The built-in scenarios, by their stable ids (design.md).

#include "Problem.h"
#include "Scenario.h"
#include "Timeline.h"

#include <QStringList>

#include <optional>

namespace socklab {

class ScenarioCatalog
{
public:
    static QStringList ids();
    static bool contains(const QString& id);
    // Builds scenario `id` with parameters (defaults where absent). Bad values
    // give std::nullopt and the problem ("unknown-scenario", "param-range", …) in *error.
    static std::optional<Scenario> build(const QString& id, const QVariantMap& params = {},
                                         Problem* error = nullptr);
    static const char* title(const QString& id); // QT_TRANSLATE_NOOP("Scenario", ...)
    // A teacher's own folder ($XDG_DATA_HOME/socklab/scenarios/ID), listed after the built-in ones.
    static bool isOwn(const QString& id);
    // The title a folder gives itself in `language` ("zh_CN"); empty when there is no folder.
    static QString folderTitle(const QString& id, const QString& language);
    // The built-in lessons' ids in the lesson's order (a teacher's folder may not take one).
    static QStringList lessonIds();
    // The Python code of an actor, as shown in the code pane.
    static QStringList codeLines(const QString& codeFile);
    // The code an actor of a recorded session ran: the text the timeline carries
    // (a teacher's folder may not be on this machine), else its code file.
    static QStringList codeLines(const Timeline& tl, const QString& codeFile);
};

} // namespace socklab
