#include "backends/threadbackend.h"

#include "corpus/taskplanner.h"
#include "engine/runrecorder.h"
#include "kernel/emulatedgil.h"
#include "kernel/tsanannotations.h"

#include <QLocale>
#include <QThread>
#include <QThreadPool>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

// What every thread of one run shares.
struct Shared
{
    const RunContext &context;
    RunRecorder &recorder;
    TaskCosts costs;
    std::atomic_bool cancelled{false};
    std::atomic_bool faulted{false};
};

// Runs task i on the calling thread as worker w; false when the run must stop.
bool runOne(Shared &s, qsizetype i, int w)
{
    const Task &task = s.context.plan->tasks[i];
    const std::int64_t start = monotonicNs();
    std::uint64_t words = 0;
    TaskPhases phases;
    const auto status = TaskExecutor::run(s.context.corpus->bytes(), task.begin, task.end,
                                          Backend::taskCostsFor(s.context, s.costs, i),
                                          s.context.cancel.get(), words, phases);
    if (status == TaskExecutor::Status::Cancelled) {
        s.cancelled.store(true);
        return false;
    }
    if (status == TaskExecutor::Status::Faulted) {
        s.faulted.store(true);
        return false;
    }
    const std::int64_t end = monotonicNs();
    s.recorder.record(w, Backend::makeRecord(i, w, s.recorder.secondsSince(start),
                                             s.recorder.secondsSince(end), words, task, phases));
    return true;
}

// N long-lived threads of a QThreadPool, each taking the next task as it frees up. Returns the
// start-up: until the last thread was ready.
double runPool(const RunContext &context, Shared &shared, RunRecorder &recorder,
               std::vector<CpuTimes> &workerCpu,
               std::vector<std::pair<std::int64_t, std::int64_t>> &workerDelay, std::int64_t t0)
{
    const int n = context.workers;
    const QList<Task> &tasks = context.plan->tasks;
    std::atomic<qsizetype> next{0};
    std::vector<std::int64_t> readyNs(static_cast<std::size_t>(n), t0);
    // Released by each pool thread as it ends, acquired below: the hand-over of everything the
    // threads wrote, in a form ThreadSanitizer can see (QThreadPool's own locks it cannot).
    std::atomic<int> threadsDone{0};
    QThreadPool pool;
    pool.setMaxThreadCount(n);
    tsanRelease(&next);
    for (int w = 0; w < n; ++w) {
        pool.start([&, w] {
            tsanAcquire(&next);
            const CpuTimes c0 = threadCpu();
            const std::int64_t d0 = threadRunDelayNs();
            readyNs[std::size_t(w)] = monotonicNs();
            recorder.setWorkerName(w, u"thread %1"_s.arg(currentThreadId()));
            for (;;) {
                const qsizetype i = next.fetch_add(1, std::memory_order_relaxed);
                if (i >= tasks.size() || !runOne(shared, i, w))
                    break;
            }
            if (shared.faulted.load())
                next.store(tasks.size()); // the others stop at their next task
            workerCpu[std::size_t(w)] = threadCpu() - c0;
            workerDelay[std::size_t(w)] = {d0, threadRunDelayNs()};
            threadsDone.fetch_add(1, std::memory_order_release);
        });
    }
    while (!pool.waitForDone(int(context.progressInterval * 1000)))
        recorder.maybeReport();
    while (threadsDone.load(std::memory_order_acquire) < n)
        QThread::yieldCurrentThread();
    std::int64_t lastReady = t0;
    for (std::int64_t r : readyNs)
        lastReady = std::max(lastReady, r);
    return double(lastReady - t0) / 1e9;
}

