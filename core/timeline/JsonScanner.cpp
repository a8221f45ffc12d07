#include "JsonScanner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUtf8StringView>
#include <QVarLengthArray>

namespace socklab {

namespace {
constexpr int kMaxDepth = 1024; // as deep as QJsonDocument itself goes
}

JsonScanner::JsonScanner(QByteArrayView text, qsizetype base) : m_text(text), m_base(base) {}

void JsonScanner::skipSpace()
{
    while (m_pos < m_text.size()) {
        const char c = m_text[m_pos];
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return;
        ++m_pos;
    }
}

char JsonScanner::peek()
{
    skipSpace();
    return m_pos < m_text.size() ? m_text[m_pos] : '\0';
}

bool JsonScanner::take(char c)
{
    if (peek() != c || m_pos >= m_text.size()) return false;
    ++m_pos;
    return true;
}

bool JsonScanner::atEnd()
{
    skipSpace();
    return m_pos >= m_text.size();
}

bool JsonScanner::fail(const QString& what)
{
    m_error = QStringLiteral("%1 at byte %2").arg(what).arg(pos());
    return false;
}

bool JsonScanner::string(QByteArrayView* out)
{
    if (peek() != '"') return fail(QStringLiteral("a string expected"));
    const qsizetype start = m_pos++;
    while (m_pos < m_text.size()) {
        const char c = m_text[m_pos++];
        if (c == '\\') {
            ++m_pos; // the escaped character; the value's own parser checks it
        } else if (c == '"') {
            *out = m_text.sliced(start, m_pos - start);
            return true;
        } else if (uchar(c) < 0x20) {
            --m_pos;
            return fail(QStringLiteral("a control character in a string"));
        }
    }
    m_pos = m_text.size();
    return fail(QStringLiteral("the document ends inside a string"));
}

bool JsonScanner::value(QByteArrayView* out)
{
    const char first = peek();
    if (first == '"') return string(out);
    const qsizetype start = m_pos;
    if (first != '{' && first != '[') {
        // A number, true, false or null: up to the next delimiter.
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t') break;
            if (c == '"' || c == '{' || c == '[' || c == ':' || uchar(c) < 0x20 || uchar(c) >= 0x7f)
                return fail(QStringLiteral("an illegal value"));
            ++m_pos;
        }
        if (m_pos == start) return fail(m_pos < m_text.size() ? QStringLiteral("an illegal value")
                                                              : QStringLiteral("the document ends where a value should be"));
        *out = m_text.sliced(start, m_pos - start);
        return true;
    }
    // An object or an array: match its brackets, skipping strings.
    QVarLengthArray<char, 64> open;
    while (m_pos < m_text.size()) {
        const char c = m_text[m_pos];
        if (c == '"') {
            QByteArrayView s;
            if (!string(&s)) return false;
            continue;
        }
        ++m_pos;
        if (c == '{' || c == '[') {
            if (open.size() >= kMaxDepth) return fail(QStringLiteral("values nested too deeply"));
            open.append(c == '{' ? '}' : ']');
        } else if (c == '}' || c == ']') {
            if (open.isEmpty() || open.last() != c) {
                --m_pos;
                return fail(QStringLiteral("an unbalanced '%1'").arg(QLatin1Char(c)));
            }
            open.removeLast();
            if (open.isEmpty()) {
                *out = m_text.sliced(start, m_pos - start);
                return true;
            }
        }
    }
    return fail(QStringLiteral("the document ends inside a value"));
}

bool jsonStringText(QByteArrayView token, QString* out)
{
    const QByteArrayView inner = token.sliced(1, token.size() - 2);
    if (!inner.contains('\\')) {
        if (!QUtf8StringView(inner).isValidUtf8()) return false;
        *out = QString::fromUtf8(inner);
        return true;
    }
    QJsonParseError e;
    const QJsonDocument d = QJsonDocument::fromJson(QByteArray("[") + token.toByteArray() + "]", &e);
    if (e.error != QJsonParseError::NoError) return false;
    *out = d.array().at(0).toString();
    return true;
}

} // namespace socklab
