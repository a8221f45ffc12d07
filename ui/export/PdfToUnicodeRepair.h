#pragma once
// Qt's PDF writer builds each font's ToUnicode map by asking, for every code
// point in order, which glyph it draws — and keeps the first. CJK fonts share
// one glyph between a Kangxi radical (U+2F00…) or a CJK radical supplement
// (U+2E80…) and the ideograph itself, and the radicals come first: 手 is
// copied out as ⼿, so searching "四次挥手" in the notes fails. This rewrites
// those entries, in place and at the same length, to the unified ideograph
// that shares the glyph (found in the Simplified Chinese font itself).

#include <QByteArray>
#include <QHash>
#include <QString>

namespace socklab {

class PdfToUnicodeRepair final
{
public:
    // Radical code point -> the ideograph drawn with the same glyph.
    static const QHash<char16_t, char16_t>& radicalEquivalents();
    // Repairs the PDF's ToUnicode maps; returns how many entries changed (-1: unreadable).
    static int repairFile(const QString& path);
    static int repair(QByteArray& pdf);
};

} // namespace socklab
