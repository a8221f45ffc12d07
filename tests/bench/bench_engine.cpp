// Engine benchmarks. Compare ratios within one run: these machines are shared.
//   build/tests/bench/bench_engine
// BM_BareConnectAccept vs BM_HandshakeScenario: what socklab's engine costs on
// top of the kernel (most of it is the documented quiet rule, 80 ms per step).
// BM_BulkTransfer/0 vs /1: 256 MiB through loopback without and with the tap.

#include "Lab.h"
#include "PacketTap.h"
#include "Runner.h"
#include "ScenarioCatalog.h"

#include <benchmark/benchmark.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace socklab;

namespace {

sockaddr_in loopback(uint16_t port)
{
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}

int listener(uint16_t port)
{
    const int l = ::socket(AF_INET, SOCK_STREAM, 0);
    const int one = 1;
    ::setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in a = loopback(port);
    ::bind(l, reinterpret_cast<sockaddr*>(&a), sizeof a);
    ::listen(l, 128);
    return l;
}

void BM_BareConnectAccept(benchmark::State& state)
{
    Lab lab;
    std::thread([&] {
        lab.enterThisThread();
        const int l = listener(9100);
        sockaddr_in a = loopback(9100);
        for (auto _ : state) {
            const int c = ::socket(AF_INET, SOCK_STREAM, 0);
            ::connect(c, reinterpret_cast<sockaddr*>(&a), sizeof a);
            const int s = ::accept(l, nullptr, nullptr);
            ::close(s);
            ::close(c);
        }
        ::close(l);
    }).join();
}
BENCHMARK(BM_BareConnectAccept)->Unit(benchmark::kMicrosecond)->UseRealTime();

void BM_HandshakeScenario(benchmark::State& state)
{
    const auto sc = ScenarioCatalog::build("handshake");
    for (auto _ : state) {
        Runner r(*sc);
        Problem error;
        if (!r.start(&error) || !r.runAll(&error)) state.SkipWithError(error.debugText().toStdString().c_str());
        benchmark::DoNotOptimize(r.timeline().size());
    }
}
BENCHMARK(BM_HandshakeScenario)->Unit(benchmark::kMillisecond)->Iterations(5)->UseRealTime();

void BM_BulkTransfer(benchmark::State& state)
{
    const bool tap = state.range(0) == 1;
    constexpr qint64 kBytes = 256LL << 20;
    Lab lab;
    PacketTap capture(lab);
    capture.setCountOnly(true);
    if (tap) {
        QString error;
        TapOptions options;
        options.snapLen = 128;
        if (!capture.start(PacketTap::filterForPorts({9200}, {}), &error, options)) {
            state.SkipWithError(error.toStdString().c_str());
            return;
        }
    }
    for (auto _ : state) {
        std::thread sink([&] {
            lab.enterThisThread();
            const int l = listener(9200);
            const int s = ::accept(l, nullptr, nullptr);
            static char buf[1 << 16];
            while (::recv(s, buf, sizeof buf, 0) > 0) {
            }
            ::close(s);
            ::close(l);
        });
        std::thread([&] {
            lab.enterThisThread();
            const int c = ::socket(AF_INET, SOCK_STREAM, 0);
            sockaddr_in a = loopback(9200);
            while (::connect(c, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) std::this_thread::yield();
            static char buf[1 << 16] = {};
            for (qint64 sent = 0; sent < kBytes;) {
                const ssize_t n = ::send(c, buf, sizeof buf, 0);
                if (n <= 0) break;
                sent += n;
            }
            ::close(c);
        }).join();
        sink.join();
    }
    state.SetBytesProcessed(state.iterations() * kBytes);
    if (tap) {
        std::this_thread::sleep_for(std::chrono::milliseconds(300)); // let the tap drain
        const TapStats s = capture.stats();
        state.counters["packets"] = double(s.captured);
        state.counters["kernel_drops"] = double(s.kernelDrops);
        capture.stop();
    }
}
BENCHMARK(BM_BulkTransfer)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(2)->UseRealTime();

} // namespace

int main(int argc, char** argv)
{
    Lab::prepareProcess(); // single-threaded still: the user namespace is granted now
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
