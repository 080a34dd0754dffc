#include "threadbackend.h"

#include "runrecorder.h"
#include "taskplanner.h"

#include <QThreadPool>

#include <atomic>
#include <vector>

using namespace Qt::StringLiterals;

namespace wordrace {

BackendOutcome ThreadBackend::run(const RunContext &context)
{
    const int n = context.workers;
    BackendOutcome out;
    out.result = baseResult(context, Mode::Threads, n);
    const CpuTimes cpu0 = threadCpu();
    const std::int64_t t0 = monotonicNs();
    RunRecorder recorder(context, Mode::Threads, n, t0);

    const QList<Task> &tasks = context.plan->tasks;
    std::atomic<qsizetype> next{0};
    std::atomic_bool cancelled{false};
    std::vector<CpuTimes> workerCpu(static_cast<std::size_t>(n));
    std::vector<std::int64_t> readyNs(std::size_t(n), t0);

    QThreadPool pool;
    pool.setMaxThreadCount(n);
    for (int w = 0; w < n; ++w) {
        pool.start([&, w] {
            const CpuTimes c0 = threadCpu();
            readyNs[std::size_t(w)] = monotonicNs();
            recorder.setWorkerName(w, u"thread %1"_s.arg(currentThreadId()));
            for (;;) {
                const qsizetype i = next.fetch_add(1, std::memory_order_relaxed);
                if (i >= tasks.size())
                    break;
                const Task &task = tasks[i];
                const std::int64_t start = monotonicNs();
                const auto words = countTask(context, task.begin, task.end);
                if (!words) {
                    cancelled.store(true);
                    break;
                }
                const std::int64_t end = monotonicNs();
                recorder.record(w, TaskRecord{i, w, recorder.secondsSince(start), recorder.secondsSince(end),
                                              *words, task.bytes(), task.begin});
            }
            workerCpu[std::size_t(w)] = threadCpu() - c0;
        });
    }
    while (!pool.waitForDone(int(context.progressInterval * 1000)))
        recorder.maybeReport();

    out.result.wallS = double(monotonicNs() - t0) / 1e9;
    std::int64_t lastReady = t0;
    for (int w = 0; w < n; ++w) {
        out.result.workersCpu += workerCpu[std::size_t(w)];
        lastReady = std::max(lastReady, readyNs[std::size_t(w)]);
    }
    out.result.startupS = double(lastReady - t0) / 1e9;
    // The parent is the engine thread plus its pool: what `%time` would show for this process.
    out.result.parentCpu = (threadCpu() - cpu0) + out.result.workersCpu;
    out.result.workersInsideParent = true;
    out.result.cancelled = cancelled.load() || (context.cancel && context.cancel->load());
    out.result.words = recorder.words();
    out.result.workerNames = recorder.workerNames();
    out.result.tasks = recorder.takeAll();
    recorder.maybeReport(true);
    return out;
}

} // namespace wordrace
