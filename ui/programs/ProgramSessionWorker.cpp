#include "ProgramSessionWorker.h"

#include "ProblemText.h"
#include "Wire.h"

namespace socklab {

namespace {
bool sameStatus(const QList<ProgramStatus>& a, const QList<ProgramStatus>& b)
{
    if (a.size() != b.size()) return false;
    for (int i = 0; i < a.size(); ++i)
        if (a[i].where != b[i].where || a[i].call != b[i].call || a[i].codeLine != b[i].codeLine
            || a[i].sinceUs != b[i].sinceUs)
            return false;
    return true;
}
} // namespace

ProgramSessionWorker::~ProgramSessionWorker() = default;

bool ProgramSessionWorker::start(const QList<QStringList>& commands, const ProgramLabOptions& options,
                                 QString* error)
{
    if (!m_timer) {
        m_timer = new QTimer(this);
        m_timer->setInterval(10);
        connect(m_timer, &QTimer::timeout, this, &ProgramSessionWorker::tick);
    }
    m_timer->stop();
    m_lab = std::make_unique<ProgramLab>(commands, options);
    m_lastSize = -1;
    m_holdRule = -1;
    m_lastStatus.clear();
    Problem problem;
    if (!m_lab->start(&problem)) {
        if (error) *error = problemText(problem);
        m_lab.reset();
        return false;
    }
    // "Hold the next packet" checked before Run: its rule was in place before the first program.
    if (!options.wireRules.isEmpty() && !m_lab->wireRuleIds().isEmpty()) m_holdRule = m_lab->wireRuleIds().first();
    publish();
    m_timer->start();
    return true;
}

void ProgramSessionWorker::writeLine(int program, const QByteArray& bytes)
{
    if (m_lab) m_lab->writeStdin(program, bytes);
}

void ProgramSessionWorker::closeInput(int program)
{
    if (m_lab) m_lab->closeStdin(program);
}

void ProgramSessionWorker::stop()
{
    if (m_lab) m_lab->stop();
}

void ProgramSessionWorker::step(int program)
{
    if (m_lab) m_lab->step(program);
}

void ProgramSessionWorker::run()
{
    if (m_lab) m_lab->run();
}

void ProgramSessionWorker::setHolding(bool hold)
{
    if (m_lab) m_lab->setHolding(hold);
}

void ProgramSessionWorker::setBreakpoints(const QList<GateBreakpoint>& breakpoints)
{
    if (m_lab) m_lab->setBreakpoints(breakpoints);
}

void ProgramSessionWorker::setHoldNextPacket(bool on)
{
    Wire* wire = m_lab ? m_lab->wire() : nullptr;
    if (!wire || on == (m_holdRule >= 0)) return;
    if (on) {
        m_holdRule = wire->addRule(WireRule::holdNextSynFinOrData());
    } else {
        wire->endRule(m_holdRule); // what it holds stays held until Release or Drop
        m_holdRule = -1;
    }
    m_lastSize = -1; // the snapshot says so
    publish();
}

void ProgramSessionWorker::releasePacket(qint64 packetId)
{
    if (Wire* wire = m_lab ? m_lab->wire() : nullptr) wire->release(uint32_t(packetId));
}

void ProgramSessionWorker::dropPacket(qint64 packetId)
{
    if (Wire* wire = m_lab ? m_lab->wire() : nullptr) wire->drop(uint32_t(packetId));
}

QStringList ProgramSessionWorker::names() const
{
    QStringList out;
    for (int i = 0; m_lab && i < m_lab->programCount(); ++i)
        out << m_lab->actorName(i);
    return out;
}

void ProgramSessionWorker::shutdown()
{
    if (m_timer) m_timer->stop();
    m_lab.reset();
}

void ProgramSessionWorker::publish()
{
    ProgramSessionSnapshot s;
    for (int i = 0; i < m_lab->programCount(); ++i) {
        s.status << m_lab->status(i);
        s.names << m_lab->actorName(i);
    }
    if (m_lab->timeline().size() == m_lastSize && sameStatus(s.status, m_lastStatus) && !m_lab->finished()) return;
    m_lastSize = m_lab->timeline().size();
    m_lastStatus = s.status;
    s.timeline = m_lab->timeline();
    s.finished = m_lab->finished();
    s.holding = m_lab->holding();
    s.waitingForStep = m_lab->waitingForStep();
    s.wire = m_lab->wire() != nullptr;
    s.holdingPackets = m_holdRule >= 0;
    Q_EMIT snapshot(s);
}

void ProgramSessionWorker::tick()
{
    const bool more = m_lab->poll();
    for (const ProgramOutput& o : m_lab->takeConsoleOutput())
        Q_EMIT output(o.program, o.stream == QLatin1String("stderr"), QString::fromUtf8(o.bytes));
    publish();
    if (!more) {
        m_timer->stop();
        QStringList problems, warnings;
        for (const Problem& p : m_lab->problems())
            problems << problemText(p);
        for (const Problem& p : m_lab->warnings())
            warnings << problemText(p);
        Q_EMIT finished(problems, warnings);
    }
}

} // namespace socklab
