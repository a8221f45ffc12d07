#pragma once
// A session saved with saveTimeline, its wall and CPU time and its size as
// the benchmark's counters (save_s, save_cpu_s, file_MB); false (and the
// benchmark skipped with the error) when it could not be written.

#include "BenchClock.h"
#include "TimelineJson.h"

#include <QFileInfo>

#include <benchmark/benchmark.h>

namespace socklab::bench {

inline bool saveTimed(benchmark::State& state, const Timeline& tl, const QString& path)
{
    QString error;
    const auto t0 = Clock::now();
    const double c0 = threadCpuMs();
    if (!saveTimeline(tl, path, &error)) {
        state.SkipWithError(error.toStdString().c_str());
        return false;
    }
    state.counters["save_s"] = msSince(t0) / 1e3;
    state.counters["save_cpu_s"] = (threadCpuMs() - c0) / 1e3;
    state.counters["file_MB"] = double(QFileInfo(path).size()) / 1e6;
    return true;
}

} // namespace socklab::bench
