#pragma once

#include "corpus/corpus.h"
#include "kernel/clock.h"
#include "model/knobs.h"
#include "model/runwarning.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace wordrace {

enum class Mode
{
    Sequential,
    Threads,
    Processes,
    Cluster, // MPI ranks started by mpirun, perhaps on other machines; opt-in, never in allModes()
    // The lesson's own functions in the system's CPython (app/python/wordrace-harness.py); opt-in.
    PythonSequential,
    PythonThreads,
    PythonProcesses
};

QString modeName(Mode mode);
std::optional<Mode> modeFromName(const QString &name);
QList<Mode> allModes();
// Every mode this build knows, cluster and CPython included (allModes() is the default experiment).
QList<Mode> knownModes();
QList<Mode> pythonModes();
bool isPython(Mode mode);
// One worker by definition: sequential or python-sequential.
bool isSequential(Mode mode);
// What a mode's speed-up is measured against: its own language's sequential mode.
Mode sequentialOf(Mode mode);

// One task as it ran: who counted it, when (seconds since the run's start, on CLOCK_MONOTONIC
// shared by every process) and what it found.
struct TaskRecord
{
    std::int64_t task = -1; // index in the plan
    int worker = -1;        // index into RunResult::workerNames
    double startS = 0.0;
    double endS = 0.0;
    std::uint64_t words = 0;
    std::uint64_t bytes = 0;
    std::uint64_t begin = 0; // byte offset of the chunk in the corpus
    // Where the task's time went: waiting on (emulated) I/O, for the (emulated) GIL, receiving its
    // bytes through a pipe, and computing.
    double ioS = 0.0;
    double gilWaitS = 0.0;
    double transferS = 0.0;
    double computeS = 0.0;
    double durationS() const { return endS - startS; }
};

// Where a run's time went, summed over its workers (worker-seconds), plus the run-level phases.
struct Overhead
{
    double startupS = 0.0;  // creating the workers until the last is ready (per-task spawn: summed)
    double transferS = 0.0; // task bytes through pipes
    double computeS = 0.0;
    double ioS = 0.0;
    double gilWaitS = 0.0;
    double gatherS = 0.0; // after the last task ended until the run was over, times the workers
    double idleS = 0.0;   // worker-seconds of the run in none of the above
};

// The machine's cores and the run's memory at one moment (ResourceSampler).
struct ResourceSample
{
    double timeS = 0.0;    // since the run's start, on the clock of TaskRecord::startS
    QList<float> coreBusy; // per logical CPU: busy share of the interval ending here, 0..1
    // Per RunResult::memoryNames entry, bytes; 0: not running then. Empty: memory was not read at
    // this sample (PSS is costly to read, so it is read less often than the CPU shares).
    QList<qint64> memoryBytes;
};

// Everything one run measured. An immutable value once the engine hands it over.
struct RunResult
{
    Mode mode = Mode::Sequential;
    int workers = 1;
    CorpusSpec corpus;
    std::uint64_t corpusBytes = 0;
    std::uint64_t corpusLines = 0;
    std::uint64_t chunkLines = 0;
    qsizetype taskCount = 0; // planned; tasks.size() is fewer when cancelled
    std::uint64_t words = 0;
    double wallS = 0.0;
    // The parent: the engine's own threads (the runner, and for `threads` the pool's threads).
    CpuTimes parentCpu;
    // The workers alone: pool threads (inside the parent) or worker processes (outside it).
    CpuTimes workersCpu;
    bool workersInsideParent = true;
    double planS = 0.0;
    double startupS = 0.0; // creating the workers until the last is ready
    QString counterPath;
    bool cancelled = false;
    Knobs knobs;
    Overhead overhead;
    int repetition = 0; // which measured run of this mode (0-based); warm-up runs are never reported
    QList<TaskRecord> tasks;
    QStringList workerNames;
    // Cluster only: how far apart the ranks' clocks may still be after aligning them on rank 0's
    // (half the best ping-pong round trip); absent for the local modes, which share one clock.
    std::optional<double> clockAlignmentErrorS;
    QStringList clusterHosts; // cluster only: the host of each rank
    // Sampled every few tens of milliseconds while the run went (ResourceSampler): per-core CPU and
    // the memory of each process named in memoryNames ("parent", then a series per worker slot).
    QList<ResourceSample> samples;
    QStringList memoryNames;
    // The app's history let this old run's tasks and samples go to bound its memory (RunHistory);
    // its figures are whole, its timeline is not.
    bool detailDropped = false;
    bool memoryIsPss = true; // false: RSS, which counts pages shared between processes twice
    // All the run's processes together, at the fullest sample; absent when memory was never read.
    std::optional<std::uint64_t> peakMemoryBytes;
    double samplerCpuS = 0.0; // the CPU the sampling itself took (in the parent)
    // What makes this run's numbers doubtful (Plausibility, and the busy-machine check in Runner).
    RunWarnings warnings;
    // Other programs' average use of the cores during the run (/proc/stat), when the run was long
    // enough to tell; and of the time the counting was ready to run, the share it waited for a core.
    std::optional<double> othersCores;
    std::optional<double> cpuWaitShare;
    // How long the counting threads or worker processes, added up, waited ready to run for a core.
    std::optional<double> countingWaitS;
    // CPython modes: the interpreter and every process it started, from its launch to its exit
    // (reading the corpus included), so the busy-machine check does not take it for another
    // program's. Not written to files.
    double supervisedCpuS = 0.0;

    // CPU of parent plus workers, each counted once.
    CpuTimes totalCpu() const { return workersInsideParent ? parentCpu : parentCpu + workersCpu; }
    double cpuPerWall() const { return wallS > 0 ? totalCpu().total() / wallS : 0.0; }
};

} // namespace wordrace

Q_DECLARE_METATYPE(wordrace::RunResult)
