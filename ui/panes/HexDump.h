#pragma once
// Text of a classic hex dump (16 bytes a line: offset, hex, ASCII) and where
// a byte range lies in that text, so a field's bytes can be highlighted.

#include <QByteArrayView>
#include <QList>
#include <QString>

namespace socklab {

struct TextRange {
    int start = 0; // character position in the dump text
    int length = 0;
    bool operator==(const TextRange&) const = default;
};

class HexDump
{
public:
    static constexpr int kBytesPerLine = 16;
    static constexpr int kHexColumn = 6;   // "0000  "
    static constexpr int kAsciiColumn = 56; // after 16 "xx " + a middle gap + a space
    static constexpr int kLineStride = kAsciiColumn + kBytesPerLine + 1; // full line + '\n'

    static QString text(QByteArrayView bytes);
    // Ranges (hex part and ASCII part on every line touched) of bytes [offset, offset+length).
    static QList<TextRange> ranges(int offset, int length, int totalBytes);
};

} // namespace socklab
