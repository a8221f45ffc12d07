#include "ProgramSession.h"

namespace socklab {

ProgramSession::ProgramSession(QObject* parent) : QObject(parent)
{
    m_timer.setInterval(10);
    connect(&m_timer, &QTimer::timeout, this, &ProgramSession::tick);
}

ProgramSession::~ProgramSession() = default; // ProgramLab kills and reaps what is left

bool ProgramSession::start(const QList<QStringList>& commands, const ProgramLabOptions& options, QString* error)
{
    m_timer.stop();
    m_lab = std::make_unique<ProgramLab>(commands, options);
    m_lastSize = 0;
    if (!m_lab->start(error)) {
        m_lab.reset();
        return false;
    }
    m_timer.start();
    return true;
}

bool ProgramSession::sendLine(int program, const QString& line)
{
    return m_lab && m_lab->writeStdin(program, (line + '\n').toUtf8());
}

void ProgramSession::closeInput(int program)
{
    if (m_lab) m_lab->closeStdin(program);
}

void ProgramSession::stop()
{
    if (m_lab) m_lab->stop();
}

void ProgramSession::tick()
{
    const bool more = m_lab->poll();
    for (const ProgramOutput& o : m_lab->takeConsoleOutput())
        Q_EMIT output(o.program, o.stream == QLatin1String("stderr"), QString::fromUtf8(o.bytes));
    if (m_lab->timeline().size() != m_lastSize) {
        m_lastSize = m_lab->timeline().size();
        Q_EMIT timelineChanged();
    }
    if (!more) {
        m_timer.stop();
        Q_EMIT finished(m_lab->problems(), m_lab->warnings());
    }
}

} // namespace socklab
