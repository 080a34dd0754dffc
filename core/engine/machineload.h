#pragma once

#include "model/runwarning.h"

#include <QtGlobal>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace wordrace {

// What the whole machine was doing, read before and after a run, to tell how much of the CPU other
// programs took while WordRace measured. Two sources, because neither is enough alone:
// /proc/stat counts every core's busy time, but only in 10 ms ticks (too coarse for a 20 ms run);
// the counting threads' own run_delay (RunResult::countingWaitS) is exact, and when WordRace runs
// no more counting threads than there are cores, any wait of theirs for a core is another
// program's doing. (The machine-wide /proc/pressure/cpu is no help: WordRace's own event loop and
// sampler waking beside two busy counting threads read as pressure.)
struct MachineLoad
{
    std::uint64_t busyTicks = 0;  // all cores, every state but idle and iowait (USER_HZ ticks)
    std::uint64_t totalTicks = 0; // all cores, every state
    // Threads of other programs ready to run at this instant: tasks in state R in /proc, less this
    // process's, its descendants' (workers, mpirun, ranks) and the kernel's own; -1 when unknown.
    // WORDRACE_DEBUG_LOAD=1 names them on stderr.
    int othersRunnable = -1;

    static MachineLoad now();
    bool isValid() const { return totalTicks > 0; }
};

// What a run did to judge the load beside it.
struct OwnUse
{
    double wallS = 0.0;
    double cpuS = 0.0;       // WordRace's own CPU in the run: this process and its workers
    int runnableThreads = 1; // how many threads or processes counted at once
    int cores = 1;
    double countingCpuS = 0.0;           // the counting threads' or processes' CPU
    std::optional<double> countingWaitS; // and how long they waited, ready, for a core
    // WordRace's other threads' CPU in the run (the runner, the sampler, the event loop): the
    // counting may have waited that long for them, which is no other program's doing.
    double helperCpuS = 0.0;
};

struct LoadVerdict
{
    double othersCores = 0.0;      // cores' worth of CPU that other programs used, on average
    bool othersMeasured = false;   // false: the run was too short for /proc/stat's ticks
    double waitShare = 0.0;        // of the time the counting wanted a core, the share it waited
    double unexplainedWaitS = 0.0; // its waits beyond what WordRace's own other threads can explain
    bool waitMeasured = false;
    int othersRunnable = -1;    // the fewer of the counts as the run started and as it ended
    int othersRunnableMax = -1; // the more of the two
};

// Reads the two sources between `before` and `after`.
// A process as /proc shows it, for the count of other programs' runnable threads.
struct ProcessState
{
    qint64 pid = 0;
    qint64 ppid = 0;
    bool kernel = false; // a kernel thread (PF_KTHREAD)
    int runnable = 0;    // its threads in state R
    std::string name;    // for WORDRACE_DEBUG_LOAD
};

// Runnable threads of other programs: those of every process but self, its descendants (the worker
// processes, mpirun and its ranks) and the kernel's threads (RCU, softirqs and workqueues wake for
// a moment after every large unmap; a kernel thread busy for long shows in /proc/stat instead).
int othersRunnable(const std::vector<ProcessState> &processes, qint64 self);

LoadVerdict judgeLoad(const MachineLoad &before, const MachineLoad &after, const OwnUse &own);

// A busy-machine warning when the verdict says other programs disturbed the run.
std::optional<RunWarning> busyMachineWarning(const LoadVerdict &v, const OwnUse &own);

} // namespace wordrace
