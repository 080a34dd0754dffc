#pragma once

#include "model/historyentry.h"

#include <QAbstractListModel>
#include <QDateTime>

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

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QList<HistoryEntry> m_entries;
    int m_next = 1;
};

} // namespace wordrace
