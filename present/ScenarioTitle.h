#pragma once
// A scenario's title as shown: the translated title of a built-in scenario,
// a teacher folder's own title (its "zh_CN" in Chinese), with its mark.

#include <QString>

namespace socklab {

QString scenarioTitle(const QString& id);
// The title with the mark of a teacher's own folder ("… (your folder)").
QString scenarioListTitle(const QString& id);

} // namespace socklab
