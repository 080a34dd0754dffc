#include "engine/runner.h"

#include "backends/backendfactory.h"
#include "corpus/corpus.h"
#include "corpus/taskplanner.h"
#include "engine/machineload.h"
#include "engine/pythoncalibration.h"
#include "engine/resourcesampler.h"
#include "io/units.h"
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
    if (isPython(result.mode))
        own.cpuS = parentUsed.total() + result.supervisedCpuS; // the interpreter counts elsewhere
    own.runnableThreads = isSequential(result.mode) ? 1 : result.workers;
    own.cores = std::max(1, QThread::idealThreadCount());
    own.countingCpuS = result.workersCpu.total();
    own.countingWaitS = result.countingWaitS;
    // This process's CPU beyond the counting threads' own (all of it when workers count elsewhere).
    own.helperCpuS =
        std::max(0.0, parentUsed.total() - (result.workersInsideParent ? result.workersCpu.total() : 0.0));
    if (isPython(result.mode))
        own.helperCpuS =
            parentUsed.total() + std::max(0.0, result.supervisedCpuS - result.workersCpu.total());
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

class Runner::Execution
{
public:
    Execution(Runner *runner, quint64 job, Experiment experiment, std::shared_ptr<std::atomic_bool> cancel,
              std::shared_ptr<Display> display)
        : m_runner(runner), m_job(job), m_experiment(std::move(experiment)), m_cancel(std::move(cancel)),
          m_display(std::move(display))
    {}

    void run()
    {
        if (!prepare())
            return;
        // An automatic count is fixed once the first round (warm-up or measured) has shown how long
        // a round takes; until then the loop goes on as if for the most runs it could choose.
        const bool autoRuns = m_experiment.runs == Experiment::kAutoRuns;
        int rounds = m_experiment.warmup + (autoRuns ? Experiment::kAutoMaxRuns : m_experiment.runs);
        for (int round = 0; round < rounds && !m_cancelled; ++round) {
            const std::int64_t roundStartNs = monotonicNs();
            // Modes interleaved within each round, so that drift on a noisy machine hits every mode alike.
            for (const Mode mode : std::as_const(m_experiment.modes)) {
                if (!runMode(mode, round))
                    return; // failed: runFailed and experimentFinished are sent
                if (m_cancelled)
                    break;
            }
            if (autoRuns && round == 0 && !m_cancelled) {
                const int runs =
                    Experiment::autoRuns(double(monotonicNs() - roundStartNs) * 1e-9, m_experiment.warmup);
                rounds = m_experiment.warmup + runs;
                post([runner = m_runner, job = m_job, runs] { Q_EMIT runner->runCountChosen(job, runs); });
            }
        }
        post([runner = m_runner, job = m_job, cancelled = m_cancelled] {
            Q_EMIT runner->experimentFinished(job, cancelled);
        });
    }

private:
    // Signals are emitted on the runner's own thread, queued, so receivers never see the engine's.
    template<typename F> void post(F &&fn)
    {
        tsanRelease(m_runner);
        QMetaObject::invokeMethod(
            m_runner,
            [runner = m_runner, fn = std::forward<F>(fn)] {
                tsanAcquire(runner);
                fn();
            },
            Qt::QueuedConnection);
    }

    void failWith(const QString &why, FailureKind kind)
    {
        post([runner = m_runner, job = m_job, why, kind] {
            Q_EMIT runner->runFailed(job, why, kind);
            Q_EMIT runner->experimentFinished(job, false);
        });
    }

    // The checks, the corpus and the one task plan every mode runs. False: it failed (said so).
    bool prepare()
    {
        if (const QString why = m_experiment.validate(); !why.isEmpty())
            return failWith(why, FailureKind::BadInput), false;
        if (const QString why = BackendFactory::refusedMode(m_experiment); !why.isEmpty())
            return failWith(why, FailureKind::BadInput), false;
        if (m_experiment.knobs.workPerWordNs == Knobs::kAutoWorkPerWord) {
            // CPython's own cost per word, measured here; the results record the figure used.
            QString why;
            const std::optional<double> ns = PythonCalibration::workPerWordNs(&why);
            if (!ns)
                return failWith(why, FailureKind::BadInput), false;
            m_experiment.knobs.workPerWordNs = *ns;
        }
        if (const QString why = BackendFactory::missingProgram(m_experiment); !why.isEmpty())
            return failWith(why, FailureKind::RunFailed), false;
        QString error;
        Corpus::Failure failure = Corpus::Failure::None;
        m_corpus = Corpus::open(m_experiment.corpus, &error, &failure, storage());
        if (!m_corpus)
            return failWith(error, failure == Corpus::Failure::BadInput ? FailureKind::BadInput
                                                                        : FailureKind::RunFailed),
                   false;
        // The emulated interpreter cost is calibrated once per process (~20 ms); do it here, so the
        // first timed run does not pay for it inside its wall time.
        if (m_experiment.knobs.workPerWordNs > 0)
            (void)TaskExecutor::iterationsPerNs();
        if (m_corpus->size() == 0)
            m_warnings << u"the corpus is empty: 0 words"_s;
        else if (!m_corpus->isGenerated() && m_corpus->looksBinary())
            m_warnings << u"%1 does not look like text; counting its bytes anyway"_s.arg(
                m_experiment.corpus.displayName());
        return true;
    }

