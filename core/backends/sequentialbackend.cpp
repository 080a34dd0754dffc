#include "backends/sequentialbackend.h"

#include "corpus/taskplanner.h"
#include "engine/runrecorder.h"
#include "kernel/emulatedgil.h"

using namespace Qt::StringLiterals;

namespace wordrace {

BackendOutcome SequentialBackend::run(const RunContext &context)
{
    BackendOutcome out;
    out.result = baseResult(context, Mode::Sequential, 1);
    // Wall and CPU cover the same interval, read back to back at both ends: on a run of microseconds
    // a /proc read inside one of them but not the other would show one thread as 1.6 cores busy.
    const std::int64_t delay0 = threadRunDelayNs();
    const CpuTimes cpu0 = threadCpu();
    const std::int64_t t0 = monotonicNs();
    RunRecorder recorder(context, Mode::Sequential, 1, t0);
    recorder.setWorkerName(0, u"thread %1"_s.arg(currentThreadId()));
    // One thread never waits for a GIL, but it pays for taking it, as CPython does.
    EmulatedGil gil;
    const TaskCosts costs = taskCosts(context, context.knobs.gil ? &gil : nullptr);

    const QList<Task> &tasks = context.plan->tasks;
    for (qsizetype i = 0; i < tasks.size(); ++i) {
        const Task &task = tasks[i];
        const std::int64_t start = monotonicNs();
        std::uint64_t words = 0;
        TaskPhases phases;
        const auto status =
            TaskExecutor::run(context.corpus->bytes(), task.begin, task.end, taskCostsFor(context, costs, i),
                              context.cancel.get(), words, phases);
        if (status == TaskExecutor::Status::Cancelled) {
            out.result.cancelled = true;
            break;
        }
        if (status == TaskExecutor::Status::Faulted) {
            out.error = faultMessage(context);
            break;
        }
        const std::int64_t end = monotonicNs();
        recorder.record(0, makeRecord(i, 0, recorder.secondsSince(start), recorder.secondsSince(end), words,
                                      task, phases));
        recorder.maybeReport();
    }
    const std::int64_t t1 = monotonicNs();
    const CpuTimes used = threadCpu() - cpu0;
    out.result.wallS = double(t1 - t0) / 1e9;
    RunDelaySum waited;
    waited.addNs(delay0, threadRunDelayNs());
    out.result.countingWaitS = waited.total();
    out.result.parentCpu = used;
    out.result.workersCpu = used;
    out.result.workersInsideParent = true;
    out.result.words = recorder.words();
    out.result.workerNames = recorder.workerNames();
    out.result.tasks = recorder.takeAll();
    summarizeOverhead(out.result);
    recorder.maybeReport(true);
    return out;
}

} // namespace wordrace
