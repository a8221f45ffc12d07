#pragma once
// The compact JSON text of an object written member by member, byte for byte
// as QJsonDocument::toJson(Compact) writes the QJsonObject of the same members
// (keys sorted, the last of a repeated key kept), without building that
// object: saving a million-event session spent most of its time in QJsonObject
// inserts and QJsonDocument (issue 12 point 4). What this does not write
// itself — a string with escapes or non-ASCII text, a variant of another type —
// it has Qt's own writer write, so the bytes stay Qt's.

#include <QByteArray>
#include <QJsonValue>
#include <QStringList>
#include <QVarLengthArray>
#include <QVariantMap>

#include <utility>

namespace socklab {

class JsonValueView;

// Bytes in variant maps are {"bytes_b64": "..."}; maps and lists nest.
QJsonValue variantToJson(const QVariant& v);
QVariant jsonToVariant(const QJsonValue& v);
// The same, read straight from a value's checked text (JsonObjectView).
QVariant jsonToVariant(const JsonValueView& v);

class JsonTextObject final {
public:
    // Keys are string literals (they are kept as pointers until appendTo).
    void integer(const char* key, qint64 v);
    void boolean(const char* key, bool v);
    void null(const char* key);
    void string(const char* key, const QString& s);
    void ascii(const char* key, QByteArrayView text); // printable ASCII without '"' or '\\' (base64)
    void strings(const char* key, const QStringList& list);
    void map(const char* key, const QVariantMap& m);
    void json(const char* key, QByteArrayView text); // a value's JSON text as it is
    template<class Fill> void object(const char* key, Fill fill)
    {
        JsonTextObject sub;
        fill(sub);
        json(key, sub.text());
    }
    // [[a,b],...] of a list of number pairs
    template<class Pairs> void pairs(const char* key, const Pairs& list)
    {
        QByteArray text = "[";
        for (const auto& p : list) {
            if (text.size() > 1) text += ',';
            text += '[' + QByteArray::number(qint64(p.first)) + ',' + QByteArray::number(qint64(p.second)) + ']';
        }
        json(key, text + ']');
    }

    void appendTo(QByteArray& out) const;
    QByteArray text() const;

private:
    struct Member {
        const char* key;
        qsizetype at;
        qsizetype len;
    };
    qsizetype begin(const char* key);
    void end(qsizetype at);

    const char* m_key = nullptr;
    QVarLengthArray<Member, 24> m_members;
    QByteArray m_values;
};

// A string as Qt's JSON writer writes it, quotes included.
void appendJsonString(QByteArray& out, QStringView s);

} // namespace socklab
