#pragma once

#include <atomic>
#include <cstdint>
#include <string_view>

namespace wordrace {

class EmulatedGil;

// The lesson's conditions, recreated openly (each is an option, recorded in the result):
// an I/O wait before each task, an emulated interpreter cost per word, an emulated GIL.
struct TaskCosts
{
    std::int64_t ioLatencyNs = 0;
    double workIterationsPerWord = 0.0; // calibrated spin iterations, see TaskExecutor::iterationsPerNs()
    EmulatedGil *gil = nullptr;         // threads of one process share one; nullptr: no GIL
};

// Where one task's time went, in nanoseconds.
struct TaskPhases
{
    std::int64_t ioNs = 0;
    std::int64_t gilWaitNs = 0;
    std::int64_t computeNs = 0;
};

// Runs one task the same way in every backend (and in wordrace-worker): wait for the "server",
// take the GIL, count, do the emulated per-word work, drop the GIL. Plain C++, no Qt.
class TaskExecutor
{
public:
    enum class Status
    {
        Ok,
        Cancelled,
        Faulted
    };

    static Status run(std::string_view buffer, std::uint64_t begin, std::uint64_t end, const TaskCosts &costs,
                      const std::atomic_bool *cancel, std::uint64_t &words, TaskPhases &phases);

    // Spin iterations per nanosecond on this machine, measured once (about 20 ms).
    static double iterationsPerNs();
    // Deterministic CPU work: the same number of iterations always does the same work.
    static std::uint64_t burn(std::uint64_t iterations);
};

} // namespace wordrace
