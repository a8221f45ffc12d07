#pragma once
// Lives on the session's worker thread and owns the Runner there, so real
// socket calls (a blocking accept(), a step's quiet period) never freeze the
// window. Every result is a value copy of the timeline, tagged with the run
// generation it belongs to so the controller can drop answers of an old run.

#include "Timeline.h"

#include <QObject>

#include <memory>

namespace socklab {

class Runner;

class SessionWorker final : public QObject
{
    Q_OBJECT

public:
    explicit SessionWorker(QObject* parent = nullptr);
    ~SessionWorker() override;

    // Called on the worker thread (queued from the controller).
    void start(quint64 generation, const QString& scenarioId, const QString& capture);
    void runStep(quint64 generation);
    void stop(); // ends the run: actors woken, sockets closed, capture stopped

signals:
    void started(quint64 generation, const socklab::Timeline& tl, int stepCount);
    void stepped(quint64 generation, const socklab::Timeline& tl, int nextStep, int stepCount);
    void failed(quint64 generation, const QString& message);

private:
    std::unique_ptr<Runner> m_runner;
    quint64 m_generation = 0;
};

} // namespace socklab
