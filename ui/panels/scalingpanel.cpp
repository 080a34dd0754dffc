#include "panels/scalingpanel.h"
#include "charts/marknavigator.h"
#include "io/units.h"

#include "analysis/modesummary.h"
#include "charts/chartexporter.h"

#include <QAction>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

// The progress bar counts runs in these steps, so a long run still moves it.
constexpr int kStepsPerRun = 100;
constexpr std::array<Mode, 2> kParallelModes{Mode::Threads, Mode::Processes};

QString wallText(const SampleSummary &wall)
{
    QString text = Units::seconds(wall.mean);
    if (std::isfinite(wall.stddev))
        text += u" ± "_s + Units::seconds(wall.stddev);
    return text;
}

QString knobsText(const Experiment &e)
{
    QStringList parts;
    if (const QString conditions = conditionsText(e.knobs); !conditions.isEmpty())
        parts << conditions;
    if (e.chunkLines)
        parts << ScalingPanel::tr("%1 lines per task").arg(*e.chunkLines);
    if (e.warmup > 0)
        parts << ScalingPanel::tr("%n warm-up run(s)", nullptr, e.warmup);
    return parts.isEmpty() ? ScalingPanel::tr("none (plain word counting)") : parts.join(u", "_s);
}

} // namespace

ScalingPanel::ScalingPanel(QWidget *parent) : QWidget(parent), m_sweeps(new SweepRunner(this))
{
    setObjectName(u"scalingPanel"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(createControls());

    auto *progressRow = new QHBoxLayout;
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(u"scalingProgress"_s);
    m_progress->setTextVisible(false);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setMaximumWidth(420);
    m_progress->setAccessibleName(tr("Sweep progress"));
    m_progressLabel = new LiveText(tr("Ready"), this);
    m_progressLabel->setObjectName(u"scalingProgressLabel"_s);
    m_progressLabel->setAccessibleName(tr("Sweep progress and time elapsed"));
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_progressLabel, 2);
    layout->addLayout(progressRow);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->setChildrenCollapsible(false);
    auto *charts = new QWidget(split);
    auto *chartRow = new QHBoxLayout(charts);
    chartRow->setContentsMargins(0, 0, 0, 0);
    for (std::size_t i = 0; i < m_charts.size(); ++i) {
        auto *column = new QVBoxLayout;
        m_charts[i] = new ScalingChart;
        m_charts[i]->setView(i == 0 ? ScalingChart::View::Speedup : ScalingChart::View::Efficiency);
        m_views[i] = new QChartView(m_charts[i], charts);
        m_views[i]->setObjectName(u"scalingChart%1"_s.arg(i));
        m_views[i]->setRenderHint(QPainter::Antialiasing);
        m_views[i]->setMinimumSize(360, kChartMinimumHeight);
        m_views[i]->setToolTip(tr("Hover a point for its numbers, or focus the chart (Tab) and step through "
                                  "the points with the arrow keys"));
        m_views[i]->setAccessibleName(i == 0 ? tr("Speed-up chart") : tr("Efficiency chart"));
        ScalingChart *chart = m_charts[i];
        new MarkNavigator(m_views[i], chart, [chart] { return chart->readableMarks(); });
        m_exports[i] = new QPushButton(tr("Export…"), charts);
        m_exports[i]->setObjectName(u"scalingExport%1"_s.arg(i));
        m_exports[i]->setToolTip(tr("Save this chart as PNG, SVG or PDF"));
        connect(m_exports[i], &QPushButton::clicked, this, [this, i] { exportDialog(int(i)); });
        column->addWidget(m_views[i], 1);
        column->addWidget(m_exports[i], 0, Qt::AlignRight);
        chartRow->addLayout(column, 1);
    }
    auto *bottom = new QWidget(split);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    m_conclusion = new QLabel(bottom);
    m_conclusion->setObjectName(u"scalingConclusion"_s);
    m_conclusion->setWordWrap(true);
    m_conclusion->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_table = new QTableWidget(bottom);
    m_table->setObjectName(u"scalingTable"_s);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAccessibleName(tr("Sweep results"));
    m_table->setToolTip(tr("Every point of the sweep: mean ± σ over its runs"));
    bottomLayout->addWidget(m_conclusion);
    bottomLayout->addWidget(m_table, 1);
    split->addWidget(charts);
    split->addWidget(bottom);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    // The charts never squeeze their plots below reading size (fitChartHeights()): on a short
    // screen the charts and the table scroll under the sweep's controls instead.
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"scalingScroll"_s);
    scroll->setWidget(split);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(scroll, 1);
    for (QChartView *view : m_views)
        view->installEventFilter(this);

    connect(m_sweeps, &SweepRunner::pointStarted, this, &ScalingPanel::onPointStarted);
    connect(m_sweeps, &SweepRunner::runStarted, this, &ScalingPanel::onRunStarted);
    connect(m_sweeps, &SweepRunner::progressChanged, this, &ScalingPanel::onProgress);
    connect(m_sweeps, &SweepRunner::runFinished, this, &ScalingPanel::onRunFinished);
    connect(m_sweeps, &SweepRunner::runFailed, this, &ScalingPanel::onRunFailed);
    connect(m_sweeps, &SweepRunner::sweepFinished, this, &ScalingPanel::onSweepFinished);

    kindChanged();
    setTheme(m_theme);
}

