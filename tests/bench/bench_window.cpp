// Long sessions in the window (issue 12 point 4): a session of N events
// (default 1,000,000; `--benchmark_filter` picks the size) is saved, opened in
// the main window (headless, QT_QPA_PLATFORM=offscreen), scrolled in the
// event log, stepped (→), stepped event by event (Shift+→) and sent to its
// end. Every number is wall time of one action including the synchronous
// repaint of the whole window: compare them within one run. The session is
// opened twice: first as File ▸ Open does (read on the file thread; bg_*),
// then as the command line does (read on the GUI thread before the window shows).
//   build/tests/bench/bench_window

#include "BenchClock.h"
#include "BenchSave.h"
#include "MainWindow.h"
#include "SessionController.h"
#include "TimelineJson.h"
#include "ViewsTestData.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <benchmark/benchmark.h>

#include <algorithm>

using namespace socklab;

namespace {

using bench::Clock;
using bench::msSince;
using bench::threadCpuMs;

// What the event loop would do before the next frame: posted layout/update
// events, then a synchronous paint of everything visible.
void frame(QWidget& w)
{
    QCoreApplication::sendPostedEvents();
    w.repaint();
}

QAction* actionFor(QWidget& w, const QKeySequence& key)
{
    for (QAction* a : w.findChildren<QAction*>())
        if (a->shortcuts().contains(key) && a->isEnabled()) return a;
    return nullptr;
}

double median(QList<double> v)
{
    if (v.isEmpty()) return 0;
    std::sort(v.begin(), v.end());
    return v.at(v.size() / 2);
}

// A frame for each of `times` triggers of the action bound to `key`.
void timeAction(benchmark::State& state, QWidget& w, const QKeySequence& key, const char* name, int times)
{
    QAction* a = actionFor(w, key);
    if (!a) {
        state.counters[std::string(name) + "_missing"] = 1;
        return;
    }
    QList<double> ms, cpu;
    for (int i = 0; i < times; ++i) {
        const auto t0 = Clock::now();
        const double c0 = threadCpuMs();
        a->trigger();
        frame(w);
        ms << msSince(t0);
        cpu << threadCpuMs() - c0;
    }
    state.counters[std::string(name) + "_ms"] = median(ms);
    state.counters[std::string(name) + "_cpu_ms"] = median(cpu);
    state.counters[std::string(name) + "_max_ms"] = *std::max_element(ms.begin(), ms.end());
}

// File ▸ Open: the file is read on the file thread. What the GUI thread still
// pays (showing the timeline that came back, the first paint), and the longest
// it did not answer a 1 ms timer, from the call to the first frame after it.
bool openInTheBackground(benchmark::State& state, const QString& path)
{
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    frame(w);
    QEventLoop loop;
    bool opened = false;
    QObject::connect(w.session(), &SessionController::openFinished, &loop, [&](const QString&, bool ok) {
        opened = ok;
        loop.quit();
    });
    double longest = 0;
    auto last = Clock::now();
    QTimer tick;
    tick.setInterval(1);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        longest = std::max(longest, msSince(last));
        last = Clock::now();
    });
    const auto t0 = Clock::now();
    const double c0 = threadCpuMs();
    tick.start();
    last = Clock::now();
    w.session()->openSessionInBackground(path);
    loop.exec();
    frame(w);
    longest = std::max(longest, msSince(last));
    state.counters["bg_open_s"] = msSince(t0) / 1e3;
    state.counters["bg_open_gui_cpu_s"] = (threadCpuMs() - c0) / 1e3;
    state.counters["bg_open_longest_stall_ms"] = longest;
    return opened;
}

void BM_LongSessionInTheWindow(benchmark::State& state)
{
    const int segments = int(state.range(0));
    QTemporaryDir dir;
    const QString path = dir.filePath("long.socklab.json");
    {
        const Timeline tl = test::syntheticTimeline(segments);
        state.counters["events"] = double(tl.size());
        if (!bench::saveTimed(state, tl, path)) return;
    }
    for (auto _ : state) {
        if (!openInTheBackground(state, path)) {
            state.SkipWithError("the window refused to open the session in the background");
            return;
        }
        MainWindow w;
        w.resize(1366, 768);
        w.show();
        frame(w);
        auto t0 = Clock::now();
        const double c0 = threadCpuMs();
        if (!w.openSessionPath(path)) {
            state.SkipWithError("the window refused to open the session");
            return;
        }
        frame(w);
        state.counters["open_s"] = msSince(t0) / 1e3;
        state.counters["open_cpu_s"] = (threadCpuMs() - c0) / 1e3;

        // Scroll the event log: top -> middle -> bottom -> top.
        if (auto* log = w.findChild<QTableView*>()) {
            QList<double> ms;
            QScrollBar* bar = log->verticalScrollBar();
            for (const double at : {0.5, 1.0, 0.0, 0.25, 0.75}) {
                t0 = Clock::now();
                bar->setValue(int(bar->maximum() * at));
                frame(w);
                ms << msSince(t0);
            }
            state.counters["scroll_ms"] = median(ms);
        }
        timeAction(state, w, QKeySequence(Qt::Key_Right), "step", 20);
        timeAction(state, w, QKeySequence(Qt::SHIFT | Qt::Key_Right), "step_event", 20);
        timeAction(state, w, QKeySequence(Qt::SHIFT | Qt::Key_Left), "back_event", 20);
        timeAction(state, w, QKeySequence(Qt::Key_End), "to_end", 1);
        timeAction(state, w, QKeySequence(Qt::Key_Home), "to_start", 1);
        t0 = Clock::now();
        w.close();
        state.counters["close_s"] = msSince(t0) / 1e3;
    }
}
BENCHMARK(BM_LongSessionInTheWindow)
    ->Arg(10000)
    ->Arg(100000)
    ->Arg(1000000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->UseRealTime();

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    return 0;
}
