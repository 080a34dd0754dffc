#include "panels/experimentpanel.h"
#include "io/units.h"
#include "session/appsettings.h"
#include <algorithm>

#include <QDir>
#include <QFileDialog>

#include "backends/clusterbackend.h"
#include "backends/pythonbackend.h"
#include "charts/theme.h"
#include "corpus/corpus.h"
#include "corpus/taskplanner.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileInfo>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include <limits>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

constexpr int kMaxRepeat = 1'000'000'000;
// CPython counts the lesson's 11 words a repeat at about 11 million words a second when pickled
// to a pool (its slowest mode here; sequential manages about twice that): a generated corpus for
// the CPython modes is kept to a few seconds a run, well under the 10 s a class will wait, and
// under a gigabyte of Python strings.
constexpr double kPythonRunBudgetS = 3.0;
constexpr std::uint64_t kPythonRepeatCap = 3'000'000;

QIcon swatch(const QColor &color)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.fillRect(QRect(1, 1, 14, 14), color);
    return QIcon(pixmap);
}

} // namespace

ExperimentPanel::ExperimentPanel(QWidget *parent)
    : QWidget(parent), m_corpus(new QComboBox(this)), m_open(new QPushButton(tr("Open…"), this)),
      m_repeat(new QSpinBox(this)), m_corpusInfo(new QLabel(this)), m_workers(new QSpinBox(this)),
      m_cpuInfo(new QLabel(this)), m_chunk(new QSpinBox(this)), m_problem(new QLabel(this))
{
    setObjectName(u"experimentPanel"_s);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);

    addCorpusRows(form);
    addModeRows(form);
    addWorkerRows(form);

    m_problem->setObjectName(u"problem"_s);
    m_problem->setWordWrap(true);
    m_problem->setAccessibleName(tr("Why the experiment cannot run"));
    QPalette warn = m_problem->palette();
    warn.setColor(QPalette::WindowText, QColor(0xd5, 0x5e, 0x00));
    m_problem->setPalette(warn);
    m_problem->hide();

    auto *outer = new QVBoxLayout(this);
    outer->addLayout(form);
    outer->addWidget(createConditions());
    outer->addWidget(m_problem);
    outer->addStretch(1);

    connect(m_corpus, &QComboBox::currentIndexChanged, this, &ExperimentPanel::corpusKindChanged);
    connect(m_open, &QPushButton::clicked, this, &ExperimentPanel::openFileRequested);
    connect(m_repeat, &QSpinBox::valueChanged, this, [this](int value) {
        if (m_updating)
            return;
        m_pythonNote.clear(); // the user's own size now
        const auto kind = CorpusSpec::Kind(m_corpus->currentData().toInt());
        (kind == CorpusSpec::Kind::NiceHat ? m_niceHatRepeat : m_lessonRepeat) = std::uint64_t(value);
        refresh();
    });
    connect(m_workers, &QSpinBox::valueChanged, this, &ExperimentPanel::refresh);
    connect(m_chunk, &QSpinBox::valueChanged, this, &ExperimentPanel::refresh);
    setExperiment(Experiment::appDefault());
}

