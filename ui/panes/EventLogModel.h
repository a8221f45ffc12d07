#pragma once
// The event log: one row per timeline event (time, actor, kind, description,
// source). A pure function of (timeline, cursor): rows after the cursor are
// greyed out, the cursor row is tinted, derived rows are in italics.

#include "ActorPalette.h"
#include "Timeline.h"

#include <QAbstractTableModel>

namespace socklab {

class EventLogModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TimeColumn, ActorColumn, KindColumn, DescriptionColumn, SourceColumn, ColumnCount };
    enum Role {
        EventIndexRole = Qt::UserRole + 1, // int: index in tl.events()
        ActorRole,                         // QString: actor name
        KindRole,                          // int: EventKind
        IsPacketRole,                      // bool: Segment or Datagram
    };

    explicit EventLogModel(QObject* parent = nullptr);

    void setTimeline(const Timeline& tl);
    const Timeline& timeline() const { return m_tl; }
    // Index of the current event in tl.events(); -1 = before the first.
    void setCursor(int eventIndex);
    int cursor() const { return m_cursor; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString kindText(EventKind k); // translated
    static QString sourceText(Provenance p); // the Source column: "derived" or "kernel", translated

private:
    QColor actorColor(const QString& actor) const;

    Timeline m_tl;
    int m_cursor = -1;
    ActorPalette m_palette;
};

} // namespace socklab
