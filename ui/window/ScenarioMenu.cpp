#include "ScenarioMenu.h"

#include "ScenarioCatalog.h"
#include "ScenarioTitle.h"

#include <QAction>
#include <QActionGroup>
#include <QCoreApplication>
#include <QMenu>
#include <QWidget>

namespace socklab {

ScenarioMenu::ScenarioMenu(QWidget* window)
    : QObject(window), m_menu(new QMenu(window)), m_group(new QActionGroup(this)), m_next(new QAction(this)),
      m_previous(new QAction(this)), m_ids(ScenarioCatalog::ids())
{
    m_next->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageDown));
    m_previous->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageUp));
    connect(m_next, &QAction::triggered, this, [this] { next(1); });
    connect(m_previous, &QAction::triggered, this, [this] { next(-1); });
    m_menu->addAction(m_next);
    m_menu->addAction(m_previous);
    m_menu->addSeparator();
    fill();
    retranslate();
}

void ScenarioMenu::fill()
{
    for (const QString& id : std::as_const(m_ids)) {
        QAction* a = m_menu->addAction(QString());
        a->setCheckable(true);
        a->setData(id);
        m_group->addAction(a);
        m_items << a;
        connect(a, &QAction::triggered, this, [this, id] {
            if (id != m_current) Q_EMIT scenarioChosen(id);
        });
    }
}

void ScenarioMenu::reload()
{
    for (QAction* a : std::as_const(m_items)) {
        m_group->removeAction(a);
        m_menu->removeAction(a);
        a->deleteLater();
    }
    m_items.clear();
    m_ids = ScenarioCatalog::ids();
    fill();
    retranslate();
    setCurrent(m_current);
}

QList<QAction*> ScenarioMenu::shortcutActions() const { return {m_next, m_previous}; }

void ScenarioMenu::setCurrent(const QString& id)
{
    m_current = id;
    const bool known = m_ids.contains(id);
    m_group->setExclusive(known); // nothing checked while a recording is shown
    for (QAction* a : std::as_const(m_items)) a->setChecked(a->data().toString() == id);
    m_group->setExclusive(true);
}

void ScenarioMenu::next(int delta)
{
    if (m_ids.isEmpty()) return;
    const int at = int(m_ids.indexOf(m_current));
    const int n = int(m_ids.size());
    const int to = at < 0 ? (delta > 0 ? 0 : n - 1) : ((at + delta) % n + n) % n;
    Q_EMIT scenarioChosen(m_ids[to]);
}

void ScenarioMenu::retranslate()
{
    m_menu->setTitle(tr("&Scenario"));
    m_next->setText(tr("&Next scenario"));
    m_previous->setText(tr("&Previous scenario"));
    for (QAction* a : std::as_const(m_items))
        a->setText(scenarioListTitle(a->data().toString()));
}

} // namespace socklab
