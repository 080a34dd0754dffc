#include "window/mainwindow.h"

#include "window/aboutbox.h"
#include "window/chartexports.h"
#include "window/helpmenu.h"
#include "window/languagemenu.h"
#include "window/mainactions.h"
#include "window/presentationmode.h"
#include "window/scenariodriver.h"
#include "window/sessionstatus.h"
#include "window/walkthroughdriver.h"
#include "window/windowtitle.h"

#include "analysis/plausibility.h"
#include "io/units.h"
#include "panels/experimentpanel.h"
#include "panels/historyview.h"
#include "panels/racepage.h"
#include "panels/resultspane.h"
#include "panels/scalingpanel.h"
#include "panels/scenariopanel.h"
#include "session/appsettings.h"
#include "session/experimentsession.h"
#include "session/runhistory.h"
#include "session/sessioncontroller.h"
#include "timeline/timelineview.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QScrollArea>
#include <QShortcut>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>

// Outside the namespace: Q_INIT_RESOURCE declares a global function.
static void initWordRaceResources()
{
    Q_INIT_RESOURCE(wordrace);
}

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

constexpr int kStatusTimeoutMs = 8000;

QString localFileOf(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    for (const QUrl &url : mime->urls())
        if (url.isLocalFile())
            return url.toLocalFile();
    return {};
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_session(new ExperimentSession(this)), m_runner(m_session->runner()),
      m_history(m_session->history())
{
    initWordRaceResources();
    setObjectName(u"mainWindow"_s);
    setWindowIcon(QIcon(u":/wordrace/wordrace.svg"_s));
    setAcceptDrops(true);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);

    createActions();
    createCentral();
    createDocks();
    createMenus();
    createToolBar();
    connectSession();

    m_session->setChartsPending([this] { return m_race->chartsPending() || m_walkthrough->chartsPending(); });

    statusBar()->setAccessibleName(tr("Status"));
    loadSettings();
    applyTheme();
    updateActions();
    statusBar()->showMessage(tr("Ready: press Run (F5) to count the lesson's words three ways."));
    // Ready to run: Enter or Space starts the race as soon as the window opens.
    if (auto *run = m_panel->findChild<QToolButton *>(u"runButton"_s))
        run->setFocus();
}

MainWindow::~MainWindow()
{
    // Stop the engine before the panes it reports to go away.
    disconnect(m_runner, nullptr, this, nullptr);
    m_runner->cancel();
    m_runner->wait();
}

bool MainWindow::startWalkthrough()
{
    if (isRunning() || (m_scaling && m_scaling->isRunning()))
        return false;
    m_scenarios->withdrawQuestion();
    return m_walkthrough->start();
}

bool MainWindow::isPresentation() const
{
    return m_presentation && m_presentation->isOn();
}

void MainWindow::createActions()
{
    m_actions = std::make_unique<MainActions>(this);
    for (QAction *a : m_actions->themes->actions())
        connect(a, &QAction::triggered, this, [this, a] { setThemeKind(Theme::Kind(a->data().toInt())); });

    connect(m_actions->run, &QAction::triggered, this, &MainWindow::runExperiment);
    connect(m_actions->runOnce, &QAction::triggered, this, &MainWindow::runOnce);
    connect(m_actions->cancel, &QAction::triggered, this, &MainWindow::cancelRun);
    connect(m_actions->open, &QAction::triggered, this, &MainWindow::openFileDialog);
    connect(m_actions->exportChart, &QAction::triggered, this,
            [this] { m_exports->exportDialog(m_race->focusedChart()); });
    connect(m_actions->copyChart, &QAction::triggered, this, [this] { copyChart(m_race->focusedChart()); });
    connect(m_actions->quit, &QAction::triggered, this, &QWidget::close);
    connect(m_actions->presentation, &QAction::toggled, this, &MainWindow::setPresentation);
    connect(m_actions->zoomIn, &QAction::triggered, this,
            [this] { m_race->activePane()->timeline()->zoomIn(); });
    connect(m_actions->zoomOut, &QAction::triggered, this,
            [this] { m_race->activePane()->timeline()->zoomOut(); });
    connect(m_actions->zoomReset, &QAction::triggered, this,
            [this] { m_race->activePane()->timeline()->resetZoom(); });
    connect(m_actions->about, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_actions->walkthrough, &QAction::triggered, this, &MainWindow::startWalkthrough);

    // Esc cancels a run; with nothing running it leaves presentation mode. Only one is enabled at
    // a time, so the key is never ambiguous.
    m_leavePresentation = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    m_leavePresentation->setEnabled(false);
    connect(m_leavePresentation, &QShortcut::activated, this, [this] { setPresentation(false); });
}

