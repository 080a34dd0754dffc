#include "engine/runner.h"

#include "backends/backend.h"
#include "backends/clusterbackend.h"
#include "backends/processbackend.h"
#include "corpus/corpus.h"
#include "corpus/taskplanner.h"
#include "engine/machineload.h"
#include "engine/resourcesampler.h"
#include "kernel/taskexecutor.h"
#include "kernel/tsanannotations.h"

#include <QCoreApplication>
#include <QLocale>
#include <QThread>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

// How much of the machine other programs took while the run went, said on the run when it was
// enough to lengthen its times.
void noteMachineLoad(RunResult &result, const MachineLoad &before, const MachineLoad &after,
                     const CpuTimes &parentUsed)
{
    OwnUse own;
    own.wallS = result.wallS;
    own.cpuS = parentUsed.total() + (result.workersInsideParent ? 0.0 : result.workersCpu.total());
    own.runnableThreads = result.mode == Mode::Sequential ? 1 : result.workers;
    own.cores = std::max(1, QThread::idealThreadCount());
    own.countingCpuS = result.workersCpu.total();
    own.countingWaitS = result.countingWaitS;
    // This process's CPU beyond the counting threads' own (all of it when workers count elsewhere).
    own.helperCpuS =
        std::max(0.0, parentUsed.total() - (result.workersInsideParent ? result.workersCpu.total() : 0.0));
    const LoadVerdict v = judgeLoad(before, after, own);
    if (v.othersMeasured)
        result.othersCores = v.othersCores;
    if (v.waitMeasured)
        result.cpuWaitShare = v.waitShare;
    if (const auto w = busyMachineWarning(v, own))
        result.warnings.append(*w);
}

} // namespace

// How many of the job's runStarted and runFinished signals the display has drawn, shared between
// the GUI thread and the runner's.
struct Runner::Display
{
    explicit Display(int timeoutMs) : timeout(timeoutMs) {}
    const std::chrono::milliseconds timeout;
    std::mutex mutex;
    std::condition_variable changed;
    qint64 shown = 0;
};

Runner::Runner(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<wordrace::RunResult>();
    qRegisterMetaType<wordrace::RunProgress>();
}

Runner::~Runner()
{
    cancel();
    wait();
}

quint64 Runner::start(const Experiment &experiment)
{
    cancel();
    wait();
    const quint64 job = ++m_job;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    auto cancelFlag = m_cancel;
    m_display = m_displayWaitMs > 0 ? std::make_shared<Display>(m_displayWaitMs) : nullptr;
    m_thread.reset(QThread::create([this, job, experiment, cancelFlag, display = m_display] {
        execute(job, experiment, cancelFlag, display);
        tsanRelease(this); // everything the run did, handed to whoever wait()s for it
    }));
    m_thread->setObjectName(u"wordrace-runner"_s);
    m_thread->start();
    Q_EMIT experimentStarted(job);
    return job;
}

void Runner::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
    if (m_display) {
        // Under the lock, so that a runner thread about to wait sees the flag or gets the wake-up.
        const std::lock_guard lock(m_display->mutex);
        m_display->changed.notify_all();
    }
}

void Runner::shown(quint64 job, qint64 count)
{
    if (job != m_job || !m_display)
        return;
    const std::lock_guard lock(m_display->mutex);
    m_display->shown = std::max(m_display->shown, count);
    m_display->changed.notify_all();
}

bool Runner::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void Runner::wait()
{
    if (m_thread) {
        m_thread->wait();
        tsanAcquire(this);
    }
}

