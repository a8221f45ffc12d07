#include "Language.h"

namespace socklab {

QString languageFromLocale(const QString& lcAll, const QString& lcMessages, const QString& lang)
{
    // The first one set wins, even when it is not Chinese (LC_ALL=C means C).
    const QString locale = !lcAll.isEmpty() ? lcAll : !lcMessages.isEmpty() ? lcMessages : lang;
    return locale.startsWith(QLatin1String("zh")) ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

QString chosenLanguage(const QString& flag)
{
    if (!flag.isEmpty())
        return flag.startsWith(QLatin1String("zh")) ? QStringLiteral("zh_CN")
                                                    : QStringLiteral("en");
    return languageFromLocale(qEnvironmentVariable("LC_ALL"), qEnvironmentVariable("LC_MESSAGES"),
                              qEnvironmentVariable("LANG"));
}

} // namespace socklab
