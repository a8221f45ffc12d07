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

bool checkInt(const QVariantMap& p, const QString& key, qint64 lo, qint64 hi, const QString& what, QString* error)
{
    if (!p.contains(key)) return true;
    bool ok = false;
    const qint64 v = p.value(key).toString().toLongLong(&ok);
    if (ok && v >= lo && v <= hi) return true;
    *error = QStringLiteral("%1 must be a whole number from %2 to %3 (got \"%4\")")
                 .arg(what).arg(lo).arg(hi).arg(p.value(key).toString());
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

bool checkLessonParameters(const QString& id, const QVariantMap& p, QString* error)
{
    QString local;
    if (!error) error = &local;
    if (!checkInt(p, "port", 1, 65535, QStringLiteral("port"), error)) return false;
    const auto known = knownKeys().find(id);
    if (known == knownKeys().end()) return true; // the engine's own scenarios check themselves
    for (auto it = p.begin(); it != p.end(); ++it) {
        if (it.key() == QLatin1String("port") || known->contains(it.key())) continue;
        *error = known->isEmpty()
                     ? QStringLiteral("%1 has no parameter \"%2\" (only: port)").arg(id, it.key())
                     : QStringLiteral("%1 has no parameter \"%2\" (known: %3, port)")
                           .arg(id, it.key(), known->join(QStringLiteral(", ")));
        return false;
    }
    if (!checkInt(p, "sndbuf", 1, kMaxBufferBytes, QStringLiteral("sndbuf (send buffer bytes)"), error)
        || !checkInt(p, "rcvbuf", 1, kMaxBufferBytes, QStringLiteral("rcvbuf (receive buffer bytes)"), error)
        || !checkInt(p, "size", 1, kMaxBufferBytes, QStringLiteral("size (bytes to send)"), error)
        || !checkInt(p, "count", 1, kMaxMessages, QStringLiteral("count (number of messages)"), error)
        || !checkInt(p, "bufsize", 1, 65507, QStringLiteral("bufsize (recvfrom buffer bytes)"), error)
        || !checkInt(p, "backlog", 1, 4, QStringLiteral("backlog (listen(n))"), error))
        return false;
    const QList<QByteArray> msgs = messagesParam(p, {QByteArray("hello"), QByteArray("The quick brown fox")});
    if (msgs.isEmpty() || msgs.size() > kMaxMessages) {
        *error = QStringLiteral("messages: give 1 to %1 messages separated by '|'").arg(kMaxMessages);
        return false;
    }
    for (int i = 0; i < msgs.size(); ++i) {
        if (msgs[i].isEmpty()) {
            *error = QStringLiteral("message %1 is empty: TCP cannot show a message of no bytes").arg(i + 1);
            return false;
        }
        if (msgs[i].size() > kMaxMessageBytes) {
            *error = QStringLiteral("message %1 is %2 bytes; the limit is 1 MiB (%3 bytes)")
                         .arg(i + 1).arg(msgs[i].size()).arg(kMaxMessageBytes);
            return false;
        }
        if (id == QLatin1String("fix-pacing") && msgs[i].size() > 1024) {
            *error = QStringLiteral("message %1 is %2 bytes; in fix-pacing the receiver reads 1024 bytes a time, "
                                    "so pacing alone cannot keep it whole")
                         .arg(i + 1).arg(msgs[i].size());
            return false;
        }
        if (id == QLatin1String("udp") && msgs[i].size() > 65507) {
            *error = QStringLiteral("message %1 is %2 bytes; a UDP datagram holds at most 65507")
                         .arg(i + 1).arg(msgs[i].size());
            return false;
        }
    }
    for (const char* key : {"delimiter", "special", "message"}) {
        if (!p.contains(key)) continue;
        const QByteArray v = bytesParam(p, key, {});
        if (v.isEmpty()) {
            *error = QStringLiteral("%1 must not be empty").arg(key);
            return false;
        }
        if (v.size() > kMaxMessageBytes) {
            *error = QStringLiteral("%1 is %2 bytes; the limit is 1 MiB").arg(key).arg(v.size());
            return false;
        }
    }
    if (id == QLatin1String("fix-delimiter")) {
        const QByteArray d = bytesParam(p, "delimiter", "#");
        for (int i = 0; i < msgs.size(); ++i)
            if (msgs[i].contains(d)) {
                *error = QStringLiteral("message %1 contains the delimiter \"%2\": the receiver would cut it in two")
                             .arg(i + 1).arg(QString::fromUtf8(d));
                return false;
            }
    }
    return true;
}

} // namespace socklab
