#pragma once

#include "analysis/scenario.h"
#include "model/runresult.h"

#include <QList>
#include <QObject>
#include <QTimer>

#include <optional>

namespace wordrace {

// Runs a scenario's experiments one after the other and reads its verdict, the zombie scenario's
// cancel half-way and its look for workers left behind included. The experiments run wherever its
// client runs them (the CLI on a Runner of its own, the app through its session, which keeps them
// in the history): the runner asks for each one (experimentRequested), is told when it started and
// how it ended, and may ask for it to be cancelled (cancelRequested).
class ScenarioRunner : public QObject
{
    Q_OBJECT
public:
    enum class Ending
    {
        Done,
        Cancelled, // by the user or by the scenario itself (zombies)
        Failed
    };

    explicit ScenarioRunner(QObject *parent = nullptr);

    // Starts the first experiment: experimentRequested follows at once (not queued).
    void start(const Scenario &scenario);
    bool isRunning() const { return m_scenario.has_value(); }
    const std::optional<Scenario> &scenario() const { return m_scenario; }
    // Ends the scenario with no verdict and no signal (the user ran something else).
    void abandon();

    // The client's reports on the experiment it was asked for: its first run started (its workers
    // may exist now), then its end, with the runs it measured.
    void experimentStarted();
    void experimentEnded(const QList<RunResult> &results, Ending ending, const QString &failure,
                         bool cancelledByUser);

Q_SIGNALS:
    void experimentRequested(const wordrace::Experiment &experiment, int index, int count);
    void cancelRequested();
    // Every experiment ran: the verdict, and every run of the scenario.
    void verdictReady(const wordrace::Verdict &verdict, const QList<wordrace::RunResult> &results);
    // A failure or the user's cancel ended it: no verdict. why says which.
    void stopped(const QString &why, wordrace::ScenarioRunner::Ending ending);

private:
    void requestNext();
    void watchWorkers();
    void finish();

    std::optional<Scenario> m_scenario;
    qsizetype m_next = 0;
    QList<RunResult> m_results;
    QList<qint64> m_workerPids; // the zombie scenario's workers, seen while it ran
    QTimer m_zombieWatch;
    QTimer m_zombieCancel;
};

} // namespace wordrace