ScalingPanel::~ScalingPanel()
{
    // Stop the engine before the charts it reports to go away.
    disconnect(m_sweeps, nullptr, this, nullptr);
    m_sweeps->cancel();
    m_sweeps->wait();
}

QString ScalingPanel::defaultWorkerCounts(int logicalCpus)
{
    QStringList counts;
    for (int n = 1; n <= std::max(4, 2 * logicalCpus); n *= 2)
        counts << QString::number(n);
    return counts.join(u',');
}

QWidget *ScalingPanel::createControls()
{
    auto *box = new QWidget(this);
    auto *grid = new QGridLayout(box);
    grid->setContentsMargins(0, 0, 0, 0);
    const int cpus = QThread::idealThreadCount();

    m_kind = new QComboBox(box);
    m_kind->setObjectName(u"scalingKind"_s);
    m_kind->addItem(tr("Worker counts: speed-up and Amdahl's law"), int(Sweep::Kind::Workers));
    m_kind->addItem(tr("Corpus sizes: when parallel starts to pay"), int(Sweep::Kind::Sizes));
    m_kind->setAccessibleName(tr("Sweep over"));
    m_kind->setToolTip(tr("Sweep the worker count on one corpus (strong scaling), or the corpus size at one "
                          "worker count (where threads and processes start to beat sequential)"));
    auto *kindLabel = new QLabel(tr("&Sweep over"), box);
    kindLabel->setBuddy(m_kind);

    m_workers = new QLineEdit(defaultWorkerCounts(cpus), box);
    m_workers->setObjectName(u"scalingWorkers"_s);
    m_workers->setToolTip(tr("Worker counts, comma-separated. This machine has %n logical CPU(s); "
                             "counts above that show the cores running out.",
                             nullptr, cpus));
    m_workersLabel = new QLabel(tr("&Workers"), box);
    m_workersLabel->setBuddy(m_workers);

    m_corpus = new QLineEdit(CorpusSpec::lesson().toString(), box);
    m_corpus->setObjectName(u"scalingCorpus"_s);
    m_corpus->setToolTip(tr("lesson[:REPEAT], nicehat[:REPEAT] or the path of a text file"));
    m_corpusLabel = new QLabel(tr("C&orpus"), box);
    m_corpusLabel->setBuddy(m_corpus);

    m_sizes = new QLineEdit(u"lesson:1000,lesson:10000,lesson:100000,lesson:1000000,lesson:10000000"_s, box);
    m_sizes->setObjectName(u"scalingSizes"_s);
    m_sizes->setToolTip(tr("Corpora, comma-separated, smallest to largest or in any order: "
                           "lesson:1000,lesson:100000 (58 bytes a repeat)"));
    m_sizesLabel = new QLabel(tr("Si&zes"), box);
    m_sizesLabel->setBuddy(m_sizes);
    m_sizeWorkers = new QSpinBox(box);
    m_sizeWorkers->setObjectName(u"scalingSizeWorkers"_s);
    m_sizeWorkers->setRange(1, Experiment::kMaxWorkers);
    m_sizeWorkers->setValue(cpus);
    m_sizeWorkers->setAccessibleName(tr("Workers at every size"));
    m_sizeWorkers->setToolTip(tr("Threads or processes at every size"));
    m_sizeWorkersLabel = new QLabel(tr("Wor&kers"), box);
    m_sizeWorkersLabel->setBuddy(m_sizeWorkers);

    m_runs = new QSpinBox(box);
    m_runs->setObjectName(u"scalingRuns"_s);
    m_runs->setRange(1, Experiment::kMaxRuns);
    m_runs->setValue(3);
    m_runs->setAccessibleName(tr("Runs per point"));
    m_runs->setToolTip(
        tr("Measured runs of each mode at each point; with 2 or more the table shows mean ± σ"));
    auto *runsLabel = new QLabel(tr("&Runs per point"), box);
    runsLabel->setBuddy(m_runs);

    auto *modes = new QHBoxLayout;
    for (std::size_t i = 0; i < kParallelModes.size(); ++i) {
        m_modes[i] = new QCheckBox(modeName(kParallelModes[i]), box);
        m_modes[i]->setObjectName(u"scalingMode-"_s + modeName(kParallelModes[i]));
        m_modes[i]->setChecked(true);
        m_modes[i]->setToolTip(tr("Measure %1 at every point").arg(modeName(kParallelModes[i])));
        modes->addWidget(m_modes[i]);
        connect(m_modes[i], &QCheckBox::toggled, this, &ScalingPanel::refresh);
    }
    modes->addStretch(1);
    auto *modesNote = new QLabel(tr("(sequential runs as the baseline)"), box);
    modes->addWidget(modesNote);

    createButtons(box);

    m_conditions = new QLabel(box);
    m_conditions->setObjectName(u"scalingConditions"_s);
    m_conditions->setWordWrap(true);
    m_problem = new QLabel(box);
    m_problem->setObjectName(u"scalingProblem"_s);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(u"color: #b00020;"_s);

    grid->addWidget(kindLabel, 0, 0);
    grid->addWidget(m_kind, 0, 1);
    grid->addWidget(runsLabel, 0, 2);
    grid->addWidget(m_runs, 0, 3);
    grid->addLayout(modes, 0, 4);
    grid->addWidget(m_workersLabel, 1, 0);
    grid->addWidget(m_workers, 1, 1);
    grid->addWidget(m_corpusLabel, 1, 2);
    grid->addWidget(m_corpus, 1, 3, 1, 2);
    grid->addWidget(m_sizesLabel, 2, 0);
    grid->addWidget(m_sizes, 2, 1);
    grid->addWidget(m_sizeWorkersLabel, 2, 2);
    grid->addWidget(m_sizeWorkers, 2, 3);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
    grid->addLayout(buttons, 3, 0, 1, 5);
    grid->addWidget(m_conditions, 4, 0, 1, 5);
    grid->addWidget(m_problem, 5, 0, 1, 5);
    grid->setColumnStretch(1, 2);
    grid->setColumnStretch(4, 1);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &ScalingPanel::kindChanged);
    for (QLineEdit *edit : {m_workers, m_corpus, m_sizes})
        connect(edit, &QLineEdit::textChanged, this, &ScalingPanel::refresh);
    connect(m_runs, &QSpinBox::valueChanged, this, &ScalingPanel::refresh);
    connect(m_sizeWorkers, &QSpinBox::valueChanged, this, &ScalingPanel::refresh);
    return box;
}