    // A generated corpus is a memfd in huge pages where the kernel allows, whichever modes run:
    // exec'd workers map it with 512 times fewer page-table entries, and every mode reads it with
    // fewer TLB misses, so that sequential or threads measure the same whether or not processes
    // are in the experiment (in small pages alone they were slower: issue 21). Forked workers
    // inherit anonymous memory (which can be in huge pages too). Every mode counts the same corpus.
    Corpus::Storage storage() const
    {
        // CPython opens the corpus through its descriptor: keep one.
        const bool python = std::any_of(m_experiment.modes.cbegin(), m_experiment.modes.cend(), isPython);
        if (m_experiment.modes.contains(Mode::Processes) && m_experiment.knobs.start == Start::Fork &&
            !python)
            return Corpus::Storage::Inherited;
        return Corpus::Storage::SharedHuge;
    }

    // One plan for every mode: the same tasks, so that the modes differ only in how they run them.
    // Its default chunk is Pool.map's for the parallel modes' workers (sequential runs it in order).
    // Made before the first run; the corpus summary goes out with it.
    bool planOnce()
    {
        if (m_plan)
            return true;
        QString error;
        m_plan = TaskPlanner::plan(*m_corpus, m_experiment.workers, m_experiment.chunkLines, &error);
        if (!m_plan)
            return failWith(error, FailureKind::BadInput), false;
        QString summary =
            QCoreApplication::translate("wordrace::Runner", "%1: %2 bytes, %3 lines, prepared in %4 s")
                .arg(m_experiment.corpus.displayName(), Units::count(m_corpus->size()),
                     Units::count(m_plan->totalLines), Units::decimal(m_corpus->prepareSeconds(), 3));
        if (m_corpus->inHugePages())
            summary += QCoreApplication::translate("wordrace::Runner",
                                                   " (in 2 MiB pages, for the worker processes)");
        if (m_plan->splitLines > 0)
            m_warnings << QCoreApplication::translate(
                              "wordrace::Runner", "%1 line(s) longer than a task were split at whitespace")
                              .arg(m_plan->splitLines);
        post([runner = m_runner, job = m_job, summary, warnings = m_warnings] {
            Q_EMIT runner->experimentPrepared(job, summary, warnings);
        });
        return true;
    }

    // Waits until the display has drawn every signal sent so far (or gives up after its timeout).
    void waitForDisplay()
    {
        if (!m_display || m_eventsSent == 0)
            return;
        std::unique_lock lock(m_display->mutex);
        m_display->changed.wait_for(lock, m_display->timeout,
                                    [&] { return m_display->shown >= m_eventsSent || m_cancel->load(); });
    }

    // One run of one mode. False: the experiment failed (said so); a cancel sets m_cancelled.
    bool runMode(Mode mode, int round)
    {
        waitForDisplay();
        if (m_cancel->load()) {
            m_cancelled = true;
            return true;
        }
        if (!planOnce())
            return false;
        post([runner = m_runner, job = m_job, mode] { Q_EMIT runner->runStarted(job, mode); });
        ++m_eventsSent;
        // The window lays out the new run's lanes now; not while this run's workers start. A
        // cancel meanwhile ends the run at once, as a cancelled run.
        waitForDisplay();
        const bool warmup = round < m_experiment.warmup;
        BackendOutcome outcome = measure(mode, warmup);
        if (!outcome.error.isEmpty()) {
            if (m_cancel->load()) {
                m_cancelled = true;
                return true;
            }
            failWith(outcome.error, outcome.badInput ? FailureKind::BadInput : FailureKind::RunFailed);
            return false;
        }
        RunResult &result = outcome.result;
        result.repetition = round - m_experiment.warmup;
        if (result.cancelled)
            m_cancelled = true;
        // A warm-up run is not measured, unless it is all there will be of a cancelled experiment.
        if (!warmup || result.cancelled) {
            post([runner = m_runner, job = m_job, result] { Q_EMIT runner->runFinished(job, result); });
            ++m_eventsSent;
        }
        return true;
    }

    // The backend's run, with the cores and the memory sampled under it and the machine's load
    // read at both ends.
    BackendOutcome measure(Mode mode, bool warmup)
    {
        const int workers = isSequential(mode) ? 1 : m_experiment.workers;
        RunContext context;
        context.corpus = m_corpus.get();
        context.plan = &*m_plan;
        context.workers = workers;
        context.cancel = m_cancel;
        context.workerPath = m_experiment.workerPath;
        context.taskTimeoutS = m_experiment.taskTimeoutS;
        context.knobs = m_experiment.knobs;
        context.cluster = m_experiment.cluster;
        context.progress = [this](const RunProgress &p) {
            post([runner = m_runner, job = m_job, p] { Q_EMIT runner->progressChanged(job, p); });
        };

        const std::unique_ptr<Backend> backend = BackendFactory::create(mode);
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
        if (!outcome.error.isEmpty())
            return outcome;
        RunResult &result = outcome.result;
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
        return outcome;
    }

    Runner *const m_runner;
    const quint64 m_job;
    Experiment m_experiment; // read only once prepare() has resolved --work-per-word auto
    const std::shared_ptr<std::atomic_bool> m_cancel;
    const std::shared_ptr<Display> m_display;
    std::unique_ptr<Corpus> m_corpus;
    std::optional<TaskPlan> m_plan;
    QStringList m_warnings;
    qint64 m_eventsSent = 0; // runStarted and runFinished signals, as the display counts them
    bool m_cancelled = false;
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
        Execution(this, job, experiment, cancelFlag, display).run();
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

} // namespace wordrace
