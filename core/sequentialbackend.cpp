#include "sequentialbackend.h"

#include "runrecorder.h"
#include "taskplanner.h"

using namespace Qt::StringLiterals;

namespace wordrace {

BackendOutcome SequentialBackend::run(const RunContext &context)
{
    BackendOutcome out;
    out.result = baseResult(context, Mode::Sequential, 1);
    const CpuTimes cpu0 = threadCpu();
    const std::int64_t t0 = monotonicNs();
    RunRecorder recorder(context, Mode::Sequential, 1, t0);
    recorder.setWorkerName(0, u"thread %1"_s.arg(currentThreadId()));

    const QList<Task> &tasks = context.plan->tasks;
    for (qsizetype i = 0; i < tasks.size(); ++i) {
        const Task &task = tasks[i];
        const std::int64_t start = monotonicNs();
        const auto words = countTask(context, task.begin, task.end);
        if (!words) {
            out.result.cancelled = true;
            break;
        }
        const std::int64_t end = monotonicNs();
        recorder.record(0, TaskRecord{i, 0, recorder.secondsSince(start), recorder.secondsSince(end), *words,
                                      task.bytes(), task.begin});
        recorder.maybeReport();
    }
    out.result.wallS = double(monotonicNs() - t0) / 1e9;
    const CpuTimes used = threadCpu() - cpu0;
    out.result.parentCpu = used;
    out.result.workersCpu = used;
    out.result.workersInsideParent = true;
    out.result.words = recorder.words();
    out.result.workerNames = recorder.workerNames();
    out.result.tasks = recorder.takeAll();
    recorder.maybeReport(true);
    return out;
}

} // namespace wordrace
