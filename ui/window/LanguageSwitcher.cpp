#include "LanguageSwitcher.h"

#include <QCoreApplication>

namespace socklab {

LanguageSwitcher::LanguageSwitcher(QObject* parent) : QObject(parent) {}

LanguageSwitcher::~LanguageSwitcher() { uninstall(); }

void LanguageSwitcher::uninstall()
{
    QCoreApplication::removeTranslator(&m_zh);
    QCoreApplication::removeTranslator(&m_en);
}

bool LanguageSwitcher::setLanguage(const QString& lang)
{
    const bool zh = lang.startsWith(QLatin1String("zh"));
    if (zh && m_zh.isEmpty() && !m_zh.load(catalogPath())) return false;
    uninstall();
    QCoreApplication::installTranslator(zh ? static_cast<QTranslator*>(&m_zh) : &m_en);
    m_lang = zh ? QStringLiteral("zh_CN") : QStringLiteral("en");
    return true;
}

} // namespace socklab
