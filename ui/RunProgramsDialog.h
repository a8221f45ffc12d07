#pragma once
// "Run my programs…": one or two commands (a server and a client), or one of
// the lesson's examples in a click; each program gets a console pane, and the
// recording is handed to the window live through timelineChanged().
//
// For the main window: create it, connect timelineChanged(const Timeline&) to
// whatever shows a timeline (ladder, state machine, buffers, stream; playback
// and export work on it as on a scenario), and show() it (modeless).

#include "Timeline.h"

#include <QDialog>
#include <QList>
#include <QTemporaryDir>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;

namespace socklab {

class ProgramConsole;
class ProgramSession;

class RunProgramsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit RunProgramsDialog(QWidget* parent = nullptr);
    ~RunProgramsDialog() override;

    // The lesson's pairs: {title, server file, client file} (client may be empty).
    struct Example {
        const char* title;
        const char* server;
        const char* client;
    };
    static const QList<Example>& examples();

    void setCommands(const QString& first, const QString& second); // shell-like words
    void openExample(int index); // copies the example out of the resources and fills the commands
    bool run();                  // false (and a message in the status line) when it cannot start
    ProgramConsole* console(int program) const { return m_consoles.value(program); }
    ProgramSession* session() const { return m_session; }
    QString status() const;

Q_SIGNALS:
    void timelineChanged(const socklab::Timeline& timeline);
    void runFinished(bool ok);

private:
    void onFinished(const QStringList& problems, const QStringList& warnings);

    ProgramSession* m_session;
    QComboBox* m_examples;
    QLineEdit* m_first;
    QLineEdit* m_second;
    QPushButton* m_run;
    QPushButton* m_stop;
    QSplitter* m_panes;
    QLabel* m_status;
    QList<ProgramConsole*> m_consoles;
    QTemporaryDir m_exampleDir;
};

} // namespace socklab
