// Ladder painting cost must not grow with the timeline: paint a 100,000-segment
// timeline at several scroll positions and zoom levels, next to a 100-segment
// one. And the whole `socklab export handshake --all --out notes.pdf` process.

#include "LadderRenderer.h"
#include "ViewsTestData.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

using namespace socklab;

namespace {

const LadderRenderer& renderer(int segments)
{
    static QMap<int, LadderRenderer*> cache;
    if (!cache.contains(segments)) {
        auto* r = new LadderRenderer;
        r->setTimeline(test::syntheticTimeline(segments));
        cache.insert(segments, r);
    }
    return *cache[segments];
}

// args: segments, scroll position in per-mille of the content, zoom in percent
void BM_PaintLadder(benchmark::State& state)
{
    LadderRenderer r = renderer(int(state.range(0)));
    r.layout().setZoom(state.range(2) / 100.0);
    QImage img(1400, 900, QImage::Format_ARGB32_Premultiplied);
    LadderViewport vp;
    vp.top = (r.layout().contentHeight() - 900) * state.range(1) / 1000.0;
    const int cursor = r.layout().rows().last().eventIndex;
    for (auto _ : state) {
        QPainter p(&img);
        r.paint(p, QRectF(0, 0, 1400, 900), cursor, vp);
    }
    state.SetLabel(QStringLiteral("%1 rows").arg(r.layout().rows().size()).toStdString());
}

void BM_ExportNotesProcess(benchmark::State& state)
{
    QTemporaryDir dir;
    for (auto _ : state) {
        QProcess p;
        p.start(QStringLiteral(SOCKLAB_BINARY),
                {"export", "handshake", "--all", "--out", dir.filePath("notes.pdf")});
        p.waitForFinished(120000);
        if (p.exitCode() != 0) state.SkipWithError("export failed");
    }
}

} // namespace

BENCHMARK(BM_PaintLadder)
    ->ArgsProduct({{100, 100000}, {0, 500, 1000}, {100}})
    ->ArgsProduct({{100000}, {500}, {30, 300}})
    ->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ExportNotesProcess)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    return 0;
}
