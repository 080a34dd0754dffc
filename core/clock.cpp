#include "clock.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

namespace wordrace {

namespace {
CpuTimes fromRusage(const rusage &ru)
{
    return {double(ru.ru_utime.tv_sec) + double(ru.ru_utime.tv_usec) * 1e-6,
            double(ru.ru_stime.tv_sec) + double(ru.ru_stime.tv_usec) * 1e-6};
}
} // namespace

std::int64_t monotonicNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return std::int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

CpuTimes threadCpu()
{
    rusage ru{};
    getrusage(RUSAGE_THREAD, &ru);
    return fromRusage(ru);
}

CpuTimes processCpu()
{
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return fromRusage(ru);
}

long currentThreadId()
{
    return static_cast<long>(syscall(SYS_gettid));
}

} // namespace wordrace
