#pragma once

#include "model/runresult.h"

#include <QList>

#include <cstdint>

namespace wordrace {

// A throttled snapshot of a run under way.
struct RunProgress
{
    Mode mode = Mode::Sequential;
    qsizetype tasksDone = 0;
    qsizetype tasksTotal = 0;
    std::uint64_t words = 0;
    std::uint64_t bytesDone = 0;
    std::uint64_t bytesTotal = 0;
    double elapsedS = 0.0;
    QList<TaskRecord> newTasks; // finished since the previous snapshot, for a live timeline
    QStringList workerNames;
};

} // namespace wordrace

Q_DECLARE_METATYPE(wordrace::RunProgress)