void Runner::execute(quint64 job, Experiment experiment, std::shared_ptr<std::atomic_bool> cancel,
                     std::shared_ptr<Display> display)
{
    // Signals are emitted on this object's own thread, queued, so receivers never see the
    // engine's thread.
    auto post = [this](auto &&fn) {
        tsanRelease(this);
        QMetaObject::invokeMethod(
            this,
            [this, fn = std::forward<decltype(fn)>(fn)] {
                tsanAcquire(this);
                fn();
            },
            Qt::QueuedConnection);
    };
    auto failWith = [&](const QString &why, FailureKind kind) {
        post([this, job, why, kind] {
            Q_EMIT runFailed(job, why, kind);
            Q_EMIT experimentFinished(job, false);
        });
    };

    if (const QString why = experiment.validate(); !why.isEmpty())
        return failWith(why, FailureKind::BadInput);
    // Forked workers run this program's own copy of the worker loop: no wordrace-worker needed.
    const bool forking = experiment.knobs.start == Start::Fork;
    if (experiment.modes.contains(Mode::Processes) && !forking) {
        const QString why =
            ProcessBackend::checkWorker(ProcessBackend::resolveWorkerPath(experiment.workerPath));
        if (!why.isEmpty())
            return failWith(why, FailureKind::RunFailed);
    }
    if (experiment.modes.contains(Mode::Cluster))
        if (const QString why = ClusterBackend::checkAvailable(experiment.cluster); !why.isEmpty())
            return failWith(why, FailureKind::RunFailed);

    QString error;
    Corpus::Failure failure = Corpus::Failure::None;
    // Exec'd workers map a generated corpus through its memfd, in huge pages where the kernel
    // allows; forked ones inherit its pages, which then can be huge ones. Piped workers never map
    // it. Every mode of the experiment counts the same corpus.
    const bool withProcesses = experiment.modes.contains(Mode::Processes);
    Corpus::Storage storage = Corpus::Storage::Shared;
    if (withProcesses && forking)
        storage = Corpus::Storage::Inherited;
    else if (withProcesses && experiment.knobs.transport == Transport::Shared)
        storage = Corpus::Storage::SharedHuge;
    const std::unique_ptr<Corpus> corpus = Corpus::open(experiment.corpus, &error, &failure, storage);
    if (!corpus)
        return failWith(error, failure == Corpus::Failure::BadInput ? FailureKind::BadInput
                                                                    : FailureKind::RunFailed);

    // The emulated interpreter cost is calibrated once per process (~20 ms); do it here, so the
    // first timed run does not pay for it inside its wall time.
    if (experiment.knobs.workPerWordNs > 0)
        (void)TaskExecutor::iterationsPerNs();

    QStringList warnings;
    if (corpus->size() == 0)
        warnings << u"the corpus is empty: 0 words"_s;
    else if (!corpus->isGenerated() && corpus->looksBinary())
        warnings << u"%1 does not look like text; counting its bytes anyway"_s.arg(
            experiment.corpus.displayName());

    bool cancelled = false;
    bool preparedSent = false;
    // One plan for every mode: the same tasks, so that the modes differ only in how they run them.
    // Its default chunk is Pool.map's for the parallel modes' workers (sequential runs it in order).
    std::optional<TaskPlan> sharedPlan;
    qint64 eventsSent = 0; // runStarted and runFinished signals, as the display counts them
    // Waits until the display has drawn every signal sent so far (or gives up after its timeout).
    const auto waitForDisplay = [&] {
        if (!display || eventsSent == 0)
            return;
        std::unique_lock lock(display->mutex);
        display->changed.wait_for(lock, display->timeout,
                                  [&] { return display->shown >= eventsSent || cancel->load(); });
    };
    // An automatic count is fixed once the first round (warm-up or measured) has shown how long a
    // round takes; until then the loop goes on as if for the most runs it could choose.
    const bool autoRuns = experiment.runs == Experiment::kAutoRuns;
    int rounds = experiment.warmup + (autoRuns ? Experiment::kAutoMaxRuns : experiment.runs);
    for (int round = 0; round < rounds && !cancelled; ++round) {
        const bool warmup = round < experiment.warmup;
        const std::int64_t roundStartNs = monotonicNs();
        // Modes interleaved within each round, so that drift on a noisy machine hits every mode alike.
        for (const Mode mode : std::as_const(experiment.modes)) {
            waitForDisplay();
            if (cancel->load()) {
                cancelled = true;
                break;
            }
            const int workers = mode == Mode::Sequential ? 1 : experiment.workers;
            if (!sharedPlan) {
                sharedPlan = TaskPlanner::plan(*corpus, experiment.workers, experiment.chunkLines, &error);
                if (!sharedPlan)
                    return failWith(error, FailureKind::BadInput);
            }
            const TaskPlan &plan = *sharedPlan;
            if (!preparedSent) {
                preparedSent = true;
                const QLocale c(QLocale::English);
                QString summary = u"%1: %2 bytes, %3 lines, prepared in %4 s"_s.arg(
                    experiment.corpus.displayName(), c.toString(qulonglong(corpus->size())),
                    c.toString(qulonglong(plan.totalLines)),
                    QString::number(corpus->prepareSeconds(), 'f', 3));
                if (corpus->inHugePages())
                    summary += u" (in 2 MiB pages, for the worker processes)"_s;
                if (plan.splitLines > 0)
                    warnings << u"%1 line(s) longer than a task were split at whitespace"_s.arg(
                        plan.splitLines);
                post([this, job, summary, warnings] { Q_EMIT experimentPrepared(job, summary, warnings); });
            }
            post([this, job, mode] { Q_EMIT runStarted(job, mode); });
            ++eventsSent;
            // The window lays out the new run's lanes now; not while this run's workers start. A
            // cancel meanwhile ends the run at once, as a cancelled run.
            waitForDisplay();

            RunContext context;
            context.corpus = corpus.get();
            context.plan = &plan;
            context.workers = workers;
            context.cancel = cancel;
            context.workerPath = experiment.workerPath;
            context.taskTimeoutS = experiment.taskTimeoutS;
            context.knobs = experiment.knobs;
            context.cluster = experiment.cluster;
            context.progress = [&](const RunProgress &p) {
                post([this, job, p] { Q_EMIT progressChanged(job, p); });
            };

            const std::unique_ptr<Backend> backend = Backend::create(mode);
            const Backend *watched = backend.get();
            const bool processes = watched->hasWorkerProcesses();
            // The cores and the memory under the timeline, sampled on a thread of its own. Memory
            // series: this process (it holds the threads, and the corpus), then each worker process.
            const qint64 self = QCoreApplication::applicationPid();
            ResourceSampler sampler([watched, processes, self, workers] {
                std::vector<qint64> pids{self};
                if (processes) {
                    std::vector<qint64> w = watched->workerPids();
                    w.resize(std::size_t(workers), 0);
                    pids.insert(pids.end(), w.begin(), w.end());
                }
                return pids;
            });
            // WORDRACE_SAMPLER=off: runs without sampling, to measure what sampling costs. Warm-up
            // runs are not sampled: their results are dropped.
            const bool sampling = !warmup && qEnvironmentVariable("WORDRACE_SAMPLER") != u"off";
            if (sampling)
                sampler.start();
            const MachineLoad loadBefore = MachineLoad::now();
            const CpuTimes ownBefore = processCpu();
            const std::int64_t sampleOrigin = monotonicNs();
            BackendOutcome outcome = backend->run(context);
            const CpuTimes ownUsed = processCpu() - ownBefore;
            const MachineLoad loadAfter = MachineLoad::now();
            // The process backend tells its exact start; the others start within microseconds of
            // sampleOrigin, well below one sampling interval.
            const std::int64_t origin = watched->runStartNs() > 0 ? watched->runStartNs() : sampleOrigin;
            ResourceSampler::Samples samples = sampling ? sampler.stop(origin) : ResourceSampler::Samples{};
            if (!outcome.error.isEmpty()) {
                if (cancel->load()) {
                    cancelled = true;
                    break;
                }
                return failWith(outcome.error,
                                outcome.badInput ? FailureKind::BadInput : FailureKind::RunFailed);
            }
            RunResult result = std::move(outcome.result);
            result.repetition = round - experiment.warmup;
            if (sampling) {
                result.samples = std::move(samples.samples);
                result.peakMemoryBytes = samples.peakMemoryBytes;
                result.memoryIsPss = samples.memoryIsPss;
                result.samplerCpuS = samples.samplerCpuS;
                result.memoryNames = {processes ? u"parent"_s : u"process"_s};
                if (processes)
                    for (int w = 0; w < workers; ++w)
                        result.memoryNames.append(result.workerNames.value(w, u"worker %1"_s.arg(w)));
            }
            noteMachineLoad(result, loadBefore, loadAfter, ownUsed);
            if (result.cancelled)
                cancelled = true;
            // A warm-up run is not measured, unless it is all there will be of a cancelled experiment.
            if (!warmup || result.cancelled) {
                post([this, job, result] { Q_EMIT runFinished(job, result); });
                ++eventsSent;
            }
            if (cancelled)
                break;
        }
        if (autoRuns && round == 0 && !cancelled) {
            const int runs =
                Experiment::autoRuns(double(monotonicNs() - roundStartNs) * 1e-9, experiment.warmup);
            rounds = experiment.warmup + runs;
            post([this, job, runs] { Q_EMIT runCountChosen(job, runs); });
        }
    }
    post([this, job, cancelled] { Q_EMIT experimentFinished(job, cancelled); });
}

} // namespace wordrace
