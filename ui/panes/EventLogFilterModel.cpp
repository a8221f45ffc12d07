#include "EventLogFilterModel.h"

#include "EventLogModel.h"

namespace socklab {

EventLogFilterModel::EventLogFilterModel(QObject* parent) : QSortFilterProxyModel(parent) {}

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
