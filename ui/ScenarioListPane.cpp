#include "ScenarioListPane.h"

#include "ScenarioCatalog.h"

#include <QCoreApplication>
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
    for (const QString& id : ScenarioCatalog::ids()) {
        auto* item = new QListWidgetItem(m_list);
        item->setData(Qt::UserRole, id);
    }
    auto* box = new QVBoxLayout(this);
    box->setContentsMargins(6, 6, 6, 6);
    box->addWidget(m_title);
    box->addWidget(m_list, 1);
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (item && !m_quiet) emit scenarioChosen(item->data(Qt::UserRole).toString());
    });
    retranslate();
}

void ScenarioListPane::setCurrent(const QString& id)
{
    m_quiet = true;
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->data(Qt::UserRole).toString() == id) m_list->setCurrentRow(i);
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
        item->setText(QCoreApplication::translate("Scenario", ScenarioCatalog::title(id)));
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
