#pragma once

#include "model/experiment.h"

#include <QPointer>
#include <QWidget>

#include <array>

class QAction;
class QCheckBox;
class QComboBox;
class QFormLayout;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QScrollArea;
class QSpinBox;
class QToolButton;

namespace wordrace {

// The experiment's controls: corpus and size, modes, workers and chunk size, with the machine's
// CPU count and Pool.map's default chunk shown beside them so the defaults explain themselves.
class ExperimentPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ExperimentPanel(QWidget *parent = nullptr);

    Experiment experiment() const;
    void setExperiment(const Experiment &experiment);
    void setCorpusFile(const QString &path);
    // Empty when the file can be counted; otherwise why not (missing, a folder, unreadable).
    static QString fileProblem(const QString &path);
    // Asks for a text file to count, starting in the folder of the last one; empty when cancelled.
    QString chooseFile();
    // "lesson ×10,000,000 · sequential, threads, processes · 2 workers": what Run would race.
    QString summary() const;
    // Lines of a file corpus, learnt from a run, so the chunk box can show Pool.map's default.
    void setKnownLines(const QString &path, std::uint64_t lines);
    // Big Run and Cancel buttons driven by the window's actions.
    void setActions(QAction *run, QAction *cancel);
    // While a run goes the experiment cannot change.
    // This panel in a scroll area, as the window's dock holds it: the expanded lesson conditions
    // make the panel taller, not the window (a 1366x768 screen keeps History and the status
    // bar), and the area is as wide as the panel's labels, so none is cut.
    QScrollArea *scrolled(QWidget *parent);
    void setRunning(bool running);
    // Why the experiment cannot run, or empty.
    QString problem() const;

    QComboBox *corpusBox() const { return m_corpus; }
    QSpinBox *repeatBox() const { return m_repeat; }
    QSpinBox *workersBox() const { return m_workers; }
    QSpinBox *chunkBox() const { return m_chunk; }
    QCheckBox *modeBox(Mode mode) const { return m_modes[std::size_t(mode)]; }
    QLineEdit *clusterHostsEdit() const { return m_clusterHosts; }
    QToolButton *conditionsToggle() const { return m_conditionsToggle; }
    QDoubleSpinBox *ioLatencyBox() const { return m_ioLatency; }
    QDoubleSpinBox *workPerWordBox() const { return m_workPerWord; }
    QCheckBox *gilBox() const { return m_gil; }
    QComboBox *spawnBox() const { return m_spawn; }
    QComboBox *transportBox() const { return m_transport; }
    QDoubleSpinBox *timeoutBox() const { return m_timeout; }
    QSpinBox *runsBox() const { return m_runs; }
    QSpinBox *warmupBox() const { return m_warmup; }
    void setConditionsExpanded(bool expanded);

Q_SIGNALS:
    void experimentChanged();
    void openFileRequested();

protected:
    bool event(QEvent *event) override;

private:
    void fitScrollArea();
    void addCorpusRows(QFormLayout *form);
    void addModeRows(QFormLayout *form);
    void addWorkerRows(QFormLayout *form);
    QWidget *createConditions();
    void addWorkRows(QFormLayout *form);
    void addProcessRows(QFormLayout *form);
    void addRunRows(QFormLayout *form);
    void corpusKindChanged();
    void refresh();
    std::optional<std::uint64_t> corpusLines() const;

    QComboBox *m_corpus;
    QPushButton *m_open;
    QSpinBox *m_repeat;
    QLabel *m_corpusInfo;
    std::array<QCheckBox *, 7> m_modes{}; // by Mode
    // Checks or unchecks a mode's box; a CPython mode ticked lowers a generated corpus that would
    // keep CPython busy for longer than a class waits.
    void onModeToggled(Mode mode, bool on);
    // Cluster mode: where its ranks go (empty: this machine); a path to a file is a hostfile.
    QLineEdit *m_clusterHosts = nullptr;
    QString m_clusterUnavailable; // why the cluster mode cannot run here, or empty
    QString m_pythonUnavailable;  // why the CPython modes cannot run here, or empty
    QString m_pythonNote;         // what was done to the corpus for them, said under it
    QSpinBox *m_workers;
    QLabel *m_cpuInfo;
    QSpinBox *m_chunk;
    QLabel *m_problem;
    // The lesson's conditions, folded away by default: the plain race needs none of them.
    QToolButton *m_conditionsToggle = nullptr;
    QWidget *m_conditions = nullptr;
    QPointer<QScrollArea> m_scroll;
    QDoubleSpinBox *m_ioLatency = nullptr;
    QDoubleSpinBox *m_workPerWord = nullptr;
    QCheckBox *m_gil = nullptr;
    QComboBox *m_spawn = nullptr;
    QComboBox *m_transport = nullptr;
    QComboBox *m_start = nullptr;
    QDoubleSpinBox *m_timeout = nullptr;
    QSpinBox *m_runs = nullptr;
    QSpinBox *m_warmup = nullptr;
    QToolButton *m_run = nullptr;
    QToolButton *m_cancel = nullptr;
    QString m_filePath;
    QString m_knownLinesPath;
    std::uint64_t m_knownLines = 0;
    std::uint64_t m_lessonRepeat = CorpusSpec::kLessonDefaultRepeat;
    std::uint64_t m_niceHatRepeat = CorpusSpec::kNiceHatDefaultRepeat;
    bool m_updating = false;
};

} // namespace wordrace
