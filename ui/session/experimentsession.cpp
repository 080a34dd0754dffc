#include "session/experimentsession.h"

#include "analysis/plausibility.h"
#include "session/backgroundwork.h"
#include "session/runhistory.h"

#include <QThread>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

// Each run waits at most this long for the window to draw the last one.
constexpr int kDisplayWaitMs = 1000;

} // namespace

ExperimentSession::ExperimentSession(QObject *parent)
    : QObject(parent), m_runner(new Runner(this)), m_history(new RunHistory(this))
{
    setObjectName(u"experimentSession"_s);
    m_runner->setObjectName(u"runner"_s);
    m_history->setObjectName(u"runHistory"_s);
    m_runner->setDisplayWait(kDisplayWaitMs);
    connect(m_runner, &Runner::experimentPrepared, this, &ExperimentSession::onPrepared);
    connect(m_runner, &Runner::runStarted, this, &ExperimentSession::onRunStarted);
    connect(m_runner, &Runner::progressChanged, this, &ExperimentSession::onProgress);
    connect(m_runner, &Runner::runFinished, this, &ExperimentSession::onRunFinished);
    connect(m_runner, &Runner::runFailed, this, &ExperimentSession::onRunFailed);
    connect(m_runner, &Runner::experimentFinished, this, &ExperimentSession::onExperimentFinished);
    m_shownTimer.setSingleShot(true);
    m_shownTimer.setInterval(0);
    connect(&m_shownTimer, &QTimer::timeout, this, &ExperimentSession::reportShown);
}

int ExperimentSession::start(const Experiment &experiment)
{
    if (isRunning())
        return -1;
    m_userCancelled = false;
    m_liveRow = m_history->add(experiment);
    m_modeIndex = 0;
    m_progress = 0.0;
    m_runner->start(experiment);
    m_clock.start();
    Q_EMIT experimentStarted(m_liveRow);
    return m_liveRow;
}

void ExperimentSession::cancel()
{
    if (!isRunning())
        return;
    m_userCancelled = true;
    m_runner->cancel();
}

void ExperimentSession::onPrepared(quint64 job, const QString &summary, const QStringList &warnings)
{
    if (!isCurrent(job))
        return;
    m_history->entry(m_liveRow).summary = summary;
    m_history->touch(m_liveRow);
    Q_EMIT prepared(m_liveRow, summary, warnings);
}

void ExperimentSession::onRunStarted(quint64 job, Mode mode)
{
    if (!isCurrent(job))
        return;
    HistoryEntry &e = m_history->entry(m_liveRow);
    RunProgress live;
    live.mode = mode;
    e.live = live;
    e.liveBatches.clear();
    e.liveWorkers = isSequential(mode) ? 1 : e.experiment.workers;
    m_modeIndex = std::max<qsizetype>(0, e.experiment.modes.indexOf(mode));
    m_progress = double(m_modeIndex) / double(std::max<qsizetype>(1, e.experiment.modes.size()));
    Q_EMIT runStarted(m_liveRow, mode, e.liveWorkers);
    drawing(job);
}

void ExperimentSession::onProgress(quint64 job, const RunProgress &progress)
{
    if (!isCurrent(job))
        return;
    HistoryEntry &e = m_history->entry(m_liveRow);
    if (!e.live || e.live->mode != progress.mode)
        return;
    // Keep every task so far: a batch per progress, as copying them into one list would cost the
    // GUI thread a copy of every task again.
    RunProgress &live = *e.live;
    if (!progress.newTasks.isEmpty())
        e.liveBatches.append(progress.newTasks);
    live.tasksDone = progress.tasksDone;
    live.tasksTotal = progress.tasksTotal;
    live.words = progress.words;
    live.bytesDone = progress.bytesDone;
    live.bytesTotal = progress.bytesTotal;
    live.elapsedS = progress.elapsedS;
    live.workerNames = progress.workerNames;
    const double fraction = progress.bytesTotal > 0 ? double(progress.bytesDone) / double(progress.bytesTotal)
                            : progress.tasksTotal > 0
                                ? double(progress.tasksDone) / double(progress.tasksTotal)
                                : 0.0;
    const qsizetype modes = std::max<qsizetype>(1, e.experiment.modes.size());
    m_progress = (double(m_modeIndex) + std::clamp(fraction, 0.0, 1.0)) / double(modes);
    Q_EMIT progressed(m_liveRow, progress);
}

void ExperimentSession::onRunFinished(quint64 job, const RunResult &result)
{
    if (!isCurrent(job))
        return;
    HistoryEntry &e = m_history->entry(m_liveRow);
    e.results.append(result);
    // Judged again with every run: a later mode can make an earlier one's number doubtful.
    Plausibility::judge(e.results, QThread::idealThreadCount());
    e.live.reset();
    releaseInBackground(std::exchange(e.liveBatches, {}));
    m_history->touch(m_liveRow);
    m_progress = double(m_modeIndex + 1) / double(std::max<qsizetype>(1, e.experiment.modes.size()));
    Q_EMIT resultAdded(m_liveRow, e.results.last());
    drawing(job);
}

void ExperimentSession::onRunFailed(quint64 job, const QString &reason, Runner::FailureKind kind)
{
    if (!isCurrent(job))
        return;
    HistoryEntry &e = m_history->entry(m_liveRow);
    e.state = HistoryEntry::State::Failed;
    e.failure = reason;
    m_history->touch(m_liveRow);
    Q_EMIT failed(m_liveRow, reason, kind);
}

void ExperimentSession::onExperimentFinished(quint64 job, bool cancelled)
{
    if (!isCurrent(job))
        return;
    const int row = std::exchange(m_liveRow, -1);
    HistoryEntry &e = m_history->entry(row);
    e.live.reset();
    releaseInBackground(std::exchange(e.liveBatches, {}));
    if (e.state != HistoryEntry::State::Failed)
        e.state = cancelled ? HistoryEntry::State::Cancelled : HistoryEntry::State::Done;
    if (e.state == HistoryEntry::State::Done)
        m_progress = 1.0;
    m_history->touch(row);
    releaseInBackground(m_history->boundDetail());
    Q_EMIT finished(row);
}

void ExperimentSession::drawing(quint64 job)
{
    if (job != m_shownJob) {
        m_shownJob = job;
        m_shownCount = 0;
    }
    ++m_shownCount;
    m_quietTurns = 0;
    m_shownTimer.start();
}

void ExperimentSession::reportShown()
{
    // A zero timer fires only once the posted layouts and paints are done, so the second quiet
    // turn comes after the last chart drawn has been laid out and painted.
    const bool pending = m_chartsPending && m_chartsPending();
    m_quietTurns = pending ? 0 : m_quietTurns + 1;
    if (m_quietTurns < 2)
        m_shownTimer.start();
    else
        m_runner->shown(m_shownJob, m_shownCount);
}

} // namespace wordrace
