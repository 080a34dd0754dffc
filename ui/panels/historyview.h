#pragma once

#include <QListView>

namespace wordrace {

class RunHistory;

// Every run of the session, newest last: select one to see it again, two (Ctrl+click) to compare
// them side by side. selectedRows() is what the Race tab shows.
class HistoryView : public QListView
{
    Q_OBJECT
public:
    HistoryView(RunHistory *history, QWidget *parent = nullptr);
    // The selected rows, in order.
    QList<int> selectedRows() const;
    // Selects this row alone and scrolls to it.
    void selectRow(int row);

Q_SIGNALS:
    void rowsSelected();
};

} // namespace wordrace
