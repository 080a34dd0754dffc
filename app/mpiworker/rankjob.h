#pragma once

// What one rank of `wordrace-mpi-worker` does apart from talking MPI: reading its command line,
// opening the corpus and planning the parent's tasks, counting a task into a record, and the text
// lines rank 0 prints for ClusterBackend. No MPI here, so the tests call it directly.

#include "corpus/corpus.h"
#include "corpus/taskplanner.h"
#include "kernel/taskexecutor.h"

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace wordrace::mpiworker {

struct RankOptions
{
    std::string corpus;
    int planWorkers = 1;
    std::optional<std::uint64_t> chunk;
    long long expectTasks = -1; // the parent's plan and corpus, to refuse a host that differs
    long long expectBytes = -1;
    bool dynamic = true;
    double ioLatencyNs = 0;
    double workPerWordNs = 0;

    // nullopt and a reason for an unknown option, a missing value or no --corpus.
    static std::optional<RankOptions> parse(const std::vector<std::string> &arguments, std::string &error);
};

// The corpus and the plan, as the parent has them: the same spec, workers and chunk give the
// same plan on every host.
struct RankJob
{
    std::unique_ptr<Corpus> corpus;
    std::optional<TaskPlan> plan;
    TaskCosts costs;

    // Empty error when the job is ready; otherwise a reason naming the host.
    static RankJob prepare(const RankOptions &options, const std::string &host, std::string &error);
};

// Counts tasks of a job into records (clusterlines::RecordField each), on rank 0's clock.
class RankCounter
{
public:
    RankCounter(const RankJob &job, std::int64_t offsetNs, const std::atomic_bool *stop);

    // Counts task i; false when a stop request cut it short (then it is not recorded).
    bool count(std::int64_t task, std::int64_t waitNs);
    std::int64_t taskCount() const;
    const std::vector<std::int64_t> &records() const { return m_records; }
    std::int64_t tasksCounted() const;
    std::int64_t lastWords() const;
    std::uint64_t words() const;

private:
    const RankJob &m_job;
    std::int64_t m_offsetNs;
    const std::atomic_bool *m_stop;
    std::vector<std::int64_t> m_records;
};

// The lines rank 0 prints (see clusterlines.h for the fields).
namespace lines {
std::string hello(int rank, std::int64_t pid, const std::string &host);
std::string ready(const std::string &bootId, std::int64_t nowNs, int ranks);
std::string progress(std::int64_t tasksDone, std::uint64_t words);
std::string error(int rank, const std::string &why);
std::string rank(int rank, const std::int64_t *fields, const std::string &host);
std::string task(int rank, const std::int64_t *record);
std::string done(std::size_t tasks, std::uint64_t words, std::int64_t nowNs, bool stopped);
} // namespace lines

// This boot of this machine: equal ids mean one CLOCK_MONOTONIC. WORDRACE_MPI_BOOT_ID overrides
// it, so tests can pose as another machine.
std::string bootId();

} // namespace wordrace::mpiworker
