#pragma once

#include "model/experiment.h"
#include "model/runprogress.h"
#include "model/runresult.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace wordrace {

// One press of Run: the experiment and whatever its modes produced. The app's history holds these
// and a session file keeps the ended ones (every field but the live ones).
// A scenario's verdict as the window showed it: kept with the entry of the scenario's last
// experiment, saved in the session, and shown again when that entry is selected (the zombie
// scenario's verdict rests on process ids that a reloaded session could not recompute).
struct ScenarioNote
{
    QString title;       // "Cleaning up zombies — ps ux | grep ipykernel ..."
    QString question;    // with the class's prediction, when one was made
    QString verdict;     // "Measured: no, none is left — your prediction was right."
    QString explanation; // the measured numbers
    bool operator==(const ScenarioNote &) const = default;
};

struct HistoryEntry
{
    enum class State
    {
        Running, // never in a session file
        Done,
        Cancelled,
        Failed
    };

    int number = 0; // the history's "#N"
    QDateTime started;
    Experiment experiment;
    QList<RunResult> results;
    State state = State::Running;
    QString failure;
    QString summary; // the engine's note on the corpus and plan
    std::optional<ScenarioNote> scenario;
    // The mode under way and every task it finished so far, so the entry can be shown again
    // mid-run: the latest progress, and the tasks of every progress in the order they came (each
    // batch shared with the progress that brought it, not copied).
    std::optional<RunProgress> live;
    QList<QList<TaskRecord>> liveBatches;
    int liveWorkers = 1;

    bool hasEnded() const { return state != State::Running; }
    // "#3 lesson x10,000 · 2 workers", with the conditions when there are any.
    QString title() const;
    // What the status bar says at the experiment's end: done, doubtful (⚠ and why), cancelled, failed.
    QString endingText() const;
};

} // namespace wordrace
