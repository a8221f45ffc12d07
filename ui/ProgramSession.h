#pragma once
// The window's handle on a ProgramLab: polls it on a timer in the GUI thread
// (sock_diag and pipes are non-blocking), turns its output into signals for
// console panes, and passes typed lines to a program's stdin. Views get the
// recording as a Timeline value through timelineChanged().

#include "ProgramLab.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace socklab {

class ProgramSession final : public QObject
{
    Q_OBJECT
public:
    explicit ProgramSession(QObject* parent = nullptr);
    ~ProgramSession() override;

    // Starts the programs; false with a one-line reason (e.g. command not found).
    bool start(const QList<QStringList>& commands, const ProgramLabOptions& options, QString* error);
    bool running() const { return m_lab && !m_lab->finished(); }
    int programCount() const { return m_lab ? m_lab->programCount() : 0; }
    QString actorName(int program) const { return m_lab ? m_lab->actorName(program) : QString(); }
    Timeline timeline() const { return m_lab ? m_lab->timeline() : Timeline(); }
    QStringList problems() const { return m_lab ? m_lab->problems() : QStringList(); }

    bool sendLine(int program, const QString& line); // writes line + '\n' to its stdin
    void closeInput(int program);                    // end of file, like Ctrl+D
    void stop();

Q_SIGNALS:
    void output(int program, bool isError, const QString& text);
    void timelineChanged();
    void finished(const QStringList& problems, const QStringList& warnings);

private:
    void tick();

    std::unique_ptr<ProgramLab> m_lab;
    QTimer m_timer;
    int m_lastSize = 0;
};

} // namespace socklab
