#include "ScenarioListPane.h"

#include "ScenarioCatalog.h"
#include "ScenarioTitle.h"
#include "WrappedTitleDelegate.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace socklab {

ScenarioListPane::ScenarioListPane(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_list(new QListWidget(this))
{
    m_basePointSize = font().pointSizeF() > 0 ? font().pointSizeF() : 10;
    m_list->setWordWrap(true);
    m_list->setUniformItemSizes(false);
    m_list->setTextElideMode(Qt::ElideNone);
    m_list->setSpacing(2);
    m_list->setResizeMode(QListView::Adjust); // a new width lays the titles out again
    m_list->setItemDelegate(new WrappedTitleDelegate(m_list));
    fill();
    auto* box = new QVBoxLayout(this);
    box->setContentsMargins(6, 6, 6, 6);
    box->addWidget(m_title);
    box->addWidget(m_list, 1);
    // Only what the user does chooses a scenario: a click, Enter, or moving
    // through the list with the keys. The view also makes an item current by
    // itself (the first one, when the list gets the focus back with none
    // current): that threw a recording of the user's own programs away.
    m_list->installEventFilter(this);
    m_list->viewport()->installEventFilter(this);
    connect(m_list, &QListWidget::itemActivated, this, &ScenarioListPane::choose); // Enter on the current one
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (m_quiet) return;
        if (m_userInput) {
            choose(item);
            return;
        }
        // Made current by the view itself: the list keeps showing what is on screen.
        m_quiet = true;
        QListWidgetItem* shown = nullptr;
        for (int i = 0; i < m_list->count(); ++i)
            if (m_list->item(i)->data(Qt::UserRole).toString() == m_shown) shown = m_list->item(i);
        m_list->setCurrentItem(shown);
        if (!shown) m_list->clearSelection();
        m_quiet = false;
    });
    retranslate();
}

void ScenarioListPane::fill()
{
    for (const QString& id : ScenarioCatalog::ids()) {
        auto* item = new QListWidgetItem(m_list);
        item->setData(Qt::UserRole, id);
    }
}

void ScenarioListPane::reload()
{
    m_quiet = true;
    m_list->clear();
    fill();
    m_quiet = false;
    retranslate();
    if (!m_shown.isEmpty()) setCurrent(m_shown);
}

void ScenarioListPane::choose(QListWidgetItem* item)
{
    if (!item || m_quiet) return;
    const QString id = item->data(Qt::UserRole).toString();
    if (id == m_shown) return; // a click on the scenario on screen does not start it again
    m_shown = id;
    emit scenarioChosen(id);
}

bool ScenarioListPane::eventFilter(QObject* watched, QEvent* event)
{
    // A key press or a click moving the current item is a choice; any other
    // event (a release, the focus coming back) ends that: the list's own moves are not.
    if (watched == m_list || watched == m_list->viewport())
        m_userInput = event->type() == QEvent::KeyPress || event->type() == QEvent::MouseButtonPress;
    return QWidget::eventFilter(watched, event);
}

void ScenarioListPane::clearCurrent()
{
    m_quiet = true;
    m_list->setCurrentItem(nullptr);
    m_list->clearSelection();
    m_shown.clear();
    m_quiet = false;
}

void ScenarioListPane::setCurrent(const QString& id)
{
    m_shown = id;
    m_quiet = true;
    bool found = false;
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->data(Qt::UserRole).toString() == id) {
            m_list->setCurrentRow(i);
            found = true;
        }
    if (!found) { // a recording of the user's programs, or a scenario this catalogue lacks: no row is shown
        m_list->setCurrentItem(nullptr);
        m_list->clearSelection();
    }
    m_quiet = false;
}

QString ScenarioListPane::current() const
{
    const QListWidgetItem* item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

QStringList ScenarioListPane::ids() const { return ScenarioCatalog::ids(); }

void ScenarioListPane::retranslate()
{
    m_title->setText(tr("<b>Scenarios</b>"));
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem* item = m_list->item(i);
        const QString id = item->data(Qt::UserRole).toString();
        item->setText(scenarioListTitle(id));
        item->setToolTip(tr("Scenario id: %1 (socklab run %1)").arg(id));
    }
}

void ScenarioListPane::setPresenter(bool on)
{
    QFont f = font();
    f.setPointSizeF(m_basePointSize * (on ? 1.6 : 1.1));
    m_list->setFont(f);
}

} // namespace socklab
