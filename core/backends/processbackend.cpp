#include "backends/processbackend.h"

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

namespace {

// CPU a live process has used so far, read from /proc before we have to kill it.
CpuTimes procCpu(qint64 pid)
{
    QFile f(u"/proc/%1/stat"_s.arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray stat = f.readAll();
    // Fields after the command name, which is in parentheses and may hold spaces.
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return {};
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    if (fields.size() < 13)
        return {};
    const double tick = double(sysconf(_SC_CLK_TCK));
    return {fields[11].toDouble() / tick, fields[12].toDouble() / tick};
}

struct Worker
{
    // Pipe transport: the task bytes' own pipe. The read end stays open here only until the
    // worker has opened it (through /proc), so that a worker's death shows as EPIPE to the feeder.
    OwnedFd dataReadEnd;
    std::unique_ptr<PipeFeeder> feeder;
    std::unique_ptr<WorkerProcess> process;
    protocol::Decoder decoder;
    qint64 pid = 0;         // as the worker reported it in its Ready
    qint64 launchedPid = 0; // as the launch returned it: names a worker that died before its Ready
    bool ready = false;
    bool byeSent = false;
    bool usageSeen = false;
    bool finished = false;
    std::deque<qsizetype> inFlight;
    QByteArray stderrTail;
    CpuTimes cpu;
    double runDelayS = -1.0; // from its Usage: how long it waited for a core; -1: not told
    std::int64_t readyNs = 0;
    std::int64_t launchedNs = 0;
    std::int64_t lastActivityNs = 0; // last dispatch to an idle worker, or last result
    qsizetype tasksGiven = 0;
};

} // namespace

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

    const CpuTimes cpu0 = threadCpu();
    const std::int64_t t0 = monotonicNs();
    RunRecorder recorder(context, Mode::Processes, n, t0);
    {
        std::lock_guard lock(m_pidMutex);
        m_pids.assign(std::size_t(n), 0);
    }
    m_runStartNs.store(t0, std::memory_order_release);
    const Corpus &corpus = *context.corpus;
    const TaskCosts costs = taskCosts(context, nullptr);

    // One slot per worker; with --spawn per-task a slot runs a new process for every task.
    std::vector<Worker> workers(static_cast<std::size_t>(n));
    qsizetype nextTask = 0;
    qsizetype doneTasks = 0;
    bool stopping = false;
    double startupSum = 0.0;
    std::int64_t lastReady = t0;
    CpuTimes finishedCpu; // of processes already gone (per-task spawn)
    RunDelaySum finishedRunDelay;
    QEventLoop loop;
    const qint64 parentPid = QCoreApplication::applicationPid();

