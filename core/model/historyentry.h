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
