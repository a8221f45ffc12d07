#pragma once
// Switches the interface language while the program runs: installs the
// Chinese catalogue (:/i18n/socklab_zh_CN.qm, compiled into the binary) or, for
// English, a translator that answers every message with its source text, so it
// shadows a catalogue main() may have installed at start-up. Qt then sends
// QEvent::LanguageChange to every widget, and each retranslates itself.

#include <QObject>
#include <QTranslator>

namespace socklab {

class LanguageSwitcher final : public QObject
{
    Q_OBJECT

public:
    explicit LanguageSwitcher(QObject* parent = nullptr);
    ~LanguageSwitcher() override;

    static QString catalogPath() { return QStringLiteral(":/i18n/socklab_zh_CN.qm"); }
    // "en" or "zh_CN"; false (and nothing changes) if the catalogue cannot be loaded.
    bool setLanguage(const QString& lang);
    QString language() const { return m_lang; }

private:
    class SourceText final : public QTranslator
    {
    public:
        using QTranslator::QTranslator;
        QString translate(const char*, const char* sourceText, const char*, int) const override
        {
            return QString::fromUtf8(sourceText);
        }
        bool isEmpty() const override { return false; }
    };

    void uninstall();

    QTranslator m_zh;
    SourceText m_en;
    QString m_lang;
};

} // namespace socklab
