#pragma once

#include <QList>
#include <QString>

#include <cstdint>
#include <optional>

namespace wordrace {

enum class Spawn
{
    Pool,
    PerTask
};
enum class Transport
{
    Shared,
    Pipe
};
// How worker processes start: Python's start methods. Spawn execs wordrace-worker, which maps the
// corpus's memfd; fork runs the worker loop in a fork() of WordRace, inheriting the corpus's pages.
// Either way a large generated corpus is held in huge pages where the machine allows, so a worker
// has 512 times fewer page-table entries to build.
// Forkserver is CPython's only. Default: each language's own, spawn for wordrace-worker and
// multiprocessing's default for CPython (fork on Linux before Python 3.14); a result records the
// method that was used.
enum class Start
{
    Spawn,
    Fork,
    Forkserver,
    Default
};

// The knobs that recreate the lesson's conditions openly; every one is recorded in the result.
struct Knobs
{
    double ioLatencyMs = 0.0;                // each task first waits this long, as if fetching a page
    double workPerWordNs = 0.0;              // emulated interpreter cost per word, real CPU work
    bool gil = false;                        // an emulated global interpreter lock for the thread backend
    Spawn spawn = Spawn::Pool;               // reuse N workers, or a new thread / process for every task
    Transport transport = Transport::Shared; // processes: corpus shared, or each task's bytes piped
    Start start = Start::Default;            // processes: exec wordrace-worker, or fork
    // When set, task i waits latencyPatternMs[i % size] instead of ioLatencyMs (the lesson's
    // print_with_delay threads waiting 5, 2 and 3 s). Sequential and threads only.
    QList<double> latencyPatternMs;

    // workPerWordNs: calibrate from CPython's measured cost per word on this machine (the Runner
    // resolves it before the first run; results record the figure used).
    static constexpr double kAutoWorkPerWord = -1.0;
    static constexpr std::uint64_t kMaxSpawnedThreads = 100'000;
    static constexpr std::uint64_t kMaxSpawnedProcesses = 10'000;

    bool operator==(const Knobs &) const = default;
};

// The conditions that differ from plain counting, for a label: "I/O 20 ms per task, 95 ns/word,
// emulated GIL, new worker per task, pipe transport, fork start"; empty for plain counting. The one
// wording every title, heading, legend and report uses.
QString conditionsText(const Knobs &knobs);
QString spawnName(Spawn spawn);
QString transportName(Transport transport);
QString startName(Start start);
// The knob a name above stands for; nothing for any other string. The one reading of the names
// that the CLI, the result JSON, sessions and the app's settings all share.
std::optional<Spawn> spawnFromName(const QString &name);
std::optional<Transport> transportFromName(const QString &name);
std::optional<Start> startFromName(const QString &name);

} // namespace wordrace
