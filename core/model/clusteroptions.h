#pragma once

#include <QString>

namespace wordrace {

enum class ClusterSchedule
{
    Dynamic, // rank 0 hands out the next task to whichever rank asks, as Pool.map does
    Static   // rank r counts tasks r, r + N, r + 2N, ... with no messages at all
};

// Where and how the cluster mode runs its ranks. With neither a hostfile nor hosts, all ranks run
// on this machine.
struct ClusterOptions
{
    QString hostfile;   // an Open MPI hostfile ("node1 slots=2" per line)
    QString hosts;      // or a host list for mpirun --host ("node1:2,node2:2")
    QString mpirunPath; // empty: $WORDRACE_MPIRUN, else mpirun on the PATH
    QString workerPath; // empty: $WORDRACE_MPI_WORKER, else wordrace-mpi-worker next to this program
    ClusterSchedule schedule = ClusterSchedule::Dynamic;
    // After a cancel, how long the ranks get to gather what they did before mpirun is stopped, and
    // then how long mpirun gets to stop them before it is killed.
    double stopGraceS = 3.0;

    bool isLocal() const { return hostfile.isEmpty() && hosts.isEmpty(); }
    bool operator==(const ClusterOptions &) const = default;
};

QString clusterScheduleName(ClusterSchedule schedule);

} // namespace wordrace
