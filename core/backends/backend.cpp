#include "backends/backend.h"

#include "corpus/corpus.h"
#include "corpus/taskplanner.h"
#include "kernel/wordcounter.h"

using namespace Qt::StringLiterals;

namespace wordrace {

RunResult Backend::baseResult(const RunContext &context, Mode mode, int workers)
{
    RunResult r;
    r.mode = mode;
    r.workers = workers;
    r.corpus = context.corpus->spec();
    r.corpusBytes = context.corpus->size();
    r.corpusLines = context.plan->totalLines;
    r.chunkLines = context.plan->linesPerTask;
    r.taskCount = context.plan->tasks.size();
    r.planS = context.plan->planSeconds;
    r.counterPath = QString::fromLatin1(WordCounter::pathName(WordCounter::Path::Auto));
    r.knobs = context.knobs;
    // A result says the start its workers had; the C++ workers' default is spawn.
    if (r.knobs.start == Start::Default)
        r.knobs.start = Start::Spawn;
    return r;
}

TaskCosts Backend::taskCosts(const RunContext &context, EmulatedGil *gil)
{
    TaskCosts costs;
    costs.ioLatencyNs = std::int64_t(context.knobs.ioLatencyMs * 1e6);
    if (context.knobs.workPerWordNs > 0)
        costs.workIterationsPerWord = context.knobs.workPerWordNs * TaskExecutor::iterationsPerNs();
    costs.gil = gil;
    return costs;
}

TaskRecord Backend::makeRecord(std::int64_t index, int worker, double startS, double endS,
                               std::uint64_t words, const Task &task, const TaskPhases &phases)
{
    TaskRecord r{index, worker, startS, endS, words, task.bytes(), task.begin};
    r.ioS = double(phases.ioNs) / 1e9;
    r.gilWaitS = double(phases.gilWaitNs) / 1e9;
    r.computeS = double(phases.computeNs) / 1e9;
    return r;
}

void Backend::summarizeOverhead(RunResult &r)
{
    Overhead o;
    o.startupS = r.startupS;
    double lastEnd = 0.0;
    for (const TaskRecord &t : std::as_const(r.tasks)) {
        o.transferS += t.transferS;
        o.computeS += t.computeS;
        o.ioS += t.ioS;
        o.gilWaitS += t.gilWaitS;
        lastEnd = std::max(lastEnd, t.endS);
    }
    // Every worker waits through the gathering at the end: worker-seconds, like the rest.
    o.gatherS = double(r.workers) * std::max(0.0, r.wallS - lastEnd);
    const double available = double(r.workers) * r.wallS;
    o.idleS =
        std::max(0.0, available - o.computeS - o.ioS - o.gilWaitS - o.transferS - o.startupS - o.gatherS);
    r.overhead = o;
}

QString Backend::faultMessage(const RunContext &context)
{
    return u"%1 shrank while it was being read (truncated or rewritten by another program); "
           "run again once it is complete"_s.arg(context.corpus->spec().displayName());
}

} // namespace wordrace
