#pragma once

#include "model/runresult.h"

#include <QAbstractTableModel>
#include <QList>

namespace wordrace {

// The runs of one experiment as rows, with ResultTable's columns and cell text so the GUI shows
// exactly the numbers `wordrace-cli run` prints.
class ResultTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit ResultTableModel(QObject *parent = nullptr);

    void setResults(const QList<RunResult> &results);
    void appendResult(const RunResult &result);
    const QList<RunResult> &results() const { return m_results; }
    // The rows as ResultTable::tsv writes them; all rows when rows is empty.
    QString tsv(const QList<int> &rows = {}) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<RunResult> m_results;
};

} // namespace wordrace
