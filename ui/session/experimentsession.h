#pragma once

#include "engine/runner.h"
#include "model/experiment.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>

namespace wordrace {

class RunHistory;

// The session's experiments: it runs them on its Runner and records every signal into the run
// history, so that the window, the panes and the session files observe one state instead of
// keeping their own. It also holds the display handshake: the next run starts once what the last
// one sent is drawn. No widget in here; the tests drive it headless.
class ExperimentSession : public QObject
{
    Q_OBJECT
public:
    explicit ExperimentSession(QObject *parent = nullptr);

    Runner *runner() const { return m_runner; }
    RunHistory *history() const { return m_history; }

    // Adds a history entry for the experiment and starts it; returns its row. Nothing while a run goes.
    int start(const Experiment &experiment);
    // The user's cancel (a scenario's own cancel goes to the runner).
    void cancel();
    bool isRunning() const { return m_liveRow >= 0; }
    int liveRow() const { return m_liveRow; }
    bool cancelledByUser() const { return m_userCancelled; }
    // How much of the experiment is done, 0..1, counting each mode as an equal share.
    double progress() const { return m_progress; }
    double elapsedS() const { return m_clock.isValid() ? double(m_clock.elapsed()) / 1000.0 : 0.0; }
    // Whether the display still has charts to draw: the handshake waits for them.
    void setChartsPending(std::function<bool()> pending) { m_chartsPending = std::move(pending); }

Q_SIGNALS:
    // A history entry was added for the experiment; its corpus is being prepared.
    void experimentStarted(int row);
    void prepared(int row, const QString &summary, const QStringList &warnings);
    void runStarted(int row, wordrace::Mode mode, int workers);
    void progressed(int row, const wordrace::RunProgress &progress);
    void resultAdded(int row, const wordrace::RunResult &result);
    void failed(int row, const QString &reason, wordrace::Runner::FailureKind kind);
    // The entry's state is final (done, cancelled or failed).
    void finished(int row);

private:
    bool isCurrent(quint64 job) const { return job == m_runner->currentJob() && isRunning(); }
    void onPrepared(quint64 job, const QString &summary, const QStringList &warnings);
    void onRunStarted(quint64 job, Mode mode);
    void onProgress(quint64 job, const RunProgress &progress);
    void onRunFinished(quint64 job, const RunResult &result);
    void onRunFailed(quint64 job, const QString &reason, Runner::FailureKind kind);
    void onExperimentFinished(quint64 job, bool cancelled);
    // A run's start or result is being drawn: tell the runner once it is (reportShown).
    void drawing(quint64 job);
    void reportShown();

    Runner *m_runner;
    RunHistory *m_history;
    int m_liveRow = -1;
    qsizetype m_modeIndex = 0;
    double m_progress = 0.0;
    bool m_userCancelled = false;
    QElapsedTimer m_clock;
    std::function<bool()> m_chartsPending;
    QTimer m_shownTimer;
    quint64 m_shownJob = 0;
    qint64 m_shownCount = 0; // of m_shownJob's runStarted and runFinished signals
    int m_quietTurns = 0;
};

} // namespace wordrace
