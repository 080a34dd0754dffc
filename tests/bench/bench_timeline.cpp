// Drawing the per-worker timeline of a 1,000,000-task run, as the view does while zooming and
// panning, and exporting charts at 3840x2160.
//   QT_QPA_PLATFORM=offscreen bench_timeline --benchmark_counters_tabular=true
// The view paints through the same TimelineRenderer into a raster backing store, so painting
// into a QImage of the window's size is the frame's cost, without the compositor.
#include "charts/chartexporter.h"
#include "charts/theme.h"
#include "session/backgroundwork.h"
#include "timeline/timelinedata.h"
#include "timeline/timelinekeycursor.h"
#include "timeline/timelinerenderer.h"

#include <QApplication>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <thread>

#include <sys/mman.h>

using namespace Qt::StringLiterals;
using namespace wordrace;

namespace {

// A threads run of a million short tasks over two workers, 2 s long: what `--chunk 30` on the
// lesson corpus gives. Durations vary so that the per-pixel coverage is not uniform.
RunResult millionTaskRun(Mode mode = Mode::Threads, int workers = 2, qsizetype count = 1'000'000)
{
    RunResult r;
    r.mode = mode;
    r.workers = workers;
    r.taskCount = count;
    r.wallS = 2.0;
    r.tasks.reserve(count);
    const double slot = r.wallS * workers / double(count);
    for (qsizetype i = 0; i < count; ++i) {
        TaskRecord t;
        t.task = i;
        t.worker = int(i % workers);
        t.startS = double(i / workers) * slot;
        t.endS = t.startS + slot * (0.5 + 0.4 * double((i * 7919) % 13) / 13.0);
        t.words = 110;
        t.bytes = 580;
        t.begin = std::uint64_t(i) * 580;
        t.computeS = t.endS - t.startS;
        r.tasks.append(t);
        r.words += t.words;
    }
    for (int w = 0; w < workers; ++w)
        r.workerNames << u"thread %1"_s.arg(1000 + w);
    return r;
}

// One group (a threads run), or the whole experiment: sequential, threads and processes, each
// of a million tasks, stacked on one time axis as the window shows them after a run.
const TimelineData &millionTasks(int groups)
{
    static const TimelineData one = [] {
        TimelineData d;
        d.addResult(millionTaskRun());
        return d;
    }();
    static const TimelineData three = [] {
        TimelineData d;
        d.addResult(millionTaskRun(Mode::Sequential, 1));
        d.addResult(millionTaskRun(Mode::Threads, 2));
        d.addResult(millionTaskRun(Mode::Processes, 2));
        return d;
    }();
    return groups == 1 ? one : three;
}

// One frame at 1920x1080 with 1/zoom of the run in view; each iteration pans by a tenth of the
// view, as dragging does, so no two frames show the same tasks.
void paintFrame(benchmark::State &state)
{
    const double zoom = double(state.range(0));
    const TimelineData &data = millionTasks(int(state.range(1)));
    const auto [full0, full1] = TimelineRenderer::fullRange(data);
    const double span = (full1 - full0) / zoom;
    TimelineRenderer renderer(data, Theme::light());
    renderer.setTitle(u"Per-worker timeline"_s);
    QImage image(1920, 1080, QImage::Format_ARGB32_Premultiplied);
    double t0 = full0;
    for (auto _ : state) {
        if (t0 + span > full1 + 1e-12)
            t0 = full0;
        renderer.setRange(t0, t0 + span);
        QPainter painter(&image);
        renderer.paint(&painter, QRectF(image.rect()));
        painter.end();
        benchmark::DoNotOptimize(image.constBits());
        t0 += span / 10;
    }
    state.counters["tasks"] = double(data.taskCount());
    state.counters["fps"] = benchmark::Counter(double(state.iterations()), benchmark::Counter::kIsRate);
}

// One press of Right on a lane of a million tasks (three such groups on show, 1920 px wide, 1/zoom
// of the run in view): the keyboard cursor's step and the mark it lands on, what the view does
// before it shows the mark's tooltip. The lane's end starts it over.
void keyStep(benchmark::State &state)
{
    const TimelineData &data = millionTasks(3);
    const auto [full0, full1] = TimelineRenderer::fullRange(data);
    TimelineRenderer renderer(data, Theme::light());
    renderer.setRange(full0, full0 + (full1 - full0) / double(state.range(0)));
    const auto layout = renderer.layout(QRectF(0, 0, 1920, 1080));
    TimelineKeyCursor cursor;
    const auto start = [&] {
        cursor.clear();
        cursor.moveRow(data, layout, 1); // the first group's header
        cursor.moveRow(data, layout, 1); // its lane
    };
    start();
    for (auto _ : state) {
        if (!cursor.moveMark(data, layout, 1))
            start();
        benchmark::DoNotOptimize(cursor.mark(data, layout));
    }
    state.counters["tasks"] = double(data.taskCount());
}

// A frame of a long run's resource strip: 10,000 samples (the sampler's most) of two cores and of
// the memory of a parent and two workers, under a processes run of 1,000 tasks.
void paintStrip(benchmark::State &state)
{
    static const TimelineData data = [] {
        RunResult r = millionTaskRun(Mode::Processes, 2, 1000);
        r.wallS = 40.0;
        r.memoryNames = {u"parent"_s, u"pid 11"_s, u"pid 12"_s};
        r.peakMemoryBytes = qint64(700) << 20;
        for (int i = 1; i <= 10'000; ++i) {
            const float wave = float((i * 7919) % 101) / 100.0f;
            ResourceSample s{40.0 * i / 10'000, {wave, 1.0f - wave}, {}};
            if (i % 4 == 0)
                s.memoryBytes = {qint64(600 + i % 50) << 20, qint64(40 + i % 7) << 20,
                                 qint64(40 + i % 5) << 20};
            r.samples.append(s);
        }
        TimelineData d;
        d.addResult(r);
        return d;
    }();
    const double zoom = double(state.range(0));
    TimelineRenderer renderer(data, Theme::light());
    renderer.setRange(0.0, 40.0 / zoom);
    QImage image(1920, 1080, QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        QPainter painter(&image);
        renderer.paint(&painter, QRectF(image.rect()));
        painter.end();
        benchmark::DoNotOptimize(image.constBits());
    }
    state.counters["fps"] = benchmark::Counter(double(state.iterations()), benchmark::Counter::kIsRate);
}

// Exporting a 3840x2160 PNG: the chart drawn, then encoded and written through QSaveFile.
void exportPng(benchmark::State &state, ChartKind kind)
{
    ChartSource source;
    source.kind = kind;
    if (kind == ChartKind::Timeline) {
        source.results << millionTaskRun();
    } else {
        source.results << millionTaskRun(Mode::Sequential, 1, 1000) << millionTaskRun(Mode::Threads, 2, 1000)
                       << millionTaskRun(Mode::Processes, 2, 1000);
    }
    source.title = ChartExporter::defaultTitle(kind, source.results);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"chart.png"_s);
    for (auto _ : state) {
        QString error;
        if (!ChartExporter::write(source, Theme::light(), path, QSize(3840, 2160), &error)) {
            state.SkipWithError(qPrintable(error));
            break;
        }
    }
    state.counters["bytes_written"] = double(QFileInfo(path).size());
}

// Freeing two million task records (160 MB) on one thread while another, as the GUI thread's
// allocator does, maps and unmaps 64 KiB every 0.2 ms: worst_wait_ms is the prober's longest wait.
// drop:1 frees the way releaseInBackground does (pages first, in pieces), drop:0 plainly.
void freeWhileAllocating(benchmark::State &state)
{
    const bool drop = state.range(0) != 0;
    double worstMs = 0;
    for (auto _ : state) {
        state.PauseTiming();
        QList<TaskRecord> tasks(2'000'000);
        std::fill(tasks.begin(), tasks.end(), TaskRecord{});
        std::atomic<bool> stop{false};
        std::thread prober([&] {
            using Clock = std::chrono::steady_clock;
            while (!stop.load()) {
                const auto t0 = Clock::now();
                void *p = ::mmap(nullptr, 65536, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
                ::munmap(p, 65536);
                worstMs =
                    std::max(worstMs, std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
                std::this_thread::sleep_for(std::chrono::microseconds(200));
            }
        });
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        state.ResumeTiming();
        if (drop)
            dropPages(tasks);
        tasks = {};
        state.PauseTiming();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        stop = true;
        prober.join();
        state.ResumeTiming();
    }
    state.counters["worst_wait_ms"] = worstMs;
}

} // namespace

BENCHMARK(freeWhileAllocating)->ArgName("drop")->Arg(0)->Arg(1)->Iterations(5)->Unit(benchmark::kMillisecond);
BENCHMARK(keyStep)->ArgName("zoom")->Arg(1)->Arg(1000)->Unit(benchmark::kMicrosecond);
BENCHMARK(paintStrip)->ArgName("zoom")->Arg(1)->Arg(10)->Arg(100)->Unit(benchmark::kMillisecond);
BENCHMARK(paintFrame)
    ->ArgNames({"zoom", "groups"})
    ->ArgsProduct({{1, 10, 100, 10'000, 1'000'000}, {1, 3}})
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(exportPng, timeline_1M_tasks, ChartKind::Timeline)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(exportPng, wall_cpu, ChartKind::WallCpu)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(exportPng, overhead, ChartKind::Overhead)->Unit(benchmark::kMillisecond);

int main(int argc, char **argv)
{
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    // Charts need an application object and fonts, not a screen.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