// Start and Cancel: as buttons, and as actions the window's keys reach from either tab.
void ScalingPanel::createButtons(QWidget *box)
{
    m_startAction = new QAction(tr("Start Sweep"), this);
    m_startAction->setObjectName(u"scalingStartAction"_s);
    m_startAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    m_startAction->setShortcutContext(Qt::WindowShortcut);
    addAction(m_startAction);
    m_cancelAction = new QAction(tr("Cancel Sweep"), this);
    m_cancelAction->setObjectName(u"scalingCancelAction"_s);
    m_cancelAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_cancelAction->setShortcutContext(Qt::WindowShortcut);
    m_cancelAction->setEnabled(false);
    addAction(m_cancelAction);
    connect(m_startAction, &QAction::triggered, this, &ScalingPanel::start);
    connect(m_cancelAction, &QAction::triggered, this, &ScalingPanel::cancel);

    m_start = new QPushButton(tr("Start sweep (Ctrl+Enter)"), box);
    m_start->setObjectName(u"scalingStart"_s);
    m_start->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    connect(m_start, &QPushButton::clicked, this, &ScalingPanel::start);
    m_cancel = new QPushButton(tr("Cancel (Esc)"), box);
    m_cancel->setObjectName(u"scalingCancel"_s);
    m_cancel->setIcon(style()->standardIcon(QStyle::SP_MediaStop));
    m_cancel->setEnabled(false);
    m_cancel->setToolTip(tr("Stop the sweep (Esc); the points already measured stay"));
    connect(m_cancel, &QPushButton::clicked, this, &ScalingPanel::cancel);
}

