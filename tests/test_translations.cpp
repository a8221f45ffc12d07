// Every message of the Chinese catalogue is translated: no "unfinished" entry,
// no empty translation. (Update it with lupdate over core/ ui/ app/.)

#include <QFile>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

TEST(Translations, EveryChineseMessageIsTranslated)
{
    QFile f(QStringLiteral(SOCKLAB_SOURCE_DIR "/resources/translations/socklab_zh_CN.ts"));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&f);
    QString context, source;
    int messages = 0;
    QStringList missing;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) continue;
        if (xml.name() == QLatin1String("name")) context = xml.readElementText();
        else if (xml.name() == QLatin1String("source")) source = xml.readElementText();
        else if (xml.name() == QLatin1String("translation")) {
            ++messages;
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            if (type == QLatin1String("vanished") || type == QLatin1String("obsolete")) continue;
            // Plural forms keep their text in <numerusform> children.
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (type == QLatin1String("unfinished") || text.trimmed().isEmpty())
                missing << context + QStringLiteral(": ") + source;
        }
    }
    ASSERT_FALSE(xml.hasError()) << xml.errorString().toStdString();
    EXPECT_GT(messages, 100);
    EXPECT_TRUE(missing.isEmpty()) << missing.size() << " untranslated, e.g.\n"
                                   << missing.mid(0, 10).join('\n').toStdString();
}
