#pragma once
// Which view the user is looking at, for File ▸ Export: the last view clicked
// (ladder, states, a lesson view), or the one a scenario is about when it opens.

#include <QHash>
#include <QObject>

class QWidget;

namespace socklab {

class ViewFocus final : public QObject
{
    Q_OBJECT

public:
    explicit ViewFocus(QObject* parent = nullptr) : QObject(parent) {}

    void watch(QWidget* view, const QString& name); // name: an Exporter view
    void setCurrent(const QString& name) { m_current = name; }
    QString current() const { return m_current; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QHash<QObject*, QString> m_names;
    QString m_current = QStringLiteral("ladder");
};

} // namespace socklab
