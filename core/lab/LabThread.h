#pragma once
// A thread that lives inside the lab's network namespace for as long as this
// object exists, and runs jobs there. A child forked from it is born in the
// lab; and since PR_SET_PDEATHSIG fires when the FORKING THREAD ends, keeping
// this thread alive until the children are gone is what makes the signal mean
// "socklab went away".

#include <QString>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace socklab {

class Lab;

class LabThread
{
public:
    LabThread() = default;
    ~LabThread(); // finishes the queued jobs, then ends the thread
    LabThread(const LabThread&) = delete;
    LabThread& operator=(const LabThread&) = delete;

    bool start(const Lab& lab, QString* error);
    // Runs `job` on the lab thread and waits for it.
    void run(const std::function<void()>& job);

private:
    void loop();

    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::deque<std::function<void()>> m_jobs;
    bool m_quit = false;
};

} // namespace socklab
