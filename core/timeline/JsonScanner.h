#pragma once
// Finds where the JSON values of a document begin and end without building
// them, so that the session reader can parse a file of a million events one
// event at a time instead of as one QJsonDocument (issue 12, point 4). It
// checks the structure it walks (strings, brackets, commas, colons); what is
// inside a value it hands out is checked by whoever parses that value.

#include <QByteArrayView>
#include <QString>

namespace socklab {

class JsonScanner final {
public:
    explicit JsonScanner(QByteArrayView text, qsizetype base = 0);

    // The next character after white space ('\0' at the end), not taken.
    char peek();
    // Takes `c` if it comes next (after white space).
    bool take(char c);
    bool atEnd();
    // A string (quotes included) or any value: its bytes, taken. False and an
    // error on a malformed or unterminated one.
    bool string(QByteArrayView* out);
    bool value(QByteArrayView* out);
    // Fails with `what` at the current position; always false.
    bool fail(const QString& what);

    qsizetype pos() const { return m_base + m_pos; } // byte offset in the whole document
    const QString& error() const { return m_error; } // "<what> at byte N"

private:
    void skipSpace();

    QByteArrayView m_text;
    qsizetype m_base = 0;
    qsizetype m_pos = 0;
    QString m_error;
};

// The text of a JSON string token (quotes included), unescaped; false when an
// escape in it is not one JSON has.
bool jsonStringText(QByteArrayView token, QString* out);

} // namespace socklab
