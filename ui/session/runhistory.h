#pragma once

#include "model/experiment.h"
#include "model/runprogress.h"
#include "model/runresult.h"

#include <QAbstractListModel>
#include <QDateTime>

#include <optional>

namespace wordrace {

// One press of Run: the experiment and whatever its modes produced.
struct HistoryEntry
{
    enum class State
    {
        Running,
        Done,
        Cancelled,
        Failed
    };

    int number = 0;
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

    QString title() const;
    // What the status bar says at the experiment's end: done, doubtful (⚠ and why), cancelled, failed.
    QString endingText() const;
};

// Every experiment run in this session, newest last.
class RunHistory : public QAbstractListModel
{
    Q_OBJECT
public:
    explicit RunHistory(QObject *parent = nullptr);

    // Appends a running entry and returns its row.
    int add(const Experiment &experiment);
    const HistoryEntry &entry(int row) const { return m_entries.at(row); }
    HistoryEntry &entry(int row) { return m_entries[row]; }
    int count() const { return int(m_entries.size()); }
    // Call after changing an entry so views repaint it.
    void touch(int row);
    // Replaces every entry (a session opened from a file); new entries are numbered after them.
    void replace(const QList<HistoryEntry> &entries);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QList<HistoryEntry> m_entries;
    int m_next = 1;
};

} // namespace wordrace
