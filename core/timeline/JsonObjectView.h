#pragma once
// One JSON object's members read straight from its text, without building a
// QJsonObject: the session reader parsed each of a million events into a
// QJsonDocument only to look up its twenty-odd members (issue 12 point 4).
// Every value is checked as JSON when the object is parsed (nested ones too),
// so a text QJsonDocument refuses is refused here as well; a member is read
// as QJsonObject::value(key) reads it (the last of a repeated key, the same
// defaults for a missing member or one of another type).

#include <QByteArrayView>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QVarLengthArray>

#include <list>

namespace socklab {

class JsonObjectView;

class JsonValueView final {
public:
    JsonValueView() = default;
    // `token`: a value's text that is checked JSON (a JsonObjectView's, or checkJsonValue's).
    explicit JsonValueView(QByteArrayView token) : m_token(token) {}

    bool isUndefined() const { return m_token.isEmpty(); }
    bool isDouble() const; // any number, as QJsonValue::isDouble
    bool isString() const { return !m_token.isEmpty() && m_token.front() == '"'; }
    QString toString() const; // "" unless a string
    qint64 toInteger(qint64 defaultValue = 0) const;
    int toInt(int defaultValue = 0) const;
    bool toBool(bool defaultValue = false) const;
    // The elements of an array (none for anything else), each a checked value.
    QList<JsonValueView> toArray() const;
    // An object's members; false for anything else (the view is then empty).
    bool toObject(JsonObjectView* out) const;
    JsonObjectView toObject() const;
    // The value as Qt reads it (for maps of any shape).
    QJsonValue toJsonValue() const;
    QByteArrayView text() const { return m_token; }

private:
    QByteArrayView m_token; // empty: undefined
};

class JsonObjectView final {
public:
    // `text` is one object; its bytes must outlive the view. False with a
    // one-line error ("<what> at byte N", N counted from `base`).
    bool parse(QByteArrayView text, qsizetype base, QString* error);
    // The same for a value already checked (an object inside a parsed one):
    // its members are found, their values not checked again.
    void parseChecked(QByteArrayView text);
    JsonValueView value(QLatin1StringView key) const;
    JsonValueView value(const char* key) const { return value(QLatin1StringView(key)); }
    bool contains(const char* key) const { return !value(key).isUndefined(); }
    // The members in the text's order (a repeated key each time it comes).
    qsizetype size() const { return m_members.size(); }
    QByteArrayView keyAt(qsizetype i) const { return m_members[i].key; } // UTF-8
    JsonValueView valueAt(qsizetype i) const { return JsonValueView(m_members[i].value); }

private:
    bool parseMembers(QByteArrayView text, qsizetype base, QString* error, bool check);
    struct Member {
        QByteArrayView key; // UTF-8, unescaped
        QByteArrayView value;
    };
    QVarLengthArray<Member, 32> m_members;
    std::list<QByteArray> m_decodedKeys; // keys that had escapes
};

// A JSON value's text checked as JSON (strings' escapes and UTF-8, numbers'
// grammar, nesting up to QJsonDocument's depth): false and what is wrong.
bool checkJsonValue(QByteArrayView token, QString* what, qsizetype base = 0);
// How deep a value's objects and arrays nest (0 for a string or a number).
int jsonNesting(QByteArrayView token);

} // namespace socklab