// The corpus: which one, its size, what that comes to.
void ExperimentPanel::addCorpusRows(QFormLayout *form)
{
    m_corpus->setObjectName(u"corpus"_s);
    m_corpus->addItem(tr("Lesson"), int(CorpusSpec::Kind::Lesson));
    m_corpus->setItemData(
        0,
        tr("The lesson's three lines: “hello world”, “this is another line”, “this is yet another "
           "line”"),
        Qt::ToolTipRole);
    m_corpus->addItem(tr("Nice hat"), int(CorpusSpec::Kind::NiceHat));
    m_corpus->setItemData(1, tr("“nice hat / for a clown to wear / to the circus. idiot.”"), Qt::ToolTipRole);
    m_corpus->setToolTip(
        tr("What to count: a corpus generated in memory by repeating a few lines, or a text file "
           "(Open… or drop a file on the window)"));
    m_corpus->setAccessibleName(tr("Corpus"));
    m_open->setObjectName(u"openCorpus"_s);
    m_open->setToolTip(tr("Count the words of a text file instead (Ctrl+O)"));
    m_open->setAccessibleName(tr("Open a text file to count"));
    auto *corpusRow = new QHBoxLayout;
    corpusRow->addWidget(m_corpus, 1);
    corpusRow->addWidget(m_open);
    form->addRow(tr("&Corpus:"), corpusRow);
    static_cast<QLabel *>(form->labelForField(corpusRow))->setBuddy(m_corpus);

    m_repeat->setObjectName(u"repeat"_s);
    m_repeat->setRange(0, kMaxRepeat);
    m_repeat->setGroupSeparatorShown(true);
    m_repeat->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    m_repeat->setPrefix(u"× "_s);
    m_repeat->setToolTip(tr("How many times the corpus's lines are repeated (the lesson used 10,000,000)"));
    m_repeat->setAccessibleName(tr("Corpus size: number of repetitions"));
    form->addRow(tr("&Size:"), m_repeat);
    m_corpusInfo->setObjectName(u"corpusInfo"_s);
    m_corpusInfo->setAccessibleName(tr("Corpus size in bytes and lines"));
    m_corpusInfo->setWordWrap(true);
    form->addRow(QString(), m_corpusInfo);
}

// The modes to race: the C++ engines, then the lesson's own code in CPython; and the cluster's hosts.
void ExperimentPanel::addModeRows(QFormLayout *form)
{
    const std::array<QString, 7> modeTips = {
        tr("One loop on one thread: the lesson's sequential_word_count"),
        tr("A QThreadPool of N threads sharing the parent process"),
        tr("N wordrace-worker processes, like multiprocessing.Pool.map; their CPU is not the parent's"),
        tr("N MPI ranks started by mpirun, on this machine or on the hosts below: processes on different "
           "machines"),
        tr("The lesson's sequential_word_count in the system's CPython, over the same tasks"),
        tr("A pool of N threading.Thread workers in CPython: the real GIL (its wait is estimated as a task's "
           "wall minus its thread's CPU)"),
        tr("multiprocessing.Pool(N).map in CPython: pickling, transfer and the pool's start-up, measured")};
    m_clusterUnavailable = ClusterBackend::checkAvailable({});
    m_pythonUnavailable = PythonBackend::checkAvailable();
    auto *modes = new QVBoxLayout;
    modes->setSpacing(2);
    auto *python = new QVBoxLayout;
    python->setSpacing(2);
    for (Mode mode : knownModes()) {
        const bool cluster = mode == Mode::Cluster;
        const bool py = isPython(mode);
        const QString unavailable = cluster ? m_clusterUnavailable : py ? m_pythonUnavailable : QString();
        auto *box = new QCheckBox(cluster ? tr("cluster (MPI)") : modeName(mode), this);
        box->setObjectName(u"mode-"_s + modeName(mode));
        box->setIcon(swatch(Theme::modeColor(mode)));
        // The lesson's race is the three local C++ modes; the cluster and CPython are opt-in.
        box->setChecked(!cluster && !py);
        box->setToolTip(unavailable.isEmpty() ? modeTips[std::size_t(mode)] : unavailable);
        box->setEnabled(unavailable.isEmpty());
        box->setAccessibleName(tr("Run %1").arg(modeName(mode)));
        (py ? python : modes)->addWidget(box);
        m_modes[std::size_t(mode)] = box;
        connect(box, &QCheckBox::toggled, this, [this, mode](bool on) { onModeToggled(mode, on); });
    }
    form->addRow(tr("Modes:"), modes);
    form->addRow(tr("CPython:"), python);
    m_clusterHosts = new QLineEdit(this);
    m_clusterHosts->setObjectName(u"clusterHosts"_s);
    m_clusterHosts->setPlaceholderText(tr("this machine"));
    m_clusterHosts->setToolTip(
        tr("Cluster mode: hosts for mpirun --host (node1:2,node2:2), or the path of an "
           "Open MPI hostfile; empty runs every rank on this machine"));
    m_clusterHosts->setAccessibleName(tr("Cluster hosts or hostfile"));
    m_clusterHosts->setEnabled(false);
    form->addRow(tr("&Hosts:"), m_clusterHosts);
    connect(m_clusterHosts, &QLineEdit::textChanged, this, &ExperimentPanel::refresh);
}

