// Cutting the lesson's corpus (30,000,000 lines, 580 MB) into tasks, from Pool.map's default
// chunk up to the 2,000,000 tasks a run may have.
//   bench_planner --benchmark_counters_tabular=true
#include "corpus/corpus.h"
#include "corpus/taskplanner.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>

using namespace wordrace;

namespace {

const Corpus &lessonCorpus()
{
    static const std::unique_ptr<Corpus> corpus = [] {
        QString error;
        auto c = Corpus::open(CorpusSpec::lesson(), &error);
        if (!c) {
            std::fprintf(stderr, "bench_planner: %s\n", qPrintable(error));
            std::abort();
        }
        // The line count is cached in the corpus after its first use; plans measure the cutting.
        benchmark::DoNotOptimize(c->lineCount());
        return c;
    }();
    return *corpus;
}

// chunk 0 stands for Pool.map's default: ceil(lines / (4 x workers)).
void plan(benchmark::State &state)
{
    const Corpus &corpus = lessonCorpus();
    const auto chunk = std::uint64_t(state.range(0));
    const std::optional<std::uint64_t> chunkLines = chunk ? std::optional(chunk) : std::nullopt;
    qsizetype tasks = 0;
    for (auto _ : state) {
        QString error;
        const auto p = TaskPlanner::plan(corpus, 2, chunkLines, &error);
        if (!p) {
            state.SkipWithError(qPrintable(error));
            break;
        }
        tasks = p->tasks.size();
        benchmark::DoNotOptimize(p->tasks.constData());
    }
    state.counters["tasks"] = double(tasks);
    state.counters["s_per_task"] =
        benchmark::Counter(double(tasks) * double(state.iterations()),
                           benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

// The part of a first plan that later plans reuse: counting the corpus's lines.
void countLines(benchmark::State &state)
{
    const std::string_view bytes = lessonCorpus().bytes();
    std::uint64_t lines = 0;
    for (auto _ : state) {
        lines = 0;
        for (const char *p = bytes.data(), *end = p + bytes.size();
             (p = static_cast<const char *>(std::memchr(p, '\n', std::size_t(end - p)))); ++p)
            ++lines;
        benchmark::DoNotOptimize(lines);
    }
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(bytes.size()));
    state.counters["lines"] = double(lines);
}

} // namespace

BENCHMARK(plan)
    ->ArgName("chunk")
    ->Arg(0)
    ->Arg(1'000'000)
    ->Arg(10'000)
    ->Arg(100)
    ->Arg(15) // 2,000,000 tasks, the most a run may have
    ->Unit(benchmark::kMillisecond);
BENCHMARK(countLines)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
