#include "SessionWorker.h"

#include "ProblemText.h"
#include "Runner.h"
#include "ScenarioCatalog.h"

namespace socklab {

SessionWorker::SessionWorker(QObject* parent) : QObject(parent) {}

SessionWorker::~SessionWorker() = default;

void SessionWorker::start(quint64 generation, const QString& scenarioId, const QString& capture)
{
    m_runner.reset(); // the previous run's sockets close before the new lab opens
    m_generation = generation;
    Problem error;
    auto scenario = ScenarioCatalog::build(scenarioId, {}, &error);
    if (!scenario) {
        emit failed(generation, problemText(error));
        return;
    }
    auto runner = std::make_unique<Runner>(*scenario, RunOptions{capture, {}});
    if (!runner->start(&error)) {
        emit failed(generation, problemText(error));
        return;
    }
    m_runner = std::move(runner);
    emit started(generation, m_runner->timeline(), m_runner->stepCount());
}

void SessionWorker::runStep(quint64 generation)
{
    if (!m_runner || generation != m_generation) return; // a newer run replaced this one
    Problem error;
    const bool ok = m_runner->runStep(&error);
    // The last step: one more look with sock_diag (TIME_WAIT and its timer).
    if (ok && !m_runner->hasNextStep()) m_runner->finish();
    // A folder without steps learns its count as it goes: one more while a program runs.
    emit stepped(generation, m_runner->timeline(), m_runner->nextStep(), m_runner->stepCount());
    if (!ok) emit failed(generation, problemText(error));
}

void SessionWorker::stop()
{
    m_runner.reset();
    ++m_generation;
}

} // namespace socklab
