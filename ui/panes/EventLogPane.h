#pragma once
// The event log pane: a table of every event with actor and kind filters and
// a "follow cursor" switch. Clicking a segment or datagram row selects that
// packet (packetSelected) for the packet-layers pane and the ladder.

#include "Timeline.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QTableView;

namespace socklab {

class EventLogFilterModel;
class EventLogModel;

class EventLogPane final : public QWidget
{
    Q_OBJECT

public:
    explicit EventLogPane(QWidget* parent = nullptr);

    void setTimeline(const Timeline& tl);
    void setCursor(int eventIndex);
    // Selects the row of event `eventIndex` without emitting packetSelected.
    void setSelectedPacket(int eventIndex);
    void setPresenter(bool on);

    EventLogModel* model() const { return m_model; }
    EventLogFilterModel* filterModel() const { return m_filter; }
    QTableView* view() const { return m_view; }
    QComboBox* actorCombo() const { return m_actorCombo; }
    QComboBox* kindCombo() const { return m_kindCombo; }
    QCheckBox* followCheck() const { return m_follow; }

signals:
    void packetSelected(int eventIndex);

private:
    void fillActorCombo();
    void fitColumns();
    void applyFilters();
    void scrollToCursor();
    void onCurrentRowChanged(const QModelIndex& current);

    EventLogModel* m_model;
    EventLogFilterModel* m_filter;
    QTableView* m_view;
    QComboBox* m_actorCombo;
    QComboBox* m_kindCombo;
    QCheckBox* m_follow;
    bool m_programmatic = false; // selection changes made by setSelectedPacket
    qreal m_baseFontSize = -1;
};

} // namespace socklab
