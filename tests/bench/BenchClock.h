#pragma once
// The benchmarks' clocks: wall time since a moment, and the CPU time of the
// calling thread (on a machine shared by other builds the wall time of an
// action is mostly waiting for a core, its CPU time is not).

#include <chrono>
#include <ctime>

namespace socklab::bench {

using Clock = std::chrono::steady_clock;

inline double msSince(Clock::time_point t0)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

inline double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

} // namespace socklab::bench
