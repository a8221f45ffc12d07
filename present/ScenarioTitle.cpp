#include "ScenarioTitle.h"

#include "ScenarioCatalog.h"

#include <QCoreApplication>

namespace socklab {

namespace {
struct Words {
    Q_DECLARE_TR_FUNCTIONS(ScenarioTitle)
};
} // namespace

QString scenarioTitle(const QString& id)
{
    if (ScenarioCatalog::isOwn(id)) {
        //: The language of a scenario folder's title to show: "zh_CN" in the Chinese translation.
        const QString language = Words::tr("en", "title language");
        const QString t = ScenarioCatalog::folderTitle(id, language);
        if (!t.isEmpty()) return t;
    }
    return QCoreApplication::translate("Scenario", ScenarioCatalog::title(id));
}

QString scenarioListTitle(const QString& id)
{
    const QString t = scenarioTitle(id);
    return ScenarioCatalog::isOwn(id) ? Words::tr("%1 (your folder)").arg(t) : t;
}

} // namespace socklab
