#include "JsonText.h"

#include "JsonObjectView.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace socklab {

QJsonValue variantToJson(const QVariant& v)
{
    if (v.typeId() == QMetaType::QByteArray)
        return QJsonObject{{"bytes_b64", QString::fromLatin1(v.toByteArray().toBase64())}};
    if (v.typeId() == QMetaType::QVariantMap) {
        QJsonObject o;
        const QVariantMap m = v.toMap();
        for (auto it = m.begin(); it != m.end(); ++it)
            o.insert(it.key(), variantToJson(it.value()));
        return o;
    }
    if (v.typeId() == QMetaType::QVariantList) {
        QJsonArray a;
        for (const QVariant& x : v.toList())
            a.append(variantToJson(x));
        return a;
    }
    return QJsonValue::fromVariant(v);
}

QVariant jsonToVariant(const QJsonValue& v)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        if (o.size() == 1 && o.contains("bytes_b64"))
            return QByteArray::fromBase64(o.value("bytes_b64").toString().toLatin1());
        QVariantMap m;
        for (auto it = o.begin(); it != o.end(); ++it)
            m.insert(it.key(), jsonToVariant(it.value()));
        return m;
    }
    if (v.isArray()) {
        QVariantList l;
        for (const QJsonValue& x : v.toArray())
            l.append(jsonToVariant(x));
        return l;
    }
    if (v.isDouble()) {
        // Written as an integer: that integer (also past 2^53, where a double
        // would round it); a whole double: an integer too.
        if (const QVariant x = v.toVariant(); x.typeId() == QMetaType::LongLong) return x;
        const double d = v.toDouble();
        if (std::fabs(d) < 9.0e15 && d == double(qint64(d))) return qint64(d); // cast only what fits
        return d;
    }
    return v.toVariant();
}

namespace {

QVariant viewToVariant(const JsonValueView& v)
{
    const QByteArrayView t = v.text();
    if (t.isEmpty()) return QVariant(); // undefined, as QJsonValue::toVariant
    switch (t.front()) {
    case '{': {
        const JsonObjectView o = v.toObject();
        // {"bytes_b64": …} (a repeated key is one key to QJsonObject: the last value).
        bool bytes = o.size() > 0;
        for (qsizetype i = 0; bytes && i < o.size(); ++i) bytes = o.keyAt(i) == "bytes_b64";
        if (bytes) return QByteArray::fromBase64(o.value("bytes_b64").toString().toLatin1());
        QVariantMap m;
        for (qsizetype i = 0; i < o.size(); ++i) // a repeated key: the last one stays, as in QJsonObject
            m.insert(QString::fromUtf8(o.keyAt(i)), viewToVariant(o.valueAt(i)));
        return m;
    }
    case '[': {
        QVariantList l;
        for (const JsonValueView& x : v.toArray())
            l.append(viewToVariant(x));
        return l;
    }
    case '"': return v.toString();
    case 't': return true;
    case 'f': return false;
    case 'n': return QVariant::fromValue(nullptr);
    default: return jsonToVariant(v.toJsonValue()); // a number: an integer, as Qt holds it, or a double
    }
}

} // namespace

QVariant jsonToVariant(const JsonValueView& v)
{
    // Each level of a view finds its members again (its cost grows with
    // depth times size); what socklab writes nests a few levels, so a deeper
    // value (only a made-up file has one) goes through Qt's parser, which
    // reads it once.
    if (jsonNesting(v.text()) > 8) return jsonToVariant(v.toJsonValue());
    return viewToVariant(v);
}

