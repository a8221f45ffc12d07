#include "EventLogFilterModel.h"

#include "EventLogModel.h"

#include <algorithm>

namespace socklab {

EventLogFilterModel::EventLogFilterModel(QObject* parent) : QAbstractProxyModel(parent) {}

void EventLogFilterModel::resetWith(const std::function<void()>& change)
{
    beginResetModel();
    change();
    refilter();
    endResetModel();
}

void EventLogFilterModel::setActorFilter(const QString& actor)
{
    if (actor == m_actor) return;
    resetWith([&] { m_actor = actor; });
}

void EventLogFilterModel::setKindFilter(std::optional<EventKind> kind)
{
    if (kind == m_kind) return;
    resetWith([&] { m_kind = kind; });
}

void EventLogFilterModel::setSourceModel(QAbstractItemModel* source)
{
    beginResetModel();
    for (const auto& c : std::as_const(m_connections)) disconnect(c);
    m_connections.clear();
    QAbstractProxyModel::setSourceModel(source);
    if (source) {
        const auto begin = [this] { beginResetModel(); };
        const auto end = [this] {
            refilter();
            endResetModel();
        };
        m_connections << connect(source, &QAbstractItemModel::modelAboutToBeReset, this, begin)
                      << connect(source, &QAbstractItemModel::modelReset, this, end)
                      << connect(source, &QAbstractItemModel::rowsInserted, this, &EventLogFilterModel::onRowsInserted)
                      << connect(source, &QAbstractItemModel::dataChanged, this, &EventLogFilterModel::onDataChanged)
                      << connect(source, &QAbstractItemModel::headerDataChanged, this,
                                 &QAbstractItemModel::headerDataChanged)
                      // The log only grows or resets; anything else is rare: start again.
                      << connect(source, &QAbstractItemModel::rowsAboutToBeRemoved, this, begin)
                      << connect(source, &QAbstractItemModel::rowsRemoved, this, end)
                      << connect(source, &QAbstractItemModel::rowsAboutToBeMoved, this, begin)
                      << connect(source, &QAbstractItemModel::rowsMoved, this, end)
                      << connect(source, &QAbstractItemModel::columnsAboutToBeInserted, this, begin)
                      << connect(source, &QAbstractItemModel::columnsInserted, this, end)
                      << connect(source, &QAbstractItemModel::columnsAboutToBeRemoved, this, begin)
                      << connect(source, &QAbstractItemModel::columnsRemoved, this, end)
                      << connect(source, &QAbstractItemModel::layoutAboutToBeChanged, this, begin)
                      << connect(source, &QAbstractItemModel::layoutChanged, this, end);
    }
    refilter();
    endResetModel();
}

bool EventLogFilterModel::accepts(int sourceRow) const
{
    const QModelIndex idx = sourceModel()->index(sourceRow, 0);
    if (!m_actor.isEmpty() && idx.data(EventLogModel::ActorRole).toString() != m_actor) return false;
    if (m_kind && idx.data(EventLogModel::KindRole).toInt() != int(*m_kind)) return false;
    return true;
}

void EventLogFilterModel::refilter()
{
    m_rows.clear();
    if (!sourceModel() || !filtering()) return;
    const int n = sourceModel()->rowCount();
    for (int r = 0; r < n; ++r)
        if (accepts(r)) m_rows.append(r);
    m_rows.squeeze();
}

int EventLogFilterModel::firstProxyRowAtOrAfter(int sourceRow) const
{
    if (!filtering()) return sourceRow;
    return int(std::lower_bound(m_rows.begin(), m_rows.end(), sourceRow) - m_rows.begin());
}

void EventLogFilterModel::onRowsInserted(const QModelIndex& parent, int first, int last)
{
    if (parent.isValid()) return;
    const int count = last - first + 1;
    if (!filtering()) {
        beginInsertRows({}, first, last);
        endInsertRows();
        return;
    }
    const int at = firstProxyRowAtOrAfter(first);
    for (int i = at; i < m_rows.size(); ++i) m_rows[i] += count; // rows after the insertion moved down
    QList<int> fresh;
    for (int r = first; r <= last; ++r)
        if (accepts(r)) fresh.append(r);
    if (fresh.isEmpty()) return;
    beginInsertRows({}, at, at + int(fresh.size()) - 1);
    m_rows.insert(at, fresh.size(), 0);
    std::copy(fresh.begin(), fresh.end(), m_rows.begin() + at);
    endInsertRows();
}

void EventLogFilterModel::onDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight,
                                        const QList<int>& roles)
{
    if (!topLeft.isValid() || !bottomRight.isValid() || topLeft.parent().isValid()) return;
    // The filter's inputs do not change in a row: only map the range.
    const int first = firstProxyRowAtOrAfter(topLeft.row());
    const int last = firstProxyRowAtOrAfter(bottomRight.row() + 1) - 1;
    if (first > last) return;
    emit dataChanged(index(first, topLeft.column()), index(last, bottomRight.column()), roles);
}

QModelIndex EventLogFilterModel::index(int row, int column, const QModelIndex& parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= rowCount() || column >= columnCount()) return {};
    return createIndex(row, column);
}

QModelIndex EventLogFilterModel::parent(const QModelIndex&) const { return {}; }

QModelIndex EventLogFilterModel::sibling(int row, int column, const QModelIndex& idx) const
{
    return idx.isValid() ? index(row, column) : QModelIndex();
}

int EventLogFilterModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() || !sourceModel()) return 0;
    return filtering() ? int(m_rows.size()) : sourceModel()->rowCount();
}

int EventLogFilterModel::columnCount(const QModelIndex& parent) const
{
    if (parent.isValid() || !sourceModel()) return 0;
    return sourceModel()->columnCount();
}

bool EventLogFilterModel::hasChildren(const QModelIndex& parent) const
{
    return !parent.isValid() && rowCount() > 0 && columnCount() > 0;
}

QModelIndex EventLogFilterModel::mapToSource(const QModelIndex& proxyIndex) const
{
    if (!proxyIndex.isValid() || !sourceModel() || proxyIndex.model() != this) return {};
    return sourceModel()->index(sourceRowOf(proxyIndex.row()), proxyIndex.column());
}

QModelIndex EventLogFilterModel::mapFromSource(const QModelIndex& sourceIndex) const
{
    if (!sourceIndex.isValid() || !sourceModel() || sourceIndex.model() != sourceModel()) return {};
    const int row = firstProxyRowAtOrAfter(sourceIndex.row());
    if (row >= rowCount() || sourceRowOf(row) != sourceIndex.row()) return {};
    return createIndex(row, sourceIndex.column());
}

} // namespace socklab
