#pragma once

#include "backends/backend.h"

#include <atomic>
#include <mutex>
#include <vector>

namespace wordrace {

// The lesson's own functions in the system's CPython: wordrace-harness.py (shipped next to
// wordrace-worker) counts the plan's tasks with sequential_word_count, a pool of threading.Thread
// workers, or multiprocessing.Pool, and reports every task on CLOCK_MONOTONIC, the clock of the C++
// engines, so both share one timeline. The harness and every process it starts are one process
// group, killed together on cancel: no Python process outlives a run.
class PythonBackend : public Backend
{
public:
    explicit PythonBackend(Mode mode) : m_mode(mode) {}
    Mode mode() const override { return m_mode; }
    BackendOutcome run(const RunContext &context) override;
    bool hasWorkerProcesses() const override { return true; }
    std::vector<qint64> workerPids() const override;
    std::int64_t runStartNs() const override { return m_runStartNs.load(); }

    // WORDRACE_PYTHON, else python3 on the PATH; empty when there is none.
    static QString interpreter();
    // WORDRACE_PYTHON_HARNESS, else wordrace-harness.py next to this program.
    static QString harnessPath();
    // Empty when the Python modes can run; otherwise why not, in one line.
    static QString checkAvailable();

    // What the run learns of its processes as the harness names them, for the memory sampler.
    void setWorkerPid(int slot, qint64 pid);

private:
    const Mode m_mode;
    std::atomic<std::int64_t> m_runStartNs{0};
    mutable std::mutex m_mutex;
    std::vector<qint64> m_pids;
};

} // namespace wordrace
