#include "EventLogPane.h"

#include "Captions.h"

#include "EventLogFilterModel.h"
#include "EventLogModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace socklab {

namespace {
constexpr EventKind kKinds[] = {EventKind::Call,  EventKind::Return, EventKind::Segment, EventKind::Datagram,
                                EventKind::State, EventKind::Queue,  EventKind::Timer,   EventKind::Note};
} // namespace

EventLogPane::EventLogPane(QWidget* parent)
    : QWidget(parent),
      m_model(new EventLogModel(this)),
      m_filter(new EventLogFilterModel(this)),
      m_view(new QTableView(this)),
      m_actorCombo(new QComboBox(this)),
      m_kindCombo(new QComboBox(this)),
      m_follow(new QCheckBox(tr("Follow cursor"), this))
{
    m_filter->setSourceModel(m_model);

    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setSectionResizeMode(EventLogModel::DescriptionColumn, QHeaderView::Stretch);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);

    m_kindCombo->addItem(tr("All kinds"));
    for (EventKind k : kKinds) m_kindCombo->addItem(EventLogModel::kindText(k), int(k));
    m_actorCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_kindCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    fillActorCombo();
    m_follow->setChecked(true);

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Actor:"), this));
    bar->addWidget(m_actorCombo);
    bar->addSpacing(12);
    bar->addWidget(new QLabel(tr("Kind:"), this));
    bar->addWidget(m_kindCombo);
    bar->addSpacing(12);
    bar->addWidget(m_follow);
    bar->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    fitColumns();
    connect(m_actorCombo, &QComboBox::currentIndexChanged, this, &EventLogPane::applyFilters);
    connect(m_kindCombo, &QComboBox::currentIndexChanged, this, &EventLogPane::applyFilters);
    connect(m_follow, &QCheckBox::toggled, this, [this](bool on) {
        if (on) scrollToCursor();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &EventLogPane::onCurrentRowChanged);
}

void EventLogPane::setTimeline(const Timeline& tl)
{
    m_model->setTimeline(tl);
    fillActorCombo();
    fitColumns();
    scrollToCursor();
}

void EventLogPane::setCursor(int eventIndex)
{
    m_model->setCursor(eventIndex);
    if (m_follow->isChecked()) scrollToCursor();
}

void EventLogPane::setSelectedPacket(int eventIndex)
{
    const QModelIndex src = eventIndex >= 0 && eventIndex < m_model->rowCount() ? m_model->index(eventIndex, 0)
                                                                                : QModelIndex();
    const QModelIndex proxy = m_filter->mapFromSource(src);
    m_programmatic = true;
    if (proxy.isValid()) {
        m_view->selectionModel()->setCurrentIndex(
            proxy, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_view->scrollTo(proxy);
    } else {
        m_view->selectionModel()->clearSelection();
    }
    m_programmatic = false;
}

void EventLogPane::setPresenter(bool on)
{
    if (m_baseFontSize < 0) m_baseFontSize = font().pointSizeF();
    QFont f = font();
    f.setPointSizeF(on ? m_baseFontSize * 1.6 : m_baseFontSize);
    setFont(f);
    m_view->horizontalHeader()->setFont(f); // the header does not inherit it under every style
    fitColumns();
}

// Sizes from the font and the words a column can hold, not from the rows:
// ResizeToContents measured up to a thousand rows of text on every change of
// the model, and a jump to the end of a million-event session recoloured
// them all (1.4 s of GUI-thread CPU, issue 12); resizing rows to their
// contents measured every row.
void EventLogPane::fitColumns()
{
    const QFontMetrics fm(m_view->font());
    const QFontMetrics hm(m_view->horizontalHeader()->font());
    const int pad = fm.horizontalAdvance(QLatin1Char('M')) * 2;
    auto fit = [&](int column, int contentWidth) {
        const int header = hm.horizontalAdvance(m_model->headerData(column, Qt::Horizontal).toString()) + pad;
        m_view->horizontalHeader()->resizeSection(column, std::max(contentWidth + pad, header));
    };
    fit(EventLogModel::TimeColumn, fm.horizontalAdvance(QStringLiteral("0000.000000")));
    int actor = 0;
    for (const ActorInfo& a : m_model->timeline().actors) actor = std::max(actor, fm.horizontalAdvance(actorTitle(a.name)));
    fit(EventLogModel::ActorColumn, actor + fm.height()); // the actor's colour swatch
    int kind = 0;
    for (EventKind k : kKinds) kind = std::max(kind, fm.horizontalAdvance(EventLogModel::kindText(k)));
    kind = std::max(kind, fm.horizontalAdvance(EventLogModel::kindText(EventKind::Wire)));
    fit(EventLogModel::KindColumn, kind);
    fit(EventLogModel::SourceColumn, std::max(fm.horizontalAdvance(EventLogModel::sourceText(Provenance::Derived)),
                                              fm.horizontalAdvance(EventLogModel::sourceText(Provenance::Kernel))));
    m_view->verticalHeader()->setDefaultSectionSize(fm.height() + fm.height() / 2);
}

void EventLogPane::fillActorCombo()
{
    const QString current = m_actorCombo->currentData().toString();
    const QSignalBlocker block(m_actorCombo);
    m_actorCombo->clear();
    m_actorCombo->addItem(tr("All actors"), QString());
    for (const ActorInfo& a : m_model->timeline().actors) m_actorCombo->addItem(actorTitle(a.name), a.name);
    const int i = m_actorCombo->findData(current);
    m_actorCombo->setCurrentIndex(i < 0 ? 0 : i);
    applyFilters();
}

void EventLogPane::applyFilters()
{
    // A new filter starts the rows again: the selected event stays selected
    // where it is still shown.
    const QModelIndex current = m_filter->mapToSource(m_view->selectionModel()->currentIndex());
    const int selected = current.isValid() ? current.row() : -1;
    m_filter->setActorFilter(m_actorCombo->currentData().toString());
    const QVariant k = m_kindCombo->currentData();
    m_filter->setKindFilter(k.isValid() ? std::optional<EventKind>(EventKind(k.toInt())) : std::nullopt);
    if (selected >= 0 && !m_view->selectionModel()->currentIndex().isValid()) setSelectedPacket(selected);
    if (m_follow->isChecked()) scrollToCursor();
}

void EventLogPane::scrollToCursor()
{
    // The nearest visible row at or before the cursor (filters may hide the cursor row).
    for (int row = m_model->cursor(); row >= 0; --row) {
        const QModelIndex proxy = m_filter->mapFromSource(m_model->index(row, 0));
        if (proxy.isValid()) {
            m_view->scrollTo(proxy, QAbstractItemView::PositionAtCenter);
            return;
        }
    }
    m_view->scrollToTop();
}

void EventLogPane::onCurrentRowChanged(const QModelIndex& current)
{
    if (m_programmatic || !current.isValid()) return;
    if (current.data(EventLogModel::IsPacketRole).toBool())
        emit packetSelected(current.data(EventLogModel::EventIndexRole).toInt());
}

} // namespace socklab