namespace {

// What Qt's writer makes of one value: the only element of a compact array.
void appendByQt(QByteArray& out, const QJsonValue& v)
{
    const QByteArray doc = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    out += QByteArrayView(doc).sliced(1, doc.size() - 2);
}

bool plainAscii(QStringView s)
{
    for (const QChar c : s)
        if (c.unicode() < 0x20 || c.unicode() > 0x7e || c == u'"' || c == u'\\') return false;
    return true;
}

// The text of the types sessions hold in their maps; false (and `out` as it
// was) for any other: the caller has Qt write that value.
bool appendVariant(QByteArray& out, const QVariant& v)
{
    const qsizetype start = out.size();
    switch (v.typeId()) {
    case QMetaType::QString:
        appendJsonString(out, v.toString());
        return true;
    case QMetaType::Int:
    case QMetaType::LongLong:
        out += QByteArray::number(v.toLongLong());
        return true;
    case QMetaType::Bool:
        out += v.toBool() ? "true" : "false";
        return true;
    case QMetaType::QByteArray:
        out += "{\"bytes_b64\":\"";
        out += v.toByteArray().toBase64();
        out += "\"}";
        return true;
    case QMetaType::QVariantList: {
        out += '[';
        const QVariantList l = v.toList();
        bool ok = true;
        for (qsizetype i = 0; ok && i < l.size(); ++i) {
            if (i > 0) out += ',';
            ok = appendVariant(out, l.at(i));
        }
        if (ok) {
            out += ']';
            return true;
        }
        break;
    }
    case QMetaType::QVariantMap: {
        // A QMap is in its keys' order, a QJsonObject too: the same for ASCII keys.
        out += '{';
        const QVariantMap m = v.toMap();
        bool ok = true;
        for (auto it = m.begin(); ok && it != m.end(); ++it) {
            if (it != m.begin()) out += ',';
            ok = plainAscii(it.key());
            if (!ok) break;
            appendJsonString(out, it.key());
            out += ':';
            ok = appendVariant(out, it.value());
        }
        if (ok) {
            out += '}';
            return true;
        }
        break;
    }
    default:
        break;
    }
    out.truncate(start);
    return false;
}

} // namespace

void appendJsonString(QByteArray& out, QStringView s)
{
    if (!plainAscii(s)) {
        appendByQt(out, QJsonValue(s.toString()));
        return;
    }
    const qsizetype at = out.size();
    out.resize(at + s.size() + 2);
    char* p = out.data() + at;
    *p++ = '"';
    for (const QChar c : s)
        *p++ = char(c.unicode());
    *p = '"';
}

qsizetype JsonTextObject::begin(const char* key)
{
    m_key = key;
    return m_values.size();
}

void JsonTextObject::end(qsizetype at)
{
    m_members.append({m_key, at, m_values.size() - at});
}

void JsonTextObject::integer(const char* key, qint64 v)
{
    const qsizetype at = begin(key);
    m_values += QByteArray::number(v);
    end(at);
}

void JsonTextObject::boolean(const char* key, bool v)
{
    const qsizetype at = begin(key);
    m_values += v ? "true" : "false";
    end(at);
}

void JsonTextObject::null(const char* key)
{
    const qsizetype at = begin(key);
    m_values += "null";
    end(at);
}

void JsonTextObject::string(const char* key, const QString& s)
{
    const qsizetype at = begin(key);
    appendJsonString(m_values, s);
    end(at);
}

void JsonTextObject::ascii(const char* key, QByteArrayView text)
{
    const qsizetype at = begin(key);
    m_values += '"';
    m_values += text;
    m_values += '"';
    end(at);
}

void JsonTextObject::strings(const char* key, const QStringList& list)
{
    const qsizetype at = begin(key);
    m_values += '[';
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (i > 0) m_values += ',';
        appendJsonString(m_values, list.at(i));
    }
    m_values += ']';
    end(at);
}

void JsonTextObject::map(const char* key, const QVariantMap& m)
{
    const qsizetype at = begin(key);
    if (!appendVariant(m_values, QVariant(m))) appendByQt(m_values, variantToJson(QVariant(m)));
    end(at);
}

void JsonTextObject::json(const char* key, QByteArrayView text)
{
    const qsizetype at = begin(key);
    m_values += text;
    end(at);
}

void JsonTextObject::appendTo(QByteArray& out) const
{
    QVarLengthArray<qsizetype, 24> order(m_members.size());
    for (qsizetype i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [this](qsizetype a, qsizetype b) {
        return std::strcmp(m_members[a].key, m_members[b].key) < 0;
    });
    out += '{';
    bool first = true;
    for (qsizetype k = 0; k < order.size(); ++k) {
        const Member& m = m_members[order[k]];
        // A key given again replaces the value it had, as QJsonObject::insert does.
        if (k + 1 < order.size() && std::strcmp(m_members[order[k + 1]].key, m.key) == 0) continue;
        if (!first) out += ',';
        first = false;
        out += '"';
        out += m.key;
        out += "\":";
        out += QByteArrayView(m_values).sliced(m.at, m.len);
    }
    out += '}';
}

QByteArray JsonTextObject::text() const
{
    QByteArray out;
    out.reserve(m_values.size() + 16 * m_members.size() + 2);
    appendTo(out);
    return out;
}

} // namespace socklab
