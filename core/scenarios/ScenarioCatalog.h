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
    // A folder's own title in `language` ("zh_CN"), empty for the C++ scenarios (their titles are translated).
    static QString folderTitle(const QString& id, const QString& language);
    // Ids of the C++ scenarios (built in without a folder yet).
    static QStringList engineIds();
    // The Python code of an actor, as shown in the code pane.
    static QStringList codeLines(const QString& codeFile);
    // The code an actor of a recorded session ran: the text the timeline carries
    // (a teacher's folder may not be on this machine), else its code file.
    static QStringList codeLines(const Timeline& tl, const QString& codeFile);
};

} // namespace socklab
