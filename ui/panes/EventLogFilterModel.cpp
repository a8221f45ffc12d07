#include "EventLogFilterModel.h"

#include "EventLogModel.h"

namespace socklab {

EventLogFilterModel::EventLogFilterModel(QObject* parent) : QSortFilterProxyModel(parent)
{
    // What the filter looks at (actor, kind) never changes in a row once it
    // is in the log; only colours and step values do. A dynamic filter would
    // re-filter every row of each dataChanged: a jump from Home to End of a
    // million-event session re-filtered a million rows (issue 12). Inserted
    // rows are filtered all the same; a filter change invalidates itself.
    setDynamicSortFilter(false);
}

void EventLogFilterModel::setActorFilter(const QString& actor)
{
    if (actor == m_actor) return;
    m_actor = actor;
    invalidateFilter();
}

void EventLogFilterModel::setKindFilter(std::optional<EventKind> kind)
{
    if (kind == m_kind) return;
    m_kind = kind;
    invalidateFilter();
}

bool EventLogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_actor.isEmpty() && idx.data(EventLogModel::ActorRole).toString() != m_actor) return false;
    if (m_kind && idx.data(EventLogModel::KindRole).toInt() != int(*m_kind)) return false;
    return true;
}

} // namespace socklab