QCheckBox *ScalingPanel::modeBox(Mode mode) const
{
    for (std::size_t i = 0; i < kParallelModes.size(); ++i)
        if (kParallelModes[i] == mode)
            return m_modes[i];
    return nullptr;
}

Sweep::Kind ScalingPanel::kind() const
{
    return Sweep::Kind(m_kind->currentData().toInt());
}

void ScalingPanel::kindChanged()
{
    const bool workers = kind() == Sweep::Kind::Workers;
    for (QWidget *w : std::initializer_list<QWidget *>{m_workersLabel, m_workers, m_corpusLabel, m_corpus})
        w->setVisible(workers);
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_sizesLabel, m_sizes, m_sizeWorkersLabel, m_sizeWorkers})
        w->setVisible(!workers);
    // The charts of a finished sweep of the other kind stay until the next one starts.
    if (!m_sweeps->isRunning() && m_sweeps->results().isEmpty())
        setChartViews(kind());
    refresh();
}

void ScalingPanel::setChartViews(Sweep::Kind kind)
{
    const bool workers = kind == Sweep::Kind::Workers;
    m_charts[0]->setView(workers ? ScalingChart::View::Speedup : ScalingChart::View::SizeWall);
    m_charts[1]->setView(workers ? ScalingChart::View::Efficiency : ScalingChart::View::SizeSpeedup);
}

void ScalingPanel::setBaseExperiment(const Experiment &base)
{
    m_base = base;
    refresh();
}

void ScalingPanel::setBlocked(bool blocked)
{
    m_blocked = blocked;
    refresh();
}

std::optional<QList<Experiment>> ScalingPanel::plan(QString *problem) const
{
    auto fail = [problem](const QString &why) -> std::optional<QList<Experiment>> {
        if (problem)
            *problem = why;
        return std::nullopt;
    };
    Experiment base = m_base;
    base.modes.clear();
    for (std::size_t i = 0; i < kParallelModes.size(); ++i)
        if (m_modes[i]->isChecked())
            base.modes.append(kParallelModes[i]);
    if (base.modes.isEmpty())
        return fail(tr("Tick threads, processes or both."));
    base.runs = m_runs->value();
    QString error;
    QList<Experiment> plan;
    if (kind() == Sweep::Kind::Workers) {
        const auto corpus = CorpusSpec::parse(m_corpus->text().trimmed(), &error);
        if (!corpus)
            return fail(tr("Corpus: %1").arg(error));
        base.corpus = *corpus;
        const auto counts = SweepRunner::parseWorkerCounts(m_workers->text(), &error);
        if (!counts)
            return fail(tr("Workers: %1").arg(error));
        plan = SweepRunner::workersPlan(base, *counts);
    } else {
        base.workers = m_sizeWorkers->value();
        const auto sizes = SweepRunner::parseSizes(m_sizes->text(), CorpusSpec::lesson(), &error);
        if (!sizes)
            return fail(tr("Sizes: %1").arg(error));
        plan = SweepRunner::sizesPlan(base, *sizes);
    }
    for (const Experiment &e : std::as_const(plan))
        if (const QString why = e.validate(); !why.isEmpty())
            return fail(why);
    return plan;
}

void ScalingPanel::refresh()
{
    QString problem;
    const bool ok = plan(&problem).has_value();
    const bool running = m_sweeps->isRunning();
    m_problem->setText(ok ? QString() : problem);
    m_problem->setVisible(!ok);
    m_conditions->setText(tr("Lesson conditions from the Experiment panel: %1").arg(knobsText(m_base)));
    const bool canStart = ok && !running && !m_blocked;
    m_start->setEnabled(canStart);
    m_startAction->setEnabled(canStart);
    m_start->setToolTip(m_blocked ? tr("A race is running; wait for it or cancel it first")
                        : !ok     ? problem
                        : running ? tr("A sweep is running (Esc cancels it)")
                                  : tr("Run every point of the sweep (Ctrl+Enter)"));
    m_cancel->setEnabled(running);
    m_cancelAction->setEnabled(running);
    for (QWidget *w : std::initializer_list<QWidget *>{m_kind, m_workers, m_corpus, m_sizes, m_sizeWorkers,
                                                       m_runs, m_modes[0], m_modes[1]})
        w->setEnabled(!running);
}

