#pragma once
// A repeating value held as one pointer (8 bytes) instead of a 24-byte Qt
// handle: actor names, addresses, protocol names, TCP option orders repeat in
// every one of a million packet events (issue 12: memory per event).
//
// The value lives once in a process-wide pool that never frees an entry, so
// the pointer stays valid, reading it takes no lock and equal pooled values
// compare by address. The pool is bounded: past the bound a value is held in
// a heap copy of its own (still correct, just not shared), so a session file
// full of distinct names cannot grow it without end.
//
// It reads like the value it holds: `const T&` on demand, ==, qHash.

#include <QHash>
#include <QLatin1StringView>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <cstdint>
#include <type_traits>

namespace socklab {

namespace pool_detail {
// The pooled copy of `value`, or nullptr when the pool is full. Never for an
// empty value (that is the null handle).
const QString* pooled(const QString& value);
const QStringList* pooled(const QStringList& value);
} // namespace pool_detail

template <typename T>
class Pooled {
public:
    Pooled() noexcept = default;
    Pooled(const T& value) { set(value); } // NOLINT: implicit by design, like the T it replaces
    Pooled(const char* utf8) requires std::is_same_v<T, QString> { set(QString::fromUtf8(utf8)); } // NOLINT
    Pooled(QLatin1StringView s) requires std::is_same_v<T, QString> { set(QString(s)); }          // NOLINT
    Pooled(const Pooled& o) { copyFrom(o); }
    Pooled(Pooled&& o) noexcept : m_bits(o.m_bits) { o.m_bits = 0; }
    Pooled& operator=(const Pooled& o)
    {
        if (this != &o) {
            release();
            copyFrom(o);
        }
        return *this;
    }
    Pooled& operator=(Pooled&& o) noexcept
    {
        if (this != &o) {
            release();
            m_bits = o.m_bits;
            o.m_bits = 0;
        }
        return *this;
    }
    ~Pooled() { release(); }

    const T& value() const noexcept
    {
        static const T empty;
        const T* p = ptr();
        return p ? *p : empty;
    }
    operator const T&() const noexcept { return value(); } // NOLINT: reads as the value
    // Where a conversion does not happen by itself (QJsonValue, QVariant, arg(a, b)).
    const QString& toString() const noexcept requires std::is_same_v<T, QString> { return value(); }
    bool isEmpty() const noexcept { return m_bits == 0; }
    qsizetype size() const noexcept { return value().size(); }
    auto begin() const { return value().begin(); }
    auto end() const { return value().end(); }
    // Held in a copy of its own, not shared (the pool was full).
    bool isOwned() const noexcept { return (m_bits & kOwned) != 0; }

    friend bool operator==(const Pooled& a, const Pooled& b)
    {
        return a.m_bits == b.m_bits || a.value() == b.value();
    }
    friend bool operator==(const Pooled& a, const T& b) { return a.value() == b; }
    friend bool operator==(const Pooled& a, QLatin1StringView b) requires std::is_same_v<T, QString>
    {
        return a.value() == b;
    }
    friend bool operator==(const Pooled& a, QStringView b) requires std::is_same_v<T, QString>
    {
        return QStringView(a.value()) == b;
    }
    // UTF-8, as the constructor from const char* reads it.
    friend bool operator==(const Pooled& a, const char* b) requires std::is_same_v<T, QString>
    {
        for (const char* c = b; *c; ++c)
            if (static_cast<unsigned char>(*c) >= 0x80) return a.value() == QString::fromUtf8(b);
        return a.value() == QLatin1StringView(b); // ASCII: the same text either way, without a copy
    }
    friend bool operator<(const Pooled& a, const Pooled& b) { return a.value() < b.value(); }
    friend size_t qHash(const Pooled& a, size_t seed = 0) { return qHash(a.value(), seed); }

private:
    static constexpr uintptr_t kOwned = 1; // low bit: a heap copy this handle owns

    const T* ptr() const noexcept { return reinterpret_cast<const T*>(m_bits & ~kOwned); }
    void set(const T& value)
    {
        if (value.isEmpty()) return;
        if (const T* p = pool_detail::pooled(value)) m_bits = reinterpret_cast<uintptr_t>(p);
        else m_bits = reinterpret_cast<uintptr_t>(new T(value)) | kOwned;
    }
    void copyFrom(const Pooled& o)
    {
        m_bits = o.isOwned() ? (reinterpret_cast<uintptr_t>(new T(*o.ptr())) | kOwned) : o.m_bits;
    }
    void release() noexcept
    {
        if (isOwned()) delete ptr();
        m_bits = 0;
    }

    uintptr_t m_bits = 0; // 0: empty
};

using Interned = Pooled<QString>;
using InternedList = Pooled<QStringList>;

static_assert(sizeof(Interned) == sizeof(void*));

} // namespace socklab
