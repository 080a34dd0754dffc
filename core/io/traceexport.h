#pragma once

#include "model/runresult.h"

#include <QByteArray>
#include <QList>

class QIODevice;

namespace wordrace {

// Results in the Chrome Trace Event format, which Perfetto (ui.perfetto.dev) and chrome://tracing
// open: one process per run (named "threads, run 2 of 3, 4 workers"), one thread per worker named
// as the run names it, one complete event per task, and a "busy workers" counter per run computed
// from the task intervals. Every run starts at time 0, so runs line up one above the other.
class TraceExport
{
public:
    static bool write(QIODevice *device, const QList<RunResult> &runs);
    static QByteArray serialize(const QList<RunResult> &runs);
};

} // namespace wordrace
