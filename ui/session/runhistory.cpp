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
    boundDetail();
    endResetModel();
}

QString RunHistory::droppedNote()
{
    return tr("Its timeline was let go to keep memory bounded: the history keeps every task of its "
              "newest %1 experiments. Its times and counts are whole.")
        .arg(kWholeEntries);
}

qint64 RunHistory::detailBytes(const HistoryEntry &entry)
{
    qint64 bytes = 0;
    for (const RunResult &r : entry.results) {
        bytes += r.tasks.size() * qint64(sizeof(TaskRecord));
        for (const ResourceSample &s : r.samples)
            bytes += qint64(sizeof(ResourceSample)) + s.coreBusy.size() * qint64(sizeof(float)) +
                     s.memoryBytes.size() * qint64(sizeof(qint64));
    }
    return bytes;
}

QList<QList<TaskRecord>> RunHistory::boundDetail(int wholeEntries, qint64 budget)
{
    QList<QList<TaskRecord>> released;
    qint64 kept = 0;
    int whole = 0;
    for (qsizetype row = m_entries.size() - 1; row >= 0; --row) {
        HistoryEntry &e = m_entries[row];
        const qint64 bytes = e.hasEnded() ? detailBytes(e) : 0;
        if (bytes == 0)
            continue;
        if (whole < wholeEntries && (whole == 0 || kept + bytes <= budget)) {
            kept += bytes;
            ++whole;
            continue;
        }
        for (RunResult &r : e.results) {
            if (r.tasks.isEmpty() && r.samples.isEmpty())
                continue;
            released.append(std::exchange(r.tasks, {}));
            r.samples = {};
            r.detailDropped = true;
        }
        touch(int(row));
    }
    return released;
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
        if (std::any_of(e.results.cbegin(), e.results.cend(),
                        [](const RunResult &r) { return r.detailDropped; }))
            tip += u"\n"_s + droppedNote();
        tip += u"\n"_s + tr("Select two runs (Ctrl+click) to compare them side by side.");
        return tip;
    }
    case Qt::DecorationRole: {
        // A strip of the mode colours that ran, so runs are told apart at a glance. One pixmap per
        // set of modes, shared: a new one per paint was kept alive by the view's icon caches.
        const QList<Mode> modes = e.experiment.modes;
        QString key;
        for (Mode m : modes)
            key += modeName(m) + u',';
        auto cached = m_swatches.find(key);
        if (cached == m_swatches.end()) {
            QPixmap pixmap(18, 18);
            pixmap.fill(Qt::transparent);
            QPainter p(&pixmap);
            for (int i = 0; i < modes.size(); ++i)
                p.fillRect(QRectF(1 + i * 16.0 / modes.size(), 1, 16.0 / modes.size(), 16),
                           Theme::modeColor(modes.at(i)));
            p.end();
            cached = m_swatches.insert(key, pixmap);
        }
        return *cached;
    }
    default:
        return {};
    }
}

} // namespace wordrace
