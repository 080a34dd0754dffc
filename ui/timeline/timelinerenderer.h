#pragma once

#include "charts/theme.h"
#include "timeline/timelinedata.h"

#include <QCoreApplication>
#include <QPen>
#include <QRectF>
#include <QString>

#include <utility>
#include <vector>

class QPainter;

namespace wordrace {

// Paints the per-worker timeline onto any QPainter: the widget, a PNG, an SVG or a PDF. One lane
// group per mode, stacked, on one time axis, so a slower mode is visibly longer. Tasks narrower
// than a pixel are summed into per-pixel coverage instead of being drawn one by one, which keeps
// a million tasks fast and the picture honest.
class TimelineRenderer
{
    Q_DECLARE_TR_FUNCTIONS(TimelineRenderer)
public:
    // How much room the resource strip under each group gets: all of it, a compact one when the
    // lanes would otherwise get thin, or none.
    enum class StripSize
    {
        Full,
        Compact,
        None
    };

    struct Layout
    {
        QRectF bounds;
        QRectF plot; // where tasks go: right of the lane names, above the time axis
        qreal titleHeight = 0;
        qreal legendHeight = 0; // the phase legend under the title; 0 when no task has phases
        qreal headerHeight = 0;
        qreal groupGap = 0;
        qreal laneHeight = 0;
        std::vector<qreal> groupTops; // y of each group's header row
        // Under each group's lanes: per-core CPU rows and the memory panel (empty: no samples).
        struct Strip
        {
            QRectF cpu;
            QRectF memory;
            qreal coreRowHeight = 0;
        };
        std::vector<Strip> strips;
        StripSize stripSize = StripSize::Full;
        double t0 = 0;
        double t1 = 1;

        qreal xOf(double t) const { return plot.left() + (t - t0) / (t1 - t0) * plot.width(); }
        double timeAt(qreal x) const { return t0 + (x - plot.left()) / plot.width() * (t1 - t0); }
        // What a hover reads around the pointer: two pixels of time either side.
        double hitSeconds() const { return 2.0 / plot.width() * (t1 - t0); }
        qreal laneTop(int group, int lane) const
        {
            return groupTops[std::size_t(group)] + headerHeight + lane * laneHeight;
        }
        // The group and lane at y, or {-1, -1}; a group's header row gives lane -1.
        std::pair<int, int> laneAt(const TimelineData &data, qreal y) const;
        // The group whose resource strip holds y, or -1.
        int stripAt(qreal y) const;
    };

    TimelineRenderer(const TimelineData &data, const Theme &theme);

    void setTitle(const QString &title) { m_title = title; }
    void setRange(double t0, double t1);
    void setEmptyText(const QString &text) { m_emptyText = text; }
    void setHighlight(int group, qint32 task)
    {
        m_highlightGroup = group;
        m_highlightTask = task;
    }

    Layout layout(const QRectF &bounds) const;
    // The height at which layout() gives lanes of laneHeight with strips of `strip`: title,
    // legend, headers, gaps and axis counted as layout() counts them.
    qreal heightFor(qreal laneHeight, StripSize strip) const;
    void paint(QPainter *painter, const QRectF &bounds) const;

    // The whole time range worth showing for data: from 0 to a little past its end.
    static std::pair<double, double> fullRange(const TimelineData &data, double minimumEnd = 0.0);
    // A 1-2-5 step giving at most maxTicks ticks over span.
    static double niceStep(double span, int maxTicks);
    // The least height a lane is given. On a desk, one whose name reads at 12 px (9 pt): with
    // many workers the view grows and its scroll area scrolls, rather than shrink names to dots
    // and drop the CPU strip (issue 18: 8 workers). A projector's view fits whole instead.
    static qreal minimumLaneHeight(const Theme &theme);
    // The height of a group's resource strip (gaps, CPU rows and memory panel); 0 without samples.
    static qreal stripHeight(const TimelineData::Group &group, const Theme &theme,
                             StripSize size = StripSize::Full);
    // The phases the legend lists, in its order: those some group's tasks spent time in.
    std::vector<int> legendPhases() const;
    // In legendPhases(): the stopping after a Cancel (not a phase of any task).
    static constexpr int kCancelledTail = -1;
    // How the time after a cancelled run's last task is drawn: stopping, not gathering.
    QBrush cancelledBrush() const;
    QString groupCaption(const TimelineData::Group &group) const;

    // A text paint() draws: where its letters are, and whether they were cut at its rectangle.
    struct Label
    {
        QRectF rect;
        QString text;
        bool cut = false;
    };
    // Every text of the timeline drawn in `bounds`: what the collision test reads.
    QList<Label> labels(const QRectF &bounds) const;

private:
    // QPainter::drawText, noting the label while labels() asks.
    void drawText(QPainter *p, const QRectF &rect, int flags, const QString &text) const;
    mutable QList<Label> *m_labels = nullptr;
    // The heights around the lanes, from the type size: layout() and heightFor() share them.
    struct Chrome
    {
        qreal pad = 0, title = 0, legend = 0, header = 0, gap = 0, axis = 0;
    };
    Chrome chrome() const;
    void paintGroup(QPainter *p, const Layout &l, int index) const;
    struct PhaseBrushes;
    void paintLanePhases(QPainter *p, const Layout &l, const TimelineData::Group &group,
                         const TimelineData::Lane &lane, qreal barTop, qreal barHeight,
                         const QBrush &brush) const;
    static void paintCoverage(QPainter *p, const std::vector<float> &coverage,
                              const std::vector<TimelineData::PhaseWeights> &weights, const QRectF &bar,
                              const PhaseBrushes &brushes);
    void paintLane(QPainter *p, const Layout &l, const TimelineData::Group &group,
                   const TimelineData::Lane &lane, qreal top, bool highlightGroup,
                   const PhaseBrushes &brushes) const;
    void paintAxis(QPainter *p, const Layout &l) const;
    void paintLegend(QPainter *p, const Layout &l) const;
    void paintStrip(QPainter *p, const Layout &l, int index) const;
    // What the core rows and the memory panel of one strip share.
    struct StripPaint
    {
        const QList<ResourceSample> &samples;
        QColor color;
        qreal pad = 0;
        qreal gutterLeft = 0;
        qreal gutterWidth = 0;
        QPen linePen;
        int columns = 0;
        std::vector<double> ends; // each sample's time
    };
    void paintCoreRows(QPainter *p, const Layout &l, const TimelineData::Group &group,
                       const Layout::Strip &strip, const StripPaint &c) const;
    void paintMemoryPanel(QPainter *p, const Layout &l, const TimelineData::Group &group,
                          const Layout::Strip &strip, const StripPaint &c) const;

    const TimelineData &m_data;
    Theme m_theme;
    QString m_title;
    QString m_emptyText;
    double m_t0 = 0.0;
    double m_t1 = 1.0;
    int m_highlightGroup = -1;
    qint32 m_highlightTask = -1;
};

} // namespace wordrace
