// Counting what a process holds (descriptors, threads), for tests that check
// a session leaves nothing behind.
#pragma once

#include <QDir>
#include <QFile>
#include <QStringList>

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

// Processes whose command line names `text` (a session's programs run from a
// copy in its temporary folder: none may be left once it ended).
inline QStringList processesNaming(const QString& text)
{
    QStringList found;
    for (const QString& pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        if (pid.toInt() <= 0) continue;
        QFile f(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (!f.open(QIODevice::ReadOnly)) continue;
        const QByteArray cmd = f.readAll().replace('\0', ' ');
        if (cmd.contains(text.toUtf8())) found << pid + ": " + QString::fromUtf8(cmd);
    }
    return found;
}

} // namespace socklab::test
