#include "HexDump.h"

#include <algorithm>

namespace socklab {

namespace {
int hexColumnOf(int i) { return HexDump::kHexColumn + 3 * i + (i >= 8 ? 1 : 0); }
} // namespace

QString HexDump::text(QByteArrayView bytes)
{
    QString out;
    const int n = int(bytes.size());
    for (int line = 0; line * kBytesPerLine < n; ++line) {
        const int base = line * kBytesPerLine;
        const int count = std::min(kBytesPerLine, n - base);
        QString l = QStringLiteral("%1  ").arg(base, 4, 16, QLatin1Char('0'));
        for (int i = 0; i < kBytesPerLine; ++i) {
            if (i == 8) l += QLatin1Char(' ');
            l += i < count ? QStringLiteral("%1 ").arg(uint8_t(bytes[base + i]), 2, 16, QLatin1Char('0'))
                           : QStringLiteral("   ");
        }
        l += QLatin1Char(' ');
        for (int i = 0; i < count; ++i) {
            const char c = bytes[base + i];
            l += (c >= 0x20 && c < 0x7f) ? QLatin1Char(c) : QLatin1Char('.');
        }
        if (!out.isEmpty()) out += QLatin1Char('\n');
        out += l;
    }
    return out;
}

QList<TextRange> HexDump::ranges(int offset, int length, int totalBytes)
{
    QList<TextRange> out;
    const int first = std::max(0, offset);
    const int end = std::min(totalBytes, offset + length);
    for (int b = first; b < end;) {
        const int line = b / kBytesPerLine;
        const int lineEnd = std::min(end, (line + 1) * kBytesPerLine);
        const int i0 = b % kBytesPerLine, i1 = (lineEnd - 1) % kBytesPerLine;
        const int lineStart = line * kLineStride;
        out.append({lineStart + hexColumnOf(i0), hexColumnOf(i1) + 2 - hexColumnOf(i0)});
        out.append({lineStart + kAsciiColumn + i0, i1 - i0 + 1});
        b = lineEnd;
    }
    return out;
}

} // namespace socklab
