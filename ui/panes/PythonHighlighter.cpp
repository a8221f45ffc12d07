#include "PythonHighlighter.h"

#include <QSet>

namespace socklab {

namespace {
const QSet<QString>& keywords()
{
    static const QSet<QString> k{"False", "None",   "True",  "and",    "as",       "assert", "async",
                                 "await", "break",  "class", "continue", "def",    "del",    "elif",
                                 "else",  "except", "finally", "for",  "from",     "global", "if",
                                 "import", "in",    "is",    "lambda", "nonlocal", "not",    "or",
                                 "pass",  "raise",  "return", "try",   "while",    "with",   "yield"};
    return k;
}
const QSet<QString>& builtins()
{
    static const QSet<QString> b{"print", "len", "range", "int", "str", "bytes", "input", "open", "self"};
    return b;
}
} // namespace

PythonHighlighter::PythonHighlighter(QTextDocument* document) : QSyntaxHighlighter(document)
{
    m_keyword.setForeground(QColor(0, 0, 170));
    m_keyword.setFontWeight(QFont::Bold);
    m_builtin.setForeground(QColor(128, 0, 128));
    m_string.setForeground(QColor(0, 128, 0));
    m_number.setForeground(QColor(170, 85, 0));
    m_comment.setForeground(QColor(120, 120, 120));
    m_comment.setFontItalic(true);
}

// A small scanner rather than regexes, so a '#' inside a string is not a comment.
void PythonHighlighter::highlightBlock(const QString& text)
{
    const int n = int(text.size());
    int i = 0;
    while (i < n) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('#')) {
            setFormat(i, n - i, m_comment);
            return;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            int j = i + 1;
            while (j < n && text.at(j) != c) j += text.at(j) == QLatin1Char('\\') ? 2 : 1;
            const int end = qMin(n, j + 1);
            // Include a b/r/f prefix just before the quote.
            const int start = (i > 0 && QStringLiteral("bBrRfF").contains(text.at(i - 1)) &&
                               (i < 2 || !text.at(i - 2).isLetterOrNumber()))
                                  ? i - 1
                                  : i;
            setFormat(start, end - start, m_string);
            i = end;
            continue;
        }
        if (c.isLetter() || c == QLatin1Char('_')) {
            int j = i;
            while (j < n && (text.at(j).isLetterOrNumber() || text.at(j) == QLatin1Char('_'))) ++j;
            const QString word = text.mid(i, j - i);
            if (keywords().contains(word))
                setFormat(i, j - i, m_keyword);
            else if (builtins().contains(word))
                setFormat(i, j - i, m_builtin);
            i = j;
            continue;
        }
        if (c.isDigit()) {
            int j = i;
            while (j < n && (text.at(j).isLetterOrNumber() || text.at(j) == QLatin1Char('.'))) ++j;
            setFormat(i, j - i, m_number);
            i = j;
            continue;
        }
        ++i;
    }
}

} // namespace socklab
