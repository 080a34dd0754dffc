#pragma once

#include "charts/theme.h"
#include "timeline/timelinedata.h"
#include "timeline/timelinekeycursor.h"

#include <QTimer>
#include <QWidget>

#include <array>
#include <deque>
#include <utility>

namespace wordrace {

class TimelineRenderer;

// The per-worker timeline on screen: grows live while a run goes, zooms with the mouse wheel or
// +/-, pans by dragging or with the arrow keys, and tells what a task is in a tooltip. The keyboard
// reaches every tooltip too: Up and Down pick a row, then Left and Right step along its marks
// (Shift+Left and Shift+Right still pan).
class TimelineView : public QWidget
{
    Q_OBJECT
public:
    explicit TimelineView(QWidget *parent = nullptr);
    ~TimelineView() override;

    void clear();
    void setResults(const QList<RunResult> &results);
    void startLive(Mode mode, int workers);
    void addProgress(const RunProgress &progress);
    void addResult(const RunResult &result);
    const TimelineData &data() const { return m_data; }
    // Runs of this many tasks or more are filed off the GUI thread (see TimelineData::Deferred).
    static constexpr qsizetype kFileNowBelow = 50000;
    // Some run is being filed off the GUI thread; filingFinished() follows.
    bool isFiling() const;
    // Live tasks are filed this many at a time, for at most `budgetNs` per turn of the event loop
    // (at least one slice a turn, so 0 files one slice a turn: what tests use, as any other budget
    // files a different number in a turn on a faster or slower machine).
    static constexpr qsizetype kProgressSlice = 4096;
    void setProgressBudget(qint64 budgetNs) { m_progressBudgetNs = budgetNs; }

    void setTheme(const Theme &theme);
    const Theme &theme() const { return m_theme; }
    void setTitle(const QString &title);
    QString title() const { return m_title; }
    // Stretches the full range to at least this time, so that two timelines compared side by
    // side share one scale.
    void setMinimumEnd(double seconds);
    std::pair<double, double> visibleRange() const { return {m_t0, m_t1}; }
    std::pair<double, double> fullRange() const;
    bool isZoomed() const { return m_zoomed; }

    void zoomIn();
    void zoomOut();
    void resetZoom();
    // Moves the view by a fraction of its width; negative goes back in time.
    void pan(double fraction);
    void zoomAround(double factor, double anchorS);
    void setVisibleRange(double t0, double t1);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    QString toolTipAt(const QPoint &pos) const;
    // What the keyboard's mark in turn says (its tooltip), or empty when the keys have not picked one.
    QString keyMarkText() const;

Q_SIGNALS:
    void visibleRangeChanged(double t0, double t1);
    void filingFinished();

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    void dataChanged();
    // updateGeometry(), when the minimum size hint differs from the one last announced.
    void announceSize();
    void fileInBackground(const TimelineData::Deferred &deferred);
    void fileProgress();
    TimelineRenderer renderer() const;
    void updateHover(const QPoint &pos);
    // The phases of one task or of several summed, for a tooltip; empty when none were recorded.
    QString phasesText(const std::array<double, 5> &phaseSeconds, bool recorded, bool summed) const;
    QString stripToolTip(int group, double at) const;
    // After the keys moved the cursor: its time in view, its row in the scroll area's view, its
    // text shown and given to accessibility tools.
    void showKeyMark();
    void leaveKeyMarks();

    TimelineData m_data;
    Theme m_theme = Theme::light();
    QString m_title;
    double m_t0 = 0.0;
    double m_t1 = 1.0;
    bool m_zoomed = false;
    QSize m_minimumHint; // as last announced with updateGeometry()
    double m_minimumEnd = 0.0;
    bool m_dragging = false;
    QPoint m_dragStart;
    double m_dragT0 = 0.0;
    double m_dragT1 = 1.0;
    int m_hoverGroup = -1;
    qint32 m_hoverTask = -1;
    int m_filing = 0;
    TimelineKeyCursor m_keyCursor;
    // Live tasks waiting to be filed, a slice per turn of the event loop.
    struct PendingProgress
    {
        quint64 serial = 0;
        RunProgress progress;
        qsizetype from = 0;
    };
    qint64 m_progressBudgetNs = 6'000'000;
    std::deque<PendingProgress> m_pendingProgress;
    // The next slice: a zero timer, not a queued call. Qt's event loop holds timers back until it
    // runs out of posted events, so a chain of queued slices starved every timer (the stall
    // watchdog's among them) for as long as a big progress report took to file.
    QTimer m_progressTimer;
};

} // namespace wordrace
