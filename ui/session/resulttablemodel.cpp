#include "session/resulttablemodel.h"

#include "analysis/plausibility.h"

#include "charts/theme.h"
#include "io/resulttable.h"

#include <QColor>

using namespace Qt::StringLiterals;

namespace wordrace {

ResultTableModel::ResultTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void ResultTableModel::setResults(const QList<RunResult> &results)
{
    beginResetModel();
    m_results = results;
    endResetModel();
}

void ResultTableModel::appendResult(const RunResult &result)
{
    beginInsertRows({}, int(m_results.size()), int(m_results.size()));
    m_results.append(result);
    endInsertRows();
}

QString ResultTableModel::tsv(const QList<int> &rows) const
{
    if (rows.isEmpty())
        return ResultTable::tsv(m_results);
    QList<RunResult> picked;
    for (int row : rows)
        if (row >= 0 && row < m_results.size())
            picked.append(m_results.at(row));
    return ResultTable::tsv(picked);
}

int ResultTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_results.size());
}

int ResultTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(ResultTable::ColumnCount);
}

QVariant ResultTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RunResult &run = m_results.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        if (index.column() == ResultTable::ModeColumn && !run.warnings.isEmpty())
            return role == Qt::DisplayRole
                       ? ResultTable::cell(run, index.column(), ResultTable::Style::Readable) + u" ⚠"_s
                       : tr("%1, with warnings")
                             .arg(ResultTable::cell(run, index.column(), ResultTable::Style::Readable));
        return ResultTable::cell(run, index.column(), ResultTable::Style::Readable);
    case Qt::ForegroundRole:
        if (index.column() == ResultTable::ModeColumn && !run.warnings.isEmpty())
            return Theme::warningColor();
        return {};
    case Qt::ToolTipRole:
        if (!run.warnings.isEmpty()) {
            QStringList lines;
            for (const RunWarning &w : run.warnings)
                lines << u"⚠ %1: %2"_s.arg(Plausibility::kindText(w.kind), w.message);
            return lines.join(u"\n\n"_s);
        }
        if (index.column() == ResultTable::CpuPerWall)
            return tr("CPU time divided by wall time: how many cores were busy on average");
        if (index.column() == ResultTable::ParentCpu)
            return run.workersInsideParent
                       ? tr("CPU of the WordRace process itself; its threads did all the work, so this is "
                            "all "
                            "the CPU")
                       : tr("CPU of the WordRace process only, what %time reports: the worker processes' CPU "
                            "is not in it");
        return {};
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(index.column() == ResultTable::ModeColumn
                                       ? Qt::AlignLeft | Qt::AlignVCenter
                                       : Qt::AlignRight | Qt::AlignVCenter);
    case Qt::DecorationRole:
        if (index.column() == ResultTable::ModeColumn)
            return Theme::modeColor(run.mode);
        return {};
    case Qt::UserRole:
        return int(run.mode);
    default:
        return {};
    }
}

QVariant ResultTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole && section >= 0 && section < m_results.size())
            return section + 1;
        return {};
    }
    if (section < 0 || section >= ResultTable::ColumnCount)
        return {};
    if (role == Qt::DisplayRole)
        return ResultTable::displayHeader(section);
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(section == ResultTable::ModeColumn ? Qt::AlignLeft | Qt::AlignVCenter
                                                                      : Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

} // namespace wordrace
