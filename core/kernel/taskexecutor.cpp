#include "kernel/taskexecutor.h"

#include "kernel/clock.h"
#include "kernel/emulatedgil.h"
#include "kernel/sigbusguard.h"

#include <algorithm>
#include <thread>

#include <time.h>

namespace wordrace {

namespace {

bool cancelled(const std::atomic_bool *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

// A real blocking wait, cut into slices so that a cancel is seen within 20 ms.
bool sleepNs(std::int64_t ns, const std::atomic_bool *cancel)
{
    const std::int64_t until = monotonicNs() + ns;
    for (;;) {
        if (cancelled(cancel))
            return false;
        const std::int64_t left = until - monotonicNs();
        if (left <= 0)
            return true;
        std::this_thread::sleep_for(std::chrono::nanoseconds(std::min<std::int64_t>(left, 20'000'000)));
    }
}

} // namespace

std::uint64_t TaskExecutor::burn(std::uint64_t iterations)
{
    // xorshift64: cheap, serial (each step needs the last), and not something a compiler can fold.
    std::uint64_t x = 0x9E3779B97F4A7C15ull ^ iterations;
    for (std::uint64_t i = 0; i < iterations; ++i) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
    }
    return x;
}

double TaskExecutor::iterationsPerNs()
{
    static const double perNs = [] {
        // Timed on this thread's CPU clock, not the wall: on a busy machine the wall would count
        // the time other programs held the core, and every task would then burn less than asked.
        // Best of a few rounds, so a cold cache or a frequency change does not skew it.
        const auto cpuNs = [] {
            timespec ts{};
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
            return std::int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
        };
        double best = 0.0;
        for (int round = 0; round < 4; ++round) {
            const std::uint64_t n = 2'000'000;
            const std::int64_t t0 = cpuNs();
            volatile std::uint64_t sink = burn(n);
            (void)sink;
            const std::int64_t dt = std::max<std::int64_t>(1, cpuNs() - t0);
            best = std::max(best, double(n) / double(dt));
        }
        return best;
    }();
    return perNs;
}

TaskExecutor::Status TaskExecutor::run(std::string_view buffer, std::uint64_t begin, std::uint64_t end,
                                       const TaskCosts &costs, const std::atomic_bool *cancel,
                                       std::uint64_t &words, TaskPhases &phases)
{
    words = 0;
    phases = {};
    if (costs.ioLatencyNs > 0) {
        const std::int64_t t0 = monotonicNs();
        const bool ok = sleepNs(costs.ioLatencyNs, cancel);
        phases.ioNs = monotonicNs() - t0;
        if (!ok)
            return Status::Cancelled;
    }
    if (costs.gil)
        phases.gilWaitNs += costs.gil->acquire();
    struct Releaser
    {
        EmulatedGil *gil;
        ~Releaser()
        {
            if (gil)
                gil->release();
        }
    } releaser{costs.gil};

    const std::int64_t computeStart = monotonicNs();
    const std::int64_t waitedBefore = phases.gilWaitNs;
    // Slices keep cancel prompt and let the GIL change hands at its switch interval.
    constexpr std::uint64_t kSlice = 1u << 20;
    Status status = Status::Ok;
    for (std::uint64_t at = begin; at < end; at += kSlice) {
        if (cancelled(cancel)) {
            status = Status::Cancelled;
            break;
        }
        const std::uint64_t sliceEnd = std::min(end, at + kSlice);
        std::uint64_t n = 0;
        if (SigbusGuard::countRange(buffer, at, sliceEnd, n) != SigbusGuard::Status::Ok) {
            status = Status::Faulted;
            break;
        }
        words += n;
        if (costs.workIterationsPerWord > 0.0) {
            // The emulated interpreter's cost of these words, in bounded steps.
            std::uint64_t iterations = std::uint64_t(double(n) * costs.workIterationsPerWord);
            while (iterations > 0 && status == Status::Ok) {
                const std::uint64_t step = std::min<std::uint64_t>(iterations, 200'000);
                volatile std::uint64_t sink = burn(step);
                (void)sink;
                iterations -= step;
                if (costs.gil)
                    phases.gilWaitNs += costs.gil->maybeYield();
                if (cancelled(cancel))
                    status = Status::Cancelled;
            }
        } else if (costs.gil) {
            phases.gilWaitNs += costs.gil->maybeYield();
        }
        if (status != Status::Ok)
            break;
    }
    // Time spent waiting to get the GIL back at a switch is not compute.
    phases.computeNs =
        std::max<std::int64_t>(0, monotonicNs() - computeStart - (phases.gilWaitNs - waitedBefore));
    return status;
}

} // namespace wordrace
