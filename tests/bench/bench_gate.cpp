// The call gate's cost (issue 9): per-call overhead of 10,000 sendto() calls
// gated vs untouched (a C program: the ptrace/seccomp layer; a Python program:
// plus the hook), and the latency of one Step (step() -> its return event in
// the timeline) for the client's connect().
//
//   cmake --build build --target bench_gate && build/tests/bench/bench_gate

#include "Lab.h"
#include "ProgramLab.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <thread>

using namespace socklab;

namespace {

QString source(const char* file) { return QStringLiteral(SOCKLAB_SOURCE_DIR "/tests/bench/") + QLatin1String(file); }
QString python()
{
    return QFileInfo::exists(QStringLiteral("/usr/bin/python3")) ? QStringLiteral("/usr/bin/python3")
                                                                 : QStringLiteral("python3");
}

// Runs `command` in the lab and returns the program's own "ns_per_call N".
double nsPerCall(const QStringList& command, bool gate)
{
    ProgramLabOptions o;
    o.gate = gate;
    ProgramLab lab({command}, o);
    Problem err;
    if (!lab.start(&err)) return -1;
    lab.runToEnd();
    for (const Event& e : lab.timeline().events())
        if (const NoteData* n = e.note(); n && n->code == QLatin1String("program-output")) {
            const QString t = n->args.value("text").toString();
            if (t.startsWith(QLatin1String("ns_per_call "))) return t.mid(12).toDouble();
        }
    return -1;
}

const QString& cProgram()
{
    static QTemporaryDir dir;
    static const QString exe = [] {
        const QString out = dir.filePath(QStringLiteral("sendto_loop"));
        QProcess::execute(QStringLiteral("cc"), {QStringLiteral("-O2"), QStringLiteral("-o"), out, source("sendto_loop.c")});
        return out;
    }();
    return exe;
}

void sendtoLoop(benchmark::State& state, const QStringList& command, bool gate)
{
    double sum = 0;
    int n = 0;
    for (auto _ : state) {
        const double ns = nsPerCall(command, gate);
        if (ns < 0) {
            state.SkipWithError("the program did not run");
            return;
        }
        sum += ns;
        ++n;
    }
    state.counters["us_per_call"] = sum / n / 1000.0;
}

void BM_SendtoC_Untouched(benchmark::State& s) { sendtoLoop(s, {cProgram()}, false); }
void BM_SendtoC_Gated(benchmark::State& s) { sendtoLoop(s, {cProgram()}, true); }
void BM_SendtoPython_Untouched(benchmark::State& s) { sendtoLoop(s, {python(), source("sendto_loop.py")}, false); }
void BM_SendtoPython_Gated(benchmark::State& s) { sendtoLoop(s, {python(), source("sendto_loop.py")}, true); }

// Step latency: the client's connect() is held; step() until its return is in the timeline.
void BM_StepConnect(benchmark::State& state)
{
    std::vector<double> us;
    const QString dir = QStringLiteral(SOCKLAB_SOURCE_DIR "/tests/gate/");
    for (auto _ : state) {
        ProgramLabOptions o;
        o.holdAtStart = true;
        ProgramLab lab({{python(), dir + "kr_tcp_server.py", "12190"}, {python(), dir + "kr_tcp_client.py", "12190"}}, o);
        Problem err;
        if (!lab.start(&err)) {
            state.SkipWithError("lab did not start");
            return;
        }
        bool measured = false;
        while (lab.poll()) {
            if (measured) {
                lab.step();
            } else if (lab.status(0).where == ProgramStatus::Where::HeldAtGate) {
                lab.step(0);
            } else if (lab.status(1).where == ProgramStatus::Where::HeldAtGate) {
                if (lab.status(1).call != QLatin1String("connect")) {
                    lab.step(1);
                } else {
                    const int before = lab.timeline().countOf(EventKind::Return);
                    const auto t0 = std::chrono::steady_clock::now();
                    lab.step(1);
                    // Poll as fast as the lab allows until the connect's return is recorded.
                    while (lab.poll()) {
                        bool back = false;
                        for (int i = lab.timeline().size() - 1; i >= 0 && !back; --i) {
                            const Event& e = lab.timeline().events()[i];
                            back = e.ret() && e.ret()->call == QLatin1String("connect") && !e.ret()->blocked;
                        }
                        if (back && lab.timeline().countOf(EventKind::Return) > before) break;
                    }
                    us.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
                    measured = true;
                }
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    }
    std::sort(us.begin(), us.end());
    if (us.empty()) return;
    state.counters["median_us"] = us[us.size() / 2];
    state.counters["p95_us"] = us[std::min(us.size() - 1, size_t(double(us.size()) * 0.95))];
}

} // namespace

BENCHMARK(BM_SendtoC_Untouched)->Iterations(3)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SendtoC_Gated)->Iterations(3)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SendtoPython_Untouched)->Iterations(3)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SendtoPython_Gated)->Iterations(3)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_StepConnect)->Iterations(20)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv)
{
    Lab::prepareProcess(); // single-threaded still: the user namespace is granted now
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
