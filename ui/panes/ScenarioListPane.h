#pragma once
// The list of built-in scenarios (translated titles, stable ids) on the left
// of the window. Choosing one starts a fresh run of it.

#include <QWidget>

class QLabel;
class QListWidget;
class QListWidgetItem;

namespace socklab {

class ScenarioListPane final : public QWidget
{
    Q_OBJECT

public:
    explicit ScenarioListPane(QWidget* parent = nullptr);

    void setCurrent(const QString& id); // selects without emitting scenarioChosen
    void clearCurrent();                // none: the views show something else (the user's programs)
    void reload();                      // the folders again (a new one was saved); the current one stays
    QString current() const;
    QStringList ids() const;
    void retranslate();
    void setPresenter(bool on);
    QListWidget* list() const { return m_list; }

signals:
    void scenarioChosen(const QString& id);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void choose(QListWidgetItem* item);
    void fill();

    QLabel* m_title;
    QListWidget* m_list;
    bool m_quiet = false;
    bool m_userInput = false;
    QString m_shown; // the scenario the window shows (none: a recording)
    qreal m_basePointSize = 10;
};

} // namespace socklab
