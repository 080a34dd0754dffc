#include "engine/machineload.h"

#include "io/units.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

// /proc/stat's tick is USER_HZ, not the kernel's HZ.
double tickSeconds()
{
    static const double s = 1.0 / double(::sysconf(_SC_CLK_TCK) > 0 ? ::sysconf(_SC_CLK_TCK) : 100);
    return s;
}

// Below this, /proc/stat's ticks (one per core at either end) make the others' share too coarse.
constexpr double kTicksEnoughS = 0.25;
// Other programs' average use, in cores, that makes a run "disturbed".
constexpr double kOthersCoresLimit = 0.25;
// Share of the counting's time spent waiting for a core, when WordRace alone never makes it wait
// (no more counting threads than cores). Not lower: the display server drawing WordRace's own
// progress, or a kernel thread, takes a core now and then (20 to 36% of a 10-20 ms run was seen
// on a quiet machine), while a program spinning on every core makes the counting wait 40 to 60%.
constexpr double kWaitShareLimit = 0.4;
// With other programs' threads seen ready at both ends of the run, a smaller share is enough.
constexpr double kCrowdedWaitShare = 0.1;
// Waits shorter than this, added up, are a scheduler's noise whatever their share.
constexpr double kWaitNoiseS = 0.002;

// Every process in /proc with its parent, whether it is a kernel thread, and how many of its
// threads are ready to run. Empty when /proc cannot be read.
std::vector<ProcessState> scanProcesses()
{
    std::vector<ProcessState> processes;
    DIR *proc = ::opendir("/proc");
    if (!proc)
        return processes;
    char path[320]; // d_name is at most 255 bytes
    char buf[512];
    while (const dirent *e = ::readdir(proc)) {
        if (e->d_name[0] < '0' || e->d_name[0] > '9')
            continue;
        ProcessState p;
        p.pid = std::atoll(e->d_name);
        std::snprintf(path, sizeof path, "/proc/%lld/task", p.pid);
        DIR *tasks = ::opendir(path);
        if (!tasks)
            continue;
        while (const dirent *t = ::readdir(tasks)) {
            if (t->d_name[0] < '0' || t->d_name[0] > '9')
                continue;
            std::snprintf(path, sizeof path, "/proc/%lld/task/%s/stat", p.pid, t->d_name);
            const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
            if (fd < 0)
                continue;
            const ssize_t n = ::read(fd, buf, sizeof buf - 1);
            ::close(fd);
            if (n <= 0)
                continue;
            buf[n] = '\0';
            // "pid (comm) state ppid pgrp session tty_nr tpgid flags ...": comm may hold anything.
            const char *close = std::strrchr(buf, ')');
            if (!close || close[1] == '\0')
                continue;
            char state = 0;
            long long ppid = 0;
            unsigned long flags = 0;
            if (std::sscanf(close + 2, "%c %lld %*d %*d %*d %*d %lu", &state, &ppid, &flags) != 3)
                continue;
            p.ppid = ppid;
            p.kernel = (flags & 0x00200000UL) != 0; // PF_KTHREAD
            if (state == 'R') {
                ++p.runnable;
                if (const char *open = std::strchr(buf, '('); open && open < close)
                    p.name.assign(open + 1, close);
            }
        }
        ::closedir(tasks);
        processes.push_back(p);
    }
    ::closedir(proc);
    return processes;
}

} // namespace

int othersRunnable(const std::vector<ProcessState> &processes, qint64 self)
{
    // This process and every process below it: the worker processes, mpirun and its ranks.
    std::vector<qint64> ours{self};
    for (bool grew = true; grew;) {
        grew = false;
        for (const ProcessState &p : processes)
            if (std::find(ours.begin(), ours.end(), p.ppid) != ours.end() &&
                std::find(ours.begin(), ours.end(), p.pid) == ours.end()) {
                ours.push_back(p.pid);
                grew = true;
            }
    }
    int others = 0;
    for (const ProcessState &p : processes)
        if (!p.kernel && std::find(ours.begin(), ours.end(), p.pid) == ours.end()) {
            others += p.runnable;
            if (p.runnable && qEnvironmentVariableIsSet("WORDRACE_DEBUG_LOAD"))
                std::fprintf(stderr, "load: %s (pid %lld) runnable\n", p.name.c_str(), p.pid);
        }
    return others;
}

