#pragma once

#include "backends/backend.h"

#include <QStringList>

namespace wordrace {

// The cluster mode: mpirun, started with QProcess, runs N ranks of wordrace-mpi-worker on this
// machine or on the hosts of a hostfile. Only the corpus spec and the plan's parameters go on the
// command line; each rank opens or rebuilds the corpus itself, and rank 0 prints the records it
// gathered (with MPI collectives) as text lines that this backend reads. The core never links MPI.
class ClusterBackend : public Backend
{
public:
    Mode mode() const override { return Mode::Cluster; }
    BackendOutcome run(const RunContext &context) override;

    // Whether this build has wordrace-mpi-worker (Open MPI was found at build time).
    static bool isBuilt();
    // mpirun: an explicit path, $WORDRACE_MPIRUN, or the PATH. Empty when none is found.
    static QString resolveMpirun(const QString &explicitPath);
    // wordrace-mpi-worker: an explicit path, $WORDRACE_MPI_WORKER, or next to this executable.
    static QString resolveWorkerPath(const QString &explicitPath);
    // Empty when a cluster run can start; otherwise a one-line reason (not built, no mpirun, ...).
    static QString checkAvailable(const ClusterOptions &options);
    // mpirun's arguments for a run of the given plan on `workers` ranks.
    static QStringList mpirunArguments(const RunContext &context, const QString &workerPath);

    // Starting ranks on other machines goes through ssh: give it time.
    static constexpr double kStartupTimeoutS = 30.0;
};

} // namespace wordrace
