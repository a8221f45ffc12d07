#pragma once
// Filters the event log by actor and by event kind (both optional).

#include "Event.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace socklab {

class EventLogFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit EventLogFilterModel(QObject* parent = nullptr);

    void setActorFilter(const QString& actor); // empty: every actor
    QString actorFilter() const { return m_actor; }
    void setKindFilter(std::optional<EventKind> kind); // nullopt: every kind
    std::optional<EventKind> kindFilter() const { return m_kind; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_actor;
    std::optional<EventKind> m_kind;
};

} // namespace socklab
