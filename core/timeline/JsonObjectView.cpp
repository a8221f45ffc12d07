#include "JsonObjectView.h"

#include "JsonScanner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUtf8StringView>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace socklab {

namespace {

constexpr int kMaxDepth = 1024; // as deep as QJsonDocument itself goes

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// A number as Qt's parser takes it (a little looser than RFC 8259: "1." and
// ".5" are numbers to it, "01" and "1e" are not): -?(0|[0-9]*)(\.[0-9]*)?([eE][+-]?[0-9]*)?,
// and then it must convert. `integral`: written without a fraction or exponent.
bool isNumber(QByteArrayView t, bool* integral)
{
    qsizetype i = 0;
    const qsizetype n = t.size();
    if (i < n && t[i] == '-') ++i;
    if (i < n && t[i] == '0') ++i;
    else
        while (i < n && isDigit(t[i])) ++i;
    *integral = true;
    if (i < n && t[i] == '.') {
        ++i;
        for (; i < n && isDigit(t[i]); ++i) *integral = false;
    }
    if (i < n && (t[i] == 'e' || t[i] == 'E')) {
        *integral = false;
        ++i;
        if (i < n && (t[i] == '+' || t[i] == '-')) ++i;
        while (i < n && isDigit(t[i])) ++i;
    }
    if (i != n || n == 0) return false;
    bool ok = false;
    if (*integral) {
        (void)t.toLongLong(&ok);
        if (ok) return true;
    }
    t.toByteArray().toDouble(&ok);
    return ok;
}

bool checkString(QByteArrayView token)
{
    const QByteArrayView inner = token.sliced(1, token.size() - 2);
    if (!inner.contains('\\')) return QUtf8StringView(inner).isValidUtf8();
    QString ignored;
    return jsonStringText(token, &ignored);
}

bool checkValue(JsonScanner& s, int depth, QString* what)
{
    auto fail = [&](const QString& why) {
        s.fail(why);
        if (what) *what = s.error();
        return false;
    };
    const char c = s.peek();
    if (c == '{' || c == '[') {
        if (depth >= kMaxDepth) return fail(QStringLiteral("values nested too deeply"));
        const char close = c == '{' ? '}' : ']';
        s.take(c);
        if (s.take(close)) return true;
        for (;;) {
            if (c == '{') {
                QByteArrayView key;
                if (!s.string(&key)) {
                    if (what) *what = s.error();
                    return false;
                }
                if (!checkString(key)) return fail(QStringLiteral("an illegal string"));
                if (!s.take(':')) return fail(QStringLiteral("':' expected"));
            }
            if (!checkValue(s, depth + 1, what)) return false;
            if (s.take(',')) continue;
            if (s.take(close)) return true;
            return fail(c == '{' ? QStringLiteral("',' or '}' expected") : QStringLiteral("',' or ']' expected"));
        }
    }
    const qsizetype at = s.pos();
    QByteArrayView t;
    if (!s.value(&t)) {
        if (what) *what = s.error();
        return false;
    }
    bool integral = false;
    const bool ok = t.front() == '"' ? checkString(t)
                                     : (t == "true" || t == "false" || t == "null" || isNumber(t, &integral));
    if (ok) return true;
    if (what) *what = QStringLiteral("an illegal value at byte %1").arg(at);
    return false;
}

// A number token (already checked) as Qt's parser holds it: an integer when
// it is written as one and fits in 64 bits, else a double.
bool asInteger(QByteArrayView t, qint64* n)
{
    if (t.contains('.') || t.contains('e') || t.contains('E')) return false;
    bool ok = false;
    *n = t.toLongLong(&ok);
    return ok;
}

double asDouble(QByteArrayView t) { return t.toByteArray().toDouble(); }

template<typename I> bool doubleTo(double d, I* out)
{
    // As Qt's convertDoubleTo: an integral value inside I's range.
    if (!std::isfinite(d) || d != std::trunc(d)) return false;
    if (d < double(std::numeric_limits<I>::min()) || d >= -double(std::numeric_limits<I>::min())) return false;
    *out = I(d);
    return true;
}

} // namespace

bool checkJsonValue(QByteArrayView token, QString* what, qsizetype base)
{
    JsonScanner s(token, base);
    if (!checkValue(s, 0, what)) return false;
    if (s.atEnd()) return true;
    s.fail(QStringLiteral("garbage after the value"));
    if (what) *what = s.error();
    return false;
}

