#pragma once

#include "charts/marknavigator.h"
#include "charts/theme.h"
#include "charts/wrappedtitle.h"
#include "model/runresult.h"

#include <QBarCategoryAxis>
#include <QChart>
#include <QColor>
#include <QGraphicsTextItem>
#include <QHorizontalStackedBarSeries>
#include <QList>
#include <QString>
#include <QValueAxis>

namespace wordrace {

// Where each run's time went (RunResult::overhead, worker-seconds): start-up, transfer, compute,
// I/O wait, GIL wait, gather and idle stacked in one horizontal bar per run, so the cost a mode
// pays besides counting is visible beside the race's wall and CPU times.
class OverheadChart : public QChart
{
    Q_OBJECT
public:
    explicit OverheadChart(QGraphicsItem *parent = nullptr);

    void setResults(const QList<RunResult> &results);
    const QList<RunResult> &results() const { return m_results; }
    void setTheme(const Theme &theme);
    void setEmptyText(const QString &text);
    // The title, wrapped onto as many lines as the chart's width needs; title() gives it back
    // whole. These hide QChart's own, which hold the wrapped text (WrappedTitle).
    void setTitle(const QString &title) { m_title.set(this, title); }
    QString title() const { return m_title.text(); }

    static constexpr int kPhases = 7;
    static QString phaseName(int phase);
    // The Okabe-Ito colours the modes do not use, and greys, so a phase is never read as a mode;
    // the GIL wait takes the theme's text colour to stand out on light and dark backgrounds alike.
    static QColor phaseColor(int phase, const Theme &theme);
    static double phaseSeconds(const RunResult &result, int phase);
    // The height the chart needs for a row a run whose name reads, with its title, axis and key.
    qreal minimumHeight() const;
    // What hovering a segment says: run `run` (an index into results()), phase `phase`.
    QString segmentText(int run, int phase) const;
    // Where that segment is drawn, in chart coordinates.
    QRectF segmentRect(int run, int phase) const;
    // Every segment that has time, with its hover text, run by run from the top, left to right:
    // what the keyboard steps through.
    QList<ReadableMark> readableMarks() const;

protected:
    void resizeEvent(QGraphicsSceneResizeEvent *event) override;

private:
    void rebuild();
    void placeKey();
    void placePlaceholder();

    QList<RunResult> m_results;
    Theme m_theme = Theme::light();
    QString m_emptyText;
    WrappedTitle m_title;
    QHorizontalStackedBarSeries *m_bars = nullptr;
    QBarCategoryAxis *m_runs = nullptr;
    QValueAxis *m_seconds = nullptr;
    // What the empty chart says, in the middle of it, until the first run.
    QGraphicsTextItem *m_placeholder = nullptr;
};

} // namespace wordrace
