#pragma once

#include "analysis/sweep.h"
#include "engine/runner.h"
#include "model/experiment.h"

#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace wordrace {

// Drives a sweep: its experiments one after the other on a Runner, so the counting happens off the
// calling thread and nothing here blocks an event loop. Every start() gets a job id of its own that
// every signal carries; the Runner's signals of an earlier sweep are dropped here already, so a
// cancelled sweep's late results never reach a receiver. The CLI's `sweep` and the app's Scaling tab
// both run through it, so they measure the same points in the same order.
class SweepRunner : public QObject
{
    Q_OBJECT
public:
    explicit SweepRunner(QObject *parent = nullptr);
    ~SweepRunner() override;

    // One experiment per worker count; sequential runs once, beside the first count, so that it is
    // interleaved with the parallel modes as the Runner interleaves modes.
    static QList<Experiment> workersPlan(const Experiment &base, const QList<int> &counts);
    // One experiment per corpus, each with sequential: the baseline changes with the size.
    static QList<Experiment> sizesPlan(const Experiment &base, const QList<CorpusSpec> &sizes);
    // "1,2,4,8": whole numbers >= 1, sorted, repeats dropped. The reason names no option, so that
    // the CLI and the app can each say where the list came from.
    static std::optional<QList<int>> parseWorkerCounts(const QString &text, QString *error);
    // "lesson:1000,lesson:100000", or plain REPEAT values of `base`'s built-in corpus.
    static std::optional<QList<CorpusSpec>> parseSizes(const QString &text, const CorpusSpec &base,
                                                       QString *error);

    // Starts the plan and returns its job id; a sweep still going is cancelled first (and reports
    // sweepFinished as cancelled at once). The plan must be valid (Experiment::validate()).
    quint64 start(Sweep::Kind kind, const QList<Experiment> &plan);
    void cancel();
    bool isRunning() const { return m_running; }
    quint64 currentJob() const { return m_job; }
    // Blocks until the engine's thread is idle (for shutdown and tests).
    void wait();
    // Puts a sweep read from a session file in place of the last one, as if it had just ended;
    // false while a sweep runs.
    bool restore(Sweep::Kind kind, const QList<RunResult> &results);

    Sweep::Kind kind() const { return m_kind; }
    const QList<Experiment> &plan() const { return m_plan; }
    // The current or last sweep's finished runs, cancelled ones included (Sweep leaves them out).
    const QList<RunResult> &results() const { return m_results; }
    // Measured runs the plan makes over all its points.
    int totalRuns() const;
    // The analysis of the results so far.
    Sweep sweep(int logicalCpus) const;

Q_SIGNALS:
    // Point `point` (from 0) of `points` starts: plan()[point].
    void pointStarted(quint64 job, int point, int points);
    void experimentPrepared(quint64 job, const QString &summary, const QStringList &warnings);
    void runStarted(quint64 job, int point, wordrace::Mode mode);
    void progressChanged(quint64 job, const wordrace::RunProgress &progress);
    void runFinished(quint64 job, const wordrace::RunResult &result);
    // A point could not run or a run failed; the sweep stops there.
    void runFailed(quint64 job, const QString &reason, wordrace::Runner::FailureKind kind);
    // Every point ran, or the sweep was cancelled or failed.
    void sweepFinished(quint64 job, bool cancelled);

private:
    void startPoint();
    void finish(bool cancelled);
    void onExperimentFinished(quint64 runnerJob, bool cancelled);

    Runner *m_runner;
    quint64 m_job = 0;
    quint64 m_runnerJob = 0;
    Sweep::Kind m_kind = Sweep::Kind::Workers;
    QList<Experiment> m_plan;
    QList<RunResult> m_results;
    qsizetype m_point = 0;
    bool m_running = false;
    bool m_cancelled = false;
    bool m_failed = false;
};

} // namespace wordrace