MachineLoad MachineLoad::now()
{
    MachineLoad m;
    QFile stat(u"/proc/stat"_s);
    if (stat.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> f = stat.readLine().simplified().split(' ');
        // cpu user nice system idle iowait irq softirq steal [guest guest_nice: inside user/nice]
        if (f.size() >= 9 && f[0] == "cpu") {
            std::uint64_t v[8] = {};
            for (int i = 0; i < 8; ++i)
                v[i] = f[i + 1].toULongLong();
            m.busyTicks = v[0] + v[1] + v[2] + v[5] + v[6] + v[7];
            m.totalTicks = m.busyTicks + v[3] + v[4];
        }
    }
    if (const std::vector<ProcessState> processes = scanProcesses(); !processes.empty())
        m.othersRunnable = wordrace::othersRunnable(processes, ::getpid());
    return m;
}

LoadVerdict judgeLoad(const MachineLoad &before, const MachineLoad &after, const OwnUse &own)
{
    LoadVerdict v;
    if (own.wallS <= 0.0)
        return v;
    if (before.isValid() && after.isValid() && after.busyTicks >= before.busyTicks &&
        own.wallS >= kTicksEnoughS) {
        const double busyS = double(after.busyTicks - before.busyTicks) * tickSeconds();
        v.othersCores = std::max(0.0, busyS - own.cpuS) / own.wallS;
        v.othersMeasured = true;
    }
    if (before.othersRunnable >= 0 && after.othersRunnable >= 0) {
        v.othersRunnable = std::min(before.othersRunnable, after.othersRunnable);
        v.othersRunnableMax = std::max(before.othersRunnable, after.othersRunnable);
    }
    if (own.countingWaitS && *own.countingWaitS >= 0.0 && *own.countingWaitS + own.countingCpuS > 0.0) {
        v.unexplainedWaitS = std::max(0.0, *own.countingWaitS - own.helperCpuS);
        v.waitShare = v.unexplainedWaitS / (*own.countingWaitS + own.countingCpuS);
        v.waitMeasured = true;
    }
    return v;
}

std::optional<RunWarning> busyMachineWarning(const LoadVerdict &v, const OwnUse &own)
{
    if (v.othersMeasured && v.othersCores >= kOthersCoresLimit)
        return RunWarning{u"busy-machine"_s,
                          QCoreApplication::translate(
                              "wordrace::MachineLoad",
                              "other programs used %1 of %2 cores during this run: its times are longer "
                              "than this machine's best")
                              .arg(Units::decimal(std::min(v.othersCores, double(own.cores)), 1))
                              .arg(own.cores)};
    // Other programs' threads ready to run both as the run started and as it ended, more than the
    // cores the counting left free: on a machine they keep busy, even a run too short to be slowed
    // much is measured beside them. One busy thread beside the counting (the display server
    // drawing WordRace's own window, say) counts only when the counting's waits show it.
    const bool crowded = v.othersRunnable >= 1 && v.othersRunnable + own.runnableThreads > own.cores;
    const bool waited =
        v.waitMeasured && v.waitShare >= kCrowdedWaitShare && v.unexplainedWaitS >= kWaitNoiseS;
    if (crowded && (v.othersRunnable >= own.cores || waited))
        return RunWarning{
            u"busy-machine"_s,
            QCoreApplication::translate(
                "wordrace::MachineLoad",
                "%1 thread(s) of other programs were ready to run on this %2-core machine as this "
                "run started and as it ended: its times are not this machine's best")
                .arg(v.othersRunnable)
                .arg(own.cores)};
    // Counting threads that waited for a core although WordRace ran no more of them than there are
    // cores, while another program's thread was ready to run: that program held the core. (Waits
    // alone are no proof: the scheduler can start two new threads on one core and spread them a
    // few milliseconds later, which a quiet machine shows as up to 35% of a 10 ms run.)
    if (v.waitMeasured && v.othersRunnableMax >= 1 && own.runnableThreads <= own.cores &&
        v.waitShare >= kWaitShareLimit && v.unexplainedWaitS >= kWaitNoiseS)
        return RunWarning{
            u"busy-machine"_s,
            QCoreApplication::translate(
                "wordrace::MachineLoad",
                "the counting waited for a free core %1% of the time it was ready to run: other "
                "programs (or the kernel) were using the cores, so this run's times are "
                "longer than this machine's best")
                .arg(qRound(v.waitShare * 100))};
    return std::nullopt;
}

} // namespace wordrace
