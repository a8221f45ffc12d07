#pragma once
// File ▸ "New scenario from my programs…": saves the Python programs of a Run
// my programs recording as a teacher's scenario folder
// ($XDG_DATA_HOME/socklab/scenarios/<id>/), listed after the lessons from then
// on. The folder name and the titles are asked; what was refused is one line
// in the dialog, and nothing is written.

#include "ScenarioFolderWriter.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace socklab {

class NewScenarioDialog final : public QDialog
{
    Q_OBJECT
public:
    NewScenarioDialog(const ScenarioDraft& draft, const QString& root, QWidget* parent = nullptr);

    QString savedId() const { return m_savedId; }   // after accept()
    QString savedDir() const { return m_savedDir; }

    // Saves with the fields' values; false with the reason shown in the dialog.
    bool save();

private:
    void updateTarget();

    ScenarioDraft m_draft;
    QString m_root;
    QLineEdit* m_id;
    QLineEdit* m_titleEn;
    QLineEdit* m_titleZh;
    QLabel* m_target;
    QLabel* m_error;
    QPushButton* m_save;
    QString m_savedId, m_savedDir;
};

} // namespace socklab
