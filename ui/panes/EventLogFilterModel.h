#pragma once
// Filters the event log by actor and by event kind (both optional).
//
// A proxy of its own rather than QSortFilterProxyModel: a cursor move
// recolours every row between the old and the new cursor, and for a jump
// from Home to End of a million-event session QSortFilterProxyModel walked
// each of those rows on every dataChanged (2 s of GUI-thread CPU, issue 12).
// Here the accepted source rows are one sorted list (none while nothing is
// filtered), so mapping a change, a row or a range costs a binary search.
// What the filter looks at (actor, kind) never changes in a row once it is
// in the log.

#include "Event.h"

#include <QAbstractProxyModel>
#include <QList>

#include <functional>
#include <optional>

namespace socklab {

class EventLogFilterModel final : public QAbstractProxyModel
{
    Q_OBJECT

public:
    explicit EventLogFilterModel(QObject* parent = nullptr);

    void setActorFilter(const QString& actor); // empty: every actor
    QString actorFilter() const { return m_actor; }
    void setKindFilter(std::optional<EventKind> kind); // nullopt: every kind
    std::optional<EventKind> kindFilter() const { return m_kind; }

    void setSourceModel(QAbstractItemModel* source) override;
    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex& idx) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    QModelIndex mapToSource(const QModelIndex& proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex& sourceIndex) const override;

private:
    bool filtering() const { return !m_actor.isEmpty() || m_kind.has_value(); }
    bool accepts(int sourceRow) const;
    void refilter(); // m_rows from the source, inside a reset
    void resetWith(const std::function<void()>& change);
    int sourceRowOf(int proxyRow) const { return filtering() ? m_rows.at(proxyRow) : proxyRow; }
    int firstProxyRowAtOrAfter(int sourceRow) const;

    void onRowsInserted(const QModelIndex& parent, int first, int last);
    void onDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight, const QList<int>& roles);

    QString m_actor;
    std::optional<EventKind> m_kind;
    QList<int> m_rows; // accepted source rows, ascending; unused while not filtering
    QList<QMetaObject::Connection> m_connections;
};

} // namespace socklab
