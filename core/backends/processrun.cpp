#include "backends/processrun.h"

#include "backends/forkedworker.h"
#include "backends/ownedfd.h"
#include "backends/pipefeeder.h"
#include "backends/processbackend.h"
#include "backends/spawnedworker.h"
#include "corpus/corpus.h"
#include "corpus/taskplanner.h"
#include "engine/runrecorder.h"
#include "kernel/workerloop.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>
#include <deque>
#include <memory>

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

} // namespace

struct ProcessRun::Worker
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

ProcessRun::ProcessRun(const RunContext &context, QString workerPath, TaskCosts costs, RunResult base,
                       PidSink setPid)
    : m_context(context), m_tasks(context.plan->tasks), m_workerPath(std::move(workerPath)), m_costs(costs),
      m_setPid(std::move(setPid)), m_perTask(context.knobs.spawn == Spawn::PerTask),
      m_pipe(context.knobs.transport == Transport::Pipe), m_forking(context.knobs.start == Start::Fork),
      m_parentPid(QCoreApplication::applicationPid()),
      // A worker is given kStartupTimeoutS to start (or the user's task timeout, when longer): a
      // busy machine can take seconds to exec a worker, whatever the task timeout.
      m_startupTimeoutS(std::max(context.taskTimeoutS, ProcessBackend::kStartupTimeoutS)),
      m_cpu0(threadCpu()), m_t0(monotonicNs()),
      m_recorder(std::make_unique<RunRecorder>(context, Mode::Processes, context.workers, m_t0)),
      m_workers(std::size_t(context.workers)), m_lastReady(m_t0)
{
    m_out.result = std::move(base);
}

ProcessRun::~ProcessRun() = default;

ProcessRun::Worker &ProcessRun::worker(int w)
{
    return m_workers[std::size_t(w)];
}

BackendOutcome ProcessRun::exec()
{
    // Their first tasks go right behind the Hello, as Pool.map queues its chunks at once: a worker
    // starts counting as soon as it is up, not when its Ready has come back here. A spawned worker
    // gets them once every worker is launched: one already counting left the next one's exec
    // queued behind it on the same core for milliseconds (the scheduler keeps a just-started
    // process where it is), which tripled start-up on two cores (issue 21). A fork costs the
    // parent milliseconds of page tables per worker, which the first worker spends counting.
    for (int w = 0; w < m_context.workers; ++w) {
        launch(w);
        if (m_forking)
            dispatch(w);
    }
    for (int w = 0; w < m_context.workers && !m_forking; ++w)
        dispatch(w);
    m_ticker.setInterval(20);
    QObject::connect(&m_ticker, &QTimer::timeout, &m_loop, [this] { tick(); });
    m_ticker.start();
    if (!allFinished())
        m_loop.exec();
    m_ticker.stop();
    collect();
    return std::move(m_out);
}

bool ProcessRun::allFinished() const
{
    return std::all_of(m_workers.cbegin(), m_workers.cend(), [](const Worker &w) { return w.finished; });
}

void ProcessRun::quitIfAllFinished()
{
    if (allFinished())
        m_loop.quit();
}

QString ProcessRun::describe(int w) const
{
    const Worker &wk = m_workers[std::size_t(w)];
    const qint64 pid = wk.pid ? wk.pid : wk.launchedPid;
    return pid ? u"worker %1 (pid %2)"_s.arg(w).arg(pid) : u"worker %1"_s.arg(w);
}

void ProcessRun::stopAll()
{
    m_stopping = true;
    for (Worker &w : m_workers) {
        if (w.finished || !w.process)
            continue;
        if (w.pid)
            w.cpu = procCpu(w.pid);
        w.process->closeWriteChannel();
        w.process->kill();
    }
}

void ProcessRun::fail(const QString &why)
{
    if (m_out.error.isEmpty() && !m_stopping)
        m_out.error = why;
    stopAll();
}

void ProcessRun::sayBye(Worker &wk)
{
    if (wk.finished || wk.byeSent || !wk.process)
        return;
    wk.byeSent = true;
    wk.process->write(QByteArray::fromStdString(protocol::encodeEmpty(protocol::Type::Bye)));
    wk.process->closeWriteChannel();
}