int jsonNesting(QByteArrayView t)
{
    int depth = 0, deepest = 0;
    bool inString = false;
    for (qsizetype i = 0; i < t.size(); ++i) {
        const char c = t[i];
        if (inString) {
            if (c == '\\') ++i;
            else if (c == '"') inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            deepest = std::max(deepest, ++depth);
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return deepest;
}

bool JsonValueView::isDouble() const
{
    // A checked value that starts as a number is one.
    return !m_token.isEmpty() && (m_token.front() == '-' || m_token.front() == '.' || isDigit(m_token.front()));
}

QString JsonValueView::toString() const
{
    QString out;
    if (isString() && !jsonStringText(m_token, &out)) out.clear();
    return out;
}

qint64 JsonValueView::toInteger(qint64 defaultValue) const
{
    if (!isDouble()) return defaultValue;
    qint64 n = 0;
    if (asInteger(m_token, &n)) return n;
    return doubleTo(asDouble(m_token), &n) ? n : defaultValue;
}

int JsonValueView::toInt(int defaultValue) const
{
    if (!isDouble()) return defaultValue;
    qint64 n = 0;
    if (asInteger(m_token, &n)) return qint64(int(n)) == n ? int(n) : defaultValue;
    int i = 0;
    return doubleTo(asDouble(m_token), &i) ? i : defaultValue;
}

bool JsonValueView::toBool(bool defaultValue) const
{
    if (m_token == "true") return true;
    if (m_token == "false") return false;
    return defaultValue;
}

QList<JsonValueView> JsonValueView::toArray() const
{
    QList<JsonValueView> out;
    if (m_token.isEmpty() || m_token.front() != '[') return out;
    JsonScanner s(m_token);
    s.take('[');
    if (s.take(']')) return out;
    for (;;) {
        QByteArrayView v;
        if (!s.value(&v)) return {};
        out.append(JsonValueView(v));
        if (s.take(',')) continue;
        return out;
    }
}

bool JsonValueView::toObject(JsonObjectView* out) const
{
    *out = JsonObjectView();
    if (m_token.isEmpty() || m_token.front() != '{') return false;
    out->parseChecked(m_token); // a view's values come from a checked object
    return true;
}

JsonObjectView JsonValueView::toObject() const
{
    JsonObjectView o;
    toObject(&o);
    return o;
}

QJsonValue JsonValueView::toJsonValue() const
{
    if (m_token.isEmpty()) return QJsonValue(QJsonValue::Undefined);
    if (m_token == "{}") return QJsonObject();
    if (m_token == "[]") return QJsonArray();
    const char c = m_token.front();
    if (c == '{' || c == '[') {
        const QJsonDocument d = QJsonDocument::fromJson(QByteArray::fromRawData(m_token.data(), m_token.size()));
        return d.isObject() ? QJsonValue(d.object()) : QJsonValue(d.array());
    }
    if (c == '"') return toString();
    if (m_token == "true" || m_token == "false") return toBool();
    if (m_token == "null") return QJsonValue();
    qint64 n = 0;
    if (asInteger(m_token, &n)) return n;
    return asDouble(m_token);
}

bool JsonObjectView::parse(QByteArrayView text, qsizetype base, QString* error)
{
    return parseMembers(text, base, error, true);
}

void JsonObjectView::parseChecked(QByteArrayView text)
{
    if (!parseMembers(text, 0, nullptr, false)) *this = JsonObjectView();
}

bool JsonObjectView::parseMembers(QByteArrayView text, qsizetype base, QString* error, bool check)
{
    m_members.clear();
    m_decodedKeys.clear();
    JsonScanner s(text, base);
    auto fail = [&](const QString& why) {
        if (error) *error = why;
        return false;
    };
    if (!s.take('{')) {
        s.fail(QStringLiteral("an object expected"));
        return fail(s.error());
    }
    if (!s.take('}')) {
        for (;;) {
            QByteArrayView keyToken;
            if (!s.string(&keyToken)) return fail(s.error());
            Member m;
            const QByteArrayView inner = keyToken.sliced(1, keyToken.size() - 2);
            if (!inner.contains('\\')) {
                if (!QUtf8StringView(inner).isValidUtf8()) return fail(QStringLiteral("an illegal key before byte %1").arg(s.pos()));
                m.key = inner;
            } else {
                QString key;
                if (!jsonStringText(keyToken, &key)) return fail(QStringLiteral("an illegal key before byte %1").arg(s.pos()));
                m_decodedKeys.push_back(key.toUtf8());
                m.key = m_decodedKeys.back();
            }
            if (!s.take(':')) {
                s.fail(QStringLiteral("':' expected"));
                return fail(s.error());
            }
            s.peek();
            const qsizetype at = s.pos();
            if (!s.value(&m.value)) return fail(s.error());
            if (check) {
                JsonScanner checker(m.value, at);
                QString what;
                if (!checkValue(checker, 1, &what) || !checker.atEnd())
                    return fail(what.isEmpty() ? checker.error() : what);
            }
            m_members.append(m);
            if (s.take(',')) continue;
            if (s.take('}')) break;
            s.fail(QStringLiteral("',' or '}' expected"));
            return fail(s.error());
        }
    }
    if (!s.atEnd()) {
        s.fail(QStringLiteral("garbage after the object"));
        return fail(s.error());
    }
    return true;
}

JsonValueView JsonObjectView::value(QLatin1StringView key) const
{
    for (qsizetype i = m_members.size() - 1; i >= 0; --i) // the last of a repeated key, as QJsonDocument
        if (m_members[i].key.size() == key.size() && std::memcmp(m_members[i].key.data(), key.data(), key.size()) == 0)
            return JsonValueView(m_members[i].value);
    return {};
}

} // namespace socklab
