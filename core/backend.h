#pragma once

#include "runprogress.h"
#include "runresult.h"

#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace wordrace {

class Corpus;
struct TaskPlan;

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
    // Called on the calling thread at most every progressInterval seconds.
    std::function<void(const RunProgress &)> progress;
    double progressInterval = 0.05;
};

// The outcome of Backend::run: a result (perhaps cancelled), or a failure with a reason.
struct BackendOutcome
{
    RunResult result;
    QString error; // non-empty: the run failed
};

class Backend
{
public:
    virtual ~Backend() = default;
    virtual Mode mode() const = 0;
    virtual BackendOutcome run(const RunContext &context) = 0;

    static std::unique_ptr<Backend> create(Mode mode);

protected:
    // The fields every backend fills the same way.
    static RunResult baseResult(const RunContext &context, Mode mode, int workers);
    // Counts one task in slices, checking the cancel flag between them so that even a huge task
    // stops promptly. Returns nullopt when cancelled.
    static std::optional<std::uint64_t> countTask(const RunContext &context, std::uint64_t begin, std::uint64_t end);
};

} // namespace wordrace