// The workers (the machine's CPUs beside them) and the chunk size.
void ExperimentPanel::addWorkerRows(QFormLayout *form)
{
    m_workers->setObjectName(u"workers"_s);
    m_workers->setRange(1, Experiment::kMaxWorkers);
    m_workers->setValue(Experiment::defaultWorkers());
    m_workers->setToolTip(
        tr("Threads or processes for the parallel modes (the lesson used multiprocessing.cpu_count())"));
    m_workers->setAccessibleName(tr("Workers"));
    form->addRow(tr("&Workers:"), m_workers);
    m_cpuInfo->setObjectName(u"cpuInfo"_s);
    const int cpus = Experiment::defaultWorkers();
    // No translation is loaded for English, so plurals are spelt out rather than "CPU(s)".
    m_cpuInfo->setText(cpus == 1 ? tr("this machine: 1 logical CPU")
                                 : tr("this machine: %1 logical CPUs").arg(cpus));
    m_cpuInfo->setAccessibleName(m_cpuInfo->text());
    m_cpuInfo->setToolTip(tr("What multiprocessing.cpu_count() would say here"));
    form->addRow(QString(), m_cpuInfo);

    m_chunk->setObjectName(u"chunk"_s);
    m_chunk->setRange(0, std::numeric_limits<int>::max());
    m_chunk->setGroupSeparatorShown(true);
    m_chunk->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    m_chunk->setSuffix(tr(" lines"));
    m_chunk->setToolTip(tr("Lines per task. Auto is Pool.map's default: lines ÷ (4 × workers), rounded up"));
    m_chunk->setAccessibleName(tr("Chunk size in lines per task"));
    form->addRow(tr("C&hunk:"), m_chunk);
}

QWidget *ExperimentPanel::createConditions()
{
    auto *group = new QWidget(this);
    group->setObjectName(u"lessonConditions"_s);
    auto *box = new QVBoxLayout(group);
    box->setContentsMargins(0, 0, 0, 0);

    m_conditionsToggle = new QToolButton(group);
    m_conditionsToggle->setObjectName(u"conditionsToggle"_s);
    m_conditionsToggle->setText(tr("Lesson conditions"));
    m_conditionsToggle->setCheckable(true);
    m_conditionsToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_conditionsToggle->setArrowType(Qt::RightArrow);
    m_conditionsToggle->setAutoRaise(true);
    m_conditionsToggle->setToolTip(
        tr("Recreate the lesson's conditions openly: slow I/O, an interpreter's cost per word, an emulated "
           "GIL, a new worker per task, pickled transfers, repeated runs"));
    m_conditionsToggle->setAccessibleName(tr("Show or hide the lesson conditions"));
    box->addWidget(m_conditionsToggle);

    m_conditions = new QFrame(group);
    m_conditions->setObjectName(u"conditionsBody"_s);
    static_cast<QFrame *>(m_conditions)->setFrameShape(QFrame::StyledPanel);
    auto *form = new QFormLayout(m_conditions);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    // A long label ("Interpreter cost (emulated):") goes above its field when the panel is
    // narrow, so the open conditions do not widen the window past a 1366x768 screen.
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);

    addWorkRows(form);
    addProcessRows(form);
    addRunRows(form);

    box->addWidget(m_conditions);
    setConditionsExpanded(false);
    connect(m_conditionsToggle, &QToolButton::toggled, this, &ExperimentPanel::setConditionsExpanded);
    connect(m_ioLatency, &QDoubleSpinBox::valueChanged, this, &ExperimentPanel::refresh);
    connect(m_workPerWord, &QDoubleSpinBox::valueChanged, this, &ExperimentPanel::refresh);
    connect(m_gil, &QCheckBox::toggled, this, &ExperimentPanel::refresh);
    connect(m_spawn, &QComboBox::currentIndexChanged, this, &ExperimentPanel::refresh);
    connect(m_transport, &QComboBox::currentIndexChanged, this, &ExperimentPanel::refresh);
    connect(m_start, &QComboBox::currentIndexChanged, this, &ExperimentPanel::refresh);
    connect(m_timeout, &QDoubleSpinBox::valueChanged, this, &ExperimentPanel::refresh);
    connect(m_runs, &QSpinBox::valueChanged, this, &ExperimentPanel::refresh);
    connect(m_warmup, &QSpinBox::valueChanged, this, &ExperimentPanel::refresh);
    return group;
}

