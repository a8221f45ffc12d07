#include "EventLogModel.h"

#include "Captions.h"

#include <QBrush>
#include <QFont>
#include <QPalette>

namespace socklab {

EventLogModel::EventLogModel(QObject* parent) : QAbstractTableModel(parent) {}

namespace {
bool sameEvent(const Event& a, const Event& b)
{
    return a.tUs == b.tUs && a.kind == b.kind && a.actor == b.actor && a.provenance == b.provenance;
}
} // namespace

void EventLogModel::setTimeline(const Timeline& tl)
{
    // A live session grows step by step: insert the new rows so that the
    // view keeps its selection and scroll position; anything else resets.
    const int old = m_tl.size();
    const bool grows = old > 0 && tl.size() >= old && tl.scenarioId == m_tl.scenarioId &&
                       tl.originEpochUs == m_tl.originEpochUs && sameEvent(tl.at(old - 1), m_tl.at(old - 1));
    if (!grows) {
        beginResetModel();
        m_tl = tl;
        m_cursor = qBound(-1, m_cursor, m_tl.size() - 1);
        endResetModel();
        return;
    }
    if (tl.size() > old) {
        beginInsertRows({}, old, tl.size() - 1);
        m_tl = tl;
        endInsertRows();
    } else {
        m_tl = tl;
    }
    // Descriptions quote step values that may have been filled in since.
    emit dataChanged(index(0, 0), index(old - 1, ColumnCount - 1), {Qt::DisplayRole, Qt::ToolTipRole});
}

void EventLogModel::setCursor(int eventIndex)
{
    eventIndex = qBound(-1, eventIndex, m_tl.size() - 1);
    if (eventIndex == m_cursor) return;
    // Only the rows between the old and the new cursor change colour.
    const int first = qMax(0, qMin(m_cursor, eventIndex));
    const int last = qMax(m_cursor, eventIndex);
    m_cursor = eventIndex;
    if (last >= 0 && !m_tl.isEmpty())
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1),
                         {Qt::ForegroundRole, Qt::BackgroundRole, Qt::FontRole, Qt::DecorationRole});
}

int EventLogModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : m_tl.size(); }

int EventLogModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString EventLogModel::kindText(EventKind k)
{
    switch (k) {
    case EventKind::Call: return tr("call");
    case EventKind::Return: return tr("return");
    case EventKind::Segment: return tr("segment");
    case EventKind::Datagram: return tr("datagram");
    case EventKind::State: return tr("state");
    case EventKind::Queue: return tr("queue");
    case EventKind::Timer: return tr("timer");
    case EventKind::Note: return tr("note");
    case EventKind::Wire: return tr("wire");
    }
    return {};
}

QString EventLogModel::sourceText(Provenance p) { return p == Provenance::Derived ? tr("derived") : tr("kernel"); }

QColor EventLogModel::actorColor(const QString& actor) const
{
    const int i = m_tl.actorIndex(actor);
    if (i < 0) return {};
    return m_palette.actorColor(m_tl.actors.at(i).role, i);
}

QVariant EventLogModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const int row = index.row();
    const Event& e = m_tl.at(row);
    const bool future = row > m_cursor;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn: return QString::number(double(e.tUs) / 1e6, 'f', 6);
        case ActorColumn: return actorTitle(e.actor.toString()); // 客户端, as the ladder names it
        case KindColumn: return kindText(e.kind);
        case DescriptionColumn: return eventSummary(m_tl, e);
        case SourceColumn: return sourceText(e.provenance);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == SourceColumn)
            return e.provenance == Provenance::Derived ? tr("Inferred by socklab from the protocol")
                                                       : tr("Observed in the kernel");
        if (index.column() == DescriptionColumn) return eventSummary(m_tl, e);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == TimeColumn) return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole: {
        // Events after the cursor have not "happened" yet.
        if (future) return QBrush(QColor(160, 160, 160));
        if (index.column() == ActorColumn) {
            const QColor c = actorColor(e.actor);
            if (c.isValid()) return QBrush(c.darker(115));
        }
        if (e.provenance == Provenance::Derived) return QBrush(m_palette.derivedColor().darker(130));
        return {};
    }
    case Qt::BackgroundRole:
        if (row == m_cursor) return QBrush(QColor(255, 236, 150));
        return {};
    case Qt::DecorationRole:
        if (index.column() == ActorColumn) {
            QColor c = actorColor(e.actor);
            if (!c.isValid()) return {};
            if (future) c.setAlpha(90);
            return c;
        }
        return {};
    case Qt::FontRole: {
        if (e.provenance != Provenance::Derived && row != m_cursor) return {};
        // Only the resolved attributes apply, so the view's (presenter) size stays.
        QFont f;
        f.setItalic(e.provenance == Provenance::Derived);
        if (row == m_cursor) f.setBold(true);
        return f;
    }
    case EventIndexRole: return row;
    case ActorRole: return e.actor.toString();
    case KindRole: return int(e.kind);
    case IsPacketRole: return e.kind == EventKind::Segment || e.kind == EventKind::Datagram;
    }
    return {};
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case TimeColumn: return tr("Time (s)");
    case ActorColumn: return tr("Actor");
    case KindColumn: return tr("Kind");
    case DescriptionColumn: return tr("Description");
    case SourceColumn: return tr("Source");
    }
    return {};
}

} // namespace socklab
