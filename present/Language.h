#pragma once
// Which language socklab speaks: --lang when given, else the locale the user
// runs under (LC_ALL, then LC_MESSAGES, then LANG: the order POSIX gives for
// messages). QLocale::system() is not asked: on Unix it reads LC_NUMERIC
// before LANG and never LC_MESSAGES.

#include <QString>

namespace socklab {

// "zh_CN" or "en". `flag` is the --lang value ("" when absent).
QString chosenLanguage(const QString& flag);
// The language of a locale setting such as "zh_CN.UTF-8", "zh_TW", "C", "" ("en" unless Chinese).
QString languageFromLocale(const QString& lcAll, const QString& lcMessages, const QString& lang);

} // namespace socklab