    auto allFinished = [&] {
        for (const Worker &w : workers)
            if (!w.finished)
                return false;
        return true;
    };
    auto describe = [&](int w) {
        const Worker &wk = workers[std::size_t(w)];
        const qint64 pid = wk.pid ? wk.pid : wk.launchedPid;
        return pid ? u"worker %1 (pid %2)"_s.arg(w).arg(pid) : u"worker %1"_s.arg(w);
    };
    auto stopAll = [&] {
        stopping = true;
        for (Worker &w : workers) {
            if (w.finished || !w.process)
                continue;
            if (w.pid)
                w.cpu = procCpu(w.pid);
            w.process->closeWriteChannel();
            w.process->kill();
        }
    };
    auto fail = [&](const QString &why) {
        if (out.error.isEmpty() && !stopping)
            out.error = why;
        stopAll();
    };
    auto sayBye = [&](Worker &w) {
        if (w.finished || w.byeSent || !w.process)
            return;
        w.byeSent = true;
        w.process->write(QByteArray::fromStdString(protocol::encodeEmpty(protocol::Type::Bye)));
        w.process->closeWriteChannel();
    };
    auto dispatch = [&](int w) {
        Worker &wk = workers[std::size_t(w)];
        if (stopping)
            return;
        if (wk.inFlight.empty())
            wk.lastActivityNs = monotonicNs();
        const int depth = perTask ? 1 : kTasksInFlight;
        while (int(wk.inFlight.size()) < depth && nextTask < tasks.size() &&
               !(perTask && wk.tasksGiven > 0)) {
            const Task &t = tasks[nextTask];
            wk.process->write(QByteArray::fromStdString(
                protocol::encode(protocol::Type::Task, protocol::Task{nextTask, t.begin, t.end})));
            if (pipe) // as Pool.map pickles each item: the chunk's bytes themselves go down a pipe
                wk.feeder->send(corpus.bytes().substr(t.begin, t.bytes()));
            wk.inFlight.push_back(nextTask++);
            ++wk.tasksGiven;
        }
        if (perTask && wk.inFlight.empty())
            sayBye(wk);
        if (doneTasks == tasks.size())
            for (Worker &other : workers)
                sayBye(other);
    };
    std::function<void(int)> launch;
    auto onMessage = [&](int w, const protocol::Decoder::Message &msg) {
        Worker &wk = workers[std::size_t(w)];
        switch (msg.type) {
        case protocol::Type::Ready: {
            protocol::Ready ready{};
            protocol::decodePayload(msg.payload, ready);
            if (wk.ready)
                return fail(u"%1 said it was ready twice"_s.arg(describe(w)));
            wk.ready = true;
            wk.lastActivityNs = monotonicNs(); // the task timeout counts from here, not from launch
            wk.dataReadEnd.reset();            // the worker has its own now
            wk.pid = ready.pid;
            wk.readyNs = ready.readyNs;
            startupSum += double(ready.readyNs - wk.launchedNs) / 1e9;
            lastReady = std::max(lastReady, ready.readyNs);
            recorder.setWorkerName(w, perTask ? u"slot %1 (a new process per task)"_s.arg(w)
                                              : u"pid %1"_s.arg(wk.pid));
            dispatch(w);
            return;
        }
        case protocol::Type::Done: {
            protocol::Done done{};
            protocol::decodePayload(msg.payload, done);
            if (wk.inFlight.empty() || wk.inFlight.front() != done.index)
                return fail(u"%1 answered for chunk %2, which it was not counting"_s.arg(describe(w))
                                .arg(done.index));
            const Task &t = tasks[done.index];
            if (done.bytes != t.bytes())
                return fail(u"%1 counted %2 bytes of chunk %3, expected %4"_s.arg(describe(w))
                                .arg(done.bytes)
                                .arg(done.index)
                                .arg(t.bytes()));
            wk.inFlight.pop_front();
            wk.lastActivityNs = monotonicNs();
            TaskRecord rec = makeRecord(done.index, w, recorder.secondsSince(done.startNs),
                                        recorder.secondsSince(done.endNs), done.words, t,
                                        TaskPhases{done.ioNs, done.gilWaitNs, done.computeNs});
            rec.transferS = double(done.transferNs) / 1e9;
            recorder.record(w, rec);
            ++doneTasks;
            dispatch(w);
            return;
        }
        case protocol::Type::Usage: {
            protocol::Usage usage{};
            protocol::decodePayload(msg.payload, usage);
            wk.cpu = {double(usage.userUs) * 1e-6, double(usage.sysUs) * 1e-6};
            if (usage.runDelayUs >= 0)
                wk.runDelayS = double(usage.runDelayUs) * 1e-6;
            wk.usageSeen = true;
            return;
        }
        case protocol::Type::Error:
            return fail(u"%1 failed: %2"_s.arg(describe(w), QString::fromStdString(msg.payload)));
        default:
            return fail(u"%1 sent an unexpected message (type %2)"_s.arg(describe(w)).arg(int(msg.type)));
        }
    };

