#pragma once
// The list of built-in scenarios (translated titles, stable ids) on the left
// of the window. Choosing one starts a fresh run of it.

#include <QWidget>

class QLabel;
class QListWidget;

namespace socklab {

class ScenarioListPane final : public QWidget
{
    Q_OBJECT

public:
    explicit ScenarioListPane(QWidget* parent = nullptr);

    void setCurrent(const QString& id); // selects without emitting scenarioChosen
    QString current() const;
    QStringList ids() const;
    void retranslate();
    void setPresenter(bool on);
    QListWidget* list() const { return m_list; }

signals:
    void scenarioChosen(const QString& id);

private:
    QLabel* m_title;
    QListWidget* m_list;
    bool m_quiet = false;
    qreal m_basePointSize = 10;
};

} // namespace socklab
