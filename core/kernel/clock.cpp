#include "kernel/clock.h"

#include <fcntl.h>
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

// getrusage's split, scaled to the exact total of `clock`.
CpuTimes exact(int who, clockid_t clock)
{
    rusage ru{};
    getrusage(who, &ru);
    const CpuTimes coarse = fromRusage(ru);
    timespec ts{};
    if (clock_gettime(clock, &ts) != 0)
        return coarse;
    const double total = double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
    if (coarse.total() <= 0.0)
        return {total, 0.0};
    return {total * coarse.user / coarse.total(), total * coarse.sys / coarse.total()};
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
    return exact(RUSAGE_THREAD, CLOCK_THREAD_CPUTIME_ID);
}

CpuTimes processCpu()
{
    return exact(RUSAGE_SELF, CLOCK_PROCESS_CPUTIME_ID);
}

std::int64_t threadRunDelayNs()
{
    // No stdio and no Qt here: the worker links this file too. "<run ns> <run_delay ns> <slices>"
    const int fd = ::open("/proc/thread-self/schedstat", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    char buf[96];
    const ssize_t n = ::read(fd, buf, sizeof buf - 1);
    ::close(fd);
    if (n <= 0)
        return -1;
    buf[n] = '\0';
    const char *p = buf;
    while (*p && *p != ' ')
        ++p;
    if (*p != ' ')
        return -1;
    ++p;
    std::int64_t v = 0;
    bool any = false;
    for (; *p >= '0' && *p <= '9'; ++p, any = true)
        v = v * 10 + (*p - '0');
    return any ? v : -1;
}

long currentThreadId()
{
    return static_cast<long>(syscall(SYS_gettid));
}

} // namespace wordrace
