#pragma once

#include <cstdint>
#include <optional>

namespace wordrace {

// One clock for the parent and its worker processes: CLOCK_MONOTONIC, in nanoseconds, so task
// timestamps from different processes land on the same time axis.
std::int64_t monotonicNs();

// CPU time in seconds. The total is the kernel's exact clock (CLOCK_*_CPUTIME_ID); the split into
// user and system comes from getrusage, which the kernel keeps only to the tick and lets lag behind
// (a 4 ms busy loop can read 2.8 ms there): it is an estimate, scaled to the exact total.
struct CpuTimes
{
    double user = 0.0; // seconds
    double sys = 0.0;
    double total() const { return user + sys; }
    // What was used between two readings: the exact totals' difference, split as the coarse user
    // and system parts grew (each clamped at zero, as the coarse split can move back a little).
    CpuTimes operator-(const CpuTimes &o) const
    {
        const double exact = total() - o.total();
        const double u = user - o.user > 0.0 ? user - o.user : 0.0;
        const double s = sys - o.sys > 0.0 ? sys - o.sys : 0.0;
        if (exact <= 0.0)
            return {};
        if (u + s <= 0.0)
            return {exact, 0.0};
        return {exact * u / (u + s), exact * s / (u + s)};
    }
    CpuTimes operator+(const CpuTimes &o) const { return {user + o.user, sys + o.sys}; }
    CpuTimes &operator+=(const CpuTimes &o)
    {
        user += o.user;
        sys += o.sys;
        return *this;
    }
};

// CPU consumed so far by the calling thread, and by the whole calling process: exact totals.
CpuTimes threadCpu();
CpuTimes processCpu();

// How long the calling thread has waited, ready to run, for a core (the kernel's run_delay in
// /proc/thread-self/schedstat), in nanoseconds; -1 where the kernel does not keep it. A counting
// thread that waits although WordRace runs no more threads than there are cores is waiting for
// another program.
std::int64_t threadRunDelayNs();

// The waits of a run's counting threads or processes, added up; unknown as soon as one is.
struct RunDelaySum
{
    double sum = 0.0; // seconds
    bool known = true;
    int count = 0;
    void add(double seconds)
    {
        if (seconds < 0.0)
            known = false;
        else
            sum += seconds;
        ++count;
    }
    void addNs(std::int64_t before, std::int64_t after)
    {
        add(before < 0 || after < before ? -1.0 : double(after - before) / 1e9);
    }
    std::optional<double> total() const
    {
        return known && count > 0 ? std::optional<double>(sum) : std::nullopt;
    }
};

// The kernel's id of the calling thread (what `ps -L` and `top -H` show).
long currentThreadId();

} // namespace wordrace