// The lesson's concurrent_word_count: a new thread for every task, at most n at a time. Each slot
// is a lane on the timeline; its threads come and go. Returns the start-up: the threads' creation.
double runThreadPerTask(const RunContext &context, Shared &shared, RunRecorder &recorder,
                        std::vector<CpuTimes> &workerCpu, RunDelaySum &spawnedDelay)
{
    const int n = context.workers;
    const QList<Task> &tasks = context.plan->tasks;
    std::mutex mutex;
    std::condition_variable slotFreed;
    std::deque<int> freeSlots;
    std::vector<std::thread> slots(static_cast<std::size_t>(n));
    std::int64_t creationNs = 0;
    for (int w = 0; w < n; ++w) {
        freeSlots.push_back(w);
        recorder.setWorkerName(w, u"slot %1 (a new thread per task)"_s.arg(w));
    }
    for (qsizetype i = 0; i < tasks.size(); ++i) {
        int slot = -1;
        {
            std::unique_lock lock(mutex);
            while (freeSlots.empty())
                if (!slotFreed.wait_for(lock, std::chrono::milliseconds(int(context.progressInterval * 1000)),
                                        [&] { return !freeSlots.empty(); })) {
                    lock.unlock();
                    recorder.maybeReport();
                    lock.lock();
                }
            slot = freeSlots.front();
            freeSlots.pop_front();
        }
        if (shared.cancelled.load() || shared.faulted.load() || (context.cancel && context.cancel->load()))
            break;
        std::thread &t = slots[std::size_t(slot)];
        if (t.joinable())
            t.join();
        const std::int64_t spawnNs = monotonicNs();
        t = std::thread([&, i, slot, spawnNs] {
            const std::int64_t startedNs = monotonicNs();
            const CpuTimes c0 = threadCpu();
            const std::int64_t d0 = threadRunDelayNs();
            runOne(shared, i, slot);
            const CpuTimes used = threadCpu() - c0;
            const std::int64_t d1 = threadRunDelayNs();
            std::lock_guard lock(mutex);
            spawnedDelay.addNs(d0, d1);
            creationNs += startedNs - spawnNs;
            workerCpu[std::size_t(slot)] += used;
            freeSlots.push_back(slot);
            slotFreed.notify_one();
        });
        recorder.maybeReport();
    }
    for (std::thread &t : slots)
        if (t.joinable())
            t.join();
    return double(creationNs) / 1e9;
}

} // namespace

BackendOutcome ThreadBackend::run(const RunContext &context)
{
    const int n = context.workers;
    const QList<Task> &tasks = context.plan->tasks;
    BackendOutcome out;
    out.result = baseResult(context, Mode::Threads, n);
    const bool perTask = context.knobs.spawn == Spawn::PerTask;
    if (perTask && std::uint64_t(tasks.size()) > Knobs::kMaxSpawnedThreads) {
        const QLocale en(QLocale::English);
        out.error =
            u"--spawn per-task would start %1 threads, one per task; WordRace caps that at %2 "
            "(use a larger --chunk for fewer tasks)"_s.arg(
                en.toString(qlonglong(tasks.size())), en.toString(qulonglong(Knobs::kMaxSpawnedThreads)));
        out.badInput = true;
        return out;
    }

    const CpuTimes cpu0 = threadCpu();
    const std::int64_t t0 = monotonicNs();
    RunRecorder recorder(context, Mode::Threads, n, t0);
    EmulatedGil gil; // one per process, as in CPython
    Shared shared{context, recorder, taskCosts(context, context.knobs.gil ? &gil : nullptr)};
    std::vector<CpuTimes> workerCpu(static_cast<std::size_t>(n));
    // Each pool thread's wait for a core, read as it starts and ends; per-task threads add theirs.
    std::vector<std::pair<std::int64_t, std::int64_t>> workerDelay(static_cast<std::size_t>(n));
    RunDelaySum spawnedDelay;

    const double startupS = perTask ? runThreadPerTask(context, shared, recorder, workerCpu, spawnedDelay)
                                    : runPool(context, shared, recorder, workerCpu, workerDelay, t0);

    out.result.wallS = double(monotonicNs() - t0) / 1e9;
    for (const CpuTimes &c : workerCpu)
        out.result.workersCpu += c;
    RunDelaySum waited = spawnedDelay;
    for (const auto &[before, after] : workerDelay)
        if (before != 0 || after != 0)
            waited.addNs(before, after);
    out.result.countingWaitS = waited.total();
    out.result.startupS = startupS;
    // The parent is the engine thread plus its workers: what `%time` would show for this process.
    out.result.parentCpu = (threadCpu() - cpu0) + out.result.workersCpu;
    out.result.workersInsideParent = true;
    out.result.cancelled = shared.cancelled.load() || (context.cancel && context.cancel->load());
    if (shared.faulted.load())
        out.error = faultMessage(context);
    out.result.words = recorder.words();
    out.result.workerNames = recorder.workerNames();
    out.result.tasks = recorder.takeAll();
    summarizeOverhead(out.result);
    recorder.maybeReport(true);
    return out;
}

} // namespace wordrace
