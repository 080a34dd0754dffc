#include "panels/resultspane.h"

#include "analysis/modesummary.h"
#include "charts/marknavigator.h"
#include "charts/overheadchart.h"
#include "charts/wallcpuchart.h"
#include "panels/resulttableview.h"
#include "session/resulttablemodel.h"
#include "timeline/timelineview.h"

#include <QChartView>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace wordrace {

ResultsPane::ResultsPane(QWidget *parent)
    : QWidget(parent), m_heading(new QLabel(this)), m_split(new QSplitter(Qt::Vertical, this)),
      m_charts(new QSplitter(Qt::Horizontal, m_split)), m_chart(new WallCpuChart),
      m_chartView(new QChartView(m_chart, m_charts)), m_timelineScroll(new QScrollArea(m_charts)),
      m_timeline(new TimelineView), m_overhead(new OverheadChart),
      m_overheadView(new QChartView(m_overhead, m_split)), m_model(new ResultTableModel(this)),
      m_table(new ResultTableView(m_model, m_split))
{
    m_heading->setObjectName(u"paneHeading"_s);
    m_heading->setAccessibleName(tr("Experiment shown"));
    m_heading->setTextFormat(Qt::PlainText);
    // A long summary wraps: unwrapped, its width became the window's minimum, and with projector
    // type that pushed the window's right side, charts included, off the screen.
    m_heading->setWordWrap(true);
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    m_heading->setFont(headingFont);

    m_chart->setTitle(tr("Wall time vs CPU time"));
    m_chartView->setObjectName(u"wallCpuChart"_s);
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setAccessibleName(tr("Wall time versus CPU time chart"));
    m_chartView->setAccessibleDescription(tr("For each mode, the wall time beside the CPU time, user and sys "
                                             "stacked, with a dashed mark at the CPU "
                                             "of the parent process alone, which is what %time reports"));
    m_chartView->setToolTip(
        tr("Hover a bar for its numbers, or focus the chart (Tab) and step through the bars "
           "with the arrow keys. Right-click to export or copy the chart"));
    new MarkNavigator(m_chartView, m_chart, [this] { return m_chart->readableMarks(); });
    m_chartView->setContextMenuPolicy(Qt::CustomContextMenu);
    m_chartView->setMinimumSize(360, 260); // taller with more modes: showWallCpu()
    m_chartView->setFrameShape(QFrame::NoFrame);
    connect(m_chartView, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        Q_EMIT chartMenuRequested(ChartKind::WallCpu, m_chartView->mapToGlobal(pos));
    });

    connect(m_chart, &WallCpuChart::axisMaxChanged, this, &ResultsPane::scaleChanged);

    // Below the race, not in its place: the wall and CPU bars stay the first thing seen.
    m_overheadView->setObjectName(u"overheadChart"_s);
    m_overheadView->setRenderHint(QPainter::Antialiasing);
    m_overheadView->setAccessibleName(tr("Overhead breakdown chart"));
    m_overheadView->setAccessibleDescription(
        tr("For each run, the worker-seconds spent starting workers, transferring data, computing, waiting "
           "for I/O, waiting for the GIL, gathering results and idle, stacked"));
    m_overheadView->setToolTip(
        tr("Where each run's time went: hover a segment for its numbers, or focus the "
           "chart (Tab) and step through the segments with the arrow keys. Right-click "
           "to export or copy the chart"));
    new MarkNavigator(m_overheadView, m_overhead, [this] { return m_overhead->readableMarks(); });
    m_overheadView->setContextMenuPolicy(Qt::CustomContextMenu);
    m_overheadView->setMinimumHeight(290); // below this the mode names or the legend are cut
    m_overheadView->setFrameShape(QFrame::NoFrame);
    connect(m_overheadView, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        Q_EMIT chartMenuRequested(ChartKind::Overhead, m_overheadView->mapToGlobal(pos));
    });

    m_timeline->setObjectName(u"timeline"_s);
    m_timeline->setTitle(tr("Per-worker timeline"));
    m_timeline->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_timeline, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        Q_EMIT chartMenuRequested(ChartKind::Timeline, m_timeline->mapToGlobal(pos));
    });
    m_timelineScroll->setWidget(m_timeline);
    m_timelineScroll->setWidgetResizable(true);
    m_timelineScroll->setFrameShape(QFrame::NoFrame);
    m_timelineScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_timelineScroll->setAccessibleName(tr("Timeline scroll area"));
    m_timelineScroll->setFocusProxy(m_timeline);
    // Never squeezed below a few lanes: comparing two runs on a 1366x768 screen left it 45 px
    // tall under the wall/CPU chart (issue 18); the pane scrolls instead.
    m_timelineScroll->setMinimumHeight(220);

    m_charts->setChildrenCollapsible(false);
    m_charts->setStretchFactor(0, 1);
    m_charts->setStretchFactor(1, 1);
    // Half and half to start with: the size hints alone would starve the chart.
    m_charts->setSizes({1000, 1000});
    m_split->setChildrenCollapsible(false);
    m_split->setStretchFactor(0, 5);
    m_split->setStretchFactor(1, 2);
    m_split->setStretchFactor(2, 1);
    m_split->setSizes({800, 290, 160});
    // The table is as tall as its rows: every mode's numbers visible without scrolling.
    auto fitTable = [this] {
        const int rows = std::max(3, m_model->rowCount());
        const int rowHeight = m_table->verticalHeader()->defaultSectionSize();
        const int height =
            m_table->horizontalHeader()->sizeHint().height() + rows * rowHeight + 2 * m_table->frameWidth() +
            (m_table->horizontalScrollBar()->isVisible() ? m_table->horizontalScrollBar()->height() : 0);
        // Repeated runs make many rows: past one run of each mode the table scrolls rather than
        // squeeze the charts, which sum the runs up.
        const int spare = height - rows * rowHeight;
        m_table->setMinimumHeight(std::min({height, 600, spare + 3 * rowHeight}));
        m_table->setMaximumHeight(std::max(height, 600) == height ? QWIDGETSIZE_MAX : height);
    };
    connect(m_model, &QAbstractItemModel::modelReset, this, fitTable);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, fitTable);
    m_fitTable = fitTable;

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_heading);
    layout->addWidget(m_split, 1);
    // A zero timer, not a queued call: Qt's event loop runs queued calls, and the layouts and
    // paints they post, back to back and holds timers back meanwhile; between timers it lets
    // input and the other timers in.
    m_chartTimer.setSingleShot(true);
    m_chartTimer.setInterval(0);
    connect(&m_chartTimer, &QTimer::timeout, this, &ResultsPane::updateNextChart);
    showEntry(nullptr);
}

