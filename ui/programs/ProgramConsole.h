#pragma once
// One program's console pane: what it printed (stderr in red) and a line
// edit whose lines go to its stdin, so input()-driven clients work.

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace socklab {

class ProgramConsole final : public QWidget
{
    Q_OBJECT
public:
    explicit ProgramConsole(const QString& title, QWidget* parent = nullptr);

    void appendOutput(const QString& text, bool isError);
    void setInputEnabled(bool on);
    QString text() const;
    QLineEdit* inputEdit() const { return m_input; }
    // Stepping: where the program is now ("held at the gate in connect()…")
    // and whether its own Step button can release a call.
    void setWhere(const QString& text, bool canStep);
    QString where() const;
    QPushButton* stepButton() const { return m_step; }

Q_SIGNALS:
    void lineEntered(const QString& line);
    void endOfInput();
    void stepRequested();

private:
    QLabel* m_title;
    QPlainTextEdit* m_log;
    QLineEdit* m_input;
    QPushButton* m_eof;
    QLabel* m_where;
    QPushButton* m_step;
};

} // namespace socklab
