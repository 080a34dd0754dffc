#pragma once

#include "corpus/taskplanner.h"
#include "kernel/taskexecutor.h"
#include "model/clusteroptions.h"
#include "model/runprogress.h"
#include "model/runresult.h"

#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace wordrace {

class Corpus;
class EmulatedGil;

using CancelFlag = std::shared_ptr<std::atomic_bool>;

// What a backend needs to run one mode. Backends are synchronous: the Runner calls run() on its
// own thread, never on the GUI thread.
struct RunContext
{
    const Corpus *corpus = nullptr;
    const TaskPlan *plan = nullptr;
    int workers = 1;
    CancelFlag cancel;
    QString workerPath;
    double taskTimeoutS = 0.0; // 0: no limit
    Knobs knobs;
    ClusterOptions cluster;
    // Called on the calling thread at most every progressInterval seconds.
    std::function<void(const RunProgress &)> progress;
    double progressInterval = 0.05;
};

// The outcome of Backend::run: a result (perhaps cancelled), or a failure with a reason.
struct BackendOutcome
{
    RunResult result;
    QString error;         // non-empty: the run failed
    bool badInput = false; // the failure is the experiment's, not the machine's (exit 2)
};

class Backend
{
public:
    virtual ~Backend() = default;
    virtual Mode mode() const = 0;
    virtual BackendOutcome run(const RunContext &context) = 0;

    // For a sampler watching the run from another thread, so thread-safe. Whether the workers are
    // processes of their own, whose memory is sampled one by one (not only this process's).
    virtual bool hasWorkerProcesses() const { return false; }
    // The PID of the process each worker slot runs now (0: none at the moment).
    virtual std::vector<qint64> workerPids() const { return {}; }
    // The run's start on CLOCK_MONOTONIC, the origin of its task times; 0: not known.
    virtual std::int64_t runStartNs() const { return 0; }

protected:
    // The fields every backend fills the same way.
    static RunResult baseResult(const RunContext &context, Mode mode, int workers);
    // The per-task costs the knobs ask for (the GIL, when on, is the caller's).
    static TaskCosts taskCosts(const RunContext &context, EmulatedGil *gil);

public:
    // The costs of task i: the run's, with the latency pattern applied when there is one.
    static TaskCosts taskCostsFor(const RunContext &context, const TaskCosts &base, std::int64_t i)
    {
        TaskCosts c = base;
        if (!context.knobs.latencyPatternMs.isEmpty())
            c.ioLatencyNs =
                std::int64_t(context.knobs.latencyPatternMs[i % context.knobs.latencyPatternMs.size()] * 1e6);
        return c;
    }
    // A finished task's record, with its phases, on the run's time axis.
    static TaskRecord makeRecord(std::int64_t index, int worker, double startS, double endS,
                                 std::uint64_t words, const Task &task, const TaskPhases &phases);

protected:
    // Fills in the run's overhead breakdown from its tasks, wall time and startup.
    static void summarizeOverhead(RunResult &result);
    static QString faultMessage(const RunContext &context);
};

} // namespace wordrace