bool ScalingPanel::start()
{
    if (m_sweeps->isRunning() || m_blocked)
        return false;
    QString problem;
    const auto experiments = plan(&problem);
    if (!experiments) {
        m_progressLabel->setText(problem);
        return false;
    }
    setChartViews(kind());
    m_runsDone = 0;
    m_failure.clear();
    m_sweeps->start(kind(), *experiments);
    const int total = m_sweeps->totalRuns();
    m_progress->setRange(0, std::max(1, total * kStepsPerRun));
    m_progress->setValue(0);
    for (ScalingChart *c : m_charts) {
        c->setEmptyText(tr("Measuring the first point…"));
        c->clearSweep();
    }
    m_table->clear();
    m_table->setRowCount(0);
    m_conclusion->clear();
    refresh();
    Q_EMIT runningChanged(true);
    Q_EMIT progressChanged(0, total);
    return true;
}

void ScalingPanel::cancel()
{
    if (!m_sweeps->isRunning())
        return;
    m_progressLabel->setText(tr("Cancelling…"));
    m_sweeps->cancel();
}

std::optional<Sweep> ScalingPanel::sweep() const
{
    if (m_sweeps->results().isEmpty())
        return std::nullopt;
    return m_sweeps->sweep(QThread::idealThreadCount());
}

std::optional<std::pair<Sweep::Kind, QList<RunResult>>> ScalingPanel::savedSweep() const
{
    if (m_sweeps->results().isEmpty())
        return std::nullopt;
    return std::make_pair(m_sweeps->kind(), m_sweeps->results());
}

bool ScalingPanel::showSaved(Sweep::Kind kind, const QList<RunResult> &runs)
{
    if (!m_sweeps->restore(kind, runs))
        return false;
    m_kind->setCurrentIndex(m_kind->findData(int(kind)));
    // The charts of the sweep's own kind: kindChanged() keeps those of a finished sweep, and the
    // restored runs are already in, so a size sweep came back drawn as a worker sweep ("This chart
    // needs a sweep over worker counts").
    setChartViews(kind);
    m_failure.clear();
    m_progress->setRange(0, 1);
    m_progress->setValue(runs.isEmpty() ? 0 : 1);
    m_progressLabel->setText(runs.isEmpty()
                                 ? tr("No sweep yet")
                                 : tr("Reopened from the session: %n run(s)", nullptr, int(runs.size())));
    showResults();
    return true;
}

void ScalingPanel::onPointStarted(quint64 job, int point, int points)
{
    if (job != m_sweeps->currentJob())
        return;
    m_point = point;
    m_points = points;
    const Experiment &e = m_sweeps->plan().at(point);
    m_pointText =
        kind() == Sweep::Kind::Workers ? tr("%n worker(s)", nullptr, e.workers) : e.corpus.displayName();
    m_progressLabel->setText(
        tr("Point %1 of %2 (%3): preparing the corpus…").arg(point + 1).arg(points).arg(m_pointText));
}

void ScalingPanel::onRunStarted(quint64 job, int point, Mode mode)
{
    if (job != m_sweeps->currentJob())
        return;
    const Experiment &e = m_sweeps->plan().at(point);
    m_progressLabel->setText(
        tr("Point %1 of %2 (%3): %4 · run %5 of %6")
            .arg(point + 1)
            .arg(m_points)
            .arg(m_pointText, ModeSummary::displayLabelFor(mode, isSequential(mode) ? 1 : e.workers))
            .arg(m_runsDone + 1)
            .arg(m_sweeps->totalRuns()));
}

void ScalingPanel::onProgress(quint64 job, const RunProgress &progress)
{
    if (job != m_sweeps->currentJob())
        return;
    const double fraction = progress.bytesTotal > 0 ? double(progress.bytesDone) / double(progress.bytesTotal)
                            : progress.tasksTotal > 0
                                ? double(progress.tasksDone) / double(progress.tasksTotal)
                                : 0.0;
    m_progress->setValue(m_runsDone * kStepsPerRun + int(kStepsPerRun * std::clamp(fraction, 0.0, 1.0)));
}

