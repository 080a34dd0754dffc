#include "model/experiment.h"

#include <QThread>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace wordrace {

int Experiment::defaultWorkers()
{
    return std::max(1, QThread::idealThreadCount());
}

int Experiment::autoRuns(double roundS, int warmup)
{
    if (!(roundS > 0.0))
        return kAutoMaxRuns;
    // Rounds beyond the first that fit the budget; the warm-up rounds spend some of them.
    const double fit = std::floor(kAutoBudgetS / roundS);
    const double runs = fit - std::max(0, warmup - 1);
    return int(std::clamp(runs, 1.0, double(kAutoMaxRuns)));
}

Experiment Experiment::appDefault()
{
    Experiment e;
    e.runs = kAutoRuns;
    e.warmup = 1;
    return e;
}

QString Experiment::validate() const
{
    if (modes.isEmpty())
        return u"no mode chosen: pick sequential, threads or processes"_s;
    if (workers < 1)
        return u"--workers must be at least 1"_s;
    if (modes.contains(Mode::Processes) && knobs.start == Start::Forkserver)
        return u"--start forkserver is CPython's own; the processes mode starts wordrace-worker by spawn or "
               u"fork "
               "(python-processes honours forkserver)"_s;
    if (workers > kMaxWorkers)
        return u"--workers %1 is more than WordRace allows (%2)"_s.arg(workers).arg(kMaxWorkers);
    if ((runs < 1 && runs != kAutoRuns) || runs > kMaxRuns)
        return u"--runs must be between 1 and %1, or auto"_s.arg(kMaxRuns);
    if (warmup < 0 || warmup > kMaxRuns)
        return u"--warmup must be between 0 and %1"_s.arg(kMaxRuns);
    if (!(knobs.ioLatencyMs >= 0.0) || knobs.ioLatencyMs > 3'600'000.0)
        return u"--io-latency must be between 0 and 3,600,000 ms"_s;
    if ((!(knobs.workPerWordNs >= 0.0) && knobs.workPerWordNs != Knobs::kAutoWorkPerWord) ||
        knobs.workPerWordNs > 1e9)
        return u"--work-per-word must be between 0 and 1,000,000,000 ns"_s;
    if (!(taskTimeoutS >= 0.0))
        return u"--task-timeout must be 0 (none) or a positive number of seconds"_s;
    if (chunkLines && *chunkLines == 0)
        return u"--chunk must be at least 1 line"_s;
    return {};
}

} // namespace wordrace
