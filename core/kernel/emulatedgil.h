#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace wordrace {

// An emulated global interpreter lock, to recreate the lesson's threads result openly: a thread
// must hold it to compute, drops it while it waits on I/O, and hands it over at a switch interval
// (5 ms, CPython's default) when another thread is waiting. Hand-over is first come, first served.
class EmulatedGil
{
public:
    static constexpr std::int64_t kSwitchIntervalNs = 5'000'000;

    // Blocks until this thread holds the lock; returns how long it waited for another holder, in
    // nanoseconds (0 when the lock was free).
    std::int64_t acquire();
    void release();
    // Called while computing: after the switch interval, and only when someone is waiting, lets
    // the next thread in. Returns the time from handing it over to holding it again.
    std::int64_t maybeYield();

private:
    std::mutex m_mutex;
    std::condition_variable m_turn;
    std::uint64_t m_nextTicket = 0;
    std::uint64_t m_serving = 0;
    std::int64_t m_heldSinceNs = 0;
};

} // namespace wordrace
