#include "timeline/timelinerenderer.h"
#include "io/units.h"

#include "timeline/timelinephases.h"

#include <QFontMetricsF>
#include <QImage>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <vector>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

// Lane names shrink with the lanes; below this they are left out rather than drawn illegibly.
constexpr qreal kSmallestLabelPx = 8.0;
// A shrunk lane's name takes this share of its height.
constexpr qreal kLabelShareOfLane = 0.85;

qreal laneLabelPx(const Theme &theme, qreal laneHeight)
{
    // Full size only where its line (about 1.17 of the type size, descenders included) fits the
    // lane: at 1.1 a projector's single lane cut its worker's name at the bottom.
    if (laneHeight >= theme.textPx * 1.2)
        return theme.textPx;
    return std::floor(laneHeight * kLabelShareOfLane);
}

// On a projector a name the back row cannot read is left out (the group's header says how many
// workers there are); on a desk a smaller one still helps whoever sits in front of it.
bool laneLabelsShown(const Theme &theme, qreal labelPx)
{
    return labelPx >=
           (theme.kind == Theme::Kind::Projector ? std::floor(theme.textPx * 0.9) : kSmallestLabelPx);
}

// Strip geometry, from the type size, so a projector's strip grows with its text. A compact strip
// (lanes first when the view is short) keeps thin rows and one line of memory label.
qreal stripGap(const Theme &theme, TimelineRenderer::StripSize size)
{
    return std::round(theme.textPx * (size == TimelineRenderer::StripSize::Full ? 0.5 : 0.25));
}

qreal coreRowHeight(const Theme &theme, int cores, TimelineRenderer::StripSize size)
{
    if (cores <= 0 || size == TimelineRenderer::StripSize::None)
        return 0;
    // Up to six text lines for all cores together; a row is never taller than a label needs.
    const qreal row = size == TimelineRenderer::StripSize::Full
                          ? std::min(theme.textPx * 1.3, theme.textPx * 6.0 / cores)
                          : std::min(theme.textPx * 0.6, theme.textPx * 2.4 / cores);
    return std::max(2.0, row > 4 ? std::floor(row) : row);
}

qreal memoryPanelHeight(const Theme &theme, const TimelineData::Group &group,
                        TimelineRenderer::StripSize size)
{
    if (group.memoryNames.isEmpty() || group.maxSeriesMemory <= 0 ||
        size == TimelineRenderer::StripSize::None)
        return 0;
    return std::round(theme.textPx * (size == TimelineRenderer::StripSize::Full ? 3.6 : 1.6));
}

// The brightness steps of aggregated columns: four are plenty to tell busy from idle.
constexpr std::array<qreal, 5> kLevelAmounts = {0.0, 0.35, 0.55, 0.78, 1.0};

// A 1-2-5 ceiling for the memory scale.
double niceCeiling(double v)
{
    if (!(v > 0))
        return 1.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(v)));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (m * magnitude >= v)
            return m * magnitude;
    return 10.0 * magnitude;
}

// Qt's raster engine strokes a wide polyline, or fills a polygon, in time that grows much faster
// than its points: a 40-second run's few thousand samples took a frame seconds. So the strip is
// drawn at pixel resolution, from rectangles and separate line segments, which cost a millisecond.

// The time-weighted mean of a step series over each pixel column of [left, left + columns): step i
// holds values[i] from the end of step i - 1 (from the run's start for the first) to ends[i]. NaN
// where no step covers the column. A mean, as the sampler itself merges intervals when it has too
// many.
std::vector<double> columnMeans(const TimelineRenderer::Layout &l, qreal left, int columns,
                                const std::vector<double> &ends, const std::vector<double> &values)
{
    std::vector<double> sum(std::size_t(std::max(0, columns)), 0.0);
    std::vector<double> covered(sum.size(), 0.0);
    double prev = 0.0;
    for (std::size_t i = 0; i < ends.size(); ++i) {
        const double x0 = std::max(l.xOf(prev) - left, 0.0);
        const double x1 = std::min(l.xOf(ends[i]) - left, double(columns));
        prev = ends[i];
        if (x1 <= x0)
            continue;
        for (auto c = std::size_t(std::floor(x0)); c < sum.size() && double(c) < x1; ++c) {
            const double overlap = std::min(x1, double(c + 1)) - std::max(x0, double(c));
            sum[c] += values[i] * overlap;
            covered[c] += overlap;
        }
    }
    for (std::size_t c = 0; c < sum.size(); ++c)
        sum[c] = covered[c] > 0.0 ? sum[c] / covered[c] : std::numeric_limits<double>::quiet_NaN();
    return sum;
}

// A polyline as separate segments, with the dash pattern of Qt::DashLine (4 on, 2 off, in pen
// widths) carried along it, as QPainter::drawLines() would restart it at every segment.
QList<QLineF> dashedSegments(const QPolygonF &line, qreal penWidth)
{
    const qreal on = 4 * penWidth;
    const qreal period = 6 * penWidth;
    QList<QLineF> out;
    qreal phase = 0.0; // along the pattern, at the start of the current segment
    for (qsizetype i = 1; i < line.size(); ++i) {
        const QLineF seg(line[i - 1], line[i]);
        const qreal length = seg.length();
        qreal at = 0.0;
        while (at < length) {
            const qreal inPeriod = std::fmod(phase + at, period);
            const qreal step = std::min(length - at, inPeriod < on ? on - inPeriod : period - inPeriod);
            if (inPeriod < on && step > 0)
                out.append(QLineF(seg.pointAt(at / length), seg.pointAt((at + step) / length)));
            at += std::max(step, 1e-6);
        }
        phase = std::fmod(phase + length, period);
    }
    return out;
}

} // namespace

