// Saving and opening a long session without the window (issue 12 point 4):
// a student server's client loop of N events — calls with their arguments,
// returns with their values, captured segments with their frames' heads,
// buffer samples, states and step notes, as a lab session holds them — saved
// with saveTimeline (the window's File ▸ Save, `--save`) and read back with
// loadTimeline (File ▸ Open, `replay`). Wall and CPU time of each; compare
// them within one run.
//   build/tests/bench/bench_session [--benchmark_filter='/1000000']

#include "BenchClock.h"
#include "BenchSave.h"
#include "TimelineJson.h"

#include <QTemporaryDir>

#include <benchmark/benchmark.h>

using namespace socklab;

namespace {

using bench::Clock;
using bench::msSince;
using bench::threadCpuMs;

// Ten events a round: send() (call, return), the segment and its ACK
// (captured: 66- and 54-byte frames), two buffer samples, recv() (call,
// return), a state every 100th round, a step note otherwise.
Timeline clientLoop(int events)
{
    Timeline tl;
    tl.scenarioId = QStringLiteral("synthetic-loop");
    tl.captureMode = QStringLiteral("pcap");
    tl.actors = {{QStringLiteral("server"), QStringLiteral("server"), {}, {}},
                 {QStringLiteral("client"), QStringLiteral("client"), {}, {}}};
    QByteArray frame(66, '\0');
    for (int i = 0; i < frame.size(); ++i) frame[i] = char(i * 7);
    QList<Event> list;
    list.reserve(events);
    for (int i = 0; list.size() < events; ++i) {
        const qint64 t = qint64(i) * 1000;
        auto add = [&](qint64 dt, EventKind kind, const char* actor, auto data) {
            if (list.size() >= events) return;
            Event e;
            e.tUs = t + dt;
            e.kind = kind;
            e.actor = QString::fromLatin1(actor);
            e.data = std::move(data);
            list.append(std::move(e));
        };
        add(0, EventKind::Call, "client",
            CallData{QStringLiteral("send"), QStringLiteral("sock:4"), {{"length", 10}, {"data", "hello 1234"}}, i, 12,
                     QStringLiteral("tcp_client.py")});
        add(1, EventKind::Return, "client",
            ReturnData{QStringLiteral("send"), QStringLiteral("sock:4"), 10, {}, {{"sent", 10}}, false, i});
        for (int dir = 0; dir < 2; ++dir) {
            PacketData p;
            p.protocol = QStringLiteral("tcp");
            p.fromActor = QString::fromLatin1(dir ? "server" : "client");
            p.toActor = QString::fromLatin1(dir ? "client" : "server");
            p.srcAddr = QStringLiteral("127.0.0.1");
            p.dstAddr = QStringLiteral("127.0.0.1");
            p.srcPort = dir ? 9000 : 40000;
            p.dstPort = dir ? 40000 : 9000;
            p.flags = dir ? TcpFlag::ACK : (TcpFlag::PSH | TcpFlag::ACK);
            p.seq = uint32_t(1000 + i * 10);
            p.relSeq = uint32_t(1 + i * 10);
            p.ack = 77;
            p.relAck = 1;
            p.len = dir ? 0 : 10;
            p.win = 512;
            p.winScale = 7;
            p.options.hasTimestamps = true;
            p.options.tsVal = uint32_t(i);
            p.options.tsEcr = uint32_t(i - 1);
            p.options.order = QStringList{QStringLiteral("nop"), QStringLiteral("nop"), QStringLiteral("ts")};
            p.raw = dir ? frame.first(54) : frame;
            p.capLen = uint32_t(p.raw.size());
            p.wireLen = p.capLen;
            if (!dir) p.payload = frame.sliced(56);
            add(2 + dir, EventKind::Segment, dir ? "server" : "client", p);
        }
        QueueData q;
        q.socket = QStringLiteral("sock:4");
        q.inq = 0;
        q.outq = 10;
        q.sndbuf = 2626560;
        q.rcvbuf = 131072;
        q.localPort = 40000;
        add(4, EventKind::Queue, "client", q);
        q.socket = QStringLiteral("sock:5");
        q.inq = 10;
        q.outq = 0;
        q.localPort = 9000;
        add(5, EventKind::Queue, "server", q);
        add(6, EventKind::Call, "server",
            CallData{QStringLiteral("recv"), QStringLiteral("sock:5"), {{"bufsize", 1024}}, i, 20,
                     QStringLiteral("tcp_server.py")});
        add(7, EventKind::Return, "server",
            ReturnData{QStringLiteral("recv"), QStringLiteral("sock:5"), 10, {}, {{"data", "hello 1234"}}, false, i});
        if (i % 100 == 0)
            add(8, EventKind::State, "client",
                StateData{QStringLiteral("sock:4"), QStringLiteral("ESTABLISHED"), QStringLiteral("SYN_SENT"), 40000,
                          9000, QStringLiteral("rcv SYN+ACK"), false});
        else
            add(8, EventKind::Note, "client", NoteData{QStringLiteral("step"), {{"index", i}, {"call", "send"}}});
        add(9, EventKind::Note, "server", NoteData{QStringLiteral("step"), {{"index", i}, {"call", "recv"}}});
    }
    tl.appendBatch(std::move(list));
    return tl;
}

void BM_SaveAndOpenASession(benchmark::State& state)
{
    const Timeline tl = clientLoop(int(state.range(0)));
    QTemporaryDir dir;
    const QString path = dir.filePath("loop.socklab.json");
    for (auto _ : state) {
        if (!bench::saveTimed(state, tl, path)) return;
        const auto t0 = Clock::now();
        const double c0 = threadCpuMs();
        const TimelineLoadResult r = loadTimeline(path);
        state.counters["open_s"] = msSince(t0) / 1e3;
        state.counters["open_cpu_s"] = (threadCpuMs() - c0) / 1e3;
        if (!r.ok || r.timeline.size() != tl.size()) {
            state.SkipWithError(r.ok ? "the session came back with another number of events" : r.error.toStdString().c_str());
            return;
        }
    }
    state.counters["events"] = double(tl.size());
}
BENCHMARK(BM_SaveAndOpenASession)
    ->Arg(100000)
    ->Arg(1000000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->UseRealTime();

} // namespace

BENCHMARK_MAIN();
