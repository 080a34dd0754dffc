#include "panels/racepage.h"

#include "analysis/plausibility.h"
#include "charts/theme.h"
#include "charts/wallcpuchart.h"
#include "io/units.h"
#include "panels/livetext.h"
#include "panels/resultspane.h"
#include "panels/scenariopanel.h"
#include "session/experimentsession.h"
#include "session/runhistory.h"
#include "timeline/timelineview.h"

#include <QChartView>
#include <QHBoxLayout>
#include <QProgressBar>
#include <QScrollArea>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

constexpr int kProgressSteps = 1000;

} // namespace

RacePage::RacePage(ExperimentSession *session, QWidget *parent) : QWidget(parent), m_session(session)
{
    setObjectName(u"central"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);

    auto *progressRow = new QHBoxLayout;
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(u"progress"_s);
    m_progress->setRange(0, kProgressSteps);
    m_progress->setValue(0);
    m_progress->setTextVisible(false);
    m_progress->setAccessibleName(tr("Run progress"));
    m_progress->setToolTip(tr("How much of the experiment is done, over all modes"));
    m_progress->setMaximumWidth(420);
    m_progressLabel = new LiveText(tr("Ready"), this);
    m_progressLabel->setObjectName(u"progressLabel"_s);
    m_progressLabel->setAccessibleName(tr("Words counted and time elapsed"));
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_progressLabel, 2);
    layout->addLayout(progressRow);

    m_scenarioPanel = new ScenarioPanel(this);
    m_scenarioPanel->hide();
    layout->addWidget(m_scenarioPanel);

    // On a small screen (a 1366x768 projector) the panes need more height than there is: they
    // scroll, rather than push the window's bottom, the table and the status bar off the screen.
    auto *paneScroll = new QScrollArea(this);
    paneScroll->setObjectName(u"paneScroll"_s);
    paneScroll->setWidgetResizable(true);
    paneScroll->setFrameShape(QFrame::NoFrame);
    m_paneSplit = new QSplitter(Qt::Horizontal, paneScroll);
    m_paneSplit->setObjectName(u"paneSplit"_s);
    m_paneSplit->setChildrenCollapsible(false);
    for (std::size_t i = 0; i < m_panes.size(); ++i) {
        auto *pane = new ResultsPane(m_paneSplit);
        pane->setObjectName(u"pane%1"_s.arg(i));
        connect(
            pane, &ResultsPane::chartMenuRequested, this,
            [this, pane](ChartKind kind, const QPoint &pos) { Q_EMIT chartMenuRequested(pane, kind, pos); });
        connect(pane, &ResultsPane::scaleChanged, this, &RacePage::shareScales);
        m_panes[i] = pane;
    }
    m_panes[1]->hide();
    paneScroll->setWidget(m_paneSplit);
    layout->addWidget(paneScroll, 1);

    m_ticker = new QTimer(this);
    m_ticker->setInterval(100);
    connect(m_ticker, &QTimer::timeout, this, &RacePage::tick);

    connect(session, &ExperimentSession::experimentStarted, this, &RacePage::experimentStarted);
    connect(session, &ExperimentSession::prepared, this, [this](int row) {
        for (ResultsPane *pane : panesShowing(row))
            pane->showEntry(&m_session->history()->entry(row));
    });
    connect(session, &ExperimentSession::runStarted, this, &RacePage::runStarted);
    connect(session, &ExperimentSession::progressed, this, &RacePage::progressed);
    connect(session, &ExperimentSession::resultAdded, this, &RacePage::resultAdded);
    connect(session, &ExperimentSession::finished, this, &RacePage::finished);
}

QList<ResultsPane *> RacePage::panesShowing(int row) const
{
    QList<ResultsPane *> panes;
    const RunHistory *history = m_session->history();
    if (row < 0 || row >= history->count())
        return panes;
    const int number = history->entry(row).number;
    for (ResultsPane *pane : m_panes)
        if (pane->isVisibleTo(m_paneSplit) && pane->entryNumber() == number)
            panes.append(pane);
    return panes;
}

bool RacePage::showRows(const QList<int> &rows)
{
    if (rows.isEmpty())
        return false;
    const RunHistory *history = m_session->history();
    const bool compare = rows.size() >= 2;
    const HistoryEntry *first = &history->entry(rows.at(0));
    const HistoryEntry *second = compare ? &history->entry(rows.at(1)) : nullptr;
    if (m_panes[0]->entryNumber() != first->number || m_panes[0]->isHidden())
        m_panes[0]->showEntry(first);
    m_panes[1]->setVisible(compare);
    if (compare && m_panes[1]->entryNumber() != second->number)
        m_panes[1]->showEntry(second);
    for (ResultsPane *pane : m_panes) {
        pane->setCompact(compare);
        pane->setSharedScale(0, 0);
    }
    if (compare)
        shareScales();
    // The line under the progress bar belongs to what is shown, not to the last run.
    if (!m_session->isRunning() && first->hasEnded()) {
        m_progressLabel->setText(endingLine(*first));
        m_progress->setRange(0, kProgressSteps);
        m_progress->setValue(first->state == HistoryEntry::State::Done ? kProgressSteps : 0);
    }
    return compare;
}