void MainWindow::createCentral()
{
    m_race = new RacePage(m_session, this);
    m_scenarioPanel = m_race->scenarioPanel();
    m_scenarios = new ScenarioDriver(m_session, m_scenarioPanel, this);
    connect(m_scenarios, &ScenarioDriver::experimentRequested, this, [this](const Experiment &experiment) {
        // The panel shows what runs, so that what the class sees can be run again by hand.
        m_panel->setExperiment(experiment);
        startExperiment(experiment);
    });
    connect(m_scenarios, &ScenarioDriver::statusMessage, this, &MainWindow::showStatus);
    m_exports = new ChartExports(
        this, m_race, *m_actions, [this] { return theme(); }, [this] { return isPresentation(); });
    connect(m_exports, &ChartExports::statusMessage, this, &MainWindow::showStatus);
    connect(m_exports, &ChartExports::failed, this, &MainWindow::showError);
    connect(m_race, &RacePage::chartMenuRequested, m_exports, &ChartExports::chartMenu);

    // The race and the sweeps share the window; a sweep is many races, so it gets a tab of its own.
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"tabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_race, tr("Race"));
    m_scaling = new ScalingPanel(m_tabs);
    m_tabs->addTab(m_scaling, tr("Scaling"));
    m_tabs->setUsesScrollButtons(false);
    for (QToolButton *arrow : m_tabs->tabBar()->findChildren<QToolButton *>())
        arrow->setToolTip(arrow->accessibleName());
    // Esc must reach a running sweep from any tab, not only while its own tab is on show.
    addAction(m_scaling->cancelAction());
    connect(m_scaling, &ScalingPanel::runningChanged, this, [this] { updateActions(); });
    m_walkthrough = new WalkthroughDriver(m_session, m_tabs, this);
    connect(m_walkthrough, &WalkthroughDriver::experimentRequested, this, &MainWindow::startExperiment);
    connect(m_walkthrough, &WalkthroughDriver::activeChanged, this, &MainWindow::updateActions);
    setCentralWidget(m_walkthrough->central());
}

void MainWindow::createDocks()
{
    m_panel = new ExperimentPanel(this);
    m_panel->setActions(m_actions->run, m_actions->cancel);
    connect(m_panel, &ExperimentPanel::experimentChanged, this, &MainWindow::updateActions);
    connect(m_panel, &ExperimentPanel::openFileRequested, this, &MainWindow::openFileDialog);
    m_experimentDock = addDock(tr("Experiment"), u"experimentDock"_s, m_panel->scrolled(this),
                               tr("Experiment settings"), false);

    m_historyView = new HistoryView(m_history, this);
    connect(m_historyView, &HistoryView::rowsSelected, this, &MainWindow::showSelection);
    m_historyDock = addDock(tr("History"), u"historyDock"_s, m_historyView, tr("Run history"), true);
}

