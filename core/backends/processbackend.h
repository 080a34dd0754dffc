#pragma once

#include "backends/backend.h"

#include <atomic>
#include <mutex>
#include <vector>

namespace wordrace {

// N long-lived wordrace-worker processes started with QProcess, fed tasks as they free up. The
// corpus is shared through the parent's file descriptor; only task descriptors and results cross
// the pipes.
class ProcessBackend : public Backend
{
public:
    Mode mode() const override { return Mode::Processes; }
    BackendOutcome run(const RunContext &context) override;

    // Where wordrace-worker is: an explicit path, $WORDRACE_WORKER, or next to this executable.
    static QString resolveWorkerPath(const QString &explicitPath);
    // Empty when the worker at path can be started; otherwise why not.
    static QString checkWorker(const QString &path);
    // Tasks sent ahead to each worker, so it never waits for the parent between tasks.
    static constexpr int kTasksInFlight = 2;
    // Short tasks are sent further ahead: as many as take this long, at most kMaxTasksInFlight
    // (ProcessRun::dispatch says why).
    static constexpr double kAheadNs = 100'000.0;
    static constexpr int kMaxTasksInFlight = 256;
    // How long a worker may take to start and map the corpus.
    static constexpr double kStartupTimeoutS = 10.0;

    bool hasWorkerProcesses() const override { return true; }
    std::vector<qint64> workerPids() const override;
    std::int64_t runStartNs() const override { return m_runStartNs.load(std::memory_order_acquire); }

private:
    void setWorkerPid(int slot, qint64 pid);

    mutable std::mutex m_pidMutex;
    std::vector<qint64> m_pids;
    std::atomic<std::int64_t> m_runStartNs{0};
};

} // namespace wordrace