// What each task costs: I/O latency, the emulated interpreter, the GIL.
void ExperimentPanel::addWorkRows(QFormLayout *form)
{
    m_ioLatency = new QDoubleSpinBox(m_conditions);
    m_ioLatency->setObjectName(u"ioLatency"_s);
    m_ioLatency->setRange(0.0, 3'600'000.0); // Experiment::validate's bounds
    m_ioLatency->setDecimals(1);
    m_ioLatency->setSuffix(tr(" ms"));
    m_ioLatency->setSpecialValueText(tr("none"));
    m_ioLatency->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    m_ioLatency->setToolTip(tr("I/O latency per task: each task first waits this long, as if fetching a page "
                               "from a slow server"));
    m_ioLatency->setAccessibleName(tr("I/O latency per task in milliseconds"));
    form->addRow(tr("&I/O latency:"), m_ioLatency);

    m_workPerWord = new QDoubleSpinBox(m_conditions);
    m_workPerWord->setObjectName(u"workPerWord"_s);
    m_workPerWord->setRange(0.0, 1e9);
    m_workPerWord->setDecimals(1);
    m_workPerWord->setSuffix(tr(" ns/word"));
    m_workPerWord->setSpecialValueText(tr("none"));
    m_workPerWord->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    m_workPerWord->setToolTip(tr("Emulated interpreter cost: real CPU work added for every word counted. "
                                 "About 95 ns ≈ what CPython spends per word in the lesson's loop"));
    m_workPerWord->setAccessibleName(tr("Emulated interpreter cost per word in nanoseconds"));
    form->addRow(tr("Interpreter cost (emulated):"), m_workPerWord);

    m_gil = new QCheckBox(tr("Emulated GIL"), m_conditions);
    m_gil->setObjectName(u"gil"_s);
    m_gil->setToolTip(
        tr("Emulated global interpreter lock: threads must hold one lock to compute, so only one "
           "counts at a time (processes each have their own)"));
    m_gil->setAccessibleName(tr("Emulated global interpreter lock for threads"));
    form->addRow(QString(), m_gil);
}