    launch = [&](int w) {
        Worker &wk = workers[std::size_t(w)];
        if (wk.process) {
            // per-task spawn: the slot's previous process is done; keep what it cost.
            finishedCpu += wk.cpu;
            finishedRunDelay.add(wk.runDelayS);
            wk.process.release()->deleteLater();
            wk = Worker{};
        }
        if (forking) {
            // The child runs the worker loop over this process's own corpus pages.
            const std::string_view bytes = corpus.bytes();
            const long self = long(::getpid());
            wk.process =
                std::make_unique<ForkedWorker>([bytes, self] { return runForkedWorker(self, bytes); });
        } else {
            wk.process = std::make_unique<SpawnedWorker>(
                workerPath, QStringList{u"--parent-pid"_s, QString::number(parentPid)});
        }
        WorkerProcess *p = wk.process.get();
        QObject::connect(p, &WorkerProcess::readyReadStandardOutput, &loop, [&, w, p] {
            Worker &wk = workers[std::size_t(w)];
            if (wk.process.get() != p)
                return;
            const QByteArray bytes = p->readAllStandardOutput();
            wk.decoder.append(std::string_view(bytes.constData(), std::size_t(bytes.size())));
            protocol::Decoder::Message msg;
            protocol::Decoder::Status st;
            while (!stopping && (st = wk.decoder.next(msg)) == protocol::Decoder::Status::Ok)
                onMessage(w, msg);
            if (!stopping && st == protocol::Decoder::Status::Malformed)
                fail(u"%1 sent a malformed message: %2"_s.arg(describe(w),
                                                              QString::fromStdString(wk.decoder.error())));
        });
        QObject::connect(p, &WorkerProcess::readyReadStandardError, &loop, [&, w, p] {
            Worker &wk = workers[std::size_t(w)];
            if (wk.process.get() != p)
                return;
            wk.stderrTail += p->readAllStandardError();
            if (wk.stderrTail.size() > 4096)
                wk.stderrTail = wk.stderrTail.right(4096);
        });
        QObject::connect(
            p, &WorkerProcess::finished, &loop, [&, w, p](int exitCode, QProcess::ExitStatus status) {
                Worker &wk = workers[std::size_t(w)];
                if (wk.process.get() != p)
                    return;
                const bool clean =
                    status == QProcess::NormalExit && exitCode == 0 && wk.byeSent && wk.usageSeen;
                if (!clean && !stopping) {
                    QString what = status == QProcess::CrashExit ? u"was killed or crashed"_s
                                                                 : u"exited with status %1"_s.arg(exitCode);
                    QString where;
                    // Tasks are queued behind the Hello, so a worker that never got going has some.
                    if (!wk.ready) {
                        where = u" before it was ready"_s;
                    } else if (!wk.inFlight.empty()) {
                        const Task &t = tasks[wk.inFlight.front()];
                        where = u" while counting chunk %1 (bytes %2-%3)"_s.arg(wk.inFlight.front())
                                    .arg(t.begin)
                                    .arg(t.end);
                    }
                    const QString detail = QString::fromLocal8Bit(wk.stderrTail).trimmed();
                    fail(u"%1 %2%3%4"_s.arg(describe(w), what, where,
                                            detail.isEmpty() ? QString()
                                                             : u": "_s + detail.section(u'\n', -1)));
                }
                setWorkerPid(w, 0);
                if (clean && perTask && !stopping && nextTask < tasks.size()) {
                    launch(w);
                    return;
                }
                wk.finished = true;
                if (allFinished())
                    loop.quit();
            });
        QObject::connect(p, &WorkerProcess::failedToStart, &loop, [&, w, p] {
            Worker &wk = workers[std::size_t(w)];
            if (wk.process.get() != p)
                return;
            wk.finished = true;
            fail(forking ? u"could not fork a worker: %1"_s.arg(p->errorString())
                         : u"could not start %1: %2"_s.arg(workerPath, p->errorString()));
            if (allFinished())
                loop.quit();
        });
        protocol::Hello hello{};
        hello.parentPid = static_cast<std::int32_t>(parentPid);
        hello.corpusFd = corpus.fd();
        if (pipe) {
            auto ends = makePipe();
            if (!ends) {
                wk.finished = true;
                fail(u"could not create a pipe for %1: %2"_s.arg(
                    describe(w), QString::fromLocal8Bit(std::strerror(errno))));
                if (allFinished())
                    loop.quit();
                return;
            }
            // Fewer wake-ups per chunk; the kernel may refuse, which only costs speed.
            ::fcntl(ends->second.get(), F_SETPIPE_SZ, 1 << 20);
            hello.corpusFd = ends->first.get();
            wk.dataReadEnd = std::move(ends->first);
            wk.feeder = std::make_unique<PipeFeeder>(ends->second.release());
        }
        hello.corpusSize = corpus.size();
        hello.workerIndex = w;
        hello.transport = pipe ? 1 : 0;
        hello.ioLatencyNs = costs.ioLatencyNs;
        hello.workIterationsPerWord = costs.workIterationsPerWord;
        hello.gil = context.knobs.gil ? 1 : 0;
        wk.launchedNs = monotonicNs();
        p->start();
        wk.launchedPid = p->processId();
        setWorkerPid(w, wk.launchedPid);
        p->write(QByteArray::fromStdString(protocol::encode(protocol::Type::Hello, hello)));
        // Its first tasks go right behind the Hello, as Pool.map queues its chunks at once: the
        // worker starts counting as soon as it is up, not when its Ready has come back here
        // (after the next worker has been started).
        dispatch(w);
    };
    for (int w = 0; w < n; ++w)
        launch(w);

