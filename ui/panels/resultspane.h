#pragma once

#include "charts/chartexporter.h"
#include "charts/theme.h"
#include "session/runhistory.h"

#include <QTimer>
#include <QWidget>

#include <functional>

class QChartView;
class QLabel;
class QScrollArea;
class QSplitter;

namespace wordrace {

class ResultTableModel;
class ResultTableView;
class TimelineView;
class OverheadChart;
class WallCpuChart;

// One experiment's charts and table: wall vs CPU, the per-worker timeline and the numbers. The
// window shows one pane, or two side by side to compare runs.
class ResultsPane : public QWidget
{
    Q_OBJECT
public:
    explicit ResultsPane(QWidget *parent = nullptr);

    // Shows a history entry, or the empty state for null.
    void showEntry(const HistoryEntry *entry);
    // The line above the charts naming the entry and its corpus (a slide leaves it to the details).
    void setHeadingVisible(bool visible);
    QString headingText() const;
    // Results gathered from several entries (a scenario's experiments), under a heading of its own.
    void showResults(const QList<RunResult> &results, const QString &heading);
    int entryNumber() const { return m_entryNumber; }

    // A run of the entry on show is under way.
    void startRun(Mode mode, int workers);
    void addProgress(const RunProgress &progress);
    void addResult(const RunResult &result);
    // The experiment of the entry on show ended: redrawn from its results only when a run was left
    // half-drawn (cancelled, failed) or another entry is on show, since rebuilding charts that already
    // show every result costs the GUI thread tens of milliseconds just as the experiment ends.
    void finishEntry(const HistoryEntry *entry);

    void setTheme(const Theme &theme);
    // Side by side the charts stack vertically so each keeps a useful width.
    void setCompact(bool compact);
    // Lengthens the axes to at least these, so that two panes compare on one scale.
    void setSharedScale(double largestTime, double timelineEnd);
    double largestTime() const;
    double timelineEnd() const;

    // The charts follow a new result a turn of the event loop later, one chart a turn: rebuilding
    // and laying out a chart takes 10-20 ms, and as a run ends the timeline and the table are
    // drawn too. True while a chart still waits; flushCharts() brings both up to date at once.
    bool chartsPending() const { return m_wallPending || m_overheadPending; }
    void flushCharts() const;

    // What the pane shows, ready for ChartExporter.
    ChartSource source(ChartKind kind) const;
    QSize chartSize(ChartKind kind) const;

    WallCpuChart *wallCpuChart() const { return m_chart; }
    QChartView *chartView() const { return m_chartView; }
    OverheadChart *overheadChart() const { return m_overhead; }
    QChartView *overheadView() const { return m_overheadView; }
    TimelineView *timeline() const { return m_timeline; }
    ResultTableView *table() const { return m_table; }
    ResultTableModel *tableModel() const { return m_model; }

Q_SIGNALS:
    void chartMenuRequested(wordrace::ChartKind kind, const QPoint &globalPos);
    // The wall-vs-CPU chart's time axis changed its end.
    void scaleChanged();

private:
    void showMedianRuns(const QList<RunResult> &medians);
    // The results the chart, the table and the overhead read; nothing pending.
    void setResults(const QList<RunResult> &results);
    // m_results on the wall/CPU chart, its view as tall as they need.
    void showWallCpu() const;
    // Results on the overhead chart, its view as tall as they need.
    void showOverhead(const QList<RunResult> &results) const;
    void setHeading(const HistoryEntry *entry);
    void updateNextChart();

    std::function<void()> m_fitTable;
    int m_entryNumber = 0;
    double m_sharedTime = 0.0;
    QList<RunResult> m_results; // the entry's results on show, ahead of the charts while pending
    // Mutable: a const reader (source(), largestTime()) brings the charts up to date first.
    mutable bool m_wallPending = false;
    mutable bool m_overheadPending = false;
    mutable QTimer m_chartTimer;
    QLabel *m_heading;
    QSplitter *m_split;
    QSplitter *m_charts;
    WallCpuChart *m_chart;
    QChartView *m_chartView;
    QScrollArea *m_timelineScroll;
    TimelineView *m_timeline;
    OverheadChart *m_overhead;
    QChartView *m_overheadView;
    ResultTableModel *m_model;
    ResultTableView *m_table;
};

} // namespace wordrace
