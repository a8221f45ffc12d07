// Capture-side memory and session size (issue 12). Compare within one run.
//   build/tests/bench/bench_capture
// BM_MemoryPerSmallSegment: heap bytes per timeline event for 1,000,000 small
// TCP segments (10-byte payloads) taken the way the lab takes them (decoded,
// annotated, appended to a Timeline; the frames themselves in the frame store). BM_BigSegmentsKeepTheirHead: the same
// for 64 KiB GSO frames cut to the tap's keepBytes (the rest lives on disk).
// BM_MemoryPerWireEvent: a wire-mode transfer of 1,000,000 full-sized data
// segments: their captures and the wire's events (none for a plain pass; a
// delaying policy's delay carried by the capture).
// BM_SaveAndLoadSession: saveTimeline / loadTimeline of those 1,000,000 events.

#include "PacketAnnotator.h"
#include "PacketTap.h"
#include "Timeline.h"
#include "TimelineJson.h"
#include "WireDelays.h"
#include "WireEvents.h"

#include <QFileInfo>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <arpa/inet.h>
#include <malloc.h>

#include <ctime>

using namespace socklab;

namespace {

// Ethernet + IPv4 + TCP (with the timestamps option, as Linux sends) + payload.
QByteArray frame(uint32_t seq, int payload, uint16_t from, uint16_t to)
{
    QByteArray f(14 + 20 + 32 + payload, '\0');
    auto* b = reinterpret_cast<uint8_t*>(f.data());
    b[12] = 0x08; // IPv4
    uint8_t* ip = b + 14;
    ip[0] = 0x45;
    const uint16_t total = htons(uint16_t(std::min(65535, 20 + 32 + payload)));
    memcpy(ip + 2, &total, 2);
    ip[8] = 64;
    ip[9] = 6;
    ip[12] = 127, ip[15] = 1, ip[16] = 127, ip[19] = 1;
    uint8_t* tcp = ip + 20;
    const uint16_t sp = htons(from), dp = htons(to);
    memcpy(tcp, &sp, 2);
    memcpy(tcp + 2, &dp, 2);
    const uint32_t s = htonl(seq), a = htonl(1);
    memcpy(tcp + 4, &s, 4);
    memcpy(tcp + 8, &a, 4);
    tcp[12] = 8 << 4; // 32-byte header
    tcp[13] = 0x18;   // PSH,ACK
    tcp[14] = 0x01;
    tcp[20] = 1, tcp[21] = 1, tcp[22] = 8, tcp[23] = 10; // NOP NOP TS
    for (int i = 0; i < payload; ++i)
        b[66 + i] = uint8_t('a' + i % 26);
    return f;
}

size_t heapInUse() { return mallinfo2().uordblks + mallinfo2().hblkhd; }

// CPU time of this thread: wall time on a shared machine is mostly waiting.
double cpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

// spooled: as the lab takes them (frames in the frame store); otherwise memory
// keeps each frame (a replayed session, or the save benchmark below, which
// has no frame store to read the frames back from).
Timeline smallSegments(int n, bool spooled)
{
    PacketAnnotator annotate([](uint16_t l, uint16_t) { return l == 9000 ? QStringLiteral("server") : QStringLiteral("client"); });
    Timeline tl;
    QList<Event> batch;
    for (int i = 0; i < n; ++i) {
        CapturedFrame f;
        f.epochUs = 1000 + i;
        f.bytes = frame(uint32_t(1 + 10 * i), 10, i % 2 ? 9000 : 40000, i % 2 ? 40000 : 9000);
        f.wireLen = f.capLen = uint32_t(f.bytes.size());
        // As the tap takes it: every frame goes to the frame store (its
        // pcap record's offset), memory keeps the event.
        if (spooled) f.spoolOffset = 24 + qint64(i) * (16 + f.bytes.size());
        batch.append(annotate.toEvent(f, 1, 0));
        if (batch.size() == 1000) tl.appendBatch(std::exchange(batch, {}));
    }
    tl.appendBatch(std::move(batch));
    return tl;
}

void BM_MemoryPerSmallSegment(benchmark::State& state)
{
    const int n = int(state.range(0));
    for (auto _ : state) {
        const size_t before = heapInUse();
        Timeline tl = smallSegments(n, true);
        const size_t after = heapInUse();
        state.counters["bytes_per_event"] = double(after - before) / n;
        state.counters["sizeof_Event"] = double(sizeof(Event));
        benchmark::DoNotOptimize(tl.size());
    }
}
BENCHMARK(BM_MemoryPerSmallSegment)->Arg(1000000)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

void BM_BigSegmentsKeepTheirHead(benchmark::State& state)
{
    const int n = int(state.range(0));
    const int keep = TapOptions{}.keepBytes;
    const QByteArray whole = frame(1, 65483, 9000, 40000);
    for (auto _ : state) {
        PacketAnnotator annotate([](uint16_t, uint16_t) { return QStringLiteral("server"); });
        const size_t before = heapInUse();
        Timeline tl;
        for (int i = 0; i < n; ++i) {
            CapturedFrame f;
            f.epochUs = i;
            f.bytes = whole.first(keep); // as the tap keeps a spooled frame
            f.wireLen = f.capLen = uint32_t(whole.size());
            f.spoolOffset = 24 + qint64(i) * (16 + whole.size());
            tl.append(annotate.toEvent(f, 1, 0));
        }
        state.counters["bytes_per_event"] = double(heapInUse() - before) / n;
        state.counters["wire_bytes_per_event"] = double(whole.size());
    }
}
BENCHMARK(BM_BigSegmentsKeepTheirHead)->Arg(16384)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

// A wire-mode transfer of n full-sized data segments (1448 payload bytes, MTU
// 1500): each one's capture on lo as the tap takes it (its frame in the frame
// store, its first keepBytes in memory) and what the wire records of it, as
// Wire::loop does: nothing for a plain pass (mode 0: the wire-stats note counts
// it), a "delay" record of its first 128 bytes for a delaying policy (mode 1),
// which its capture claims (WireDelays) as ProgramLab::merge does.
void BM_MemoryPerWireEvent(benchmark::State& state)
{
    const int n = int(state.range(0));
    const bool delayed = state.range(1) == 1;
    const int keep = TapOptions{}.keepBytes;
    PacketAnnotator annotate([](uint16_t l, uint16_t) { return l == 9000 ? QStringLiteral("server") : QStringLiteral("client"); });
    for (auto _ : state) {
        const size_t before = heapInUse();
        Timeline tl;
        QList<WireRecord> records;
        QList<Event> captured;
        WireDelays delays;
        for (int i = 0; i < n; ++i) {
            const QByteArray whole = frame(uint32_t(1 + 1448 * i), 1448, 40000, 9000);
            if (delayed) {
                WireRecord r;
                r.epochUs = 1000 + 2 * i;
                r.action = WireAction::Delay;
                r.reason = QStringLiteral("delay");
                r.packetId = uint32_t(i);
                r.direction = QStringLiteral("c2s");
                r.delayUs = 50000;
                r.bytes = whole.sliced(14, 128); // the IP packet's first bytes
                r.length = uint32_t(whole.size() - 14);
                records.append(std::move(r));
            }
            delays.keep(records); // as ProgramLab::merge: the delay waits for its packet's capture
            CapturedFrame f;
            f.epochUs = 1001 + 2 * i;
            f.bytes = whole.first(std::min<qsizetype>(keep, whole.size()));
            f.wireLen = f.capLen = uint32_t(whole.size());
            f.spoolOffset = 24 + qint64(i) * (16 + whole.size());
            Event e = annotate.toEvent(f, 1, 0);
            e.wireDelayUs = uint32_t(delays.claim(QByteArrayView(f.bytes).sliced(WireDelays::ipOffset(1))));
            captured.append(std::move(e));
            if (captured.size() == 1000) { // one batch, as the session hands them over (sorted by time there)
                QList<Event> batch = WireEvents::toEvents(std::exchange(records, {}), annotate, 0);
                batch.append(std::exchange(captured, {}));
                tl.appendBatch(std::move(batch));
            }
        }
        QList<Event> batch = WireEvents::toEvents(records, annotate, 0);
        batch.append(std::move(captured));
        batch.append(WireEvents::toEvents(delays.unclaimed(-1), annotate, 0));
        tl.appendBatch(std::move(batch));
        const size_t after = heapInUse();
        qsizetype wireEvents = 0, payloadKept = 0;
        for (const Event& e : tl.events()) {
            wireEvents += e.kind == EventKind::Wire;
            if (const PacketData* p = e.packet()) payloadKept += p->payload.size();
            if (const WireData* w = e.wire()) payloadKept += w->packet.payload.size();
        }
        state.counters["events"] = double(tl.size());
        state.counters["wire_events"] = double(wireEvents);
        state.counters["bytes_per_event"] = double(after - before) / double(tl.size());
        state.counters["bytes_per_packet"] = double(after - before) / n;
        state.counters["payload_kept_per_event"] = double(payloadKept) / double(tl.size());
        benchmark::DoNotOptimize(tl.size());
    }
}
BENCHMARK(BM_MemoryPerWireEvent)
    ->ArgNames({"packets", "delay"})
    ->Args({1000000, 0})
    ->Args({1000000, 1})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->UseRealTime();

void BM_SaveAndLoadSession(benchmark::State& state)
{
    const Timeline tl = smallSegments(int(state.range(0)), false);
    QTemporaryDir dir;
    const QString path = dir.filePath("s.socklab.json");
    for (auto _ : state) {
        QString error;
        const auto t0 = std::chrono::steady_clock::now();
        const double c0 = cpuSeconds();
        if (!saveTimeline(tl, path, &error)) state.SkipWithError(error.toStdString().c_str());
        const auto t1 = std::chrono::steady_clock::now();
        const double c1 = cpuSeconds();
        const size_t heapBefore = heapInUse();
        const TimelineLoadResult r = loadTimeline(path);
        const auto t2 = std::chrono::steady_clock::now();
        const double c2 = cpuSeconds();
        if (!r.ok) state.SkipWithError(r.error.toStdString().c_str());
        state.counters["save_s"] = std::chrono::duration<double>(t1 - t0).count();
        state.counters["load_s"] = std::chrono::duration<double>(t2 - t1).count();
        state.counters["save_cpu_s"] = c1 - c0;
        state.counters["load_cpu_s"] = c2 - c1;
        // The reopened session in memory (the file's bytes are freed by then).
        state.counters["loaded_bytes_per_event"] = double(heapInUse() - heapBefore) / double(std::max<qsizetype>(1, r.timeline.size()));
        state.counters["file_MB"] = double(QFileInfo(path).size()) / 1e6;
    }
}
BENCHMARK(BM_SaveAndLoadSession)->Arg(1000000)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