QDockWidget *MainWindow::addDock(const QString &title, const QString &name, QWidget *widget,
                                 const QString &accessibleName, bool closable)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(name);
    dock->setWidget(widget);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                      (closable ? QDockWidget::DockWidgetClosable : QDockWidget::NoDockWidgetFeatures));
    dock->setAccessibleName(accessibleName);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    return dock;
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    // Ctrl+O and Ctrl+S are the session's, the document a lab keeps; a text file is Ctrl+Shift+O.
    m_sessions = new SessionController({this,
                                        m_session,
                                        m_panel,
                                        m_historyView,
                                        {m_race->pane(0), m_race->pane(1)},
                                        statusBar(),
                                        [this] { return theme(); },
                                        m_scaling});
    new WindowTitle(this, m_panel, m_sessions, m_session);
    file->addAction(m_sessions->openAction());
    file->addAction(m_sessions->saveAction());
    file->addSeparator();
    file->addAction(m_actions->open);
    file->addSeparator();
    file->addAction(m_actions->exportChart);
    file->addAction(m_actions->copyChart);
    file->addMenu(m_sessions->exportDataMenu());
    file->addAction(m_sessions->exportEverythingAction());
    file->addSeparator();
    file->addAction(m_actions->quit);

    QMenu *run = menuBar()->addMenu(tr("&Run"));
    run->addAction(m_actions->run);
    run->addAction(m_actions->runOnce);
    run->addAction(m_actions->cancel);

    m_scenarioMenu = m_scenarios->menu();
    m_scenarioMenu->insertAction(m_scenarioMenu->actions().value(0), m_actions->walkthrough);
    m_scenarioMenu->insertSeparator(m_scenarioMenu->actions().value(1));
    menuBar()->addMenu(m_scenarioMenu);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_actions->presentation);
    QMenu *themes = view->addMenu(tr("&Theme"));
    themes->addActions(m_actions->themes->actions());
    view->addSeparator();
    view->addAction(m_actions->zoomIn);
    view->addAction(m_actions->zoomOut);
    view->addAction(m_actions->zoomReset);
    view->addSeparator();
    view->addAction(m_experimentDock->toggleViewAction());
    view->addAction(m_historyDock->toggleViewAction());
    view->addMenu(new LanguageMenu(this));

    addHelpMenu(this, *m_actions);
}

