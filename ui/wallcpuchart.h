#pragma once

#include "runresult.h"
#include "theme.h"

#include <QChart>
#include <QList>

class QCategoryAxis;
class QHorizontalStackedBarSeries;
class QValueAxis;

namespace wordrace {

// The lesson's puzzle as a chart: per mode, a wall-time bar above a CPU-time bar (user and sys
// stacked), a dashed mark at the CPU of the parent process alone (all that %time can see), and
// CPU/wall, the number of cores that were busy on average. Time runs left to right, as on the
// timeline.
class WallCpuChart : public QChart
{
    Q_OBJECT
public:
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
    void setEmptyText(const QString &text);

    // Where a run's wall or CPU bar is, in chart coordinates.
    QRectF barRect(int run, bool cpu) const;

Q_SIGNALS:
    // The time axis now ends elsewhere: after a resize or new results.
    void axisMaxChanged(double seconds);

protected:
    void resizeEvent(QGraphicsSceneResizeEvent *event) override;

private:
    void rebuild();
    void applyTheme();
    void updateMargins();
    // Widens the time axis until every bar's label fits beside it.
    void fitLabels();
    QString label(int run, bool cpu, QString *note = nullptr) const;

    class Annotations;
    QList<RunResult> m_results;
    Theme m_theme = Theme::light();
    double m_minimumMax = 0.0;
    QString m_emptyText;
    QHorizontalStackedBarSeries *m_series = nullptr;
    QCategoryAxis *m_axisY = nullptr;
    QValueAxis *m_axisX = nullptr;
    Annotations *m_annotations = nullptr;
    bool m_fitting = false;
};

} // namespace wordrace
