#include "session/runhistory.h"
#include "io/units.h"

#include "analysis/plausibility.h"
#include "charts/theme.h"

#include <QPainter>
#include <QPixmap>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace wordrace {

RunHistory::RunHistory(QObject *parent) : QAbstractListModel(parent) {}

int RunHistory::add(const Experiment &experiment)
{
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    HistoryEntry e;
    e.number = m_next++;
    e.started = QDateTime::currentDateTime();
    e.experiment = experiment;
    m_entries.append(e);
    endInsertRows();
    return row;
}

void RunHistory::replace(const QList<HistoryEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    m_next = 1;
    for (const HistoryEntry &e : entries)
        m_next = std::max(m_next, e.number + 1);
    endResetModel();
}

void RunHistory::touch(int row)
{
    if (row < 0 || row >= m_entries.size())
        return;
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i);
}

int RunHistory::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant RunHistory::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HistoryEntry &e = m_entries.at(index.row());
    QStringList times;
    for (const RunResult &r : e.results)
        times << u"%1 %2"_s.arg(modeName(r.mode), Units::seconds(r.wallS));
    QString state;
    switch (e.state) {
    case HistoryEntry::State::Running:
        state = tr("running…");
        break;
    case HistoryEntry::State::Done:
        break;
    case HistoryEntry::State::Cancelled:
        state = tr("cancelled");
        break;
    case HistoryEntry::State::Failed:
        state = tr("failed");
        break;
    }
    if (!state.isEmpty())
        times << state;
    QList<const RunResult *> runs;
    for (const RunResult &r : e.results)
        runs << &r;
    if (const QStringList doubts = Plausibility::kinds(runs); !doubts.isEmpty())
        times << u"⚠ "_s + doubts.join(u", "_s);
    switch (role) {
    case Qt::DisplayRole:
        return u"%1\n%2"_s.arg(e.title(), times.join(u" · "_s));
    case Qt::AccessibleTextRole:
        return u"%1, %2"_s.arg(e.title(), times.join(u", "_s));
    case Qt::ToolTipRole: {
        QString tip = tr("Started %1").arg(QLocale().toString(e.started, QLocale::ShortFormat));
        if (!e.summary.isEmpty())
            tip += u"\n"_s + e.summary;
        if (!e.failure.isEmpty())
            tip += u"\n"_s + e.failure;
        for (const RunResult &r : e.results)
            for (const RunWarning &w : r.warnings)
                tip += u"\n⚠ %1: %2"_s.arg(modeName(r.mode), w.message);
        tip += u"\n"_s + tr("Select two runs (Ctrl+click) to compare them side by side.");
        return tip;
    }
    case Qt::DecorationRole: {
        // A strip of the mode colours that ran, so runs are told apart at a glance.
        QPixmap pixmap(18, 18);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        const QList<Mode> modes = e.experiment.modes;
        for (int i = 0; i < modes.size(); ++i)
            p.fillRect(QRectF(1 + i * 16.0 / modes.size(), 1, 16.0 / modes.size(), 16),
                       Theme::modeColor(modes.at(i)));
        return pixmap;
    }
    default:
        return {};
    }
}

} // namespace wordrace
