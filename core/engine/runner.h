#pragma once

#include "model/experiment.h"
#include "model/runprogress.h"
#include "model/runresult.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <memory>

namespace wordrace {

// Runs an Experiment off the calling thread, one mode after the other, and reports through
// queued signals. Every start() gets a new job id that every signal carries, so a receiver can
// drop what belongs to a run it no longer shows (as hotspot's JobTracker does).
class Runner : public QObject
{
    Q_OBJECT
public:
    explicit Runner(QObject *parent = nullptr);
    ~Runner() override;

    // Starts the experiment and returns its job id. A run still going is cancelled first.
    quint64 start(const Experiment &experiment);
    void cancel();
    bool isRunning() const;
    quint64 currentJob() const { return m_job; }
    // Blocks until the current run has ended (for tests and the CLI's shutdown).
    void wait();
    // For a display: each run starts only once shown() says that every runStarted and runFinished
    // signal sent so far is drawn, its own runStarted included (at most timeoutMs each time), so
    // that drawing does not compete with the run's workers for the cores. 0, the default, does not
    // wait: the CLI draws nothing. Read at start().
    void setDisplayWait(int timeoutMs) { m_displayWaitMs = std::max(0, timeoutMs); }
    // count: how many of job's runStarted and runFinished signals the display has drawn.
    void shown(quint64 job, qint64 count);

    enum class FailureKind
    {
        BadInput,
        RunFailed
    };
    Q_ENUM(FailureKind)

Q_SIGNALS:
    // From start(), on its caller's thread: the experiment's corpus is being prepared.
    void experimentStarted(quint64 job);
    void runStarted(quint64 job, wordrace::Mode mode);
    void progressChanged(quint64 job, const wordrace::RunProgress &progress);
    void runFinished(quint64 job, const wordrace::RunResult &result);
    // The experiment could not run or a run failed; nothing after it runs.
    void runFailed(quint64 job, const QString &reason, wordrace::Runner::FailureKind kind);
    // Every mode ran, or the experiment was cancelled or failed.
    void experimentFinished(quint64 job, bool cancelled);
    // Set-up facts worth showing once per experiment: corpus preparation, plan, warnings.
    void experimentPrepared(quint64 job, const QString &summary, const QStringList &warnings);
    // An automatic run count (Experiment::kAutoRuns) was fixed after the first round: runs measured
    // runs of each mode in all.
    void runCountChosen(quint64 job, int runs);

private:
    struct Display;
    // One experiment on the runner's thread: preparation, rounds, runs (runner.cpp).
    class Execution;

    quint64 m_job = 0;
    std::unique_ptr<QThread> m_thread;
    std::shared_ptr<std::atomic_bool> m_cancel;
    std::shared_ptr<Display> m_display;
    int m_displayWaitMs = 0;
};

} // namespace wordrace
