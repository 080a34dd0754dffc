#include "engine/pythoncalibration.h"

#include "backends/backendfactory.h"
#include "corpus/corpus.h"
#include "corpus/taskplanner.h"

#include <algorithm>
#include <limits>
#include <mutex>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

// The best of a few runs' CPU per word: the least disturbed one is the closest to the cost.
std::optional<double> cpuPerWordNs(Mode mode, const RunContext &context, QString *error)
{
    double best = std::numeric_limits<double>::infinity();
    for (int i = 0; i < 3; ++i) {
        const BackendOutcome out = BackendFactory::create(mode)->run(context);
        if (!out.error.isEmpty() || out.result.words == 0) {
            if (error)
                *error = out.error.isEmpty() ? u"the calibration counted no words"_s : out.error;
            return std::nullopt;
        }
        // The counting threads' CPU: for CPython's sequential mode, its main thread's.
        best = std::min(best, out.result.workersCpu.total() / double(out.result.words) * 1e9);
    }
    return best;
}

} // namespace

std::optional<double> PythonCalibration::workPerWordNs(QString *error)
{
    static std::mutex mutex;
    static std::optional<double> known;
    std::lock_guard lock(mutex);
    if (known)
        return known;
    QString why;
    const std::unique_ptr<Corpus> corpus = Corpus::open(CorpusSpec::lesson(100'000), &why);
    std::optional<TaskPlan> plan = corpus ? TaskPlanner::plan(*corpus, 1, std::nullopt, &why) : std::nullopt;
    if (!plan) {
        if (error)
            *error = why;
        return std::nullopt;
    }
    RunContext context;
    context.corpus = corpus.get();
    context.plan = &*plan;
    context.workers = 1;
    context.cancel = std::make_shared<std::atomic_bool>(false);
    const auto python = cpuPerWordNs(Mode::PythonSequential, context, &why);
    const auto cpp = python ? cpuPerWordNs(Mode::Sequential, context, &why) : std::nullopt;
    if (!cpp) {
        if (error)
            *error = u"--work-per-word auto could not measure CPython: %1"_s.arg(why);
        return std::nullopt;
    }
    known = std::max(0.0, *python - *cpp);
    return known;
}

} // namespace wordrace