void ResultsPane::setHeading(const HistoryEntry *entry)
{
    if (!entry) {
        m_heading->setText(tr("No run yet"));
        return;
    }
    QString text = entry->title();
    // The engine's summary starts with the corpus's name, which the title already gives.
    QString summary = entry->summary;
    const QString prefix = entry->experiment.corpus.displayName() + u": "_s;
    if (summary.startsWith(prefix))
        summary = summary.mid(prefix.size());
    if (!summary.isEmpty())
        text += u"  —  "_s + summary;
    m_heading->setText(text);
}

void ResultsPane::setResults(const QList<RunResult> &results)
{
    m_results = results;
    m_wallPending = m_overheadPending = false;
    m_chartTimer.stop();
    showWallCpu();
    m_model->setResults(m_results);
}

void ResultsPane::showResults(const QList<RunResult> &results, const QString &heading)
{
    m_entryNumber = 0;
    m_heading->setText(heading);
    setResults(results);
    showMedianRuns(ModeSummary::medianRuns(m_results));
}

void ResultsPane::setHeadingVisible(bool visible)
{
    m_heading->setVisible(visible);
}

QString ResultsPane::headingText() const
{
    return m_heading->text();
}

void ResultsPane::showEntry(const HistoryEntry *entry)
{
    m_entryNumber = entry ? entry->number : 0;
    setHeading(entry);
    setResults(entry ? entry->results : QList<RunResult>());
    if (entry && entry->live) {
        showOverhead(m_results);
        m_timeline->setTitle(tr("Per-worker timeline"));
        m_timeline->setResults(m_results);
        m_timeline->startLive(entry->live->mode, entry->liveWorkers);
        RunProgress progress = *entry->live;
        for (const QList<TaskRecord> &batch : entry->liveBatches) {
            progress.newTasks = batch;
            m_timeline->addProgress(progress);
        }
        progress.newTasks.clear();
        m_timeline->addProgress(progress);
    } else
        showMedianRuns(ModeSummary::medianRuns(m_results));
}

