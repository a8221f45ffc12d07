#include "PdfToUnicodeRepair.h"

#include "ViewStyle.h"

#include <QFile>
#include <QFont>
#include <QFontDatabase>
#include <QList>
#include <QRawFont>
#include <QRegularExpression>

namespace socklab {

const QHash<char16_t, char16_t>& PdfToUnicodeRepair::radicalEquivalents()
{
    static const QHash<char16_t, char16_t> table = [] {
        QHash<char16_t, char16_t> out;
        QFont f;
        f.setFamilies(ViewStyle::sansFamilies().mid(1)); // the Simplified Chinese face
        const QRawFont raw = QRawFont::fromFont(f, QFontDatabase::SimplifiedChinese);
        if (!raw.isValid()) return out;
        QString han;
        for (char16_t c = 0x3400; c <= 0x4DBF; ++c) han += QChar(c);
        for (char16_t c = 0x4E00; c <= 0x9FFF; ++c) han += QChar(c);
        const QList<quint32> hanGlyphs = raw.glyphIndexesForString(han);
        QHash<quint32, char16_t> byGlyph;
        for (qsizetype i = 0; i < hanGlyphs.size() && i < han.size(); ++i)
            if (hanGlyphs[i] != 0 && !byGlyph.contains(hanGlyphs[i])) byGlyph.insert(hanGlyphs[i], han[i].unicode());
        QString radicals;
        for (char16_t c = 0x2E80; c <= 0x2FDF; ++c) radicals += QChar(c);
        const QList<quint32> radGlyphs = raw.glyphIndexesForString(radicals);
        for (qsizetype i = 0; i < radGlyphs.size() && i < radicals.size(); ++i)
            if (radGlyphs[i] != 0 && byGlyph.contains(radGlyphs[i]))
                out.insert(radicals[i].unicode(), byGlyph.value(radGlyphs[i]));
        return out;
    }();
    return table;
}

int PdfToUnicodeRepair::repair(QByteArray& pdf)
{
    const QHash<char16_t, char16_t>& table = radicalEquivalents();
    if (table.isEmpty()) return 0;
    static const QRegularExpression ref(QStringLiteral("/ToUnicode (\\d+) 0 R"));
    static const QRegularExpression token(QStringLiteral("<(2[EF][0-9A-Fa-f]{2})>"));
    int changed = 0;
    const QString text = QString::fromLatin1(pdf); // byte offsets == char offsets
    for (auto it = ref.globalMatch(text); it.hasNext();) {
        const QByteArray header = '\n' + it.next().captured(1).toLatin1() + " 0 obj";
        const qsizetype obj = pdf.indexOf(header);
        if (obj < 0) continue;
        const qsizetype begin = pdf.indexOf("stream\n", obj);
        const qsizetype end = pdf.indexOf("endstream", begin);
        if (begin < 0 || end < 0) continue;
        // Line by line: array ranges "<a> <b> [<u> …]" and chars "<g> <u>" map one
        // glyph to one code point; a plain range "<a> <b> <u>" counts up from u, so
        // only its single-glyph form is safe to change.
        qsizetype line = begin + 7;
        while (line < end) {
            qsizetype eol = pdf.indexOf('\n', line);
            if (eol < 0 || eol > end) eol = end;
            const QString l = QString::fromLatin1(pdf.mid(line, eol - line));
            const qsizetype bracket = l.indexOf('[');
            const QStringList parts = l.split(' ', Qt::SkipEmptyParts);
            const bool single = bracket < 0 && (parts.size() == 2 || (parts.size() == 3 && parts[0] == parts[1]));
            if (bracket >= 0 || single) {
                const qsizetype from = bracket >= 0 ? bracket : l.lastIndexOf('<');
                for (auto t = token.globalMatch(l, from); t.hasNext();) {
                    const auto m = t.next();
                    const char16_t cp = char16_t(m.captured(1).toUInt(nullptr, 16));
                    if (!table.contains(cp)) continue;
                    const QByteArray hex = QByteArray::number(table.value(cp), 16).toUpper().rightJustified(4, '0');
                    pdf.replace(line + m.capturedStart(1), 4, hex); // same length: offsets stay valid
                    ++changed;
                }
            }
            line = eol + 1;
        }
    }
    return changed;
}

int PdfToUnicodeRepair::repairFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite)) return -1;
    QByteArray pdf = f.readAll();
    const int changed = repair(pdf);
    if (changed > 0) {
        f.seek(0);
        if (f.write(pdf) != pdf.size()) return -1;
    }
    return changed;
}

} // namespace socklab
