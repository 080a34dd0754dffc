#include "backends/backendfactory.h"

#include "backends/clusterbackend.h"
#include "backends/processbackend.h"
#include "backends/pythonbackend.h"

#include "backends/sequentialbackend.h"
#include "backends/threadbackend.h"
#include <algorithm>

namespace wordrace {

std::unique_ptr<Backend> BackendFactory::create(Mode mode)
{
    switch (mode) {
    case Mode::Sequential:
        return std::make_unique<SequentialBackend>();
    case Mode::Threads:
        return std::make_unique<ThreadBackend>();
    case Mode::Processes:
        return std::make_unique<ProcessBackend>();
    case Mode::Cluster:
        return std::make_unique<ClusterBackend>();
    case Mode::PythonSequential:
    case Mode::PythonThreads:
    case Mode::PythonProcesses:
        return std::make_unique<PythonBackend>(mode);
    }
    return nullptr;
}

QString BackendFactory::missingProgram(const Experiment &experiment)
{
    // Forked workers run this program's own copy of the worker loop: no wordrace-worker needed.
    if (experiment.modes.contains(Mode::Processes) && experiment.knobs.start != Start::Fork)
        if (const QString why =
                ProcessBackend::checkWorker(ProcessBackend::resolveWorkerPath(experiment.workerPath));
            !why.isEmpty())
            return why;
    if (experiment.modes.contains(Mode::Cluster))
        return ClusterBackend::checkAvailable(experiment.cluster);
    return {};
}

QString BackendFactory::refusedMode(const Experiment &experiment)
{
    if (std::any_of(experiment.modes.cbegin(), experiment.modes.cend(), isPython))
        return PythonBackend::checkAvailable();
    return {};
}

} // namespace wordrace
