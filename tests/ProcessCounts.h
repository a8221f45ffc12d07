// Counting what a process holds (descriptors, threads), for tests that check
// a session leaves nothing behind.
#pragma once

#include <QDir>

#include <chrono>
#include <thread>

namespace socklab::test {

inline int entriesIn(const char* dir)
{
    return int(QDir(QString::fromLatin1(dir)).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::System).size());
}

// The number of threads once the ones already joined are gone. pthread_join()
// returns when the kernel clears the thread's id (exit_mm), which comes before
// the thread is released from /proc/self/task; on a loaded machine its entry can
// stay for tens of milliseconds more. A thread that leaked stays for good, so
// waiting for the count to reach what is expected (at most a few seconds)
// still fails on every leak. The count taken before can itself include such a
// thread on its way out, so what is checked is "no more than before".
inline int threadsOnceSettled(int expected, int timeoutMs = 3000)
{
    using namespace std::chrono;
    const auto deadline = steady_clock::now() + milliseconds(timeoutMs);
    int n = entriesIn("/proc/self/task");
    while (n > expected && steady_clock::now() < deadline) {
        std::this_thread::sleep_for(milliseconds(10));
        n = entriesIn("/proc/self/task");
    }
    return n;
}

} // namespace socklab::test
