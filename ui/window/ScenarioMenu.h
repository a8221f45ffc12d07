#pragma once
// Playback ▸ Scenario: every built-in scenario, and the next / previous one
// (Ctrl+PgDown / Ctrl+PgUp). The way to change scenario in presenter mode,
// where the scenario list is hidden.

#include <QObject>
#include <QStringList>

class QAction;
class QActionGroup;
class QMenu;
class QWidget;

namespace socklab {

class ScenarioMenu final : public QObject
{
    Q_OBJECT

public:
    explicit ScenarioMenu(QWidget* window);

    QMenu* menu() const { return m_menu; }
    QList<QAction*> shortcutActions() const; // next, previous: for the window, so they work with the menu closed
    void setCurrent(const QString& id);      // "" when the window shows no scenario
    QString current() const { return m_current; }
    void retranslate();
    void next(int delta); // chooses the scenario `delta` places away (wraps)
    void reload();        // the folders again (a new one was saved)

Q_SIGNALS:
    void scenarioChosen(const QString& id);

private:
    void fill();

    QMenu* m_menu;
    QActionGroup* m_group;
    QList<QAction*> m_items;
    QAction* m_next;
    QAction* m_previous;
    QStringList m_ids;
    QString m_current;
};

} // namespace socklab
