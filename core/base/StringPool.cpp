#include "StringPool.h"

#include "Pooled.h"

#include <QHash>
#include <QMutex>

#include <type_traits>
#include <unordered_set>

namespace socklab {

namespace {

constexpr size_t kMaxEntries = 65536;

struct Hash {
    size_t operator()(const QString& s) const { return qHash(s); }
    size_t operator()(const QStringList& l) const { return qHashRange(l.begin(), l.end()); }
};

// Node-based sets: an entry never moves, so Pooled<T> can point at it.
struct Pool {
    QMutex mutex;
    std::unordered_set<QString, Hash> strings;
    std::unordered_set<QStringList, Hash> lists;
};

Pool& pool()
{
    static Pool* p = new Pool; // never destroyed: pointers into it live until exit
    return *p;
}

template <typename T>
const T* find(std::unordered_set<T, Hash>& set, const T& value)
{
    if (const auto it = set.find(value); it != set.end()) return &*it;
    if (set.size() >= kMaxEntries) return nullptr;
    T owned = value;
    if constexpr (std::is_same_v<T, QString>) owned.squeeze();
    return &*set.insert(std::move(owned)).first;
}

} // namespace

namespace pool_detail {

const QString* pooled(const QString& value)
{
    Pool& p = pool();
    QMutexLocker lock(&p.mutex);
    return find(p.strings, value);
}

const QStringList* pooled(const QStringList& value)
{
    Pool& p = pool();
    QMutexLocker lock(&p.mutex);
    QStringList owned;
    owned.reserve(value.size());
    for (const QString& s : value) {
        const QString* e = find(p.strings, s);
        owned.append(e ? *e : s);
    }
    return find(p.lists, owned);
}

} // namespace pool_detail

QString intern(const QString& s)
{
    if (s.isEmpty()) return {};
    const QString* p = pool_detail::pooled(s);
    return p ? *p : s;
}

QStringList intern(const QStringList& list)
{
    if (list.isEmpty()) return {};
    const QStringList* p = pool_detail::pooled(list);
    return p ? *p : list;
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
