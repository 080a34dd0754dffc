#pragma once

// The MPI side of one rank of `wordrace-mpi-worker`: agreeing that every rank is ready, aligning
// the clocks on rank 0's, handing out tasks (dynamic schedule) or taking a static share, and
// gathering every record to rank 0, which prints them for ClusterBackend.

#include "rankjob.h"

#include <atomic>
#include <cstdint>
#include <string>

namespace wordrace::mpiworker {

class MpiRank
{
public:
    // MPI is initialised; `stop` is set by SIGUSR1, which mpirun forwards to every rank.
    MpiRank(std::int64_t launchedNs, const std::atomic_bool &stop);

    int rank() const { return m_rank; }
    int size() const { return m_size; }
    std::string host() const { return m_host; }

    // Every rank learns whether all ranks got this far; rank 0 prints the reasons of those that
    // did not. True when all are fine.
    bool agree(const std::string &myError);
    // Aligns the clocks, then rank 0 prints who is who (WR-HELLO) and that all are ready (WR-READY).
    void introduce();
    // Counts this rank's part of the job, then gathers everything on rank 0, which prints it.
    void countAndReport(const RankJob &job, bool dynamic);

private:
    void alignClocks();
    void pingAsRoot();
    void answerPings();
    void countShare(RankCounter &counter);
    void serveTasks(RankCounter &counter);
    void askForTasks(RankCounter &counter);
    void report(const RankCounter &counter);

    const std::int64_t m_launchedNs;
    const std::atomic_bool &m_stop;
    int m_rank = 0;
    int m_size = 1;
    std::string m_host;
    std::string m_hosts; // rank 0: every rank's host, kHostChars each
    std::int64_t m_offsetNs = 0;
    std::int64_t m_alignErrorNs = 0;
    std::int64_t m_readyNs = 0;
};

} // namespace wordrace::mpiworker
