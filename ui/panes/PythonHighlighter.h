#pragma once
// Simple Python colouring for the code pane: keywords, builtins, strings
// (also b'...'), numbers and comments.

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace socklab {

class PythonHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit PythonHighlighter(QTextDocument* document);

protected:
    void highlightBlock(const QString& text) override;

private:
    QTextCharFormat m_keyword;
    QTextCharFormat m_builtin;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_comment;
};

} // namespace socklab
