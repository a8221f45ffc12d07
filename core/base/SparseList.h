#pragma once
// A list that is almost always empty (a segment's SACK blocks): one pointer
// inline instead of a 24-byte QList, and a heap list only while it holds
// something (issue 12: memory per event). A value type: copies are deep.

#include <QList>

#include <memory>

namespace socklab {

template <typename T>
class SparseList {
public:
    SparseList() noexcept = default;
    SparseList(std::initializer_list<T> items)
    {
        for (const T& t : items) append(t);
    }
    SparseList(const SparseList& o) : m_list(o.isEmpty() ? nullptr : std::make_unique<QList<T>>(*o.m_list)) {}
    SparseList(SparseList&&) noexcept = default;
    SparseList& operator=(const SparseList& o)
    {
        if (this != &o) m_list = o.isEmpty() ? nullptr : std::make_unique<QList<T>>(*o.m_list);
        return *this;
    }
    SparseList& operator=(SparseList&&) noexcept = default;
    ~SparseList() = default;

    bool isEmpty() const noexcept { return !m_list || m_list->isEmpty(); }
    qsizetype size() const noexcept { return m_list ? m_list->size() : 0; }
    const T& at(qsizetype i) const { return m_list->at(i); }
    const T& operator[](qsizetype i) const { return m_list->at(i); }
    const T* begin() const noexcept { return m_list ? m_list->constData() : nullptr; }
    const T* end() const noexcept { return m_list ? m_list->constData() + m_list->size() : nullptr; }
    void append(const T& t)
    {
        if (!m_list) m_list = std::make_unique<QList<T>>();
        m_list->append(t);
    }
    void clear() noexcept { m_list.reset(); }

    friend bool operator==(const SparseList& a, const SparseList& b)
    {
        if (a.isEmpty() || b.isEmpty()) return a.isEmpty() == b.isEmpty();
        return *a.m_list == *b.m_list;
    }

private:
    std::unique_ptr<QList<T>> m_list;
};

} // namespace socklab
