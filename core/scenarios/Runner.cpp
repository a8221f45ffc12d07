#include "Runner.h"

#include "Lab.h"
#include "ScenarioFolder.h"
#include "ScriptedRun.h"

namespace socklab {

Runner::Runner(Scenario scenario, RunOptions options)
    : m_scenario(std::move(scenario)), m_options(std::move(options))
{
}

Runner::~Runner() = default;

bool Runner::start(Problem* error)
{
    if (!m_scenario.folder) {
        if (error) *error = Problem(QStringLiteral("unknown-scenario"), {{"id", m_scenario.id}});
        return false;
    }
    m_script = std::make_unique<ScriptedRun>(m_scenario, *m_scenario.folder, m_options.capture, m_options.pcapPath);
    m_script->setStop(m_options.stop);
    if (m_script->start(error)) return true;
    m_script.reset();
    return false;
}

bool Runner::hasNextStep() const { return m_script && m_script->hasNextStep(); }
int Runner::nextStep() const { return m_script ? m_script->nextStep() : 0; }
int Runner::stepCount() const { return m_script ? m_script->stepCount() : int(m_scenario.steps.size()); }
const Timeline& Runner::timeline() const { return m_script ? m_script->timeline() : m_empty; }
CaptureMode Runner::captureMode() const { return m_script ? m_script->captureMode() : CaptureMode::StatesOnly; }
uint16_t Runner::port() const { return m_script ? m_script->port() : 0; }
ProblemList Runner::problems() const { return m_script ? m_script->problems() : ProblemList{}; }
ProblemList Runner::warnings() const { return m_script ? m_script->warnings() : ProblemList{}; }

bool Runner::runStep(Problem* error)
{
    if (!m_script) {
        if (error) *error = Problem(QStringLiteral("no-more-steps"));
        return false;
    }
    return m_script->runStep(error);
}

bool Runner::runAll(Problem* error)
{
    if (!m_script) {
        if (error) *error = Problem(QStringLiteral("no-more-steps"));
        return false;
    }
    return m_script->runAll(error);
}

void Runner::finish()
{
    if (m_script) m_script->finish();
}

} // namespace socklab
