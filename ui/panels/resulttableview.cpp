#include "panels/resulttableview.h"

#include "session/resulttablemodel.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>

#include <algorithm>

namespace wordrace {

ResultTableView::ResultTableView(ResultTableModel *model, QWidget *parent)
    : QTableView(parent), m_model(model)
{
    setModel(model);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setCornerButtonEnabled(false);
    // Sized to the numbers after every change (see fitColumns): automatic sizing only measures
    // the rows that happen to be laid out, and squeezed "110,00..." once mid-run.
    horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    connect(model, &QAbstractItemModel::modelReset, this, &ResultTableView::fitColumns, Qt::QueuedConnection);
    connect(model, &QAbstractItemModel::rowsInserted, this, &ResultTableView::fitColumns,
            Qt::QueuedConnection);
    horizontalHeader()->setStretchLastSection(false);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    verticalHeader()->hide();
    setAccessibleName(tr("Results table"));
    setAccessibleDescription(
        tr("One row per mode: words, wall time, user, sys and total CPU time, CPU per wall "
           "time and the parent process's CPU, as the command line prints them"));
    setToolTip(
        tr("The numbers %time would print, one row per mode. Ctrl+C copies them as tab-separated text."));
}

void ResultTableView::fitColumns()
{
    resizeColumnsToContents();
}

void ResultTableView::changeEvent(QEvent *event)
{
    QTableView::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
        fitColumns();
    }
}

void ResultTableView::copy() const
{
    QList<int> rows;
    if (selectionModel()) {
        const QModelIndexList selected = selectionModel()->selectedRows();
        for (const QModelIndex &index : selected)
            rows.append(index.row());
    }
    std::sort(rows.begin(), rows.end());
    QApplication::clipboard()->setText(m_model->tsv(rows));
}

void ResultTableView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy)) {
        copy();
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

void ResultTableView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    QAction *copyAction = menu.addAction(tr("&Copy as Tab-Separated Text"), this, &ResultTableView::copy);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setEnabled(m_model->rowCount() > 0);
    menu.addAction(tr("Select &All"), this, &QTableView::selectAll);
    menu.exec(event->globalPos());
}

} // namespace wordrace
