#pragma once

#include <cstdint>

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

// The kernel's id of the calling thread (what `ps -L` and `top -H` show).
long currentThreadId();

} // namespace wordrace
