#pragma once

#include "analysis/statistics.h"
#include "charts/marknavigator.h"
#include "charts/theme.h"
#include "charts/wrappedtitle.h"
#include "model/runresult.h"

#include <QChart>
#include <QList>

class QCategoryAxis;
class QHorizontalStackedBarSeries;
class QValueAxis;

namespace wordrace {

// The lesson's puzzle as a chart: per mode, a wall-time bar above a CPU-time bar (user and sys
// stacked), a dashed mark at the CPU of the parent process alone (all that %time can see), and
// CPU/wall, the number of cores that were busy on average. Time runs left to right, as on the
// timeline. A mode measured more than once (--runs) gets one pair of bars from its median run, with
// whiskers from the fastest to the slowest run and a thick band over the middle half of the runs.
class WallCpuChart : public QChart
{
    Q_OBJECT
public:
    // One pair of bars: a single run, or the repeated runs of one mode, worker count, corpus and
    // set of knobs (as ModeSummary groups them).
    struct Row
    {
        QList<int> runs;    // indices into results()
        RunResult shown;    // the single run, or the measured run with the median wall time
        SampleSummary wall; // of the runs' wall times; n < 2: no spread to show
        SampleSummary cpu;  // of their total CPU times
        bool hasSpread() const { return wall.n > 1; }
    };

    explicit WallCpuChart(QGraphicsItem *parent = nullptr);
    ~WallCpuChart() override;

    void setResults(const QList<RunResult> &results);
    const QList<RunResult> &results() const { return m_results; }
    void setTheme(const Theme &theme);
    const Theme &theme() const { return m_theme; }
    // The time axis reaches at least this far, so that two charts compared side by side share
    // one scale; 0 lets the chart choose.
    void setMinimumMax(double seconds);
    // The largest wall or CPU time of the results.
    double largestTime() const;
    double axisMax() const;
    // Where the time axis would end without setMinimumMax(): what a shared scale is made from, as
    // axisMax() of a chart that already shares one never shrinks back.
    double ownAxisMax() const { return m_ownMax; }
    void setEmptyText(const QString &text);
    // The title, wrapped onto as many lines as the chart's width needs; title() gives it back
    // whole. These hide QChart's own, which hold the wrapped text (WrappedTitle).
    void setTitle(const QString &title) { m_title.set(this, title); }
    QString title() const { return m_title.text(); }

    // The pairs of bars, top to bottom.
    const QList<Row> &rows() const { return m_rows; }
    // Where a row's wall or CPU bar is, in chart coordinates (a row is a run unless runs repeat).
    QRectF barRect(int row, bool cpu) const;
    // Where a row's whisker (min to max) and its ±σ band are; null without a spread.
    QRectF whiskerRect(int row, bool cpu) const;
    QRectF quartileRect(int row, bool cpu) const;

    // A number the chart writes beside (or in) a bar: where, in chart coordinates, and what.
    struct Annotation
    {
        QRectF rect;
        QString text;
        int row = 0;
        bool cpu = false;
        bool note = false;   // the spread's or %time's note, in the smaller type
        bool inside = false; // in its own bar, in a colour that reads on it
    };
    // Every value and note as painted. None covers another, a bar or a whisker, and all stay in
    // the chart: a label tries beside its bar with its note, then with the note under it, then
    // alone, then inside its bar, then as a bare number; with no room at all it is left to the
    // tooltip.
    QList<Annotation> annotations() const;
    // The marks a label must not cover: every bar, and every whisker and its band.
    QList<QRectF> marks() const;
    // What hovering a row's wall or CPU bar says.
    QString barText(int row, bool cpu) const;
    // Every bar with its hover text, top to bottom, wall before CPU: what the keyboard steps through.
    QList<ReadableMark> readableMarks() const;

Q_SIGNALS:
    // The time axis now ends elsewhere: after a resize or new results.
    void axisMaxChanged(double seconds);

protected:
    void resizeEvent(QGraphicsSceneResizeEvent *event) override;

private:
    void rebuild();
    void showTooltip(bool status, int index);
    void applyTheme();
    void updateMargins();
    // Widens the time axis until every bar's label fits beside it.
    void fitLabels();
    // The mode names down the side: with the run count and cores busy on a second line, or
    // alone where the rows are too short for two.
    QStringList categoryLabels(bool oneLine) const;
    void fitCategoryLabels(const QRectF &plot);
    QString label(int row, bool cpu, QString *note = nullptr) const;
    void groupRows();
    bool anySpread() const;
    // Where the row's drawing ends on the right: the bar, or the whisker past it.
    double rowEnd(int row, bool cpu) const;

    class Annotations;
    QList<RunResult> m_results;
    QList<Row> m_rows;
    Theme m_theme = Theme::light();
    double m_minimumMax = 0.0;
    double m_ownMax = 0.0;
    QString m_emptyText;
    WrappedTitle m_title;
    // The series and axes on show: null while there are no results. They are made once and kept
    // (m_bars, m_categories, m_seconds), because Qt Charts 6.4 never frees the drawing of a removed
    // axis or series: a chart rebuilt per run grew by megabytes an hour (docs/reliability.md).
    QHorizontalStackedBarSeries *m_series = nullptr;
    QCategoryAxis *m_axisY = nullptr;
    QValueAxis *m_axisX = nullptr;
    QHorizontalStackedBarSeries *m_bars = nullptr;
    QCategoryAxis *m_categories = nullptr;
    QValueAxis *m_seconds = nullptr;
    Annotations *m_annotations = nullptr;
    bool m_fitting = false;
    bool m_oneLineLabels = false;
};

} // namespace wordrace