void MainWindow::createToolBar()
{
    m_toolBar = addToolBar(tr("Main"));
    m_toolBar->setObjectName(u"mainToolBar"_s);
    m_toolBar->setAccessibleName(tr("Main toolbar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->addAction(m_actions->run);
    m_toolBar->addAction(m_actions->runOnce);
    m_toolBar->addAction(m_actions->cancel);
    // The lesson's experiments, two clicks from launch: this button, then one of them.
    m_scenarioButton = m_scenarios->makeButton(this);
    m_toolBar->addWidget(m_scenarioButton);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_actions->open);
    m_toolBar->addAction(m_actions->exportChart);
    const QList<QAction *> deskOnly{m_actions->open, m_actions->exportChart, m_toolBar->addSeparator()};
    m_toolBar->addAction(m_actions->presentation);
    // In presentation mode the experiment panel is hidden; this line says what is being raced.
    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setObjectName(u"experimentSummary"_s);
    m_summaryLabel->setAccessibleName(tr("Experiment"));
    m_summaryLabel->setContentsMargins(12, 0, 12, 0);
    m_toolBar->addWidget(m_summaryLabel);
    m_presentation = std::make_unique<PresentationMode>(this, m_toolBar,
                                                        QList<QDockWidget *>{m_experimentDock, m_historyDock},
                                                        deskOnly, m_actions->presentation);
    connect(m_presentation.get(), &PresentationMode::textSizeChanged, this, &MainWindow::applyTheme);
}

void MainWindow::connectSession()
{
    // The race page draws what the session records; SessionStatus says it in the status bar.
    new SessionStatus(m_session, statusBar(), this);
    connect(m_session, &ExperimentSession::resultAdded, this, [this](int, const RunResult &result) {
        if (result.corpus.kind == CorpusSpec::Kind::File)
            m_panel->setKnownLines(result.corpus.path, result.corpusLines);
    });
    connect(m_session, &ExperimentSession::failed, this, &MainWindow::onRunFailed);
    connect(m_session, &ExperimentSession::finished, this, &MainWindow::onExperimentFinished);
}

void MainWindow::loadSettings()
{
    AppSettings settings;
    QString note;
    m_panel->setExperiment(settings.experiment(&note));
    if (!note.isEmpty())
        QTimer::singleShot(0, this, [this, note] { showStatus(note); });
    m_themeKind = settings.theme();
    settings.restoreWindow(this);
    for (QAction *a : m_actions->themes->actions())
        a->setChecked(a->data().toInt() == int(m_themeKind));
}

void MainWindow::saveSettings()
{
    AppSettings settings;
    settings.setExperiment(m_panel->experiment());
    settings.setTheme(m_themeKind);
    if (isPresentation())
        settings.setWindow(m_presentation->deskGeometry(), m_presentation->deskState());
    else
        settings.setWindow(saveGeometry(), saveState());
}

bool MainWindow::isRunning() const
{
    return m_session->isRunning();
}

void MainWindow::runExperiment()
{
    runPanelExperiment(false);
}

void MainWindow::runOnce()
{
    runPanelExperiment(true);
}

void MainWindow::runPanelExperiment(bool once)
{
    if (isRunning())
        return;
    if (const QString why = m_panel->problem(); !why.isEmpty()) {
        showStatus(why);
        return;
    }
    // A run of the panel's own experiment ends any scenario left waiting for its prediction.
    m_scenarios->withdrawQuestion();
    Experiment experiment = m_panel->experiment();
    if (once) {
        experiment.runs = 1;
        experiment.warmup = 0;
    }
    startExperiment(experiment);
}

void MainWindow::startExperiment(const Experiment &experiment)
{
    const int row = m_session->start(experiment);
    if (row < 0)
        return;
    m_historyView->selectRow(row);
    showSelection();
    statusBar()->showMessage(tr("Preparing the corpus…"));
    m_panel->setRunning(true);
    updateActions();
}

void MainWindow::cancelRun()
{
    if (!isRunning())
        return;
    m_session->cancel();
    statusBar()->showMessage(tr("Cancelling…"));
}

void MainWindow::onRunFailed(int, const QString &reason, Runner::FailureKind kind)
{
    if (kind == Runner::FailureKind::BadInput) {
        showError(tr("WordRace cannot run this experiment."),
                  tr("%1\n\nChange the experiment (corpus, size, workers or chunk size) and press Run again.")
                      .arg(reason));
    } else {
        showError(
            tr("The run failed."),
            tr("%1\n\nCheck that wordrace-worker is installed next to WordRace and that there is enough free "
               "memory, then press Run again. Unticking “processes” runs without worker processes.")
                .arg(reason));
    }
}

void MainWindow::onExperimentFinished(int row)
{
    const HistoryEntry &e = m_history->entry(row);
    showSelection();
    // A doubt stays up longer: it is the one thing about these numbers the class must hear.
    statusBar()->showMessage(e.endingText(), Plausibility::firstDoubt(e.results).isEmpty()
                                                 ? kStatusTimeoutMs
                                                 : kStatusTimeoutMs * 2);
    m_panel->setRunning(false);
    updateActions();
}

bool MainWindow::startScenario(const QString &id)
{
    return m_scenarios->ask(id);
}

void MainWindow::showSelection()
{
    const QList<int> rows = m_historyView->selectedRows();
    m_scenarios->showEntry(rows.size() == 1 ? &m_history->entry(rows.first()) : nullptr);
    if (m_race->showRows(rows))
        showStatus(tr("Comparing #%1 and #%2 on the same scales")
                       .arg(m_history->entry(rows.at(0)).number)
                       .arg(m_history->entry(rows.at(1)).number));
    updateActions();
}

void MainWindow::updateActions()
{
    const bool sweeping = m_scaling && m_scaling->isRunning();
    const bool running = isRunning() || sweeping;
    if (m_scaling)
        m_scaling->setBlocked(isRunning());
    const bool walkthrough = m_walkthrough && m_walkthrough->isActive();
    m_actions->run->setEnabled(!running && !walkthrough && m_panel->problem().isEmpty());
    m_actions->walkthrough->setEnabled(!running);
    m_actions->runOnce->setEnabled(m_actions->run->isEnabled());
    m_actions->cancel->setEnabled(isRunning());
    m_actions->open->setEnabled(!running);
    if (m_scenarioButton) {
        m_scenarioButton->setEnabled(!running);
        m_scenarios->setEnabled(!running);
    }
    // In the walkthrough Esc is the page's: it leaves the walkthrough first.
    m_leavePresentation->setEnabled(isPresentation() && !running && !walkthrough);
    m_actions->run->setToolTip(running ? tr("A run is going (Esc cancels it)")
                               : m_panel->problem().isEmpty()
                                   ? tr("Count the words in every mode ticked (F5)")
                                   : m_panel->problem());
    if (m_scaling)
        m_scaling->setBaseExperiment(m_panel->experiment());
    m_summaryLabel->setText(m_panel->summary());
}

Theme MainWindow::theme() const
{
    return isPresentation() ? m_presentation->theme() : Theme::byKind(m_themeKind);
}

void MainWindow::setThemeKind(Theme::Kind kind)
{
    m_themeKind = kind;
    for (QAction *a : m_actions->themes->actions())
        a->setChecked(a->data().toInt() == int(kind));
    applyTheme();
}

void MainWindow::applyTheme()
{
    const Theme t = theme();
    // The desktop's own palette, as it was before any theme of ours replaced it.
    static const QPalette desktop = QApplication::palette();
    QApplication::setPalette(t.kind == Theme::Kind::Dark ? Theme::darkPalette() : desktop);
    m_race->setTheme(t);
    if (m_scaling)
        m_scaling->setTheme(t);
    // Projector type for everything a class reads from the back: progress, table, toolbar.
    const bool big = t.kind == Theme::Kind::Projector;
    QFont font;
    if (big)
        font.setPixelSize(t.textPx);
    for (QWidget *w : std::initializer_list<QWidget *>{m_toolBar, statusBar(), m_summaryLabel})
        w->setFont(big ? font : QFont());
    m_toolBar->setIconSize(big ? QSize(40, 40) : QSize(24, 24));
}

void MainWindow::setPresentation(bool on)
{
    if (on == isPresentation())
        return;
    if (on)
        m_presentation->enter();
    else
        m_presentation->leave();
    m_actions->presentation->blockSignals(true);
    m_actions->presentation->setChecked(on);
    m_actions->presentation->blockSignals(false);
    m_actions->presentation->setText(on ? tr("Leave &Presentation") : tr("&Presentation"));
    applyTheme();
    updateActions();
    showStatus(on ? tr("Presentation: F5 runs, Esc cancels or leaves, F11 leaves.") : QString());
}

bool MainWindow::openCorpusFile(const QString &path)
{
    if (const QString why = ExperimentPanel::fileProblem(path); !why.isEmpty()) {
        showError(tr("WordRace cannot count that file."),
                  tr("%1\n\nChoose a text file you can read.").arg(why));
        return false;
    }
    if (isRunning()) {
        showStatus(tr("Wait for the run to finish (or press Esc) before changing the corpus."));
        return false;
    }
    const QFileInfo info(path);
    m_panel->setCorpusFile(info.absoluteFilePath());
    AppSettings().setOpenFolder(info.absolutePath());
    showStatus(tr("Corpus: %1. Press Run (F5).").arg(info.fileName()));
    return true;
}

void MainWindow::openFileDialog()
{
    if (const QString path = m_panel->chooseFile(); !path.isEmpty())
        openCorpusFile(path);
}

bool MainWindow::exportChart(ChartKind kind, const QString &path, const QSize &pixelSize, bool projectorTheme,
                             QString *error)
{
    return m_exports->exportChart(kind, path, pixelSize, projectorTheme, error);
}

void MainWindow::copyChart(ChartKind kind)
{
    m_exports->copyChart(kind);
}

void MainWindow::showError(const QString &text, const QString &details)
{
    // Not exec(): a run's failure must never stop the event loop, or tests and Esc would hang.
    if (m_errorBox) {
        m_errorBox->setObjectName({}); // gone: never found in its successor's place
        m_errorBox->deleteLater();
    }
    m_errorBox = new QMessageBox(QMessageBox::Warning, tr("WordRace"), text, QMessageBox::Ok, this);
    m_errorBox->setObjectName(u"errorBox"_s);
    m_errorBox->setInformativeText(details);
    m_errorBox->setAttribute(Qt::WA_DeleteOnClose);
    m_errorBox->open();
}

void MainWindow::showStatus(const QString &text)
{
    statusBar()->showMessage(text, kStatusTimeoutMs);
}

void MainWindow::showAbout()
{
    showAboutBox(this);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (isRunning()) {
        // The runner's destructor would wait too; doing it here keeps no worker process behind
        // while the window still exists to show it is stopping.
        statusBar()->showMessage(tr("Stopping the run…"));
        m_runner->cancel();
        m_runner->wait();
    }
    saveSettings();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!localFileOf(event->mimeData()).isEmpty() && !isRunning())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = localFileOf(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    // After the drop returns: a dialog inside a drop handler confuses some platforms' drag state.
    QTimer::singleShot(0, this, [this, path] { openCorpusFile(path); });
}

} // namespace wordrace
