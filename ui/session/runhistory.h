#pragma once

#include "model/historyentry.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QHash>
#include <QPixmap>

namespace wordrace {

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

    // A day of experiments must not grow without bound: the newest kWholeEntries experiments (and
    // at most kDetailBudget bytes of them, the newest always) keep every task and sample; older
    // ones keep their figures and let their timelines go (RunResult::detailDropped). Returns the
    // task lists let go, for the caller to free off the GUI thread.
    QList<QList<TaskRecord>> boundDetail(int wholeEntries = kWholeEntries, qint64 budget = kDetailBudget);
    static constexpr int kWholeEntries = 50;
    static constexpr qint64 kDetailBudget = qint64(512) << 20;
    // What the app says of an experiment whose detail went.
    static QString droppedNote();
    // The memory an entry's tasks and samples hold, roughly.
    static qint64 detailBytes(const HistoryEntry &entry);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QList<HistoryEntry> m_entries;
    int m_next = 1;
    mutable QHash<QString, QPixmap> m_swatches; // by the modes that ran
};

} // namespace wordrace
