#pragma once

#include <QTableView>

namespace wordrace {

class ResultTableModel;

// The results table: Ctrl+C and the context menu copy the selected rows (or all) as TSV, ready
// to paste into a spreadsheet.
class ResultTableView : public QTableView
{
    Q_OBJECT
public:
    explicit ResultTableView(ResultTableModel *model, QWidget *parent = nullptr);

    void copy() const;
    void fitColumns();

protected:
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    ResultTableModel *m_model;
};

} // namespace wordrace
