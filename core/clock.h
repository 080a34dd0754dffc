#pragma once

#include <cstdint>

namespace wordrace {

// One clock for the parent and its worker processes: CLOCK_MONOTONIC, in nanoseconds, so task
// timestamps from different processes land on the same time axis.
std::int64_t monotonicNs();

struct CpuTimes
{
    double user = 0.0; // seconds
    double sys = 0.0;
    double total() const { return user + sys; }
    CpuTimes operator-(const CpuTimes &o) const { return {user - o.user, sys - o.sys}; }
    CpuTimes operator+(const CpuTimes &o) const { return {user + o.user, sys + o.sys}; }
    CpuTimes &operator+=(const CpuTimes &o)
    {
        user += o.user;
        sys += o.sys;
        return *this;
    }
};

// CPU consumed so far by the calling thread, and by the whole calling process.
CpuTimes threadCpu();
CpuTimes processCpu();

// The kernel's id of the calling thread (what `ps -L` and `top -H` show).
long currentThreadId();

} // namespace wordrace