void ScalingPanel::onRunFinished(quint64 job, const RunResult &)
{
    if (job != m_sweeps->currentJob())
        return;
    ++m_runsDone;
    m_progress->setValue(std::min(m_progress->maximum(), m_runsDone * kStepsPerRun));
    showResults();
    Q_EMIT progressChanged(m_runsDone, m_sweeps->totalRuns());
}

void ScalingPanel::onRunFailed(quint64 job, const QString &reason, Runner::FailureKind)
{
    if (job != m_sweeps->currentJob())
        return;
    m_failure = reason;
}

void ScalingPanel::onSweepFinished(quint64 job, bool cancelled)
{
    if (job != m_sweeps->currentJob())
        return;
    showResults();
    for (ScalingChart *c : m_charts)
        c->setEmptyText(tr("No complete run to show."));
    if (!m_failure.isEmpty()) {
        m_progressLabel->setText(tr("Failed: %1").arg(m_failure));
    } else if (cancelled) {
        m_progressLabel->setText(tr("Cancelled after %1 of %2 runs; the charts show what finished.")
                                     .arg(m_runsDone)
                                     .arg(m_sweeps->totalRuns()));
    } else {
        m_progress->setValue(m_progress->maximum());
        m_progressLabel->setText(tr("Done: %n point(s), %1 runs", nullptr, m_points).arg(m_runsDone));
    }
    refresh();
    Q_EMIT runningChanged(false);
    Q_EMIT sweepFinished(cancelled);
}

void ScalingPanel::showResults()
{
    const auto s = sweep();
    if (!s) {
        for (ScalingChart *c : m_charts)
            c->clearSweep();
        return;
    }
    for (ScalingChart *c : m_charts) {
        c->setSweep(*s);
        c->setTitle(ScalingChart::defaultTitle(c->view(), *s, m_theme.kind != Theme::Kind::Projector));
    }
    fillTable(*s);

    QStringList lines;
    if (s->kind() == Sweep::Kind::Workers) {
        for (const ModeFit &f : s->fits()) {
            QString line = tr("<b>%1</b>: %2").arg(modeName(f.mode), f.fit.text().toHtmlEscaped());
            if (f.beyondCores)
                line += tr(" (every point had more workers than cores: read with care)");
            lines << line;
        }
        if (lines.isEmpty())
            lines << tr("Amdahl's law needs a point with more than one worker.");
    } else {
        for (const Crossover &c : s->crossovers()) {
            const QString who = ModeSummary::displayLabelFor(c.mode, c.workers);
            if (c.never)
                lines << tr("<b>%1</b> never beat sequential here: the setup overhead outweighs the work")
                             .arg(who);
            else if (c.always)
                lines << tr("<b>%1</b> beat sequential already at %2")
                             .arg(who, ScalingChart::bytesText(double(c.fromBytes)));
            else
                lines << tr("<b>%1</b> beats sequential from ~%2")
                             .arg(who, ScalingChart::bytesText(std::isfinite(c.estimateBytes)
                                                                   ? c.estimateBytes
                                                                   : double(c.fromBytes)));
        }
        lines << tr(
            "Use threads or processes only when the processing takes longer than their setup overhead.");
    }
    m_conclusion->setText(lines.join(u"<br>"_s));
    fitChartHeights();
}

bool ScalingPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize &&
        std::find(m_views.cbegin(), m_views.cend(), watched) != m_views.cend())
        fitChartHeights();
    return QWidget::eventFilter(watched, event);
}

void ScalingPanel::fitChartHeights()
{
    for (std::size_t i = 0; i < m_views.size(); ++i) {
        const int wanted = std::max(kChartMinimumHeight, int(m_charts[i]->heightFor(m_views[i]->width())));
        if (m_views[i]->minimumHeight() != wanted)
            m_views[i]->setMinimumHeight(wanted);
    }
}

