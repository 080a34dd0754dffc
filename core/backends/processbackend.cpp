#include "backends/processbackend.h"

#include "backends/processrun.h"

#include "backends/forkedworker.h"
#include "backends/ownedfd.h"
#include "backends/pipefeeder.h"
#include "backends/spawnedworker.h"
#include "corpus/corpus.h"
#include "corpus/taskplanner.h"
#include "engine/runrecorder.h"
#include "kernel/workerloop.h"
#include "kernel/workerprotocol.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QTimer>

#include <algorithm>
#include <deque>
#include <functional>
#include <memory>
#include <vector>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace wordrace {

QString ProcessBackend::resolveWorkerPath(const QString &explicitPath)
{
    if (!explicitPath.isEmpty())
        return explicitPath;
    const QString env = qEnvironmentVariable("WORDRACE_WORKER");
    if (!env.isEmpty())
        return env;
    return QDir(QCoreApplication::applicationDirPath()).filePath(u"wordrace-worker"_s);
}

QString ProcessBackend::checkWorker(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return u"the worker program %1 is missing; build or install wordrace-worker next to WordRace"_s.arg(
            path);
    if (!info.isFile() || !info.isExecutable())
        return u"the worker program %1 is not an executable file"_s.arg(path);
    return {};
}

std::vector<qint64> ProcessBackend::workerPids() const
{
    std::lock_guard lock(m_pidMutex);
    return m_pids;
}

void ProcessBackend::setWorkerPid(int slot, qint64 pid)
{
    std::lock_guard lock(m_pidMutex);
    if (slot >= 0 && std::size_t(slot) < m_pids.size())
        m_pids[std::size_t(slot)] = pid;
}

BackendOutcome ProcessBackend::run(const RunContext &context)
{
    const int n = context.workers;
    BackendOutcome out;
    out.result = baseResult(context, Mode::Processes, n);
    out.result.workersInsideParent = false;
    const QList<Task> &tasks = context.plan->tasks;
    const bool perTask = context.knobs.spawn == Spawn::PerTask;
    const bool pipe = context.knobs.transport == Transport::Pipe;

    if (context.knobs.start == Start::Forkserver) {
        out.error =
            u"--start forkserver is CPython's own; the processes mode starts wordrace-worker by spawn or "
            "fork (python-processes honours forkserver)"_s;
        out.badInput = true;
        return out;
    }
    const bool forking = context.knobs.start == Start::Fork;
    const QString workerPath = resolveWorkerPath(context.workerPath);
    if (const QString why = forking ? QString() : checkWorker(workerPath); !why.isEmpty()) {
        out.error = why;
        return out;
    }
    if (perTask && std::uint64_t(tasks.size()) > Knobs::kMaxSpawnedProcesses) {
        const QLocale en(QLocale::English);
        out.error =
            u"--spawn per-task would start %1 processes, one per task; WordRace caps that at %2 "
            "(use a larger --chunk for fewer tasks)"_s.arg(
                en.toString(qlonglong(tasks.size())), en.toString(qulonglong(Knobs::kMaxSpawnedProcesses)));
        out.badInput = true;
        return out;
    }
    if (pipe)
        for (const Task &t : tasks)
            if (t.bytes() > protocol::kMaxTaskData) {
                out.error = u"--transport pipe sends each task's bytes whole, at most 1 GiB a task; "
                            "use a smaller --chunk"_s;
                out.badInput = true;
                return out;
            }

    {
        std::lock_guard lock(m_pidMutex);
        m_pids.assign(std::size_t(n), 0);
    }
    ProcessRun run(context, workerPath, taskCosts(context, nullptr), std::move(out.result),
                   [this](int slot, qint64 pid) { setWorkerPid(slot, pid); });
    m_runStartNs.store(run.startNs(), std::memory_order_release);
    out = run.exec();
    summarizeOverhead(out.result);
    return out;
}

} // namespace wordrace