// Every task phase at every brightness level, made once per group: the hatched ones are images.
struct TimelineRenderer::PhaseBrushes
{
    std::array<std::array<QBrush, TimelinePhases::kTaskPhases>, kLevelAmounts.size()> byLevel;
    QBrush startup;
    PhaseBrushes(const Theme &theme, const QColor &modeColor)
    {
        for (std::size_t level = 1; level < kLevelAmounts.size(); ++level)
            for (int ph = 0; ph < TimelinePhases::kTaskPhases; ++ph)
                byLevel[level][std::size_t(ph)] =
                    TimelinePhases::brush(TimelinePhases::Phase(ph), theme, modeColor, kLevelAmounts[level]);
        startup = TimelinePhases::brush(TimelinePhases::Phase::Startup, theme, modeColor);
    }
    const QBrush &full(TimelinePhases::Phase phase) const { return byLevel.back()[std::size_t(phase)]; }
};

int TimelineRenderer::Layout::stripAt(qreal y) const
{
    for (std::size_t g = 0; g < strips.size(); ++g) {
        const QRectF cpu = strips[g].cpu;
        const QRectF memory = strips[g].memory;
        if ((!cpu.isEmpty() && y >= cpu.top() && y < cpu.bottom()) ||
            (!memory.isEmpty() && y >= memory.top() && y < memory.bottom()))
            return int(g);
    }
    return -1;
}

qreal TimelineRenderer::minimumLaneHeight(const Theme &theme)
{
    constexpr qreal kReadableLabelPx = 12.0;
    if (theme.kind == Theme::Kind::Projector)
        return 3.0;
    return std::ceil(kReadableLabelPx / kLabelShareOfLane);
}

qreal TimelineRenderer::stripHeight(const TimelineData::Group &group, const Theme &theme, StripSize size)
{
    if (group.samples.isEmpty() || size == StripSize::None)
        return 0;
    const qreal cpu = coreRowHeight(theme, group.cores, size) * group.cores;
    const qreal memory = memoryPanelHeight(theme, group, size);
    const qreal gap = stripGap(theme, size);
    return (cpu > 0 ? gap + cpu : 0) + (memory > 0 ? gap + memory : 0);
}

std::vector<int> TimelineRenderer::legendPhases() const
{
    using Phase = TimelinePhases::Phase;
    std::array<double, TimelinePhases::kTaskPhases> totals{};
    bool any = false;
    bool startup = false;
    bool gather = false;
    bool cancelled = false;
    for (const auto &g : m_data.groups()) {
        if (!g.hasPhases)
            continue;
        any = true;
        for (std::size_t p = 0; p < totals.size(); ++p)
            totals[p] += g.phaseTotals[p];
        startup = startup || g.startupS > 0;
        const bool tail = !g.live && g.wallS > g.lastEndS && !g.tasks.isEmpty();
        gather = gather || (tail && !g.cancelled);
        cancelled = cancelled || (tail && g.cancelled);
    }
    std::vector<int> out;
    if (!any)
        return out;
    double all = 0;
    for (double t : totals)
        all += t;
    out.push_back(int(Phase::Compute));
    for (Phase ph : {Phase::Transfer, Phase::IoWait, Phase::GilWait})
        if (totals[std::size_t(ph)] > 0)
            out.push_back(int(ph));
    // Bookkeeping between the measurements is a sliver; listed only when it shows.
    if (totals[std::size_t(Phase::Other)] > all * 0.01)
        out.push_back(int(Phase::Other));
    if (startup || gather)
        out.push_back(int(Phase::Startup));
    if (cancelled)
        out.push_back(kCancelledTail);
    return out;
}

QBrush TimelineRenderer::cancelledBrush() const
{
    // Okabe-Ito vermillion, hatched: time that was neither work nor waiting for results.
    return QBrush(QColor(0xd5, 0x5e, 0x00), Qt::BDiagPattern);
}

std::pair<int, int> TimelineRenderer::Layout::laneAt(const TimelineData &data, qreal y) const
{
    const auto &groups = data.groups();
    for (std::size_t g = 0; g < groups.size() && g < groupTops.size(); ++g) {
        const qreal top = groupTops[g];
        const qreal lanesTop = top + headerHeight;
        const qreal bottom = lanesTop + qreal(groups[g].lanes.size()) * laneHeight;
        if (y >= top && y < lanesTop)
            return {int(g), -1};
        if (y >= lanesTop && y < bottom)
            return {int(g), std::min(int((y - lanesTop) / laneHeight), int(groups[g].lanes.size()) - 1)};
    }
    return {-1, -1};
}

TimelineRenderer::TimelineRenderer(const TimelineData &data, const Theme &theme)
    : m_data(data), m_theme(theme)
{
    const auto [t0, t1] = fullRange(data);
    m_t0 = t0;
    m_t1 = t1;
}

void TimelineRenderer::setRange(double t0, double t1)
{
    if (!(t1 > t0) || !std::isfinite(t0) || !std::isfinite(t1))
        return;
    m_t0 = t0;
    m_t1 = t1;
}

std::pair<double, double> TimelineRenderer::fullRange(const TimelineData &data, double minimumEnd)
{
    double end = std::max(data.endS(), minimumEnd);
    if (!(end > 0.0) || !std::isfinite(end))
        end = 1.0;
    return {0.0, end * 1.02};
}

double TimelineRenderer::niceStep(double span, int maxTicks)
{
    if (!(span > 0.0) || maxTicks < 1)
        return 1.0;
    const double raw = span / maxTicks;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double norm = raw / magnitude;
    const double nice = norm <= 1.0 ? 1.0 : norm <= 2.0 ? 2.0 : norm <= 5.0 ? 5.0 : 10.0;
    return nice * magnitude;
}

