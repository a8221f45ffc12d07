// Every message of the Chinese catalogue is translated: no "unfinished" entry,
// no empty translation; and every tr() string of the sources is in it.
// (Update it with lupdate over core/ present/ ui/ app/.)

#include "ViewStyle.h"

#include <QFile>
#include <QFont>
#include <QProcess>
#include <QRawFont>
#include <QSet>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

#include <algorithm>

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

namespace {

struct Message {
    QString context, source, comment;
    bool operator==(const Message& o) const = default;
};

size_t qHash(const Message& m, size_t seed = 0) { return qHashMulti(seed, m.context, m.source, m.comment); }

// The messages of a .ts file; with `translatedOnly`, only those with a finished, non-empty translation.
QSet<Message> readMessages(const QString& path, bool translatedOnly, QString* error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.errorString();
        return {};
    }
    QXmlStreamReader xml(&f);
    QSet<Message> out;
    QString context;
    Message m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) continue;
        if (xml.name() == QLatin1String("name")) context = xml.readElementText();
        else if (xml.name() == QLatin1String("message")) m = Message{context, {}, {}};
        else if (xml.name() == QLatin1String("source")) m.source = xml.readElementText();
        else if (xml.name() == QLatin1String("comment")) m.comment = xml.readElementText();
        else if (xml.name() == QLatin1String("translation")) {
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            const bool done = type.isEmpty() && !text.trimmed().isEmpty();
            if (type != QLatin1String("vanished") && type != QLatin1String("obsolete") && (done || !translatedOnly))
                out.insert(m);
        }
    }
    if (xml.hasError()) *error = xml.errorString();
    return out;
}

} // namespace

// Every tr() string in the sources has a Chinese translation in the committed
// catalogue: lupdate scans core/ present/ ui/ app/ afresh into a temporary .ts,
// so a string added without running lupdate (or left untranslated) fails here.
TEST(Translations, EverySourceStringHasAChineseTranslation)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString scanned = dir.filePath(QStringLiteral("scan_zh_CN.ts"));
    QProcess lupdate;
    lupdate.setWorkingDirectory(QStringLiteral(SOCKLAB_SOURCE_DIR));
    lupdate.start(QStringLiteral(SOCKLAB_LUPDATE), {"-silent", "-locations", "none", "-target-language", "zh_CN",
                                                   "core", "present", "ui", "app", "-ts", scanned});
    ASSERT_TRUE(lupdate.waitForFinished(120000));
    ASSERT_EQ(lupdate.exitCode(), 0) << lupdate.readAllStandardError().toStdString();
    QString error;
    const QSet<Message> inSources = readMessages(scanned, false, &error);
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();
    const QSet<Message> translated = readMessages(
        QStringLiteral(SOCKLAB_SOURCE_DIR "/resources/translations/socklab_zh_CN.ts"), true, &error);
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();
    EXPECT_GT(inSources.size(), 300); // the scan really found the program's strings
    QStringList missing;
    for (const Message& m : inSources)
        if (!translated.contains(m)) missing << m.context + QStringLiteral(": ") + m.source;
    missing.sort();
    EXPECT_TRUE(missing.isEmpty()) << missing.size() << " tr() strings without a Chinese translation (run lupdate, "
                                   << "then translate), e.g.\n" << missing.mid(0, 15).join('\n').toStdString();
}

// Every character of every message, English and Chinese, has a glyph in the
// fonts the window and the exports use ("⏳" had none: the bar showed ▯).
TEST(Translations, EveryCharacterHasAGlyphInTheSocklabFonts)
{
    QFile f(QStringLiteral(SOCKLAB_SOURCE_DIR "/resources/translations/socklab_zh_CN.ts"));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    QList<QRawFont> fonts;
    for (const QString& family : socklab::ViewStyle::sansFamilies()) {
        QFont font;
        font.setFamily(family);
        const QRawFont raw = QRawFont::fromFont(font);
        if (raw.isValid()) fonts << raw;
    }
    if (fonts.size() < 2) GTEST_SKIP() << "Noto Sans / Noto Sans CJK SC are not installed";
    QXmlStreamReader xml(&f);
    QSet<char32_t> missing;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) continue;
        if (xml.name() != QLatin1String("source") && xml.name() != QLatin1String("translation")) continue;
        const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
        for (char32_t c : text.toUcs4()) {
            if (c < 0x20) continue;
            const bool drawn = std::any_of(fonts.cbegin(), fonts.cend(), [c](const QRawFont& r) { return r.supportsCharacter(c); });
            if (!drawn) missing.insert(c);
        }
    }
    QStringList list;
    for (char32_t c : missing) list << QStringLiteral("U+%1").arg(uint(c), 4, 16, QLatin1Char('0')).toUpper();
    EXPECT_TRUE(missing.isEmpty()) << list.join(' ').toStdString();
}
