#pragma once

#include <QHash>
#include <QList>

namespace wordrace {

// Live wordrace-worker processes (zombies included) whose parent is `parent`, or with any parent
// when parent is 0: what `ps ux | grep wordrace-worker` would list, read from /proc.
QList<qint64> workerProcesses(qint64 parent = 0);
bool processExists(qint64 pid);
// The MPI ranks among the children of `parent` (an mpirun on this machine): pid by rank number,
// read from the OMPI_COMM_WORLD_RANK that mpirun put in each rank's environment. Ranks on other
// hosts, or not yet exec'd, are absent.
QHash<int, qint64> mpiRanksOf(qint64 parent);

} // namespace wordrace
