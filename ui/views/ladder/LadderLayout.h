#pragma once
// Pure layout math of the ladder (sequence) diagram, no painting.
//
// x: one lifeline per actor (clients left, servers right).
// y: a compressed time axis — every drawn event gets a row of its own, in
// timeline order, so idle seconds take no space; long idle gaps get a short
// marker row instead. Rows are sorted by y, so the rows visible in a viewport
// are found by binary search and painting costs O(visible rows).

#include "Timeline.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QVector>

namespace socklab {

struct LadderRow {
    enum class Type { StepMark, Gap, Call, Wait, Arrow, State, Timer, Note };
    Type type = Type::Note;
    int eventIndex = -1;    // the event this row shows (Call: the call; Wait: the blocked return)
    int endEventIndex = -1; // Call: its immediate return; Wait: the real return (-1: never returned)
    int actor = -1;         // column of the actor
    int toActor = -1;       // Arrow: column of the receiver (-1: outside the diagram)
    QString text;           // label: "SYN seq=0", "connect(('127.0.0.1', 8888)) → 0", "ESTABLISHED"
    QString detail;         // secondary text: step time, socket name, cause of a state
    bool derived = false;   // inferred, not observed: drawn dashed / italic with a marker
    bool error = false;     // RST, ICMP unreachable, a call that failed
    // Wire mode. Dropped: a segment the wire dropped (drawn as lost, half-way);
    // Held: the wire's hold of a packet (endEventIndex: its release or drop, -1: still held).
    enum class Wire { None, Dropped, Held };
    Wire wire = Wire::None;
    qint64 wireDelayUs = 0; // Arrow: the wire delayed this segment so long
    qint64 packetId = 0;    // Held: the wire's id of the packet (what Release and Drop take)
    qreal y = 0;            // top of the row in unzoomed units (rowHeight = 1)
    qreal height = 1;       // unzoomed units
};

class LadderLayout
{
public:
    struct Metrics {
        qreal rowHeight = 30;   // pixels per unit at zoom 1
        qreal headerHeight = 56; // actor names above the first row
        qreal gutter = 96;      // left margin: step numbers and times
        qreal labelArea = 250;  // room for call labels outside the outer lifelines
        qreal minColumnGap = 300;
    };

    void setTimeline(const Timeline& tl);
    void setMetrics(const Metrics& m) { m_metrics = m; }
    const Metrics& metrics() const { return m_metrics; }
    void setZoom(qreal zoom) { m_zoom = qBound(0.05, zoom, 8.0); }
    qreal zoom() const { return m_zoom; }

    // Actors as columns, left to right.
    int actorCount() const { return int(m_actors.size()); }
    QString actorName(int column) const { return m_actors.value(column); }
    QString actorRole(int column) const { return m_roles.value(column); }
    int columnOf(const QString& actor) const { return int(m_actors.indexOf(actor)); }
    qreal actorX(int column, qreal width) const;
    qreal minimumWidth() const;
    // The horizontal scroll position that shows row `row` (its lifeline, the
    // receiver's for an arrow, and the label room beside them) in a viewport of
    // viewportWidth, moving as little as possible from `current`: a ladder
    // wider than its pane (three actors on a projector) follows the cursor
    // sideways as it follows it down.
    qreal horizontalScrollFor(int row, qreal current, qreal viewportWidth) const;

    const QVector<LadderRow>& rows() const { return m_rows; }
    qreal rowTop(int row) const { return m_metrics.headerHeight + m_rows[row].y * m_metrics.rowHeight * m_zoom; }
    qreal rowHeightPx(int row) const { return m_rows[row].height * m_metrics.rowHeight * m_zoom; }
    qreal contentHeight() const;

    // The last row whose event is at or before eventIndex (-1: none); binary search.
    int lastRowAtOrBefore(int eventIndex) const;
    // y (pixels, content coordinates) at which event eventIndex is drawn (its row's top).
    qreal yOfEvent(int eventIndex) const;
    // Rows [first, last] that intersect the band [top, bottom) of content y; binary search.
    // first > last when nothing is visible.
    QPair<int, int> visibleRows(qreal top, qreal bottom) const;
    // Wait bars (rows of type Wait) — few, so listed apart for painting across the viewport.
    const QVector<int>& waitRows() const { return m_waitRows; }

private:
    void addRow(LadderRow r, qreal height);

    Metrics m_metrics;
    qreal m_zoom = 1.0;
    QStringList m_actors;
    QStringList m_roles;
    QVector<LadderRow> m_rows;
    QVector<int> m_rowEvent; // eventIndex of each row (non-decreasing)
    QVector<int> m_waitRows;
    qreal m_total = 0;
};

} // namespace socklab