QString TimelineRenderer::groupCaption(const TimelineData::Group &group) const
{
    const QString workers = group.workers == 1 ? tr("1 worker") : tr("%1 workers").arg(group.workers);
    const qsizetype done = group.tasks.size();
    if (group.live) {
        return tr("%1 · %2 of %3 tasks · running, %4")
            .arg(workers, Units::count(done), Units::count(group.plannedTasks), Units::seconds(group.wallS));
    }
    const QString tasks = done == 1 ? tr("1 task") : tr("%1 tasks").arg(Units::count(done));
    QString caption = tr("%1 · %2 · wall %3").arg(workers, tasks, Units::seconds(group.wallS));
    if (group.cancelled)
        caption +=
            tr(" · cancelled after %1 of %2 tasks").arg(Units::count(done), Units::count(group.plannedTasks));
    return caption;
}

TimelineRenderer::Chrome TimelineRenderer::chrome() const
{
    Chrome c;
    c.pad = std::round(m_theme.textPx * 0.6);
    c.title = m_title.isEmpty() ? 0 : std::round(m_theme.titlePx * 1.6);
    c.legend = legendPhases().empty() ? 0 : std::round(m_theme.textPx * 1.7);
    c.header = std::round(m_theme.textPx * 1.7);
    c.gap = std::round(m_theme.textPx * 0.7);
    c.axis = std::round(m_theme.textPx * 2.2);
    return c;
}

qreal TimelineRenderer::heightFor(qreal laneHeight, StripSize strip) const
{
    const Chrome c = chrome();
    const auto &groups = m_data.groups();
    const int n = int(groups.size());
    qreal strips = 0;
    for (const auto &g : groups)
        strips += stripHeight(g, m_theme, strip);
    return 2 * c.pad + c.title + c.legend + c.axis + n * c.header + std::max(0, n - 1) * c.gap + strips +
           std::max(1, m_data.laneCount()) * laneHeight;
}

TimelineRenderer::Layout TimelineRenderer::layout(const QRectF &bounds) const
{
    Layout l;
    l.bounds = bounds;
    l.t0 = m_t0;
    l.t1 = m_t1;
    const Chrome c = chrome();
    const qreal pad = c.pad;
    const qreal top = bounds.top() + pad;
    l.titleHeight = c.title;
    l.legendHeight = c.legend;
    l.headerHeight = c.header;
    l.groupGap = c.gap;
    const qreal axisHeight = c.axis;

    const auto &groups = m_data.groups();
    const int lanes = std::max(1, m_data.laneCount());
    const int n = int(groups.size());
    const qreal plotTop = top + l.titleHeight + l.legendHeight;
    const qreal available = bounds.bottom() - pad - axisHeight - plotTop;
    const qreal fixed = n * l.headerHeight + std::max(0, n - 1) * l.groupGap;
    auto laneHeightWith = [&](StripSize size) {
        qreal strips = 0;
        for (const auto &g : groups)
            strips += stripHeight(g, m_theme, size);
        return std::clamp((available - fixed - strips) / lanes, 1.0, qreal(m_theme.maxLaneHeight));
    };
    // The lanes come first: the strip shrinks, then goes, rather than squeeze the tasks below
    // what they would have without it (or below a readable lane, whichever is less).
    // On a desk the view is never shorter than lanes of minimumLaneHeight with the compact strip
    // (TimelineView::minimumSizeHint): there the strip stays.
    qreal wanted = std::min(laneHeightWith(StripSize::None), m_theme.textPx * 1.2);
    if (m_theme.kind != Theme::Kind::Projector)
        wanted = std::min(wanted, minimumLaneHeight(m_theme));
    l.stripSize = StripSize::None;
    for (StripSize size : {StripSize::Full, StripSize::Compact}) {
        if (laneHeightWith(size) >= wanted) {
            l.stripSize = size;
            break;
        }
    }
    l.laneHeight = laneHeightWith(l.stripSize);
    if (l.laneHeight > 4)
        l.laneHeight = std::floor(l.laneHeight);

    // The gutter fits the longest name, but never takes more than a third of the width.
    const QFontMetricsF bold(m_theme.textFont(true));
    qreal gutter = 0;
    for (const auto &g : groups)
        gutter = std::max(gutter, bold.horizontalAdvance(modeName(g.mode)));
    const qreal labelPx = laneLabelPx(m_theme, l.laneHeight);
    if (laneLabelsShown(m_theme, labelPx)) {
        const QFontMetricsF lane(m_theme.font(int(labelPx)));
        for (const auto &g : groups)
            for (const auto &ln : g.lanes)
                gutter = std::max(gutter, lane.horizontalAdvance(ln.name) + pad);
    }
    for (const auto &g : groups)
        if (!g.samples.isEmpty())
            // The strip's labels are drawn a pad inside the gutter: the widest of them, and the pad.
            for (const QString &label : {tr("memory (PSS)"), tr("peak %1").arg(u"999.9 MiB"_s)})
                gutter = std::max(gutter, QFontMetricsF(m_theme.textFont()).horizontalAdvance(label) + pad);
    gutter = std::min(gutter + 2 * pad, bounds.width() / 3);

    // Room on the right for half of the last tick label.
    const qreal right = QFontMetricsF(m_theme.textFont()).horizontalAdvance(u"00.000 s"_s) / 2;
    const qreal plotLeft = bounds.left() + gutter;
    const qreal plotWidth = std::max(1.0, bounds.right() - right - plotLeft);
    qreal y = plotTop;
    for (int g = 0; g < n; ++g) {
        const auto &group = groups[std::size_t(g)];
        l.groupTops.push_back(y);
        y += l.headerHeight + qreal(group.lanes.size()) * l.laneHeight;
        Layout::Strip strip;
        if (!group.samples.isEmpty() && l.stripSize != StripSize::None) {
            strip.coreRowHeight = coreRowHeight(m_theme, group.cores, l.stripSize);
            const qreal cpu = strip.coreRowHeight * group.cores;
            if (cpu > 0) {
                y += stripGap(m_theme, l.stripSize);
                strip.cpu = QRectF(plotLeft, y, plotWidth, cpu);
                y += cpu;
            }
            if (const qreal memory = memoryPanelHeight(m_theme, group, l.stripSize); memory > 0) {
                y += stripGap(m_theme, l.stripSize);
                strip.memory = QRectF(plotLeft, y, plotWidth, memory);
                y += memory;
            }
        }
        l.strips.push_back(strip);
        y += l.groupGap;
    }
    if (n > 0)
        y -= l.groupGap;
    else
        y = bounds.bottom() - pad - axisHeight;
    l.plot = QRectF(QPointF(bounds.left() + gutter, plotTop),
                    QPointF(bounds.right() - right, std::max(y, plotTop + 1)));
    return l;
}