void ProcessRun::dispatch(int w)
{
    Worker &wk = worker(w);
    // A worker that could not be launched (no pipe for it) gets nothing.
    if (m_stopping || wk.finished)
        return;
    if (wk.inFlight.empty())
        wk.lastActivityNs = monotonicNs();
    // Two tasks ahead, so that a worker never waits for the parent between tasks; short tasks
    // further ahead, as many as take kAheadNs by the tasks measured so far, so that the worker
    // can answer for many at once and the parent wakes once a batch. The time ahead is the most
    // one worker can be left holding when the others run out. (Bytes would be the wrong measure:
    // an I/O-bound task of a few bytes waits for 100 ms.)
    const std::size_t depth =
        m_perTask ? 1
                  : std::size_t(std::clamp(m_taskNs > 0 ? ProcessBackend::kAheadNs / m_taskNs : 0.0,
                                           double(ProcessBackend::kTasksInFlight),
                                           double(ProcessBackend::kMaxTasksInFlight)));
    const auto wantsMore = [this, &wk, depth] {
        return m_perTask ? wk.tasksGiven == 0 : wk.inFlight.size() < depth;
    };
    std::string batch;
    while (m_nextTask < m_tasks.size() && wantsMore()) {
        const Task &t = m_tasks[m_nextTask];
        batch += protocol::encode(protocol::Type::Task, protocol::Task{m_nextTask, t.begin, t.end});
        if (m_pipe) // as Pool.map pickles each item: the chunk's bytes themselves go down a pipe
            wk.feeder->send(m_context.corpus->bytes().substr(t.begin, t.bytes()));
        wk.inFlight.push_back(m_nextTask++);
        ++wk.tasksGiven;
    }
    if (!batch.empty())
        wk.process->write(QByteArray::fromStdString(batch));
    if (m_perTask && wk.inFlight.empty())
        sayBye(wk);
    if (m_doneTasks == m_tasks.size())
        for (Worker &other : m_workers)
            sayBye(other);
}

void ProcessRun::launch(int w)
{
    Worker &wk = worker(w);
    if (wk.process) {
        // per-task spawn: the slot's previous process is done; keep what it cost.
        m_finishedCpu += wk.cpu;
        m_finishedRunDelay.add(wk.runDelayS);
        wk.process.release()->deleteLater();
        wk = Worker{};
    }
    if (m_forking) {
        // The child runs the worker loop over this process's own corpus pages.
        const std::string_view bytes = m_context.corpus->bytes();
        const long self = long(::getpid());
        wk.process = std::make_unique<ForkedWorker>([bytes, self] { return runForkedWorker(self, bytes); });
    } else {
        wk.process = std::make_unique<SpawnedWorker>(
            m_workerPath, QStringList{u"--parent-pid"_s, QString::number(m_parentPid)});
    }
    WorkerProcess *p = wk.process.get();
    connectWorker(w, p);
    protocol::Hello hello{};
    hello.parentPid = static_cast<std::int32_t>(m_parentPid);
    hello.corpusFd = m_context.corpus->fd();
    if (m_pipe && !openDataPipe(w, hello))
        return;
    hello.corpusSize = m_context.corpus->size();
    hello.workerIndex = w;
    hello.transport = m_pipe ? 1 : 0;
    hello.ioLatencyNs = m_costs.ioLatencyNs;
    hello.workIterationsPerWord = m_costs.workIterationsPerWord;
    hello.gil = m_context.knobs.gil ? 1 : 0;
    wk.launchedNs = monotonicNs();
    p->start();
    wk.launchedPid = p->processId();
    m_setPid(w, wk.launchedPid);
    p->write(QByteArray::fromStdString(protocol::encode(protocol::Type::Hello, hello)));
}

bool ProcessRun::openDataPipe(int w, protocol::Hello &hello)
{
    Worker &wk = worker(w);
    auto ends = makePipe();
    if (!ends) {
        wk.finished = true;
        fail(u"could not create a pipe for %1: %2"_s.arg(describe(w),
                                                         QString::fromLocal8Bit(std::strerror(errno))));
        quitIfAllFinished();
        return false;
    }
    // Fewer wake-ups per chunk; the kernel may refuse, which only costs speed.
    ::fcntl(ends->second.get(), F_SETPIPE_SZ, 1 << 20);
    hello.corpusFd = ends->first.get();
    wk.dataReadEnd = std::move(ends->first);
    wk.feeder = std::make_unique<PipeFeeder>(ends->second.release());
    return true;
}

void ProcessRun::connectWorker(int w, WorkerProcess *p)
{
    // Each handler checks that the slot still runs p: with per-task spawn a slot's next process
    // may already be there when the last one's signals arrive.
    QObject::connect(p, &WorkerProcess::readyReadStandardOutput, &m_loop, [this, w, p] { readOutput(w, p); });
    QObject::connect(p, &WorkerProcess::readyReadStandardError, &m_loop, [this, w, p] { readErrors(w, p); });
    QObject::connect(
        p, &WorkerProcess::finished, &m_loop,
        [this, w, p](int exitCode, QProcess::ExitStatus status) { workerFinished(w, p, exitCode, status); });
    QObject::connect(p, &WorkerProcess::failedToStart, &m_loop, [this, w, p] { failedToStart(w, p); });
}

