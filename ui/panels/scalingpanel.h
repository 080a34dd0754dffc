#pragma once

#include "charts/scalingchart.h"
#include "charts/theme.h"
#include "engine/sweeprunner.h"
#include "model/experiment.h"
#include "panels/livetext.h"

#include <QSize>
#include <QWidget>

#include <array>
#include <optional>

class QAction;
class QChartView;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace wordrace {

// The Scaling tab: sweeps over worker counts (speed-up, efficiency, Amdahl's law) or corpus sizes
// (where the parallel modes start to beat sequential), run through a SweepRunner so the window stays
// responsive, shown as two charts and a table that grow point by point.
class ScalingPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ScalingPanel(QWidget *parent = nullptr);
    ~ScalingPanel() override;

    // Knobs, chunk size, warm-up and the worker program come from here (the Experiment panel);
    // the sweep's own controls choose corpus, sizes, workers, modes and runs.
    void setBaseExperiment(const Experiment &base);
    // While a race runs on the other tab a sweep would measure the contention, not the modes.
    void setBlocked(bool blocked);
    void setTheme(const Theme &theme);

    Sweep::Kind kind() const;
    // The experiments Start would run, or nullopt and why not.
    std::optional<QList<Experiment>> plan(QString *problem = nullptr) const;
    // Starts the sweep; false (and the reason on the panel) when it cannot run.
    bool start();
    void cancel();
    bool isRunning() const { return m_sweeps->isRunning(); }
    // The analysis of the shown sweep's complete runs.
    std::optional<Sweep> sweep() const;
    // The shown sweep's kind and runs, for a session file; and one read back from it, shown as
    // if it had just ended (false while a sweep runs).
    std::optional<std::pair<Sweep::Kind, QList<RunResult>>> savedSweep() const;
    bool showSaved(Sweep::Kind kind, const QList<RunResult> &runs);
    // Writes chart 0 (speed-up or wall time) or 1 (efficiency or speed-up) as PNG, SVG or PDF.
    bool exportChart(int index, const QString &path, const QSize &pixelSize = QSize(1920, 1080),
                     QString *error = nullptr);

    SweepRunner *sweepRunner() const { return m_sweeps; }
    QComboBox *kindBox() const { return m_kind; }
    QLineEdit *workersEdit() const { return m_workers; }
    QLineEdit *corpusEdit() const { return m_corpus; }
    QLineEdit *sizesEdit() const { return m_sizes; }
    QSpinBox *sizeWorkersBox() const { return m_sizeWorkers; }
    QSpinBox *runsBox() const { return m_runs; }
    QCheckBox *modeBox(Mode mode) const;
    QPushButton *startButton() const { return m_start; }
    QPushButton *cancelButton() const { return m_cancel; }
    QAction *startAction() const { return m_startAction; }
    QAction *cancelAction() const { return m_cancelAction; }
    QProgressBar *progressBar() const { return m_progress; }
    LiveText *progressLabel() const { return m_progressLabel; }
    QLabel *conclusionLabel() const { return m_conclusion; }
    ScalingChart *chart(int index) const { return m_charts[std::size_t(index)]; }
    QChartView *chartView(int index) const { return m_views[std::size_t(index)]; }
    QTableWidget *table() const { return m_table; }

    // Powers of two up to twice the logical CPUs (at least 1,2,4): past the cores is where the
    // speed-up flattens, which is worth seeing.
    static QString defaultWorkerCounts(int logicalCpus);

Q_SIGNALS:
    void runningChanged(bool running);
    // Measured runs finished so far out of the plan's.
    void progressChanged(int runsDone, int runsTotal);
    void sweepFinished(bool cancelled);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *createControls();
    void createButtons(QWidget *box);
    void kindChanged();
    // Each chart's view as tall as its chart needs at its width (ScalingChart::heightFor).
    void fitChartHeights();
    static constexpr int kChartMinimumHeight = 280;
    // The two charts of a sweep of this kind: speed-up and efficiency, or wall time and speed-up by size.
    void setChartViews(Sweep::Kind kind);
    void refresh();
    void showResults();
    void fillTable(const Sweep &sweep);
    void exportDialog(int index);

    void onPointStarted(quint64 job, int point, int points);
    void onRunStarted(quint64 job, int point, Mode mode);
    void onProgress(quint64 job, const RunProgress &progress);
    void onRunFinished(quint64 job, const RunResult &result);
    void onRunFailed(quint64 job, const QString &reason, Runner::FailureKind kind);
    void onSweepFinished(quint64 job, bool cancelled);

    SweepRunner *m_sweeps;
    Experiment m_base;
    Theme m_theme = Theme::light();
    bool m_blocked = false;
    QString m_failure;

    QComboBox *m_kind = nullptr;
    QLabel *m_workersLabel = nullptr;
    QLineEdit *m_workers = nullptr;
    QLabel *m_corpusLabel = nullptr;
    QLineEdit *m_corpus = nullptr;
    QLabel *m_sizesLabel = nullptr;
    QLineEdit *m_sizes = nullptr;
    QLabel *m_sizeWorkersLabel = nullptr;
    QSpinBox *m_sizeWorkers = nullptr;
    QSpinBox *m_runs = nullptr;
    std::array<QCheckBox *, 2> m_modes{}; // threads, processes
    QPushButton *m_start = nullptr;
    QPushButton *m_cancel = nullptr;
    QAction *m_startAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QLabel *m_conditions = nullptr;
    QLabel *m_problem = nullptr;
    QProgressBar *m_progress = nullptr;
    LiveText *m_progressLabel = nullptr;
    std::array<ScalingChart *, 2> m_charts{};
    std::array<QChartView *, 2> m_views{};
    std::array<QPushButton *, 2> m_exports{};
    QTableWidget *m_table = nullptr;
    QLabel *m_conclusion = nullptr;

    int m_runsDone = 0;
    int m_point = 0;
    int m_points = 0;
    QString m_pointText;
};

} // namespace wordrace
