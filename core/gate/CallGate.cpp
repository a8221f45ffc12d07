#include "CallGate.h"

#include "GateTracer.h"
#include "Lab.h"

#include <csignal>
#include <mutex>
#include <sys/syscall.h>
#include <unistd.h>

namespace socklab {

namespace {

// Wakes the tracer out of its blocking wait() when a job arrives: a signal
// sent to that one thread, with a handler that does nothing and no SA_RESTART.
int wakeSignal() { return SIGRTMIN + 4; }

void installWakeHandler()
{
    static std::once_flag once;
    std::call_once(once, [] {
        struct sigaction sa {};
        sa.sa_handler = [](int) {};
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = 0;
        ::sigaction(wakeSignal(), &sa, nullptr);
    });
}

} // namespace

CallGate::CallGate() = default;

CallGate::~CallGate()
{
    if (!m_thread.joinable()) return;
    {
        std::lock_guard lock(m_mutex);
        m_quit = true;
    }
    m_cv.notify_all();
    // The tracer may be in wait(): wake it until it has seen the quit.
    while (m_thread.joinable()) {
        if (const pid_t t = m_tid.load()) ::syscall(SYS_tgkill, ::getpid(), t, wakeSignal());
        std::unique_lock lock(m_mutex);
        if (m_cv.wait_for(lock, std::chrono::milliseconds(2), [this] { return m_tid.load() == 0; })) break;
    }
    m_thread.join();
}

bool CallGate::start(const Lab& lab, QString* error)
{
    if (!m_filter.build(error)) return false;
    installWakeHandler();
    std::promise<QString> entered;
    auto result = entered.get_future();
    m_thread = std::thread([this, &lab, &entered] { loop(&lab, &entered); });
    const QString err = result.get();
    if (err.isEmpty()) return true;
    m_thread.join();
    if (error) *error = err;
    return false;
}

void CallGate::loop(const Lab* lab, std::promise<QString>* entered)
{
    QString err;
    if (!lab->enterThisThread(&err)) {
        entered->set_value(err);
        return;
    }
    m_tracer = std::make_unique<GateTracer>(*this, m_filter);
    m_tid = pid_t(::syscall(SYS_gettid));
    entered->set_value({});
    for (;;) {
        std::deque<std::function<void(GateTracer&)>> jobs;
        bool quit = false;
        {
            std::unique_lock lock(m_mutex);
            if (m_jobs.empty() && !m_quit && !m_tracer->hasTracees())
                m_cv.wait(lock, [this] { return m_quit || !m_jobs.empty(); });
            jobs.swap(m_jobs);
            quit = m_quit;
        }
        for (auto& job : jobs)
            job(*m_tracer);
        if (quit) break;
        if (m_tracer->hasTracees()) m_tracer->waitOnce(true);
    }
    m_tracer.reset(); // kills and reaps what is left
    {
        std::lock_guard lock(m_mutex);
        m_tid = 0;
        m_traced = 0;
        m_status.clear();
    }
    m_cv.notify_all();
}

void CallGate::post(std::function<void(GateTracer&)> job)
{
    if (!m_thread.joinable() || m_tid.load() == 0) return;
    auto done = std::make_shared<std::promise<void>>();
    auto finished = done->get_future();
    {
        std::lock_guard lock(m_mutex);
        m_jobs.push_back([job = std::move(job), done](GateTracer& t) {
            job(t);
            done->set_value();
        });
    }
    m_cv.notify_all();
    // A wake-up that lands just before wait() is lost: send it again until done.
    while (finished.wait_for(std::chrono::milliseconds(0)) != std::future_status::ready) {
        if (const pid_t t = m_tid.load()) ::syscall(SYS_tgkill, ::getpid(), t, wakeSignal());
        else break;
        if (finished.wait_for(std::chrono::milliseconds(2)) == std::future_status::ready) break;
    }
}

bool CallGate::spawn(int program, LabProcess& process, Problem* error)
{
    bool ok = false;
    Problem err(QStringLiteral("gate-not-running"));
    post([&](GateTracer& t) { ok = t.spawn(program, process, &err); });
    if (!ok && error) *error = err;
    return ok;
}

void CallGate::setHolding(bool hold) { m_holding = hold; }

bool CallGate::step(int program)
{
    bool released = false;
    post([&](GateTracer& t) { released = t.step(program); });
    return released;
}

void CallGate::run()
{
    m_holding = false;
    post([](GateTracer& t) { t.releaseHeld(); });
}

void CallGate::setBreakpoints(const QList<GateBreakpoint>& breakpoints)
{
    post([breakpoints](GateTracer& t) { t.setBreakpoints(breakpoints); });
}

void CallGate::releaseAll()
{
    m_holding = false;
    post([](GateTracer& t) {
        t.setBreakpoints({});
        t.releaseHeld();
    });
}

QList<GateEvent> CallGate::take()
{
    std::lock_guard lock(m_mutex);
    return std::exchange(m_events, {});
}

QList<GateThreadStatus> CallGate::status() const
{
    std::lock_guard lock(m_mutex);
    return m_status;
}

int CallGate::tracedCount() const
{
    std::lock_guard lock(m_mutex);
    return m_traced;
}

} // namespace socklab