void ProcessRun::readOutput(int w, WorkerProcess *p)
{
    Worker &wk = worker(w);
    if (wk.process.get() != p)
        return;
    const QByteArray bytes = p->readAllStandardOutput();
    wk.decoder.append(std::string_view(bytes.constData(), std::size_t(bytes.size())));
    protocol::Decoder::Message msg;
    protocol::Decoder::Status st;
    while (!m_stopping && (st = wk.decoder.next(msg)) == protocol::Decoder::Status::Ok)
        onMessage(w, msg);
    if (!m_stopping && st == protocol::Decoder::Status::Malformed)
        fail(u"%1 sent a malformed message: %2"_s.arg(describe(w),
                                                      QString::fromStdString(wk.decoder.error())));
    // Once for the whole batch of answers: the next tasks go out in one write.
    if (wk.ready && !m_stopping)
        dispatch(w);
}

void ProcessRun::readErrors(int w, WorkerProcess *p)
{
    Worker &wk = worker(w);
    if (wk.process.get() != p)
        return;
    wk.stderrTail += p->readAllStandardError();
    if (wk.stderrTail.size() > 4096)
        wk.stderrTail = wk.stderrTail.right(4096);
}

void ProcessRun::workerFinished(int w, WorkerProcess *p, int exitCode, QProcess::ExitStatus status)
{
    Worker &wk = worker(w);
    if (wk.process.get() != p)
        return;
    const bool clean = status == QProcess::NormalExit && exitCode == 0 && wk.byeSent && wk.usageSeen;
    if (!clean && !m_stopping) {
        const QString what = status == QProcess::CrashExit ? u"was killed or crashed"_s
                                                           : u"exited with status %1"_s.arg(exitCode);
        QString where;
        // Tasks are queued behind the Hello, so a worker that never got going has some.
        if (!wk.ready) {
            where = u" before it was ready"_s;
        } else if (!wk.inFlight.empty()) {
            const Task &t = m_tasks[wk.inFlight.front()];
            where =
                u" while counting chunk %1 (bytes %2-%3)"_s.arg(wk.inFlight.front()).arg(t.begin).arg(t.end);
        }
        const QString detail = QString::fromLocal8Bit(wk.stderrTail).trimmed();
        fail(u"%1 %2%3%4"_s.arg(describe(w), what, where,
                                detail.isEmpty() ? QString() : u": "_s + detail.section(u'\n', -1)));
    }
    m_setPid(w, 0);
    if (clean && m_perTask && !m_stopping && m_nextTask < m_tasks.size()) {
        launch(w);
        dispatch(w);
        return;
    }
    wk.finished = true;
    quitIfAllFinished();
}

void ProcessRun::failedToStart(int w, WorkerProcess *p)
{
    Worker &wk = worker(w);
    if (wk.process.get() != p)
        return;
    wk.finished = true;
    fail(m_forking ? u"could not fork a worker: %1"_s.arg(p->errorString())
                   : u"could not start %1: %2"_s.arg(m_workerPath, p->errorString()));
    quitIfAllFinished();
}

void ProcessRun::onMessage(int w, const protocol::Decoder::Message &msg)
{
    switch (msg.type) {
    case protocol::Type::Ready:
        return onReady(w, msg.payload);
    case protocol::Type::Done:
        return onDone(w, msg.payload);
    case protocol::Type::Usage:
        return onUsage(w, msg.payload);
    case protocol::Type::Error:
        return fail(u"%1 failed: %2"_s.arg(describe(w), QString::fromStdString(msg.payload)));
    default:
        return fail(u"%1 sent an unexpected message (type %2)"_s.arg(describe(w)).arg(int(msg.type)));
    }
}

void ProcessRun::onReady(int w, const std::string &payload)
{
    Worker &wk = worker(w);
    protocol::Ready ready{};
    protocol::decodePayload(payload, ready);
    if (wk.ready)
        return fail(u"%1 said it was ready twice"_s.arg(describe(w)));
    wk.ready = true;
    wk.lastActivityNs = monotonicNs(); // the task timeout counts from here, not from launch
    wk.dataReadEnd.reset();            // the worker has its own now
    wk.pid = ready.pid;
    wk.readyNs = ready.readyNs;
    m_startupSum += double(ready.readyNs - wk.launchedNs) / 1e9;
    m_lastReady = std::max(m_lastReady, ready.readyNs);
    m_recorder->setWorkerName(w, m_perTask ? u"slot %1 (a new process per task)"_s.arg(w)
                                           : u"pid %1"_s.arg(wk.pid));
}