void ScalingPanel::fillTable(const Sweep &sweep)
{
    const bool workers = sweep.kind() == Sweep::Kind::Workers;
    const QStringList headers =
        workers ? QStringList{tr("mode"),          tr("workers N"),       tr("runs"),  tr("wall (mean ± σ)"),
                              tr("speed-up S(N)"), tr("efficiency E(N)"), tr("ideal"), tr("Amdahl")}
                : QStringList{tr("corpus"),          tr("size"),    tr("mode"), tr("workers"), tr("runs"),
                              tr("wall (mean ± σ)"), tr("speed-up")};
    m_table->setColumnCount(int(headers.size()));
    m_table->setHorizontalHeaderLabels(headers);
    m_table->setRowCount(int(sweep.points().size()));
    int row = 0;
    for (const SweepPoint &p : sweep.points()) {
        const ModeSummary &s = p.summary;
        const QString speedup = s.speedup ? ModeSummary::displayEstimate(*s.speedup) : tr("n/a");
        QStringList cells;
        if (workers)
            cells = {modeName(s.mode),
                     QString::number(s.workers),
                     QString::number(s.runs),
                     wallText(s.wall),
                     speedup,
                     s.speedup ? ModeSummary::displayEstimate(p.efficiency) : tr("n/a"),
                     QString::number(p.idealSpeedup),
                     std::isfinite(p.amdahlSpeedup) ? Units::decimal(p.amdahlSpeedup, 2) : QString()};
        else
            cells = {s.corpus.displayName(),
                     ScalingChart::bytesText(double(s.corpusBytes)),
                     modeName(s.mode),
                     QString::number(s.workers),
                     QString::number(s.runs),
                     wallText(s.wall),
                     speedup};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (c > (workers ? 0 : 2))
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (!isSequential(s.mode) && c == 0)
                item->setForeground(Theme::modeColor(s.mode).darker(120));
            m_table->setItem(row, c, item);
        }
        ++row;
    }
    m_table->resizeColumnsToContents();
}

void ScalingPanel::setTheme(const Theme &theme)
{
    m_theme = theme;
    const auto s = sweep();
    for (ScalingChart *c : m_charts) {
        c->setTheme(theme);
        if (s)
            c->setTitle(ScalingChart::defaultTitle(c->view(), *s, theme.kind != Theme::Kind::Projector));
    }
    const bool big = theme.kind == Theme::Kind::Projector;
    QFont font;
    if (big)
        font.setPixelSize(theme.textPx);
    for (QWidget *w : std::initializer_list<QWidget *>{m_progressLabel, m_conclusion, m_table})
        w->setFont(big ? font : QFont());
    QFont conclusion = big ? font : QFont();
    if (!big)
        conclusion.setPointSizeF(conclusion.pointSizeF() * 1.25);
    m_conclusion->setFont(conclusion);
    // A projector's type leaves the charts no room beside the table: the table (its numbers are
    // in the charts' tooltips and the conclusion) waits for the desk, as the race's breakdown does.
    m_table->setVisible(!big);
    m_table->resizeColumnsToContents();
    fitChartHeights();
}

bool ScalingPanel::exportChart(int index, const QString &path, const QSize &pixelSize, QString *error)
{
    const auto s = sweep();
    if (!s) {
        if (error)
            *error = tr("There is no sweep to export yet.");
        return false;
    }
    const ScalingChart::View view = m_charts[std::size_t(index)]->view();
    const QString title = ScalingChart::defaultTitle(view, *s);
    const Theme theme = m_theme;
    const Sweep sweepCopy = *s;
    return ChartExporter::write(
        [&](QPainter *painter, const QSizeF &size) {
            ScalingChart::render(sweepCopy, view, theme, title, painter, size);
        },
        theme.background, title, path, pixelSize, error);
}

void ScalingPanel::exportDialog(int index)
{
    if (!sweep()) {
        m_progressLabel->setText(tr("Run a sweep first; there is nothing to export yet."));
        return;
    }
    const QString name =
        u"wordrace-%1.png"_s.arg(ScalingChart::viewName(m_charts[std::size_t(index)]->view()));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export Chart"), QDir::home().filePath(name),
                                     tr("PNG image (*.png);;SVG drawing (*.svg);;PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    if (exportChart(index, path, QSize(1920, 1080), &error))
        m_progressLabel->setText(tr("Wrote %1").arg(QDir::toNativeSeparators(path)));
    else
        QMessageBox::warning(this, tr("Export failed"), error);
}

} // namespace wordrace
