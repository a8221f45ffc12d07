#pragma once
// The built-in scenarios, by their stable ids (design.md).

#include "Scenario.h"

#include <QStringList>

#include <optional>

namespace socklab {

class ScenarioCatalog
{
public:
    static QStringList ids();
    static bool contains(const QString& id);
    // Builds scenario `id` with parameters (defaults where absent). Bad values
    // give std::nullopt and one clear line in *error.
    static std::optional<Scenario> build(const QString& id, const QVariantMap& params = {},
                                         QString* error = nullptr);
    static const char* title(const QString& id); // QT_TRANSLATE_NOOP("Scenario", ...)
    // The Python code of an actor, as shown in the code pane.
    static QStringList codeLines(const QString& codeFile);
};

} // namespace socklab