void ResultsPane::showMedianRuns(const QList<RunResult> &medians)
{
    // Repeated runs would stack up a timeline nobody can read: each mode shows its median run, the
    // one whose bars the wall-vs-CPU chart draws.
    showOverhead(medians);
    m_timeline->setResults(medians);
    // Short enough for a half-width pane in projector type; each run row says how many runs it has.
    if (std::any_of(medians.cbegin(), medians.cend(), [](const RunResult &r) { return r.detailDropped; }))
        m_timeline->setTitle(tr("Per-worker timeline: not kept for this older experiment (memory bounded)"));
    else
        m_timeline->setTitle(medians.size() < m_results.size() ? tr("Per-worker timeline: median runs")
                                                               : tr("Per-worker timeline"));
}

void ResultsPane::finishEntry(const HistoryEntry *entry)
{
    const auto &groups = m_timeline->data().groups();
    const bool complete = entry && entry->number == m_entryNumber && !entry->live &&
                          m_results.size() == entry->results.size() &&
                          std::none_of(groups.cbegin(), groups.cend(), [](const auto &g) { return g.live; });
    if (complete) {
        setHeading(entry);
        // The last run can make an earlier one doubtful (Plausibility): the table and the chart
        // show the warnings as judged over the whole experiment.
        const bool warningsChanged =
            !std::equal(m_results.cbegin(), m_results.cend(), entry->results.cbegin(), entry->results.cend(),
                        [](const RunResult &a, const RunResult &b) { return a.warnings == b.warnings; });
        if (warningsChanged) {
            m_results = entry->results;
            m_model->setResults(m_results);
            showWallCpu();
        }
        if (const QList<RunResult> medians = ModeSummary::medianRuns(m_results);
            medians.size() < m_results.size()) {
            m_overheadPending = false;
            showMedianRuns(medians);
        }
    } else
        showEntry(entry);
}

void ResultsPane::startRun(Mode mode, int workers)
{
    m_timeline->startLive(mode, workers);
}

void ResultsPane::addProgress(const RunProgress &progress)
{
    m_timeline->addProgress(progress);
}

void ResultsPane::addResult(const RunResult &result)
{
    m_timeline->addResult(result);
    m_model->appendResult(result);
    m_results.append(result);
    m_wallPending = m_overheadPending = true;
    m_chartTimer.start();
}

void ResultsPane::updateNextChart()
{
    if (m_wallPending) {
        m_wallPending = false;
        showWallCpu();
        if (m_overheadPending)
            m_chartTimer.start();
    } else if (m_overheadPending) {
        m_overheadPending = false;
        showOverhead(m_results);
    }
}

void ResultsPane::flushCharts() const
{
    m_chartTimer.stop();
    if (m_wallPending) {
        m_wallPending = false;
        showWallCpu();
    }
    if (m_overheadPending) {
        m_overheadPending = false;
        showOverhead(m_results);
    }
}

void ResultsPane::showOverhead(const QList<RunResult> &results) const
{
    m_overhead->setResults(results);
    // A row a run, each tall enough for its name: nine repeated runs in 290 px elided them to "...".
    m_overheadView->setMinimumHeight(std::max(290, int(m_overhead->minimumHeight())));
}

