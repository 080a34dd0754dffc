#include "panels/historyview.h"

#include "session/runhistory.h"

#include <QItemSelectionModel>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace wordrace {

HistoryView::HistoryView(RunHistory *history, QWidget *parent) : QListView(parent)
{
    setObjectName(u"historyView"_s);
    setModel(history);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setAlternatingRowColors(true);
    setUniformItemSizes(true);
    setTextElideMode(Qt::ElideRight);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setAccessibleName(tr("Run history"));
    setToolTip(tr("Every run of this session. Select one to see it again; select two (Ctrl+click) to compare "
                  "them side by side."));
    connect(selectionModel(), &QItemSelectionModel::selectionChanged, this, &HistoryView::rowsSelected);
}

QList<int> HistoryView::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex &i : selectionModel()->selectedRows())
        rows.append(i.row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

void HistoryView::selectRow(int row)
{
    const QModelIndex index = model()->index(row, 0);
    selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Current);
    scrollTo(index);
}

} // namespace wordrace
