#include "StringPool.h"

#include <QHash>
#include <QMutex>
#include <QSet>

namespace socklab {

namespace {

constexpr qsizetype kMaxEntries = 65536;

struct Pool {
    QMutex mutex;
    QSet<QString> strings;
    QHash<QString, QStringList> lists; // joined by '\x1f' -> the pooled list
};

Pool& pool()
{
    static Pool p;
    return p;
}

} // namespace

QString intern(const QString& s)
{
    if (s.isEmpty()) return {};
    Pool& p = pool();
    QMutexLocker lock(&p.mutex);
    if (const auto it = p.strings.constFind(s); it != p.strings.constEnd()) return *it;
    if (p.strings.size() >= kMaxEntries) return s;
    QString owned = s;
    owned.squeeze();
    p.strings.insert(owned);
    return owned;
}

QStringList intern(const QStringList& list)
{
    if (list.isEmpty()) return {};
    const QString key = list.join(QChar(0x1f));
    Pool& p = pool();
    QMutexLocker lock(&p.mutex);
    if (const auto it = p.lists.constFind(key); it != p.lists.constEnd()) return *it;
    if (p.lists.size() >= kMaxEntries) return list;
    QStringList owned;
    owned.reserve(list.size());
    for (const QString& s : list) {
        if (const auto it = p.strings.constFind(s); it != p.strings.constEnd()) owned.append(*it);
        else owned.append(s);
    }
    p.lists.insert(key, owned);
    return owned;
}

QByteArray sharedSlice(const QByteArray& whole, qsizetype pos, qsizetype len)
{
    if (len <= 0 || pos < 0 || pos + len > whole.size()) return whole.mid(pos, len);
    QByteArray holder = whole;                       // shares whole's buffer
    QByteArray::DataPointer dp = holder.data_ptr(); // one more reference to it
    if (!dp.d_ptr()) return whole.mid(pos, len);     // raw data: nothing to share
    dp.ptr += pos;
    dp.size = len;
    return QByteArray(std::move(dp));
}

} // namespace socklab