void ResultsPane::showWallCpu() const
{
    m_chart->setResults(m_results);
    // On a desk, room for each pair of bars with its labels and the spread's note (about five lines
    // of type a mode) besides the title, axis and legend: squeezed below it, the numbers went to
    // the tooltip at 1366x768 (issue 18). The pane scrolls instead. A projector's panes fit whole.
    const Theme &theme = m_chart->theme();
    int least = 260;
    if (theme.kind != Theme::Kind::Projector) {
        const auto rows = std::max<qsizetype>(1, m_chart->rows().size());
        least = std::max(least, int(theme.textPx * (10 + 5 * rows)));
    }
    m_chartView->setMinimumHeight(least);
}

void ResultsPane::setTheme(const Theme &theme)
{
    m_chart->setTheme(theme);
    showWallCpu();
    m_overhead->setTheme(theme);
    m_timeline->setTheme(theme);
    QPalette pal = m_chartView->palette();
    pal.setColor(QPalette::Window, theme.background);
    pal.setColor(QPalette::Base, theme.background);
    m_chartView->setPalette(pal);
    m_chartView->setBackgroundBrush(theme.background);
    m_overheadView->setPalette(pal);
    m_overheadView->setBackgroundBrush(theme.background);
    m_timelineScroll->setBackgroundRole(QPalette::Base);
    // On a projector, type this large leaves room for two charts, not three: the breakdown keeps to
    // the desk view (and to exports), so the wall/CPU bars and the timeline stay readable.
    m_overheadView->setVisible(theme.kind != Theme::Kind::Projector);
    if (theme.kind == Theme::Kind::Projector) {
        QFont big = font();
        big.setPixelSize(theme.textPx);
        m_table->setFont(big);
        // The header keeps the font it resolved when the application's font changed; name it.
        m_table->horizontalHeader()->setFont(big);
        QFont heading = big;
        heading.setBold(true);
        m_heading->setFont(heading);
    } else {
        m_table->setFont(QFont());
        m_table->horizontalHeader()->setFont(QFont());
        QFont heading = font();
        heading.setBold(true);
        m_heading->setFont(heading);
    }
    m_fitTable();
}

void ResultsPane::setCompact(bool compact)
{
    m_charts->setOrientation(compact ? Qt::Vertical : Qt::Horizontal);
}

void ResultsPane::setSharedScale(double largestTime, double timelineEnd)
{
    // No flush: a chart still pending picks the scale up when its turn comes. Flushing here drew
    // both charts in the one stretch that ends an experiment (showSelection re-applies the scale).
    m_sharedTime = largestTime;
    m_chart->setMinimumMax(largestTime);
    m_timeline->setMinimumEnd(timelineEnd);
}

double ResultsPane::largestTime() const
{
    flushCharts();
    return m_chart->largestTime();
}

double ResultsPane::timelineEnd() const
{
    return m_timeline->data().endS();
}

ChartSource ResultsPane::source(ChartKind kind) const
{
    flushCharts();
    ChartSource s;
    s.kind = kind;
    s.results = m_chart->results();
    s.title = ChartExporter::defaultTitle(kind, s.results);
    // The timeline and the overhead chart show each mode's median run; the export shows the same.
    if (kind != ChartKind::WallCpu) {
        const QList<RunResult> medians = ModeSummary::medianRuns(s.results);
        if (medians.size() < s.results.size())
            s.title +=
                tr(" · median runs of %1").arg(s.results.size() / std::max<qsizetype>(1, medians.size()));
        s.results = medians;
    }
    if (kind == ChartKind::Timeline) {
        if (m_timeline->isZoomed())
            s.timeRange = m_timeline->visibleRange();
        else
            s.sharedScale = m_timeline->fullRange().second / 1.02;
    } else {
        s.sharedScale = m_sharedTime;
    }
    return s;
}

QSize ResultsPane::chartSize(ChartKind kind) const
{
    const QSize size = kind == ChartKind::WallCpu    ? m_chartView->size()
                       : kind == ChartKind::Overhead ? m_overheadView->size()
                                                     : m_timelineScroll->viewport()->size();
    return size.isValid() && !size.isEmpty() ? size : QSize(1280, 720);
}

} // namespace wordrace