void RacePage::shareScales()
{
    if (m_sharingScales || m_panes[1]->isHidden())
        return;
    // One scale for both, or the faster run would look as slow as the other. Each chart may need
    // a longer axis than its numbers for its labels, so share the axes' ends, not the numbers.
    m_sharingScales = true;
    for (ResultsPane *pane : m_panes)
        pane->flushCharts();
    for (int round = 0; round < 3; ++round) {
        const double axis =
            std::max(m_panes[0]->wallCpuChart()->ownAxisMax(), m_panes[1]->wallCpuChart()->ownAxisMax());
        const double end = std::max(m_panes[0]->timelineEnd(), m_panes[1]->timelineEnd());
        for (ResultsPane *pane : m_panes)
            pane->setSharedScale(axis, end);
        if (m_panes[0]->wallCpuChart()->axisMax() == m_panes[1]->wallCpuChart()->axisMax())
            break;
    }
    m_sharingScales = false;
}

ResultsPane *RacePage::activePane() const
{
    if (m_panes[1]->isVisible() && m_panes[1]->isAncestorOf(focusWidget()))
        return m_panes[1];
    return m_panes[0];
}

ChartKind RacePage::focusedChart() const
{
    ResultsPane *pane = activePane();
    if (pane->timeline()->hasFocus())
        return ChartKind::Timeline;
    if (pane->overheadView()->hasFocus())
        return ChartKind::Overhead;
    return ChartKind::WallCpu;
}

bool RacePage::chartsPending() const
{
    return std::any_of(m_panes.cbegin(), m_panes.cend(),
                       [](const ResultsPane *pane) { return pane->chartsPending(); });
}

void RacePage::setTheme(const Theme &theme)
{
    for (ResultsPane *pane : m_panes)
        pane->setTheme(theme);
    // Projector type for what a class reads from the back.
    const bool big = theme.kind == Theme::Kind::Projector;
    QFont font;
    if (big)
        font.setPixelSize(theme.textPx);
    m_progressLabel->setFont(big ? font : QFont());
    m_progress->setMinimumHeight(big ? theme.textPx : 0);
}

void RacePage::experimentStarted(int row)
{
    m_progress->setRange(0, 0); // busy until the corpus is ready
    m_progressLabel->setText(
        tr("Preparing %1…").arg(m_session->history()->entry(row).experiment.corpus.displayName()));
    m_ticker->start();
}

void RacePage::tick()
{
    if (!m_session->isRunning())
        return;
    // Keeps the elapsed time moving while the engine is busy between progress reports.
    const HistoryEntry &e = m_session->history()->entry(m_session->liveRow());
    const double elapsed = m_session->elapsedS();
    if (!e.live) {
        m_progressLabel->setText(
            tr("Preparing %1… %2").arg(e.experiment.corpus.displayName(), Units::seconds(elapsed)));
        return;
    }
    m_progressLabel->setText(tr("%1: %2 of %3 tasks · %4 words · %5 · total %6")
                                 .arg(modeName(e.live->mode), Units::count(std::uint64_t(e.live->tasksDone)),
                                      Units::count(std::uint64_t(e.live->tasksTotal)),
                                      Units::count(e.live->words), Units::seconds(e.live->elapsedS),
                                      Units::seconds(elapsed)));
}

void RacePage::runStarted(int row, Mode mode, int workers)
{
    m_progress->setRange(0, kProgressSteps);
    m_progress->setValue(int(kProgressSteps * m_session->progress()));
    for (ResultsPane *pane : panesShowing(row))
        pane->startRun(mode, workers);
    tick();
}

void RacePage::progressed(int row, const RunProgress &progress)
{
    for (ResultsPane *pane : panesShowing(row))
        pane->addProgress(progress);
    m_progress->setValue(int(kProgressSteps * m_session->progress()));
    tick();
}

void RacePage::resultAdded(int row, const RunResult &result)
{
    for (ResultsPane *pane : panesShowing(row))
        pane->addResult(result);
    m_progress->setValue(int(kProgressSteps * m_session->progress()));
}

void RacePage::finished(int row)
{
    m_ticker->stop();
    const HistoryEntry &e = m_session->history()->entry(row);
    // Redraw from the finished results, dropping any half-drawn mode.
    for (ResultsPane *pane : panesShowing(row))
        pane->finishEntry(&e);
    m_progress->setRange(0, kProgressSteps);
    m_elapsedS.insert(e.number, m_session->elapsedS());
    m_progress->setValue(e.state == HistoryEntry::State::Done ? kProgressSteps : 0);
    m_progressLabel->setText(endingLine(e));
}

QString RacePage::endingLine(const HistoryEntry &e) const
{
    QStringList walls;
    for (const RunResult &r : std::as_const(e.results))
        walls << tr("%1 %2").arg(modeName(r.mode), Units::seconds(r.wallS));
    switch (e.state) {
    case HistoryEntry::State::Done: {
        const QString doubt = Plausibility::firstDoubt(e.results).isEmpty()
                                  ? QString()
                                  : u"  ⚠ "_s + tr("some numbers are doubtful");
        // Reopened from a session file, the whole's time was never seen here.
        if (const auto elapsed = m_elapsedS.constFind(e.number); elapsed != m_elapsedS.cend())
            return tr("#%1 done in %2: %3")
                       .arg(e.number)
                       .arg(Units::seconds(*elapsed), walls.join(u" · "_s)) +
                   doubt;
        return tr("#%1 done: %2").arg(e.number).arg(walls.join(u" · "_s)) + doubt;
    }
    case HistoryEntry::State::Cancelled:
        return walls.isEmpty() ? tr("#%1 cancelled").arg(e.number)
                               : tr("#%1 cancelled: %2").arg(e.number).arg(walls.join(u" · "_s));
    case HistoryEntry::State::Failed:
    case HistoryEntry::State::Running:
        break;
    }
    return tr("#%1 failed: %2").arg(e.number).arg(e.failure);
}

} // namespace wordrace
