// What each backend costs beyond counting, and what two workers buy on the lesson's corpus.
//   bench_backends --benchmark_counters_tabular=true
// Ratios against floors measured in the same invocation count, not absolute times (issue 7):
// per-task overhead of each pool, worker start-up, the pipe transport against a raw pipe, and
// the speed-up of 2 workers against sequential next to the memory floor's own scaling.
#include "backends/backendfactory.h"
#include "corpus/corpus.h"
#include "corpus/taskplanner.h"

#include <QCoreApplication>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <thread>
#include <tuple>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

using namespace wordrace;

namespace {

std::unique_ptr<Corpus> openCorpus(const CorpusSpec &spec, Corpus::Storage storage = Corpus::Storage::Shared)
{
    QString error;
    auto c = Corpus::open(spec, &error, nullptr, storage);
    if (!c) {
        std::fprintf(stderr, "bench_backends: %s\n", qPrintable(error));
        std::abort();
    }
    return c;
}

const Corpus &lessonCorpus()
{
    static const std::unique_ptr<Corpus> corpus = openCorpus(CorpusSpec::lesson());
    return *corpus;
}

// The lesson corpus as the Runner builds it for worker processes: SharedHuge (a memfd in huge
// pages) for exec'd workers, Inherited (anonymous memory in huge pages) for --start fork.
const Corpus &lessonCorpus(Corpus::Storage storage)
{
    if (storage == Corpus::Storage::Shared)
        return lessonCorpus();
    static std::map<Corpus::Storage, std::unique_ptr<Corpus>> corpora;
    auto &corpus = corpora[storage];
    if (!corpus)
        corpus = openCorpus(CorpusSpec::lesson(), storage);
    return *corpus;
}

// Corpora and plans are expensive to build; every benchmark shares them.
const TaskPlan &planFor(const Corpus &corpus, int workers, std::optional<std::uint64_t> chunk)
{
    static std::map<std::tuple<const Corpus *, int, std::uint64_t>, TaskPlan> plans;
    const auto key = std::make_tuple(&corpus, workers, chunk.value_or(0));
    auto it = plans.find(key);
    if (it == plans.end()) {
        QString error;
        auto plan = TaskPlanner::plan(corpus, workers, chunk, &error);
        if (!plan) {
            std::fprintf(stderr, "bench_backends: %s\n", qPrintable(error));
            std::abort();
        }
        it = plans.emplace(key, std::move(*plan)).first;
    }
    return it->second;
}

RunResult runOnce(benchmark::State &state, Mode mode, const Corpus &corpus, const TaskPlan &plan, int workers,
                  Knobs knobs = {})
{
    RunContext context;
    context.corpus = &corpus;
    context.plan = &plan;
    context.workers = workers;
    context.cancel = std::make_shared<std::atomic_bool>(false);
    context.knobs = knobs;
    BackendOutcome out = BackendFactory::create(mode)->run(context);
    if (!out.error.isEmpty() && !state.error_occurred())
        state.SkipWithError(qPrintable(out.error));
    return std::move(out.result);
}

// Many tasks of one short line each ("nice hat", 9 bytes): the work is nothing, so the time per
// task is what the pool itself costs to hand out, time, record and gather a task.
void perTaskOverhead(benchmark::State &state, Mode mode)
{
    const int workers = int(state.range(0));
    const auto tasks = std::uint64_t(state.range(1));
    static std::map<std::uint64_t, std::unique_ptr<Corpus>> corpora;
    auto &corpus = corpora[tasks];
    if (!corpus)
        corpus = openCorpus(CorpusSpec::niceHat(tasks / 3));
    const TaskPlan &plan = planFor(*corpus, workers, 1);
    double wall = 0, startup = 0, compute = 0;
    for (auto _ : state) {
        const RunResult r = runOnce(state, mode, *corpus, plan, workers);
        state.SetIterationTime(r.wallS);
        wall += r.wallS;
        startup += r.startupS;
        for (const TaskRecord &t : r.tasks)
            compute += t.computeS;
    }
    const double runs = double(state.iterations());
    const double n = double(plan.tasks.size()) * runs;
    state.counters["tasks"] = double(plan.tasks.size());
    // What one more task adds to the run's wall time with this many workers.
    state.counters["us_per_task"] = (wall - startup) / n * 1e6;
    // What one task costs a worker: the target's "per-task overhead of the pool".
    state.counters["worker_us_per_task"] = (wall - startup) * workers / n * 1e6;
    state.counters["count_us_per_task"] = compute / n * 1e6;
    state.counters["startup_ms"] = startup / runs * 1e3;
}

// Creating N workers until the last one is ready to count: for processes, fork and exec of
// wordrace-worker, its Hello, and its mapping of the corpus through /proc/<parent>/fd.
// Starts n copies of program at once with posix_spawn and waits for them all to exit: the
// seconds that took.
double spawnAndWait(const std::string &program, const std::vector<std::string> &arguments, int n)
{
    std::vector<char *> argv{const_cast<char *>(program.c_str())};
    for (const std::string &a : arguments)
        argv.push_back(const_cast<char *>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t quiet;
    posix_spawn_file_actions_init(&quiet);
    posix_spawn_file_actions_addopen(&quiet, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<pid_t> pids;
    for (int i = 0; i < n; ++i) {
        pid_t pid = -1;
        if (posix_spawn(&pid, program.c_str(), &quiet, nullptr, argv.data(), environ) == 0)
            pids.push_back(pid);
    }
    for (pid_t pid : pids) {
        int status = 0;
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
    }
    const auto t1 = std::chrono::steady_clock::now();
    posix_spawn_file_actions_destroy(&quiet);
    return std::chrono::duration<double>(t1 - t0).count();
}

void startup(benchmark::State &state, Mode mode, bool lesson)
{
    const int workers = int(state.range(0));
    static const std::unique_ptr<Corpus> tiny = openCorpus(CorpusSpec::niceHat(1));
    const Corpus &corpus = lesson ? lessonCorpus() : *tiny;
    // Only the first task of each worker runs: on the lesson corpus the smallest chunk a plan
    // allows (15 lines, 2,000,000 tasks), so that counting adds next to nothing.
    const TaskPlan &plan = planFor(corpus, workers, lesson ? std::optional<std::uint64_t>(15) : std::nullopt);
    TaskPlan firstTasks = plan;
    firstTasks.tasks.resize(std::min<qsizetype>(plan.tasks.size(), workers));
    double startupS = 0, wall = 0, floorS = 0, workerFloorS = 0;
    const std::string worker = QCoreApplication::applicationDirPath().toStdString() + "/wordrace-worker";
    for (auto _ : state) {
        const RunResult r = runOnce(state, mode, corpus, firstTasks, workers);
        state.SetIterationTime(r.startupS);
        startupS += r.startupS;
        wall += r.wallS;
        if (mode == Mode::Processes) {
            // The floors, beside each run: the system's own cost to start as many programs at
            // once and see them exit (/bin/true), and the same for the worker binary itself.
            floorS += spawnAndWait("/bin/true", {}, workers);
            workerFloorS += spawnAndWait(worker, {"--version"}, workers);
        }
    }
    const double runs = double(state.iterations());
    state.counters["startup_ms"] = startupS / runs * 1e3;
    state.counters["startup_ms_per_worker"] = startupS / runs * 1e3 / workers;
    state.counters["whole_run_ms"] = wall / runs * 1e3;
    if (mode == Mode::Processes) {
        state.counters["floor_true_ms"] = floorS / runs * 1e3;
        state.counters["floor_worker_ms"] = workerFloorS / runs * 1e3;
        state.counters["vs_floor"] = startupS / floorS;
    }
}

// The lesson corpus sent down the workers' pipes (--transport pipe), as Pool.map pickles each item.
void pipeTransport(benchmark::State &state)
{
    const int workers = int(state.range(0));
    const auto chunk = std::uint64_t(state.range(1));
    const Corpus &corpus = lessonCorpus();
    const TaskPlan &plan = planFor(corpus, workers, chunk ? std::optional(chunk) : std::nullopt);
    Knobs knobs;
    knobs.transport = Transport::Pipe;
    double wall = 0, startupS = 0, transfer = 0;
    for (auto _ : state) {
        const RunResult r = runOnce(state, Mode::Processes, corpus, plan, workers, knobs);
        state.SetIterationTime(r.wallS);
        wall += r.wallS;
        startupS += r.startupS;
        transfer += r.overhead.transferS;
    }
    const double bytes = double(corpus.size()) * double(state.iterations());
    state.SetBytesProcessed(std::int64_t(bytes));
    state.counters["tasks"] = double(plan.tasks.size());
    // The whole run, counting included: what the user sees.
    state.counters["run_GBps"] = bytes / wall / 1e9;
    // Only the time workers spent receiving task bytes, per worker.
    state.counters["transfer_GBps_per_worker"] = bytes / transfer / 1e9;
    state.counters["startup_ms"] = startupS / double(state.iterations()) * 1e3;
}

// The floor for the pipe: one process writes the corpus into a pipe of 1 MiB (as WordRace's) in
// 1 MiB writes, a child reads it into a 1 MiB buffer. No protocol, no Qt.
void rawPipeFloor(benchmark::State &state)
{
    const std::string_view bytes = lessonCorpus().bytes();
    constexpr std::size_t block = 1 << 20;
    for (auto _ : state) {
        int fds[2];
        if (::pipe(fds) != 0)
            return state.SkipWithError("pipe failed");
        ::fcntl(fds[1], F_SETPIPE_SZ, int(block));
        const pid_t child = ::fork();
        if (child == 0) {
            ::close(fds[1]);
            std::vector<char> buffer(block);
            while (::read(fds[0], buffer.data(), block) > 0) {
            }
            ::_exit(0);
        }
        ::close(fds[0]);
        for (std::size_t off = 0; off < bytes.size();) {
            const ssize_t n = ::write(fds[1], bytes.data() + off, std::min(block, bytes.size() - off));
            if (n <= 0)
                break;
            off += std::size_t(n);
        }
        ::close(fds[1]);
        int status = 0;
        ::waitpid(child, &status, 0);
    }
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(bytes.size()));
    state.counters["GBps"] = benchmark::Counter(double(state.iterations()) * double(bytes.size()) / 1e9,
                                                benchmark::Counter::kIsRate);
}

// Sequential and N workers back to back in every iteration, so drift hits both alike; both count
// the corpus stored as given (for processes, the Runner's choice unless stated otherwise).
std::uint64_t byteSum(const char *data, std::size_t size)
{
    std::uint64_t sum = 0;
    const auto *p = reinterpret_cast<const std::uint64_t *>(data);
    for (std::size_t i = 0, n = size / 8; i < n; ++i)
        sum += p[i];
    return sum;
}

// The memory floor over bytes: one read of it all on one thread, then of its parts on `threads`
// threads at once; seconds each.
struct FloorTimes
{
    double one = 0;
    double many = 0;
};
FloorTimes floorOnce(std::string_view bytes, int threads, bool memchrFloor)
{
    auto touch = [memchrFloor](const char *p, std::size_t n) {
        if (memchrFloor)
            benchmark::DoNotOptimize(std::memchr(p, 0x01, n));
        else
            benchmark::DoNotOptimize(byteSum(p, n));
    };
    const auto t0 = std::chrono::steady_clock::now();
    touch(bytes.data(), bytes.size());
    const auto t1 = std::chrono::steady_clock::now();
    std::vector<std::thread> pool;
    const std::size_t part = (bytes.size() / std::size_t(threads)) & ~std::size_t(63);
    for (int i = 0; i < threads; ++i) {
        const std::size_t off = part * std::size_t(i);
        const std::size_t n = i + 1 == threads ? bytes.size() - off : part;
        pool.emplace_back([&, off, n] { touch(bytes.data() + off, n); });
    }
    for (std::thread &t : pool)
        t.join();
    const auto t2 = std::chrono::steady_clock::now();
    return {std::chrono::duration<double>(t1 - t0).count(), std::chrono::duration<double>(t2 - t1).count()};
}

void speedup(benchmark::State &state, Mode mode, Corpus::Storage storage)
{
    const int workers = int(state.range(0));
    const Corpus &corpus = lessonCorpus(storage);
    const Start start = storage == Corpus::Storage::Inherited ? Start::Fork : Start::Spawn;
    const TaskPlan &seqPlan = planFor(corpus, 1, std::nullopt);
    const TaskPlan &parPlan = planFor(corpus, workers, std::nullopt);
    Knobs knobs;
    knobs.start = start;
    double seq = 0, par = 0, startupS = 0, floorOne = 0, floorMany = 0;
    for (auto _ : state) {
        const RunResult s = runOnce(state, Mode::Sequential, corpus, seqPlan, 1);
        const RunResult p = runOnce(state, mode, corpus, parPlan, workers, knobs);
        if (p.words != s.words && !state.error_occurred())
            state.SkipWithError("the modes disagree on the word count");
        state.SetIterationTime(p.wallS);
        seq += s.wallS;
        par += p.wallS;
        startupS += p.startupS;
        // The floor beside every run, over the same bytes: memchr on one thread and on as many
        // threads as workers. What the machine gives two readers of memory is the most two
        // counters can gain; the counter's own speed is measured against memchr's.
        const FloorTimes f = floorOnce(corpus.bytes(), workers, true);
        floorOne += f.one;
        floorMany += f.many;
    }
    const double runs = double(state.iterations());
    state.counters["seq_ms"] = seq / runs * 1e3;
    state.counters["par_ms"] = par / runs * 1e3;
    state.counters["startup_ms"] = startupS / runs * 1e3;
    state.counters["speedup"] = seq / par;
    state.counters["floor_speedup"] = floorOne / floorMany;
    state.counters["vs_floor"] = (seq / par) / (floorOne / floorMany);
    state.counters["counter_vs_memchr"] = floorOne / seq;
}

// The floor's own scaling: the same read over the whole buffer on one thread, then over halves
// on N threads. Two cores sharing one memory bus do not read twice as fast.
void floorScaling(benchmark::State &state, bool memchrFloor)
{
    const int threads = int(state.range(0));
    // The corpus as a run has it (in huge pages), so that the floor reads what the modes read.
    const std::string_view bytes = lessonCorpus(Corpus::Storage::SharedHuge).bytes();
    double one = 0, many = 0;
    for (auto _ : state) {
        const FloorTimes t = floorOnce(bytes, threads, memchrFloor);
        one += t.one;
        many += t.many;
        state.SetIterationTime(t.many);
    }
    const double runs = double(state.iterations());
    state.counters["seq_ms"] = one / runs * 1e3;
    state.counters["par_ms"] = many / runs * 1e3;
    state.counters["speedup"] = one / many;
}

void perTaskArgs(benchmark::internal::Benchmark *b)
{
    b->ArgNames({"workers", "tasks"});
    for (int workers : {1, 2})
        for (int tasks : {30'000, 300'000})
            b->Args({workers, tasks});
}

} // namespace

BENCHMARK_CAPTURE(perTaskOverhead, sequential, Mode::Sequential)
    ->Args({1, 300'000})
    ->ArgNames({"workers", "tasks"})
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(perTaskOverhead, threads, Mode::Threads)
    ->Apply(perTaskArgs)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(perTaskOverhead, processes, Mode::Processes)
    ->Apply(perTaskArgs)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

BENCHMARK_CAPTURE(startup, threads, Mode::Threads, false)
    ->ArgName("workers")
    ->Arg(1)
    ->Arg(2)
    ->Arg(8)
    ->UseManualTime()
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(startup, processes, Mode::Processes, false)
    ->ArgName("workers")
    ->Arg(1)
    ->Arg(2)
    ->Arg(4)
    ->Arg(8)
    ->UseManualTime()
    ->Unit(benchmark::kMicrosecond);
// The same with the 580 MB lesson corpus to map: mapping is lazy, so it should cost no more.
BENCHMARK_CAPTURE(startup, processes_lesson, Mode::Processes, true)
    ->ArgName("workers")
    ->Arg(1)
    ->Arg(2)
    ->UseManualTime()
    ->Unit(benchmark::kMicrosecond);

// chunk 0: Pool.map's default (8 tasks of 72 MB for 2 workers); 10,000 lines: 190 KB tasks.
BENCHMARK(pipeTransport)
    ->ArgNames({"workers", "chunk"})
    ->Args({1, 0})
    ->Args({2, 0})
    ->Args({2, 10'000})
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);
BENCHMARK(rawPipeFloor)->Unit(benchmark::kMillisecond)->Iterations(3);

// Each parallel mode against sequential, 2 workers.
static void speedupSettings(benchmark::internal::Benchmark *b)
{
    b->ArgName("workers")->Arg(2)->UseManualTime()->Unit(benchmark::kMillisecond)->MinTime(2.0);
}
BENCHMARK_CAPTURE(speedup, threads, Mode::Threads, Corpus::Storage::SharedHuge)->Apply(speedupSettings);
BENCHMARK_CAPTURE(speedup, processes, Mode::Processes, Corpus::Storage::SharedHuge)->Apply(speedupSettings);
BENCHMARK_CAPTURE(speedup, processes_fork, Mode::Processes, Corpus::Storage::Inherited)
    ->Apply(speedupSettings);
// Exec'd workers mapping the corpus in 4 KiB pages, as before Linux 6.1 or with THP denied.
BENCHMARK_CAPTURE(speedup, processes_small_pages, Mode::Processes, Corpus::Storage::Shared)
    ->Apply(speedupSettings);
BENCHMARK_CAPTURE(floorScaling, memchr, true)
    ->ArgName("threads")
    ->Arg(2)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->MinTime(1.0);
BENCHMARK_CAPTURE(floorScaling, byteSum, false)
    ->ArgName("threads")
    ->Arg(2)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->MinTime(1.0);

int main(int argc, char **argv)
{
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    // The process backend runs an event loop and finds wordrace-worker next to this program.
    QCoreApplication app(argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
