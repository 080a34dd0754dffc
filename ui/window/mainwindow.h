#pragma once

#include "analysis/scenario.h"
#include "charts/chartexporter.h"
#include "charts/theme.h"
#include "engine/runner.h"
#include "model/experiment.h"

#include <QElapsedTimer>
#include <QMainWindow>
#include <QMessageBox>
#include <QPointer>

#include <array>
#include <memory>

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QListView;
class QMenu;
class QToolButton;
class QProgressBar;
class QShortcut;
class QSplitter;
class QTabWidget;
class QTimer;
class QToolBar;

namespace wordrace {

class ExperimentPanel;
class LiveText;
struct HistoryEntry;
class ResultsPane;
class HistoryView;
class RacePage;
class ChartExports;
struct MainActions;
class PresentationMode;
class RunHistory;
class ScenarioPanel;
class SessionController;
class ExperimentSession;
class ScenarioDriver;
class ScalingPanel;
class WalkthroughDriver;

// WordRace's window: the experiment on the left, the race's charts and numbers in the middle,
// every run of the session below the experiment to show again or compare.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void runExperiment();
    void runOnce();
    void cancelRun();
    // Asks the built-in scenario's question, then runs its experiments one after the other and
    // shows the measured verdict. False for an unknown id or while a run goes.
    bool startScenario(const QString &id);
    bool isRunning() const;

    // Opens the lesson walkthrough where it was left; false while a run goes.
    bool startWalkthrough();
    void setPresentation(bool on);
    bool isPresentation() const;
    void setThemeKind(Theme::Kind kind);
    // The theme in use: the projector one in presentation mode, the chosen one otherwise.
    Theme theme() const;

    // Makes the file the corpus; shows a dialog and returns false when it cannot be read.
    bool openCorpusFile(const QString &path);
    // Writes a chart of the pane on show. On failure returns false and the reason (no dialog).
    bool exportChart(ChartKind kind, const QString &path, const QSize &pixelSize, bool projectorTheme,
                     QString *error = nullptr);
    void copyChart(ChartKind kind);

    // The experiments run and their history, which the window and its panes observe.
    ExperimentSession *session() const { return m_session; }
    // File > Open/Save Session, Export Data and Export Everything.
    SessionController *sessions() const { return m_sessions; }

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createDocks();
    void createCentral();
    void connectSession();
    void loadSettings();
    void saveSettings();

    void runPanelExperiment(bool once);
    void startExperiment(const Experiment &experiment);
    void updateActions();
    void applyTheme();
    void showSelection();

    void onRunFailed(int row, const QString &reason, Runner::FailureKind kind);
    void onExperimentFinished(int row);

    void openFileDialog();
    void showError(const QString &text, const QString &details);
    void showAbout();
    void showStatus(const QString &text);
    QDockWidget *addDock(const QString &title, const QString &name, QWidget *widget,
                         const QString &accessibleName, bool closable);

    ExperimentSession *m_session;
    Runner *m_runner;      // the session's
    RunHistory *m_history; // the session's
    ExperimentPanel *m_panel = nullptr;
    HistoryView *m_historyView = nullptr;
    RacePage *m_race = nullptr;
    ChartExports *m_exports = nullptr;
    QLabel *m_summaryLabel = nullptr;
    QDockWidget *m_experimentDock = nullptr;
    QDockWidget *m_historyDock = nullptr;
    QToolBar *m_toolBar = nullptr;
    QPointer<QMessageBox> m_errorBox;
    ScenarioPanel *m_scenarioPanel = nullptr;
    SessionController *m_sessions = nullptr;
    ScalingPanel *m_scaling = nullptr;
    QTabWidget *m_tabs = nullptr;
    QMenu *m_scenarioMenu = nullptr;
    QToolButton *m_scenarioButton = nullptr;

    ScenarioDriver *m_scenarios = nullptr;
    WalkthroughDriver *m_walkthrough = nullptr; // owns the central area: the tabs, or the walkthrough

    std::unique_ptr<MainActions> m_actions;
    QShortcut *m_leavePresentation = nullptr;

    Theme::Kind m_themeKind = Theme::Kind::Light;
    std::unique_ptr<PresentationMode> m_presentation;
};

} // namespace wordrace