// How workers are started and fed: spawn, transport, start method, task timeout.
void ExperimentPanel::addProcessRows(QFormLayout *form)
{
    m_spawn = new QComboBox(m_conditions);
    m_spawn->setObjectName(u"spawn"_s);
    m_spawn->addItem(tr("pool: reuse N workers"), int(Spawn::Pool));
    m_spawn->addItem(tr("new thread or process per task"), int(Spawn::PerTask));
    m_spawn->setToolTip(tr("Reuse a pool of N workers (Pool.map), or start a new thread or process for every "
                           "task and pay its start-up each time"));
    m_spawn->setAccessibleName(tr("Spawn workers"));
    form->addRow(tr("S&pawn:"), m_spawn);

    m_transport = new QComboBox(m_conditions);
    m_transport->setObjectName(u"transport"_s);
    m_transport->addItem(tr("shared memory"), int(Transport::Shared));
    m_transport->addItem(tr("pipe (as Pool.map pickles)"), int(Transport::Pipe));
    m_transport->setToolTip(tr("Processes only: read the corpus from shared memory, or receive each task's "
                               "bytes through a pipe as Pool.map pickles its arguments"));
    m_transport->setAccessibleName(tr("Transport of task data to worker processes"));
    form->addRow(tr("&Transport:"), m_transport);

    m_start = new QComboBox(m_conditions);
    m_start->setObjectName(u"start"_s);
    m_start->addItem(tr("default (spawn; CPython: its own)"), int(Start::Default));
    m_start->addItem(tr("spawn (exec wordrace-worker)"), int(Start::Spawn));
    m_start->addItem(tr("fork (inherit the corpus)"), int(Start::Fork));
    m_start->addItem(tr("forkserver (CPython only)"), int(Start::Forkserver));
    m_start->setToolTip(tr("Processes only, Python's start methods: spawn starts the worker program, which "
                           "maps the corpus; fork copies WordRace itself, corpus pages included, as Python's "
                           "default on Linux does; forkserver is CPython's only. Default: spawn for the C++ "
                           "workers, multiprocessing's own default for CPython"));
    m_start->setAccessibleName(tr("How worker processes start"));
    form->addRow(tr("Start &method:"), m_start);

    m_timeout = new QDoubleSpinBox(m_conditions);
    m_timeout->setObjectName(u"taskTimeout"_s);
    m_timeout->setRange(0.0, 86'400.0);
    m_timeout->setDecimals(1);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setSpecialValueText(tr("none"));
    m_timeout->setToolTip(tr("Task timeout: a worker silent on one task this long fails the run; 0 = none"));
    m_timeout->setAccessibleName(tr("Task timeout in seconds, 0 for none"));
    form->addRow(tr("Task time&out:"), m_timeout);
}

// How many runs measure it: measured runs and warm-up.
void ExperimentPanel::addRunRows(QFormLayout *form)
{
    m_runs = new QSpinBox(m_conditions);
    m_runs->setObjectName(u"runs"_s);
    m_runs->setRange(Experiment::kAutoRuns, Experiment::kMaxRuns);
    m_runs->setSpecialValueText(tr("auto"));
    m_runs->setToolTip(tr("Measured runs of each mode, interleaved across modes, to see how much the times "
                          "vary. auto: as many as fit in about %1 s after the first round, at most %2; "
                          "the chart then shows each mode's median and spread. Run Once (Shift+F5) "
                          "measures a single run.")
                           .arg(Experiment::kAutoBudgetS)
                           .arg(Experiment::kAutoMaxRuns));
    m_runs->setAccessibleName(tr("Measured runs of each mode"));
    form->addRow(tr("R&uns:"), m_runs);

    m_warmup = new QSpinBox(m_conditions);
    m_warmup->setObjectName(u"warmup"_s);
    m_warmup->setRange(0, Experiment::kMaxRuns);
    m_warmup->setToolTip(tr("Unmeasured runs of each mode first, so caches and the page cache are warm"));
    m_warmup->setAccessibleName(tr("Warm-up runs of each mode"));
    form->addRow(tr("W&arm-up:"), m_warmup);
}

void ExperimentPanel::setConditionsExpanded(bool expanded)
{
    m_conditionsToggle->setChecked(expanded);
    m_conditionsToggle->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    m_conditions->setVisible(expanded);
}

void ExperimentPanel::setActions(QAction *run, QAction *cancel)
{
    auto *row = new QHBoxLayout;
    m_run = new QToolButton(this);
    m_run->setObjectName(u"runButton"_s);
    m_run->setDefaultAction(run);
    m_run->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_run->setIconSize(QSize(32, 32));
    m_run->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_run->setMinimumHeight(56);
    QFont big = m_run->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    m_run->setFont(big);
    m_run->setAccessibleName(tr("Run the experiment"));
    m_cancel = new QToolButton(this);
    m_cancel->setObjectName(u"cancelButton"_s);
    m_cancel->setDefaultAction(cancel);
    m_cancel->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_cancel->setIconSize(QSize(24, 24));
    m_cancel->setMinimumHeight(56);
    m_cancel->setAccessibleName(tr("Cancel the run"));
    row->addWidget(m_run, 1);
    row->addWidget(m_cancel);
    auto *outer = static_cast<QVBoxLayout *>(layout());
    outer->insertLayout(1, row);
}

Experiment ExperimentPanel::experiment() const
{
    Experiment e;
    const auto kind = CorpusSpec::Kind(m_corpus->currentData().toInt());
    switch (kind) {
    case CorpusSpec::Kind::Lesson:
        e.corpus = CorpusSpec::lesson(m_lessonRepeat);
        break;
    case CorpusSpec::Kind::NiceHat:
        e.corpus = CorpusSpec::niceHat(m_niceHatRepeat);
        break;
    case CorpusSpec::Kind::File:
        e.corpus = CorpusSpec::file(m_filePath);
        break;
    }
    e.modes.clear();
    for (Mode mode : knownModes())
        if (m_modes[std::size_t(mode)]->isChecked())
            e.modes.append(mode);
    // A path to an existing file is a hostfile; anything else is a host list.
    if (const QString hosts = m_clusterHosts->text().trimmed(); QFileInfo(hosts).isFile())
        e.cluster.hostfile = hosts;
    else
        e.cluster.hosts = hosts;
    e.workers = m_workers->value();
    if (m_chunk->value() > 0)
        e.chunkLines = std::uint64_t(m_chunk->value());
    e.knobs.ioLatencyMs = m_ioLatency->value();
    e.knobs.workPerWordNs = m_workPerWord->value();
    e.knobs.gil = m_gil->isChecked();
    e.knobs.spawn = Spawn(m_spawn->currentData().toInt());
    e.knobs.transport = Transport(m_transport->currentData().toInt());
    e.knobs.start = Start(m_start->currentData().toInt());
    e.taskTimeoutS = m_timeout->value();
    e.runs = m_runs->value();
    e.warmup = m_warmup->value();
    return e;
}

void ExperimentPanel::setExperiment(const Experiment &experiment)
{
    m_updating = true;
    if (experiment.corpus.kind == CorpusSpec::Kind::File && !experiment.corpus.path.isEmpty()) {
        setCorpusFile(experiment.corpus.path);
    } else {
        if (experiment.corpus.kind == CorpusSpec::Kind::NiceHat)
            m_niceHatRepeat = std::min<std::uint64_t>(experiment.corpus.repeat, kMaxRepeat);
        else
            m_lessonRepeat = std::min<std::uint64_t>(experiment.corpus.repeat, kMaxRepeat);
        m_corpus->setCurrentIndex(m_corpus->findData(int(experiment.corpus.kind)));
    }
    for (Mode mode : knownModes())
        m_modes[std::size_t(mode)]->setChecked(experiment.modes.contains(mode) &&
                                               (mode != Mode::Cluster || m_clusterUnavailable.isEmpty()) &&
                                               (!isPython(mode) || m_pythonUnavailable.isEmpty()));
    m_clusterHosts->setText(experiment.cluster.hostfile.isEmpty() ? experiment.cluster.hosts
                                                                  : experiment.cluster.hostfile);
    m_workers->setValue(std::clamp(experiment.workers, 1, Experiment::kMaxWorkers));
    m_chunk->setValue(experiment.chunkLines ? int(std::min<std::uint64_t>(*experiment.chunkLines,
                                                                          std::numeric_limits<int>::max()))
                                            : 0);
    m_ioLatency->setValue(experiment.knobs.ioLatencyMs);
    m_workPerWord->setValue(experiment.knobs.workPerWordNs);
    m_gil->setChecked(experiment.knobs.gil);
    m_spawn->setCurrentIndex(std::max(0, m_spawn->findData(int(experiment.knobs.spawn))));
    m_transport->setCurrentIndex(std::max(0, m_transport->findData(int(experiment.knobs.transport))));
    m_start->setCurrentIndex(std::max(0, m_start->findData(int(experiment.knobs.start))));
    m_timeout->setValue(experiment.taskTimeoutS);
    m_runs->setValue(experiment.runs);
    m_warmup->setValue(experiment.warmup);
    // Conditions that change the race are never folded out of sight.
    // (How many runs measure it does not change the race; the results say how many ran.)
    const Experiment plain;
    if (experiment.knobs != plain.knobs || experiment.taskTimeoutS != plain.taskTimeoutS)
        setConditionsExpanded(true);
    m_updating = false;
    corpusKindChanged();
}

QString ExperimentPanel::fileProblem(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return tr("%1 does not exist.").arg(QDir::toNativeSeparators(path));
    if (info.isDir())
        return tr("%1 is a folder, not a file.").arg(QDir::toNativeSeparators(path));
    if (!info.isReadable())
        return tr("You may not read %1.").arg(QDir::toNativeSeparators(path));
    return {};
}

QString ExperimentPanel::chooseFile()
{
    return QFileDialog::getOpenFileName(this, tr("Count the Words of a File"), AppSettings().openFolder(),
                                        // Texts often have no extension (COPYING, a
                                        // Gutenberg download): every file shows by default.
                                        tr("All files (*);;Text files (*.txt *.md *.csv *.log)"));
}

QString ExperimentPanel::summary() const
{
    const Experiment e = experiment();
    QStringList modes;
    for (Mode m : e.modes)
        modes << modeName(m);
    const QString workers = e.workers == 1 ? tr("1 worker") : tr("%1 workers").arg(e.workers);
    return tr("%1 · %2 · %3").arg(e.corpus.displayName(), modes.join(u", "_s), workers);
}

void ExperimentPanel::setCorpusFile(const QString &path)
{
    m_filePath = path;
    const QString name = QFileInfo(path).fileName();
    int index = m_corpus->findData(int(CorpusSpec::Kind::File));
    if (index < 0) {
        m_corpus->addItem(name, int(CorpusSpec::Kind::File));
        index = m_corpus->count() - 1;
    } else {
        m_corpus->setItemText(index, name);
    }
    m_corpus->setItemData(index, path, Qt::ToolTipRole);
    if (m_corpus->currentIndex() == index)
        corpusKindChanged();
    else
        m_corpus->setCurrentIndex(index);
}

void ExperimentPanel::setKnownLines(const QString &path, std::uint64_t lines)
{
    m_knownLinesPath = path;
    m_knownLines = lines;
    refresh();
}

QScrollArea *ExperimentPanel::scrolled(QWidget *parent)
{
    auto *scroll = new QScrollArea(parent);
    scroll->setObjectName(u"experimentScroll"_s);
    scroll->setWidget(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll = scroll;
    fitScrollArea();
    return scroll;
}

bool ExperimentPanel::event(QEvent *event)
{
    // The conditions opening, a bigger font (presentation) or another language change what the
    // widest row needs; the area follows so that no label is ever cut.
    if (event->type() == QEvent::LayoutRequest)
        fitScrollArea();
    return QWidget::event(event);
}

void ExperimentPanel::fitScrollArea()
{
    if (!m_scroll)
        return;
    const int bar = m_scroll->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, m_scroll);
    m_scroll->setMinimumWidth(minimumSizeHint().width() + bar);
}

void ExperimentPanel::setRunning(bool running)
{
    for (QWidget *w : std::initializer_list<QWidget *>{m_corpus, m_open, m_repeat, m_workers, m_chunk,
                                                       m_ioLatency, m_workPerWord, m_gil, m_spawn,
                                                       m_transport, m_start, m_timeout, m_runs, m_warmup})
        w->setEnabled(!running);
    for (QCheckBox *box : m_modes)
        box->setEnabled(!running);
    m_clusterHosts->setEnabled(!running);
    // A file is counted as it is: its size is not a setting.
    m_repeat->setEnabled(!running &&
                         CorpusSpec::Kind(m_corpus->currentData().toInt()) != CorpusSpec::Kind::File);
    if (!running)
        refresh();
}

void ExperimentPanel::corpusKindChanged()
{
    const auto kind = CorpusSpec::Kind(m_corpus->currentData().toInt());
    m_updating = true;
    const bool generated = kind != CorpusSpec::Kind::File;
    m_repeat->setEnabled(generated);
    if (generated)
        m_repeat->setValue(int(kind == CorpusSpec::Kind::NiceHat ? m_niceHatRepeat : m_lessonRepeat));
    m_updating = false;
    refresh();
}

std::optional<std::uint64_t> ExperimentPanel::corpusLines() const
{
    const Experiment e = experiment();
    if (e.corpus.kind != CorpusSpec::Kind::File)
        return e.corpus.repeat * std::uint64_t(e.corpus.patternLines());
    if (!m_knownLinesPath.isEmpty() && m_knownLinesPath == e.corpus.path)
        return m_knownLines;
    return std::nullopt;
}

QString ExperimentPanel::problem() const
{
    const Experiment e = experiment();
    if (e.corpus.kind == CorpusSpec::Kind::File && e.corpus.path.isEmpty())
        return tr("Choose a text file to count.");
    if (e.modes.isEmpty())
        return tr("Tick at least one mode: sequential, threads or processes.");
    if (e.corpus.kind != CorpusSpec::Kind::File && !Corpus::generatedSize(e.corpus))
        return tr("That corpus would be too large: choose a smaller size.");
    return e.validate();
}

void ExperimentPanel::onModeToggled(Mode mode, bool on)
{
    const QList<Mode> python = pythonModes();
    const bool anyPython = std::any_of(python.cbegin(), python.cend(),
                                       [this](Mode m) { return m_modes[std::size_t(m)]->isChecked(); });
    if (!anyPython)
        m_pythonNote.clear();
    const CorpusSpec::Kind kind = CorpusSpec::Kind(m_corpus->currentData().toInt());
    if (on && isPython(mode) && kind != CorpusSpec::Kind::File) {
        std::uint64_t &repeat = kind == CorpusSpec::Kind::NiceHat ? m_niceHatRepeat : m_lessonRepeat;
        if (repeat > kPythonRepeatCap) {
            repeat = kPythonRepeatCap;
            m_pythonNote = tr("Lowered to ×%1 for the CPython modes: a CPython run of about %2 s, where the "
                              "full size would keep a class waiting. Set the size again to count more.")
                               .arg(Units::count(kPythonRepeatCap), Units::decimal(kPythonRunBudgetS, 0));
            m_updating = true;
            m_repeat->setValue(int(repeat));
            m_updating = false;
        }
    }
    refresh();
}

void ExperimentPanel::refresh()
{
    if (m_updating)
        return;
    const Experiment e = experiment();
    if (e.corpus.kind == CorpusSpec::Kind::File) {
        const QFileInfo info(e.corpus.path);
        QString text = info.exists() ? tr("%1 file").arg(Units::bytes(std::uint64_t(info.size())))
                                     : tr("file not found");
        if (const auto lines = corpusLines())
            text += tr(" · %1 lines").arg(Units::count(*lines));
        m_corpusInfo->setText(text);
        m_corpusInfo->setToolTip(e.corpus.path);
    } else if (const auto bytes = Corpus::generatedSize(e.corpus)) {
        m_corpusInfo->setText(
            tr("%1 · %2 lines").arg(Units::bytes(*bytes), Units::count(e.corpus.repeat * 3)));
        m_corpusInfo->setToolTip(tr("%1 bytes, generated in memory").arg(Units::count(*bytes)));
        // One line, so the rows below stay where the pointer is; the tooltip says why.
        if (!m_pythonNote.isEmpty()) {
            m_corpusInfo->setText(m_corpusInfo->text() + tr(" · sized for CPython"));
            m_corpusInfo->setToolTip(m_pythonNote);
        }
    } else {
        m_corpusInfo->setText(tr("too large"));
    }

    const int workers = m_workers->value();
    if (const auto lines = corpusLines())
        m_chunk->setSpecialValueText(
            tr("auto: %1 lines").arg(Units::count(TaskPlanner::defaultChunkLines(*lines, workers))));
    else
        m_chunk->setSpecialValueText(tr("auto: lines ÷ (4 × %1)").arg(workers));

    const bool clusterOk = m_clusterUnavailable.isEmpty();
    m_modes[std::size_t(Mode::Cluster)]->setEnabled(clusterOk && m_modes[0]->isEnabled());
    for (Mode mode : pythonModes())
        m_modes[std::size_t(mode)]->setEnabled(m_pythonUnavailable.isEmpty() && m_modes[0]->isEnabled());
    m_clusterHosts->setEnabled(clusterOk && m_modes[std::size_t(Mode::Cluster)]->isChecked() &&
                               m_modes[0]->isEnabled());

    const QString why = problem();
    m_problem->setText(why);
    m_problem->setVisible(!why.isEmpty());
    Q_EMIT experimentChanged();
}

} // namespace wordrace
