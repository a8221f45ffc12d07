#include "LabThread.h"

#include "Lab.h"

#include <future>

namespace socklab {

LabThread::~LabThread()
{
    if (!m_thread.joinable()) return;
    {
        std::lock_guard lock(m_mutex);
        m_quit = true;
    }
    m_cv.notify_all();
    m_thread.join();
}

bool LabThread::start(const Lab& lab, QString* error)
{
    std::promise<QString> entered;
    auto result = entered.get_future();
    m_thread = std::thread([this, &lab, &entered] {
        QString err;
        const bool ok = lab.enterThisThread(&err);
        entered.set_value(ok ? QString() : err);
        if (ok) loop();
    });
    const QString err = result.get();
    if (err.isEmpty()) return true;
    m_thread.join();
    if (error) *error = err;
    return false;
}

void LabThread::run(const std::function<void()>& job)
{
    std::promise<void> done;
    auto finished = done.get_future();
    {
        std::lock_guard lock(m_mutex);
        m_jobs.push_back([&] {
            job();
            done.set_value();
        });
    }
    m_cv.notify_all();
    finished.wait();
}

void LabThread::loop()
{
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock lock(m_mutex);
            m_cv.wait(lock, [this] { return m_quit || !m_jobs.empty(); });
            if (m_jobs.empty()) return;
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
        }
        job();
    }
}

} // namespace socklab