void ProcessRun::onDone(int w, const std::string &payload)
{
    Worker &wk = worker(w);
    protocol::Done done{};
    protocol::decodePayload(payload, done);
    if (wk.inFlight.empty() || wk.inFlight.front() != done.index)
        return fail(
            u"%1 answered for chunk %2, which it was not counting"_s.arg(describe(w)).arg(done.index));
    const Task &t = m_tasks[done.index];
    if (done.bytes != t.bytes())
        return fail(u"%1 counted %2 bytes of chunk %3, expected %4"_s.arg(describe(w))
                        .arg(done.bytes)
                        .arg(done.index)
                        .arg(t.bytes()));
    wk.inFlight.pop_front();
    wk.lastActivityNs = monotonicNs();
    // A moving average of what a task takes, for how far ahead to send them.
    const double took = double(std::max<std::int64_t>(done.endNs - done.startNs, 1));
    m_taskNs = m_taskNs > 0 ? 0.8 * m_taskNs + 0.2 * took : took;
    TaskRecord rec = Backend::makeRecord(done.index, w, m_recorder->secondsSince(done.startNs),
                                         m_recorder->secondsSince(done.endNs), done.words, t,
                                         TaskPhases{done.ioNs, done.gilWaitNs, done.computeNs});
    rec.transferS = double(done.transferNs) / 1e9;
    m_recorder->record(w, rec);
    ++m_doneTasks;
}

void ProcessRun::onUsage(int w, const std::string &payload)
{
    Worker &wk = worker(w);
    protocol::Usage usage{};
    protocol::decodePayload(payload, usage);
    wk.cpu = {double(usage.userUs) * 1e-6, double(usage.sysUs) * 1e-6};
    if (usage.runDelayUs >= 0)
        wk.runDelayS = double(usage.runDelayUs) * 1e-6;
    wk.usageSeen = true;
}

void ProcessRun::tick()
{
    // A worker that never answers must not hang the run: it has m_startupTimeoutS to start and the
    // task timeout to finish each task.
    if (!m_stopping && m_context.cancel && m_context.cancel->load()) {
        m_out.result.cancelled = true;
        stopAll();
    }
    const std::int64_t now = monotonicNs();
    for (int w = 0; w < m_context.workers && !m_stopping; ++w) {
        const Worker &wk = worker(w);
        if (wk.finished)
            continue;
        if (!wk.ready && double(now - wk.launchedNs) / 1e9 > m_startupTimeoutS) {
            fail(u"%1 did not start within %2 s; it was stopped"_s.arg(describe(w)).arg(m_startupTimeoutS));
        } else if (m_context.taskTimeoutS > 0 && wk.ready && !wk.inFlight.empty() &&
                   double(now - wk.lastActivityNs) / 1e9 > m_context.taskTimeoutS) {
            const Task &t = m_tasks[wk.inFlight.front()];
            fail(u"%1 did not finish chunk %2 (bytes %3-%4) within the task timeout of %5 s; it was stopped"_s
                     .arg(describe(w))
                     .arg(wk.inFlight.front())
                     .arg(t.begin)
                     .arg(t.end)
                     .arg(m_context.taskTimeoutS));
        }
    }
    m_recorder->maybeReport();
}

void ProcessRun::collect()
{
    RunResult &result = m_out.result;
    result.wallS = double(monotonicNs() - m_t0) / 1e9;
    for (int w = 0; w < m_context.workers; ++w)
        m_setPid(w, 0);
    result.workersCpu = m_finishedCpu;
    for (Worker &w : m_workers) {
        result.workersCpu += w.cpu;
        if (w.process || w.usageSeen)
            m_finishedRunDelay.add(w.runDelayS);
        if (w.process && w.process->isRunning()) {
            w.process->kill();
            w.process->waitForFinished(2000);
        }
        w.feeder.reset();
    }
    // Per-task spawn pays start-up once per task: the sum is the cost; with a pool, the wait for
    // the last worker to be ready is.
    result.startupS = m_perTask ? m_startupSum : double(m_lastReady - m_t0) / 1e9;
    result.parentCpu = threadCpu() - m_cpu0;
    result.countingWaitS = m_finishedRunDelay.total();
    result.words = m_recorder->words();
    result.workerNames = m_recorder->workerNames();
    result.tasks = m_recorder->takeAll();
    if (m_out.error.isEmpty() && !result.cancelled && m_doneTasks != m_tasks.size())
        m_out.error = u"the workers stopped after %1 of %2 chunks"_s.arg(m_doneTasks).arg(m_tasks.size());
    m_recorder->maybeReport(true);
}

} // namespace wordrace
