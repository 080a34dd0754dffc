// wordrace-mpi-worker: one MPI rank of the cluster mode. mpirun starts N of them; each opens or
// rebuilds the corpus itself from its spec (nothing but the spec crosses the network), plans the
// same tasks as the parent, aligns its clock on rank 0's, counts the tasks rank 0 hands out (or
// its static share), and rank 0 gathers every record with MPI collectives and prints them as text
// lines on its standard output for the parent (ClusterBackend) to read.

#include "mpirank.h"
#include "rankjob.h"

#include "kernel/clock.h"

#include <mpi.h>

#include <atomic>
#include <csignal>
#include <cstdio>

#include <sys/prctl.h>

using namespace wordrace;
using namespace wordrace::mpiworker;

namespace {

// Set by SIGUSR1, which mpirun forwards to every rank: stop handing out and counting tasks, then
// gather what was done, so a cancelled run keeps its partial timeline.
std::atomic_bool g_stop{false};
static_assert(std::atomic_bool::is_always_lock_free);

void onStopSignal(int)
{
    g_stop.store(true);
}

} // namespace

int main(int argc, char **argv)
{
    const std::int64_t launchedNs = monotonicNs();
    // Die with mpirun (or orted), even when it is killed with SIGKILL: no orphan ranks.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    std::signal(SIGUSR1, onStopSignal);

    int provided = 0;
    MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
    {
        MpiRank rank(launchedNs, g_stop);
        std::string error;
        const std::optional<RankOptions> options =
            RankOptions::parse(std::vector<std::string>(argv + 1, argv + argc), error);
        RankJob job;
        if (options)
            job = RankJob::prepare(*options, rank.host(), error);
        else
            error = "(on " + rank.host() + ") " + error;
        if (rank.agree(error)) {
            rank.introduce();
            rank.countAndReport(job, options->dynamic);
        }
    }
    std::fflush(stdout);
    MPI_Finalize();
    return 0;
}
