#pragma once

#include "charts/chartexporter.h"
#include "model/runprogress.h"
#include "model/runresult.h"

#include <QHash>
#include <QWidget>

#include <array>

class QProgressBar;
class QSplitter;
class QTimer;

namespace wordrace {

class ExperimentSession;
struct HistoryEntry;
class LiveText;
class ResultsPane;
class ScenarioPanel;
struct Theme;

// The Race tab: the progress of the experiment under way, a scenario's question and verdict, and
// one results pane, or two side by side to compare runs on shared scales. It observes the
// experiment session and draws what it records; the window only tells it which rows to show.
class RacePage : public QWidget
{
    Q_OBJECT
public:
    explicit RacePage(ExperimentSession *session, QWidget *parent = nullptr);

    ResultsPane *pane(int index) const { return m_panes[std::size_t(index)]; }
    QProgressBar *progressBar() const { return m_progress; }
    ScenarioPanel *scenarioPanel() const { return m_scenarioPanel; }
    // Shows these history rows: the first, and the second beside it on shared scales. True when two.
    bool showRows(const QList<int> &rows);
    // The pane the keyboard is in (the first otherwise), and the chart in it with the focus.
    ResultsPane *activePane() const;
    ChartKind focusedChart() const;
    // Whether a pane still has charts to draw (the session's display handshake waits for them).
    bool chartsPending() const;
    void setTheme(const Theme &theme);

Q_SIGNALS:
    void chartMenuRequested(wordrace::ResultsPane *pane, wordrace::ChartKind kind, const QPoint &globalPos);

private:
    QList<ResultsPane *> panesShowing(int row) const;
    // Gives both compared panes the longer of their time axes.
    void shareScales();
    void tick();
    void experimentStarted(int row);
    void runStarted(int row, Mode mode, int workers);
    void progressed(int row, const RunProgress &progress);
    void resultAdded(int row, const RunResult &result);
    void finished(int row);
    // What the line under the progress bar says of an ended entry: its times, and how long the
    // whole took when it ran in this window.
    QString endingLine(const HistoryEntry &entry) const;

    ExperimentSession *m_session;
    QProgressBar *m_progress = nullptr;
    LiveText *m_progressLabel = nullptr;
    ScenarioPanel *m_scenarioPanel = nullptr;
    QSplitter *m_paneSplit = nullptr;
    std::array<ResultsPane *, 2> m_panes{};
    QTimer *m_ticker = nullptr;
    bool m_sharingScales = false;
    QHash<int, double> m_elapsedS; // by entry number: how long each experiment took, start to end
};

} // namespace wordrace
