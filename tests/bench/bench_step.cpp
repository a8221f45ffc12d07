// Step latency in the window (issue 9): Run my programs… with stepping, the
// textbook pair held at the client's connect(); one press of the client's
// Step, until every view of the main window shows connect()'s return and has
// painted it. Each iteration is a new lab and a new window; the numbers are
// wall time (and the GUI thread's CPU time) from the click:
//   timeline_ms  the snapshot with the return reached the GUI thread
//   painted_ms   the window's views were given it and painted (a synchronous
//                repaint of the whole window, what the next frame would show)
//   build/tests/bench/bench_step

#include "BenchClock.h"
#include "MainWindow.h"
#include "ProgramConsole.h"
#include "ProgramSession.h"
#include "RunProgramsDialog.h"

#include <QApplication>
#include <QEventLoop>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <benchmark/benchmark.h>

#include <algorithm>

using namespace socklab;

namespace {

using bench::Clock;
using bench::msSince;
using bench::threadCpuMs;

bool connectReturned(const Timeline& tl)
{
    for (int i = tl.size() - 1; i >= 0; --i)
        if (const ReturnData* r = tl.events()[i].ret(); r && r->call == QLatin1String("connect") && !r->blocked)
            return true;
    return false;
}

QString program(const char* file) { return QStringLiteral("python3 " SOCKLAB_SOURCE_DIR "/tests/gate/") + file; }

void percentiles(benchmark::State& state, const char* name, std::vector<double> v)
{
    if (v.empty()) return;
    std::sort(v.begin(), v.end());
    state.counters[std::string(name) + "_median"] = v[v.size() / 2];
    state.counters[std::string(name) + "_p95"] = v[std::min(v.size() - 1, size_t(double(v.size()) * 0.95))];
}

void BM_StepConnectInTheWindow(benchmark::State& state)
{
    std::vector<double> toTimeline, toPainted, cpu;
    int port = 12400;
    for (auto _ : state) {
        QSettings().remove(QStringLiteral("programs"));
        MainWindow w;
        w.resize(1366, 768);
        w.show();
        w.openRunPrograms();
        RunProgramsDialog* dialog = w.programsDialog();
        const QString p = QString::number(port++);
        dialog->setCommands(program("kr_tcp_server.py ") + p, program("kr_tcp_client.py ") + p);
        dialog->setStepping(true);
        if (!dialog->run()) {
            state.SkipWithError("the programs did not start");
            return;
        }
        ProgramSession* session = dialog->session();
        // Step whoever waits, one call at a time (each Step only once its last
        // one was seen through), until the client waits at its connect().
        auto held = [&](int i) { return session->status(i).where == ProgramStatus::Where::HeldAtGate; };
        bool atConnect = false;
        for (int n = 0; n < 100 && !atConnect; ++n) {
            if (!QTest::qWaitFor([&] { return held(0) || held(1); }, 20000)) break;
            if (held(1) && session->status(1).call == QLatin1String("connect")) {
                atConnect = true;
                break;
            }
            const int i = held(0) ? 0 : 1;
            const quint64 call = session->status(i).callId;
            session->step(i);
            (void)QTest::qWaitFor([&] { return !held(i) || session->status(i).callId != call; }, 20000);
        }
        if (!atConnect) {
            state.SkipWithError("the client never reached connect()");
            return;
        }
        QTest::qWait(300); // the window has shown everything before the step
        double timelineMs = -1, paintedMs = -1;
        QEventLoop loop;
        Clock::time_point t0;
        double c0 = 0;
        // Connected after the window's own connection: it runs once the views have the timeline.
        const auto c = QObject::connect(dialog, &RunProgramsDialog::timelineChanged, &loop, [&](const Timeline& tl) {
            if (!connectReturned(tl)) return;
            timelineMs = msSince(t0);
            QCoreApplication::sendPostedEvents();
            w.repaint();
            paintedMs = msSince(t0);
            cpu.push_back(threadCpuMs() - c0);
            loop.quit();
        });
        t0 = Clock::now();
        c0 = threadCpuMs();
        QTest::mouseClick(dialog->console(1)->stepButton(), Qt::LeftButton);
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        loop.exec();
        QObject::disconnect(c);
        if (paintedMs < 0) {
            state.SkipWithError("connect() never returned after Step");
            return;
        }
        toTimeline.push_back(timelineMs);
        toPainted.push_back(paintedMs);
        QSignalSpy finished(dialog, &RunProgramsDialog::runFinished);
        session->run();
        finished.wait(60000);
    }
    percentiles(state, "timeline_ms", toTimeline);
    percentiles(state, "painted_ms", toPainted);
    percentiles(state, "gui_cpu_ms", cpu);
}
BENCHMARK(BM_StepConnectInTheWindow)->Iterations(20)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("socklab-bench"));
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    return 0;
}