void TimelineRenderer::drawText(QPainter *p, const QRectF &rect, int flags, const QString &text) const
{
    QRectF used;
    p->drawText(rect, flags, text, &used);
    if (m_labels && !text.isEmpty()) {
        // Letters past the rectangle are clipped: a label cut short.
        const bool cut = used.width() > rect.width() + 0.5 || used.height() > rect.height() + 0.5;
        m_labels->append({p->transform().mapRect(used.intersected(rect)), text, cut});
    }
}

QList<TimelineRenderer::Label> TimelineRenderer::labels(const QRectF &bounds) const
{
    QList<Label> out;
    QImage image(bounds.size().toSize(), QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    painter.translate(-bounds.topLeft());
    m_labels = &out;
    paint(&painter, bounds);
    m_labels = nullptr;
    return out;
}

void TimelineRenderer::paint(QPainter *p, const QRectF &bounds) const
{
    p->save();
    p->fillRect(bounds, m_theme.background);
    const Layout l = layout(bounds);
    const qreal pad = std::round(m_theme.textPx * 0.6);
    if (!m_title.isEmpty()) {
        p->setFont(m_theme.titleFont());
        p->setPen(m_theme.foreground);
        drawText(p, QRectF(bounds.left() + pad, bounds.top() + pad, bounds.width() - 2 * pad, l.titleHeight),
                 Qt::AlignLeft | Qt::AlignVCenter, m_title);
    }
    if (m_data.isEmpty()) {
        p->setFont(m_theme.textFont());
        p->setPen(m_theme.muted);
        drawText(p, bounds.adjusted(pad, l.titleHeight, -pad, -pad), Qt::AlignCenter | Qt::TextWordWrap,
                 m_emptyText);
        p->restore();
        return;
    }
    paintAxis(p, l);
    paintLegend(p, l);
    for (int g = 0; g < int(m_data.groups().size()); ++g)
        paintGroup(p, l, g);
    p->restore();
}

void TimelineRenderer::paintAxis(QPainter *p, const Layout &l) const
{
    const QFont font = m_theme.textFont();
    const QFontMetricsF fm(font);
    const double span = l.t1 - l.t0;
    const int maxTicks = std::max(2, int(l.plot.width() / (fm.horizontalAdvance(u"0.000 s"_s) * 1.5)));
    const double step = niceStep(span, maxTicks);
    const qreal baseline = l.plot.bottom() + std::round(m_theme.textPx * 0.3);

    p->setFont(font);
    QPen gridPen(m_theme.grid, std::max(1.0, m_theme.lineWidth * 0.5));
    gridPen.setCosmetic(false);
    QPen axisPen(m_theme.foreground, m_theme.lineWidth);
    axisPen.setCapStyle(Qt::FlatCap);
    p->setPen(axisPen);
    p->drawLine(QPointF(l.plot.left(), baseline), QPointF(l.plot.right(), baseline));
    const qreal tick = std::round(m_theme.textPx * 0.35);
    for (double t = std::ceil(l.t0 / step) * step; t <= l.t1 + step * 1e-9; t += step) {
        const qreal x = l.xOf(t);
        p->setPen(gridPen);
        p->drawLine(QPointF(x, l.plot.top()), QPointF(x, baseline));
        p->setPen(axisPen);
        p->drawLine(QPointF(x, baseline), QPointF(x, baseline + tick));
        const QString label = Units::axisSeconds(t, step);
        const qreal w = fm.horizontalAdvance(label);
        p->setPen(m_theme.foreground);
        drawText(p, QRectF(x - w / 2 - 2, baseline + tick, w + 4, fm.height() * 1.2), Qt::AlignCenter, label);
    }
}

void TimelineRenderer::paintGroup(QPainter *p, const Layout &l, int index) const
{
    const TimelineData::Group &group = m_data.groups()[std::size_t(index)];
    const QColor color = Theme::modeColor(group.mode);
    const qreal pad = std::round(m_theme.textPx * 0.6);
    const qreal top = l.groupTops[std::size_t(index)];
    const QRectF header(l.bounds.left() + pad, top, l.bounds.width() - 2 * pad, l.headerHeight);

    // Mode name in its colour in the gutter, the numbers over the lanes.
    p->setFont(m_theme.textFont(true));
    p->setPen(color);
    drawText(p, QRectF(header.left(), top, l.plot.left() - header.left(), l.headerHeight),
             Qt::AlignLeft | Qt::AlignVCenter, modeName(group.mode));
    p->setFont(m_theme.textFont());
    p->setPen(m_theme.foreground);
    const QFontMetricsF fm(p->font());
    drawText(p, QRectF(l.plot.left(), top, l.plot.width(), l.headerHeight), Qt::AlignLeft | Qt::AlignVCenter,
             fm.elidedText(groupCaption(group), Qt::ElideRight, l.plot.width()));

    const qreal labelPx = laneLabelPx(m_theme, l.laneHeight);
    const bool labels = laneLabelsShown(m_theme, labelPx);
    const QFont laneFont = m_theme.font(int(labelPx));
    for (int lane = 0; lane < int(group.lanes.size()); ++lane) {
        const qreal y = l.laneTop(index, lane);
        if (lane % 2 == 1)
            p->fillRect(QRectF(l.plot.left(), y, l.plot.width(), l.laneHeight), m_theme.laneShade);
        if (labels) {
            p->setFont(laneFont);
            p->setPen(m_theme.muted);
            drawText(p, QRectF(header.left() + pad, y, l.plot.left() - header.left() - 2 * pad, l.laneHeight),
                     Qt::AlignLeft | Qt::AlignVCenter, group.lanes[std::size_t(lane)].name);
        }
    }
    p->save();
    p->setClipRect(
        QRectF(l.plot.left(), top, l.plot.width() + 1, l.headerHeight + group.lanes.size() * l.laneHeight));
    const PhaseBrushes brushes(m_theme, color);
    for (int lane = 0; lane < int(group.lanes.size()); ++lane)
        paintLane(p, l, group, group.lanes[std::size_t(lane)], l.laneTop(index, lane),
                  index == m_highlightGroup, brushes);

    // Where this mode's run ended: slower modes end further right on the shared axis.
    const qreal endX = l.xOf(group.wallS);
    if (endX >= l.plot.left() && endX <= l.plot.right() + 1) {
        QPen endPen(group.live ? m_theme.muted : color, std::max(2.0, m_theme.lineWidth * 1.5));
        endPen.setStyle(group.live ? Qt::DashLine : Qt::SolidLine);
        endPen.setCapStyle(Qt::FlatCap);
        p->setPen(endPen);
        p->drawLine(QPointF(endX, top + l.headerHeight),
                    QPointF(endX, top + l.headerHeight + group.lanes.size() * l.laneHeight));
    }
    p->restore();
    paintStrip(p, l, index);
}

void TimelineRenderer::paintLane(QPainter *p, const Layout &l, const TimelineData::Group &group,
                                 const TimelineData::Lane &lane, qreal top, bool highlightGroup,
                                 const PhaseBrushes &brushes) const
{
    using Phase = TimelinePhases::Phase;
    if (lane.order.empty())
        return;
    const QColor color = Theme::modeColor(group.mode);
    const qreal inset = l.laneHeight >= 6 ? std::round(l.laneHeight * 0.14) : 0.0;
    const qreal barTop = top + inset;
    const qreal barHeight = l.laneHeight - 2 * inset;
    const qreal sep = std::max(1.0, std::round(m_theme.lineWidth * 0.67));
    const qreal minBar = 3 * sep;
    const double scale = l.plot.width() / (l.t1 - l.t0);
    const int columns = std::max(1, int(std::ceil(l.plot.width())));
    const qreal left = l.plot.left();
    QRectF highlight;

    if (group.hasPhases)
        paintLanePhases(p, l, group, lane, barTop, barHeight, brushes.startup);

    // Sub-pixel tasks add what they cover to their pixel columns, and their phases' shares to the
    // columns' phase weights: a column is drawn in its dominant phase, as bright as it is busy.
    std::vector<float> coverage;
    std::vector<TimelineData::PhaseWeights> weights;
    // Far more tasks in view than pixel columns (a million-task run seen whole): the columns come
    // from the lane's running sums, without visiting each task on every repaint.
    const bool dense =
        TimelineData::tasksStartingIn(lane, l.t0 - lane.maxDuration, l.t1) > 4 * qsizetype(columns);
    if (dense) {
        TimelineData::sumColumns(lane, l.t0, 1.0 / scale, columns, coverage, weights);
        if (highlightGroup && m_highlightTask >= 0 && m_highlightTask < group.tasks.size()) {
            const TaskRecord &t = group.tasks.at(m_highlightTask);
            if (t.worker >= 0 && std::size_t(t.worker) < group.lanes.size() &&
                &group.lanes[std::size_t(t.worker)] == &lane && t.endS >= l.t0 && t.startS <= l.t1) {
                const double a = std::clamp((t.startS - l.t0) * scale, 0.0, double(columns));
                const double b = std::clamp((t.endS - l.t0) * scale, 0.0, double(columns));
                highlight =
                    QRectF(left + std::floor(a) - 1, barTop, std::floor(b) - std::floor(a) + 3, barHeight);
            }
        }
    }
    auto it = dense ? lane.order.end()
                    : std::lower_bound(lane.order.begin(), lane.order.end(), l.t0 - lane.maxDuration,
                                       [&](qint32 i, double t) { return group.tasks.at(i).startS < t; });
    for (; it != lane.order.end(); ++it) {
        const TaskRecord &t = group.tasks.at(*it);
        if (t.startS > l.t1)
            break;
        if (t.endS < l.t0)
            continue;
        double x0 = (t.startS - l.t0) * scale;
        double x1 = (t.endS - l.t0) * scale;
        if (x1 - x0 >= minBar) {
            x0 = std::max(x0, -2.0);
            x1 = std::min(x1, double(columns) + 2);
            const QRectF r(left + x0, barTop, std::max(1.0, x1 - x0 - sep), barHeight);
            if (!group.hasPhases) {
                p->fillRect(r, color);
            } else {
                for (const TimelinePhases::Segment &seg : TimelinePhases::segments(t)) {
                    const qreal s0 = std::max(r.left(), left + (seg.startS - l.t0) * scale);
                    const qreal s1 = std::min(r.right(), left + (seg.endS - l.t0) * scale);
                    if (s1 > s0)
                        p->fillRect(QRectF(s0, barTop, s1 - s0, barHeight), brushes.full(seg.phase));
                }
            }
            if (highlightGroup && *it == m_highlightTask)
                highlight = r;
            continue;
        }
        if (coverage.empty()) {
            coverage.assign(std::size_t(columns), 0.0f);
            weights.assign(std::size_t(columns), {});
        }
        const auto seconds = TimelinePhases::seconds(t);
        const double duration = t.durationS();
        auto add = [&](int c, float amount) {
            coverage[std::size_t(c)] += amount;
            auto &w = weights[std::size_t(c)];
            if (duration > 0) {
                for (std::size_t ph = 0; ph < w.size(); ++ph)
                    w[ph] += float(double(amount) * seconds[ph] / duration);
            } else {
                w[std::size_t(Phase::Compute)] += amount;
            }
        };
        x0 = std::clamp(x0, 0.0, double(columns));
        x1 = std::clamp(x1, 0.0, double(columns));
        const int a = std::min(int(x0), columns - 1);
        const int b = std::min(int(x1), columns - 1);
        // The tiny extra marks the column as not idle, so even a task of no measurable length
        // shows faintly, without making a sparse column look busy.
        const float presence = 1e-6f;
        if (a == b) {
            add(a, float(x1 - x0) + presence);
        } else {
            add(a, float(a + 1 - x0) + presence);
            for (int c = a + 1; c < b; ++c)
                add(c, 1.0f);
            add(b, std::max(float(x1 - b), 0.0f));
        }
        if (highlightGroup && *it == m_highlightTask)
            highlight = QRectF(left + a - 1, barTop, b - a + 3, barHeight);
    }

    if (!coverage.empty())
        paintCoverage(p, coverage, weights, QRectF(left, barTop, columns, barHeight), brushes);
    if (!highlight.isNull()) {
        QPen pen(m_theme.foreground, std::max(2.0, m_theme.lineWidth));
        pen.setJoinStyle(Qt::MiterJoin);
        p->setPen(pen);
        p->setBrush(Qt::NoBrush);
        p->drawRect(highlight);
    }
}

// Lane-level phases, thinner than a task and hatched grey: the worker being created before
// its first task, and everyone waiting for the run to be gathered after the last task.
void TimelineRenderer::paintLanePhases(QPainter *p, const Layout &l, const TimelineData::Group &group,
                                       const TimelineData::Lane &lane, qreal barTop, qreal barHeight,
                                       const QBrush &brush) const
{
    const qreal left = l.plot.left();
    const int columns = std::max(1, int(std::ceil(l.plot.width())));
    const qreal thin = std::max(1.0, std::round(barHeight * 0.5));
    const qreal thinTop = barTop + (barHeight - thin) / 2;
    auto lanePhase = [&](double from, double to) {
        if (!(to > from) || to < l.t0 || from > l.t1)
            return;
        const qreal x0 = std::max(left - 2, l.xOf(from));
        const qreal x1 = std::min(left + columns + 2, l.xOf(to));
        if (x1 - x0 >= 0.5)
            p->fillRect(QRectF(x0, thinTop, x1 - x0, thin), brush);
    };
    lanePhase(0.0, std::min(group.startupS, group.tasks.at(lane.order.front()).startS));
    if (group.live)
        return;
    if (group.cancelled) {
        // After a Cancel the workers were stopping, not gathering results: drawn full height
        // and hatched, so a class does not read it as the run's normal ending.
        const qreal x0 = std::max(left - 2, l.xOf(group.lastEndS));
        const qreal x1 = std::min(left + columns + 2, l.xOf(group.wallS));
        if (x1 - x0 >= 0.5 && group.wallS > group.lastEndS && group.lastEndS <= l.t1 && group.wallS >= l.t0)
            p->fillRect(QRectF(x0, barTop, x1 - x0, barHeight), cancelledBrush());
        return;
    }
    lanePhase(group.lastEndS, group.wallS);
}

// The summed pixel columns: runs of columns with the same busy level and dominant phase, each
// filled once.
void TimelineRenderer::paintCoverage(QPainter *p, const std::vector<float> &coverage,
                                     const std::vector<TimelineData::PhaseWeights> &weights,
                                     const QRectF &bar, const PhaseBrushes &brushes)
{
    const qreal left = bar.left();
    const qreal barTop = bar.top();
    const qreal barHeight = bar.height();
    const int columns = int(coverage.size());
    auto levelOf = [](float c) { return c <= 0.0f ? 0 : c < 0.25f ? 1 : c < 0.5f ? 2 : c < 0.85f ? 3 : 4; };
    auto keyOf = [&](int c) {
        const int level = levelOf(coverage[std::size_t(c)]);
        if (level == 0)
            return 0;
        const auto &w = weights[std::size_t(c)];
        const int dominant = int(std::max_element(w.begin(), w.end()) - w.begin());
        return level * 8 + dominant;
    };
    int runStart = 0;
    int runKey = keyOf(0);
    for (int c = 1; c <= columns; ++c) {
        const int key = c < columns ? keyOf(c) : -1;
        if (key == runKey)
            continue;
        if (runKey > 0) {
            const QRectF r(left + runStart, barTop, c - runStart, barHeight);
            p->fillRect(r, brushes.byLevel[std::size_t(runKey / 8)][std::size_t(runKey % 8)]);
        }
        runStart = c;
        runKey = key;
    }
}

void TimelineRenderer::paintLegend(QPainter *p, const Layout &l) const
{
    using Phase = TimelinePhases::Phase;
    const std::vector<int> phases = legendPhases();
    if (phases.empty() || l.legendHeight <= 0)
        return;
    const qreal pad = std::round(m_theme.textPx * 0.6);
    const qreal top = l.bounds.top() + pad + l.titleHeight;
    const QFont font = m_theme.textFont();
    const QFontMetricsF fm(font);
    const qreal swatchW = std::round(m_theme.textPx * 1.6);
    const qreal swatchH = std::round(m_theme.textPx * 0.9);
    const qreal swatchTop = top + (l.legendHeight - swatchH) / 2;
    // The modes present, for the compute swatch: compute is drawn in each mode's own colour.
    QList<QColor> modeColors;
    for (const auto &g : m_data.groups())
        if (!modeColors.contains(Theme::modeColor(g.mode)))
            modeColors.append(Theme::modeColor(g.mode));
    const QColor first = modeColors.value(0, Theme::modeColor(Mode::Sequential));
    p->setFont(font);
    qreal x = l.plot.left();
    for (const int phase : phases) {
        const Phase ph = Phase(phase);
        const QString label = phase == kCancelledTail ? tr("stopping after Cancel")
                              : ph == Phase::Startup  ? tr("start-up / gather")
                                                      : TimelinePhases::name(ph);
        const qreal need = swatchW + pad * 0.5 + fm.horizontalAdvance(label) + pad * 1.5;
        if (x + need > l.bounds.right() - pad)
            break; // a narrow export: fewer entries, never overlapping ones
        const QRectF swatch(x, swatchTop, swatchW, swatchH);
        if (phase == kCancelledTail) {
            p->fillRect(swatch, cancelledBrush());
        } else if (ph == Phase::Compute) {
            const qreal w = swatchW / std::max<qsizetype>(1, modeColors.size());
            for (qsizetype i = 0; i < modeColors.size(); ++i)
                p->fillRect(QRectF(x + i * w, swatchTop, w, swatchH), modeColors[i]);
        } else if (ph == Phase::Startup) {
            const qreal thin = std::round(swatchH * 0.5);
            p->fillRect(QRectF(x, swatchTop + (swatchH - thin) / 2, swatchW, thin),
                        TimelinePhases::brush(ph, m_theme, first));
        } else {
            p->fillRect(swatch, TimelinePhases::brush(ph, m_theme, first));
        }
        p->setPen(m_theme.foreground);
        drawText(p, QRectF(x + swatchW + pad * 0.5, top, need, l.legendHeight),
                 Qt::AlignLeft | Qt::AlignVCenter, label);
        x += need;
    }
}

void TimelineRenderer::paintStrip(QPainter *p, const Layout &l, int index) const
{
    const TimelineData::Group &group = m_data.groups()[std::size_t(index)];
    if (std::size_t(index) >= l.strips.size() || group.samples.isEmpty())
        return;
    const Layout::Strip &strip = l.strips[std::size_t(index)];
    StripPaint c{group.samples, Theme::modeColor(group.mode), 0, 0, 0, QPen(), 0, {}};
    c.pad = std::round(m_theme.textPx * 0.6);
    c.gutterLeft = l.bounds.left() + c.pad * 2;
    c.gutterWidth = l.plot.left() - c.gutterLeft - c.pad;
    c.linePen = QPen(c.color, std::max(1.5, m_theme.lineWidth * 1.2));
    // Square ends close the corners where a step's segments meet.
    c.linePen.setCapStyle(Qt::SquareCap);
    c.columns = int(std::ceil(l.plot.width()));
    c.ends.resize(std::size_t(c.samples.size()));
    for (qsizetype i = 0; i < c.samples.size(); ++i)
        c.ends[std::size_t(i)] = c.samples[i].timeS;
    if (!strip.cpu.isEmpty())
        paintCoreRows(p, l, group, strip, c);
    if (!strip.memory.isEmpty())
        paintMemoryPanel(p, l, group, strip, c);
}

void TimelineRenderer::paintCoreRows(QPainter *p, const Layout &l, const TimelineData::Group &group,
                                     const Layout::Strip &strip, const StripPaint &c) const
{
    const qreal rowH = strip.coreRowHeight;
    // A label per core where the row holds one a viewer can read (on a projector: the theme's
    // text size); otherwise one label names the range, sized to the strip.
    const qreal readable = m_theme.kind == Theme::Kind::Projector ? m_theme.textPx : kSmallestLabelPx * 1.1;
    const bool rowLabels =
        std::floor(rowH * 0.85) >= std::floor(readable * 0.85) && rowH >= kSmallestLabelPx * 1.1;
    const QFont labelFont =
        rowLabels ? m_theme.font(int(std::min<qreal>(m_theme.textPx, std::floor(rowH * 0.85)))) : QFont();
    for (int core = 0; core < group.cores; ++core) {
        const QRectF row(strip.cpu.left(), strip.cpu.top() + core * rowH, strip.cpu.width(), rowH);
        p->fillRect(row, core % 2 ? m_theme.laneShade : m_theme.background);
        // Each sample is the core's busy share over the interval before it: a step, not a ramp.
        // The core's mean busy share in each pixel column: a filled step, and its outline.
        std::vector<double> busy(std::size_t(c.samples.size()));
        for (qsizetype i = 0; i < c.samples.size(); ++i)
            busy[std::size_t(i)] =
                core < c.samples[i].coreBusy.size() ? double(c.samples[i].coreBusy[core]) : 0.0;
        const std::vector<double> means = columnMeans(l, row.left(), c.columns, c.ends, busy);
        const auto yOf = [&](double mean) {
            return std::round(row.bottom() - std::clamp(mean, 0.0, 1.0) * (rowH - 1));
        };
        QList<QRectF> fill;
        QList<QLineF> outline;
        qreal lastY = std::numeric_limits<qreal>::quiet_NaN(); // NaN: no step before
        for (std::size_t c = 0; c < means.size();) {
            if (std::isnan(means[c])) {
                lastY = std::numeric_limits<qreal>::quiet_NaN();
                ++c;
                continue;
            }
            // A run of c.columns at the same height is one rectangle and one segment.
            const qreal y = yOf(means[c]);
            std::size_t end = c + 1;
            while (end < means.size() && !std::isnan(means[end]) && yOf(means[end]) == y)
                ++end;
            const qreal x0 = row.left() + qreal(c);
            const qreal x1 = row.left() + qreal(end);
            fill.append(QRectF(x0, y, x1 - x0, row.bottom() - y));
            if (!std::isnan(lastY) && lastY != y)
                outline.append(QLineF(x0, lastY, x0, y));
            outline.append(QLineF(x0, y, x1, y));
            lastY = y;
            c = end;
        }
        p->save();
        p->setClipRect(row.adjusted(0, 0, 1, 0));
        p->setRenderHint(QPainter::Antialiasing, false);
        p->setPen(Qt::NoPen);
        p->setBrush(m_theme.tint(c.color, 0.45));
        p->drawRects(fill);
        if (rowH >= 6) {
            p->setPen(c.linePen);
            p->setBrush(Qt::NoBrush);
            p->drawLines(outline);
        }
        p->restore();
        if (rowLabels) {
            p->setFont(labelFont);
            p->setPen(m_theme.muted);
            drawText(p, QRectF(c.gutterLeft, row.top(), c.gutterWidth, rowH),
                     Qt::AlignRight | Qt::AlignVCenter, tr("CPU %1").arg(core));
        }
    }
    if (!rowLabels) {
        p->setFont(m_theme.font(int(std::max(
            kSmallestLabelPx, std::min<qreal>(m_theme.textPx, std::floor(strip.cpu.height() * 0.85))))));
        p->setPen(m_theme.muted);
        drawText(p, QRectF(c.gutterLeft, strip.cpu.top(), c.gutterWidth, strip.cpu.height()),
                 Qt::AlignRight | Qt::AlignVCenter, tr("CPU 0–%1").arg(group.cores - 1));
    }
}

void TimelineRenderer::paintMemoryPanel(QPainter *p, const Layout &l, const TimelineData::Group &group,
                                        const Layout::Strip &strip, const StripPaint &c) const
{
    const QRectF box = strip.memory;
    p->fillRect(box, m_theme.laneShade);
    // A round number of MiB (or KiB for a tiny process), as the labels say it.
    const double unit = group.maxSeriesMemory >= 1024 * 1024 ? 1024.0 * 1024.0 : 1024.0;
    const double top = niceCeiling(double(group.maxSeriesMemory) * 1.05 / unit) * unit;
    QPen gridPen(m_theme.grid, std::max(1.0, m_theme.lineWidth * 0.5));
    p->setPen(gridPen);
    p->drawLine(QPointF(box.left(), box.top()), QPointF(box.right(), box.top()));
    p->drawLine(QPointF(box.left(), box.center().y()), QPointF(box.right(), box.center().y()));
    p->save();
    p->setClipRect(box.adjusted(0, -2, 1, 2));
    p->setRenderHint(QPainter::Antialiasing);
    const int series = int(group.memoryNames.size());
    // Samples with a memory reading; the others have CPU shares only, and the line goes on
    // from one reading to the next.
    QList<qsizetype> readings;
    for (qsizetype i = 0; i < c.samples.size(); ++i)
        if (!c.samples[i].memoryBytes.isEmpty())
            readings.append(i);
    // Workers in the mode's colour, the parent (or the one process of threads) in the text
    // colour, dashed: the lines a hover names.
    for (int m = series - 1; m >= 0; --m) {
        const bool parent = m == 0;
        QPen pen(parent ? m_theme.foreground : c.color,
                 std::max(1.5, m_theme.lineWidth * (parent ? 1.2 : 1.5)));
        if (parent && series > 1)
            pen.setStyle(Qt::DashLine);
        p->setPen(pen);
        QPolygonF line;
        auto flush = [&] {
            if (line.size() == 1) // one reading alone (a run shorter than the memory cadence)
                p->drawLine(line.front() - QPointF(3 * pen.widthF(), 0),
                            line.front() + QPointF(3 * pen.widthF(), 0));
            else if (line.size() > 1 && pen.style() == Qt::DashLine)
                p->drawLines(dashedSegments(line, pen.widthF()));
            else if (line.size() > 1) {
                QList<QLineF> segments;
                segments.reserve(line.size() - 1);
                for (qsizetype i = 1; i < line.size(); ++i)
                    segments.append(QLineF(line[i - 1], line[i]));
                p->drawLines(segments);
            }
            line.clear();
        };
        for (qsizetype j = 0; j < readings.size(); ++j) {
            const ResourceSample &s = c.samples[readings[j]];
            // The readings in view and one either side, so the line runs to the edges.
            const double before = c.samples[readings[std::max<qsizetype>(0, j - 1)]].timeS;
            const double after = c.samples[readings[std::min(readings.size() - 1, j + 1)]].timeS;
            if (l.xOf(after) < box.left())
                continue;
            if (l.xOf(before) > box.right())
                break;
            const qint64 bytes = m < s.memoryBytes.size() ? s.memoryBytes[m] : 0;
            if (bytes <= 0) {
                flush(); // not running then: a gap, not a drop to zero
                continue;
            }
            // One point per pixel column, at its highest reading: the peak is what the panel
            // is read for, and the sampler keeps it when it merges c.samples.
            const QPointF pt(l.xOf(s.timeS), box.bottom() - double(bytes) / top * box.height());
            if (!line.isEmpty() && std::floor(line.back().x()) == std::floor(pt.x())) {
                line.back().setY(std::min(line.back().y(), pt.y()));
                continue;
            }
            line.append(pt);
        }
        flush();
    }
    p->restore();
    // Secondary, so a little smaller, except on a projector where nothing is under its text size.
    const QFont small = m_theme.kind == Theme::Kind::Projector
                            ? m_theme.textFont()
                            : m_theme.font(std::max(10, int(m_theme.textPx * 0.85)));
    const QFontMetricsF fm(small);
    p->setFont(small);
    p->setPen(m_theme.muted);
    const qreal lineH = fm.height();
    drawText(p, QRectF(c.gutterLeft, box.top(), c.gutterWidth, lineH), Qt::AlignRight | Qt::AlignTop,
             group.memoryIsPss ? tr("memory (PSS)") : tr("memory (RSS)"));
    if (box.height() >= lineH * 2)
        drawText(p, QRectF(c.gutterLeft, box.top() + lineH, c.gutterWidth, lineH),
                 Qt::AlignRight | Qt::AlignTop,
                 tr("top %1").arg(Units::bytes(std::uint64_t(std::max(0.0, double(top))))));
    if (box.height() >= lineH * 3 && group.peakMemoryBytes)
        drawText(p, QRectF(c.gutterLeft, box.bottom() - lineH, c.gutterWidth, lineH),
                 Qt::AlignRight | Qt::AlignBottom,
                 tr("peak %1").arg(Units::bytes(std::uint64_t(*group.peakMemoryBytes))));
}

} // namespace wordrace
