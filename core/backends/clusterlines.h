#pragma once

// The lines rank 0 of `wordrace-mpi-worker` prints on its stdout and ClusterBackend reads back.
// The field positions live here once, so the writer and the reader cannot drift apart.

namespace wordrace::clusterlines {

// One counted task, as int64s so that it travels as MPI_INT64_T; a WR-TASK line after its rank.
enum RecordField : int
{
    RecTask,
    RecStart,
    RecEnd,
    RecWords,
    RecIo,
    RecGil,
    RecCompute,
    RecWait, // waiting for rank 0 to hand the task out: the distribution cost
    RecFields
};

// One rank's facts; a WR-RANK line after the rank's number.
enum RankField : int
{
    RankPid,
    RankLaunched,
    RankReady,
    RankOffset,
    RankAlignError,
    RankCpuUser,
    RankCpuSys,
    RankTasks,
    RankFields
};

} // namespace wordrace::clusterlines