    QTimer ticker;
    ticker.setInterval(20);
    // A worker that never answers must not hang the run: a worker is given kStartupTimeoutS to
    // start (or the user's task timeout, when longer), and taskTimeoutS to finish each task. A short
    // task timeout does not shorten the start: a busy machine can take seconds to exec a worker.
    const double startupTimeoutS = std::max(context.taskTimeoutS, kStartupTimeoutS);
    QObject::connect(&ticker, &QTimer::timeout, &loop, [&] {
        if (!stopping && context.cancel && context.cancel->load()) {
            out.result.cancelled = true;
            stopAll();
        }
        const std::int64_t now = monotonicNs();
        for (int w = 0; w < n && !stopping; ++w) {
            const Worker &wk = workers[std::size_t(w)];
            if (wk.finished)
                continue;
            if (!wk.ready && double(now - wk.launchedNs) / 1e9 > startupTimeoutS) {
                fail(u"%1 did not start within %2 s; it was stopped"_s.arg(describe(w)).arg(startupTimeoutS));
            } else if (context.taskTimeoutS > 0 && wk.ready && !wk.inFlight.empty() &&
                       double(now - wk.lastActivityNs) / 1e9 > context.taskTimeoutS) {
                const Task &t = tasks[wk.inFlight.front()];
                fail(
                    u"%1 did not finish chunk %2 (bytes %3-%4) within the task timeout of %5 s; it was stopped"_s
                        .arg(describe(w))
                        .arg(wk.inFlight.front())
                        .arg(t.begin)
                        .arg(t.end)
                        .arg(context.taskTimeoutS));
            }
        }
        recorder.maybeReport();
    });
    ticker.start();
    if (!allFinished())
        loop.exec();
    ticker.stop();

    out.result.wallS = double(monotonicNs() - t0) / 1e9;
    {
        std::lock_guard lock(m_pidMutex);
        std::fill(m_pids.begin(), m_pids.end(), 0);
    }
    out.result.workersCpu = finishedCpu;
    for (Worker &w : workers) {
        out.result.workersCpu += w.cpu;
        if (w.process || w.usageSeen)
            finishedRunDelay.add(w.runDelayS);
        if (w.process && w.process->isRunning()) {
            w.process->kill();
            w.process->waitForFinished(2000);
        }
        w.feeder.reset();
    }
    // Per-task spawn pays start-up once per task: the sum is the cost; with a pool, the wait for
    // the last worker to be ready is.
    out.result.startupS = perTask ? startupSum : double(lastReady - t0) / 1e9;
    out.result.parentCpu = threadCpu() - cpu0;
    out.result.countingWaitS = finishedRunDelay.total();
    out.result.words = recorder.words();
    out.result.workerNames = recorder.workerNames();
    out.result.tasks = recorder.takeAll();
    if (out.error.isEmpty() && !out.result.cancelled && doneTasks != tasks.size())
        out.error = u"the workers stopped after %1 of %2 chunks"_s.arg(doneTasks).arg(tasks.size());
    summarizeOverhead(out.result);
    recorder.maybeReport(true);
    return out;
}

} // namespace wordrace
