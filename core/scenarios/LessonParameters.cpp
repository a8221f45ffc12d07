#include "LessonParameters.h"

#include "LessonScenarios.h"
#include "ScenarioBuilder.h"

#include <QStringList>

namespace socklab {

namespace {

QByteArray unescape(QByteArray s)
{
    s.replace("\\n", "\n").replace("\\t", "\t").replace("\\r", "\r");
    return s;
}

QByteArray toBytes(const QVariant& v)
{
    return v.typeId() == QMetaType::QByteArray ? v.toByteArray() : v.toString().toUtf8();
}

// What each scenario lets the user change (besides "port").
const QHash<QString, QStringList>& knownKeys()
{
    static const QHash<QString, QStringList> keys{
        {"buffers", {"sndbuf", "rcvbuf", "size"}},
        {"sticky", {"messages", "count"}},
        {"fix-delimiter", {"messages", "count", "delimiter"}},
        {"fix-length-prefix", {"messages", "count"}},
        {"fix-pacing", {"messages", "count"}},
        {"udp", {"messages", "count", "bufsize"}},
        {"backlog", {"backlog"}},
        {"time-wait", {}},
        {"homework", {"special", "message"}},
        {"bind-address", {}},
    };
    return keys;
}

bool checkInt(const QVariantMap& p, const QString& key, qint64 lo, qint64 hi, Problem* error)
{
    if (!p.contains(key)) return true;
    bool ok = false;
    const qint64 v = p.value(key).toString().toLongLong(&ok);
    if (ok && v >= lo && v <= hi) return true;
    *error = Problem(QStringLiteral("param-range"),
                     {{"name", key}, {"min", lo}, {"max", hi}, {"value", p.value(key).toString()}});
    return false;
}

} // namespace

qint64 intParam(const QVariantMap& p, const QString& key, qint64 fallback)
{
    bool ok = false;
    const qint64 v = p.value(key).toString().toLongLong(&ok);
    return p.contains(key) && ok ? v : fallback;
}

QByteArray bytesParam(const QVariantMap& p, const QString& key, const QByteArray& fallback)
{
    return p.contains(key) ? unescape(toBytes(p.value(key))) : fallback;
}

QList<QByteArray> messagesParam(const QVariantMap& p, const QList<QByteArray>& defaults)
{
    QList<QByteArray> base;
    const QVariant v = p.value("messages");
    if (v.typeId() == QMetaType::QStringList || v.typeId() == QMetaType::QVariantList) {
        for (const QVariant& x : v.toList())
            base << unescape(toBytes(x));
    } else if (p.contains("messages")) {
        for (const QByteArray& m : toBytes(v).split('|'))
            base << unescape(m);
    } else {
        base = defaults;
    }
    const qint64 count = intParam(p, "count", base.size());
    QList<QByteArray> out;
    for (qint64 i = 0; i < count && !base.isEmpty(); ++i)
        out << base[i % base.size()];
    return out;
}

void usePortParam(ScenarioBuilder& b, const QVariantMap& p)
{
    if (p.contains("port")) b.param("port", intParam(p, "port", 8888));
}

QByteArray joined(const QList<QByteArray>& parts)
{
    QByteArray out;
    for (const QByteArray& b : parts)
        out += b;
    return out;
}

QVariantList toVariantList(const QList<QByteArray>& parts)
{
    QVariantList out;
    for (const QByteArray& b : parts)
        out << b;
    return out;
}

bool checkLessonParameters(const QString& id, const QVariantMap& p, Problem* error)
{
    Problem local;
    if (!error) error = &local;
    if (!checkInt(p, "port", 1, 65535, error)) return false;
    const auto known = knownKeys().find(id);
    if (known == knownKeys().end()) return true; // the engine's own scenarios check themselves
    for (auto it = p.begin(); it != p.end(); ++it) {
        if (it.key() == QLatin1String("port") || known->contains(it.key())) continue;
        *error = Problem(QStringLiteral("param-unknown"),
                         {{"scenario", id}, {"name", it.key()}, {"known", QStringList(*known) << QStringLiteral("port")}});
        return false;
    }
    if (!checkInt(p, "sndbuf", 1, kMaxBufferBytes, error) || !checkInt(p, "rcvbuf", 1, kMaxBufferBytes, error)
        || !checkInt(p, "size", 1, kMaxBufferBytes, error) || !checkInt(p, "count", 1, kMaxMessages, error)
        || !checkInt(p, "bufsize", 1, 65507, error) || !checkInt(p, "backlog", 1, 4, error))
        return false;
    const QList<QByteArray> msgs = messagesParam(p, {QByteArray("hello"), QByteArray("The quick brown fox")});
    if (msgs.isEmpty() || msgs.size() > kMaxMessages) {
        *error = Problem(QStringLiteral("param-messages-count"), {{"max", kMaxMessages}});
        return false;
    }
    for (int i = 0; i < msgs.size(); ++i) {
        if (msgs[i].isEmpty()) {
            *error = Problem(QStringLiteral("param-message-empty"), {{"index", i + 1}});
            return false;
        }
        if (msgs[i].size() > kMaxMessageBytes) {
            *error = Problem(QStringLiteral("param-message-too-long"),
                             {{"index", i + 1}, {"bytes", msgs[i].size()}, {"max", kMaxMessageBytes}});
            return false;
        }
        if (id == QLatin1String("fix-pacing") && msgs[i].size() > 1024) {
            *error = Problem(QStringLiteral("param-message-over-recv"),
                             {{"index", i + 1}, {"bytes", msgs[i].size()}, {"max", 1024}});
            return false;
        }
        if (id == QLatin1String("udp") && msgs[i].size() > 65507) {
            *error = Problem(QStringLiteral("param-message-over-udp"),
                             {{"index", i + 1}, {"bytes", msgs[i].size()}, {"max", 65507}});
            return false;
        }
    }
    for (const char* key : {"delimiter", "special", "message"}) {
        if (!p.contains(key)) continue;
        const QByteArray v = bytesParam(p, key, {});
        if (v.isEmpty()) {
            *error = Problem(QStringLiteral("param-empty"), {{"name", QString::fromLatin1(key)}});
            return false;
        }
        if (v.size() > kMaxMessageBytes) {
            *error = Problem(QStringLiteral("param-too-long"),
                             {{"name", QString::fromLatin1(key)}, {"bytes", v.size()}, {"max", kMaxMessageBytes}});
            return false;
        }
    }
    if (id == QLatin1String("fix-delimiter")) {
        const QByteArray d = bytesParam(p, "delimiter", "#");
        for (int i = 0; i < msgs.size(); ++i)
            if (msgs[i].contains(d)) {
                *error = Problem(QStringLiteral("param-message-has-delimiter"),
                                 {{"index", i + 1}, {"delimiter", QString::fromUtf8(d)}});
                return false;
            }
    }
    return true;
}

} // namespace socklab
