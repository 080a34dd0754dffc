#include "timelinerenderer.h"

#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

// Short runs are common (the nice-hat corpus takes microseconds): say them in units that show digits.
QString secondsText(double s)
{
    if (s < 0.001)
        return QString::number(s * 1e6, 'f', 0) + u" µs"_s;
    if (s < 0.1)
        return QString::number(s * 1e3, 'f', 2) + u" ms"_s;
    return QString::number(s, 'f', s < 10 ? 3 : 2) + u" s"_s;
}

QString count(qsizetype n)
{
    return QLocale(QLocale::English).toString(qlonglong(n));
}

// Lane names shrink with the lanes; below this they are left out rather than drawn illegibly.
constexpr qreal kSmallestLabelPx = 8.0;

qreal laneLabelPx(const Theme &theme, qreal laneHeight)
{
    if (laneHeight >= theme.textPx * 1.1)
        return theme.textPx;
    return std::floor(laneHeight * 0.85);
}

} // namespace

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

QString TimelineRenderer::formatSeconds(double seconds, double step)
{
    const int decimals = std::clamp(int(-std::floor(std::log10(step) + 1e-9)), 0, 9);
    if (std::abs(seconds) < step * 1e-6)
        seconds = 0.0; // no "-0.000 s"
    return QString::number(seconds, 'f', decimals) + u" s"_s;
}

QString TimelineRenderer::groupCaption(const TimelineData::Group &group) const
{
    const QString workers = group.workers == 1 ? tr("1 worker") : tr("%1 workers").arg(group.workers);
    const qsizetype done = group.tasks.size();
    if (group.live) {
        return tr("%1 · %2 of %3 tasks · running, %4")
            .arg(workers, count(done), count(group.plannedTasks), secondsText(group.wallS));
    }
    const QString tasks = done == 1 ? tr("1 task") : tr("%1 tasks").arg(count(done));
    QString caption = tr("%1 · %2 · wall %3").arg(workers, tasks, secondsText(group.wallS));
    if (group.cancelled)
        caption += tr(" · cancelled after %1 of %2 tasks").arg(count(done), count(group.plannedTasks));
    return caption;
}

TimelineRenderer::Layout TimelineRenderer::layout(const QRectF &bounds) const
{
    Layout l;
    l.bounds = bounds;
    l.t0 = m_t0;
    l.t1 = m_t1;
    const qreal pad = std::round(m_theme.textPx * 0.6);
    const qreal top = bounds.top() + pad;
    l.titleHeight = m_title.isEmpty() ? 0 : std::round(m_theme.titlePx * 1.6);
    l.headerHeight = std::round(m_theme.textPx * 1.7);
    l.groupGap = std::round(m_theme.textPx * 0.7);
    const qreal axisHeight = std::round(m_theme.textPx * 2.2);

    const auto &groups = m_data.groups();
    const int lanes = std::max(1, m_data.laneCount());
    const int n = int(groups.size());
    const qreal plotTop = top + l.titleHeight;
    const qreal available = bounds.bottom() - pad - axisHeight - plotTop;
    const qreal fixed = n * l.headerHeight + std::max(0, n - 1) * l.groupGap;
    l.laneHeight = std::clamp((available - fixed) / lanes, 1.0, qreal(m_theme.maxLaneHeight));
    if (l.laneHeight > 4)
        l.laneHeight = std::floor(l.laneHeight);

    // The gutter fits the longest name, but never takes more than a third of the width.
    const QFontMetricsF bold(m_theme.textFont(true));
    qreal gutter = 0;
    for (const auto &g : groups)
        gutter = std::max(gutter, bold.horizontalAdvance(modeName(g.mode)));
    const qreal labelPx = laneLabelPx(m_theme, l.laneHeight);
    if (labelPx >= kSmallestLabelPx) {
        const QFontMetricsF lane(m_theme.font(int(labelPx)));
        for (const auto &g : groups)
            for (const auto &ln : g.lanes)
                gutter = std::max(gutter, lane.horizontalAdvance(ln.name) + pad);
    }
    gutter = std::min(gutter + 2 * pad, bounds.width() / 3);

    // Room on the right for half of the last tick label.
    const qreal right = QFontMetricsF(m_theme.textFont()).horizontalAdvance(u"00.000 s"_s) / 2;
    qreal y = plotTop;
    for (int g = 0; g < n; ++g) {
        l.groupTops.push_back(y);
        y += l.headerHeight + qreal(groups[std::size_t(g)].lanes.size()) * l.laneHeight + l.groupGap;
    }
    if (n > 0)
        y -= l.groupGap;
    else
        y = bounds.bottom() - pad - axisHeight;
    l.plot = QRectF(QPointF(bounds.left() + gutter, plotTop),
                    QPointF(bounds.right() - right, std::max(y, plotTop + 1)));
    return l;
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
        p->drawText(QRectF(bounds.left() + pad, bounds.top() + pad, bounds.width() - 2 * pad, l.titleHeight),
                    Qt::AlignLeft | Qt::AlignVCenter, m_title);
    }
    if (m_data.isEmpty()) {
        p->setFont(m_theme.textFont());
        p->setPen(m_theme.muted);
        p->drawText(bounds.adjusted(pad, l.titleHeight, -pad, -pad), Qt::AlignCenter | Qt::TextWordWrap,
                    m_emptyText);
        p->restore();
        return;
    }
    paintAxis(p, l);
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
        const QString label = formatSeconds(t, step);
        const qreal w = fm.horizontalAdvance(label);
        p->setPen(m_theme.foreground);
        p->drawText(QRectF(x - w / 2 - 2, baseline + tick, w + 4, fm.height() * 1.2), Qt::AlignCenter, label);
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
    p->drawText(QRectF(header.left(), top, l.plot.left() - header.left(), l.headerHeight),
                Qt::AlignLeft | Qt::AlignVCenter, modeName(group.mode));
    p->setFont(m_theme.textFont());
    p->setPen(m_theme.foreground);
    const QFontMetricsF fm(p->font());
    p->drawText(QRectF(l.plot.left(), top, l.plot.width(), l.headerHeight), Qt::AlignLeft | Qt::AlignVCenter,
                fm.elidedText(groupCaption(group), Qt::ElideRight, l.plot.width()));

    const qreal labelPx = laneLabelPx(m_theme, l.laneHeight);
    const bool labels = labelPx >= kSmallestLabelPx;
    const QFont laneFont = m_theme.font(int(labelPx));
    for (int lane = 0; lane < int(group.lanes.size()); ++lane) {
        const qreal y = l.laneTop(index, lane);
        if (lane % 2 == 1)
            p->fillRect(QRectF(l.plot.left(), y, l.plot.width(), l.laneHeight), m_theme.laneShade);
        if (labels) {
            p->setFont(laneFont);
            p->setPen(m_theme.muted);
            p->drawText(QRectF(header.left() + pad, y, l.plot.left() - header.left() - 2 * pad, l.laneHeight),
                        Qt::AlignLeft | Qt::AlignVCenter, group.lanes[std::size_t(lane)].name);
        }
    }
    p->save();
    p->setClipRect(
        QRectF(l.plot.left(), top, l.plot.width() + 1, l.headerHeight + group.lanes.size() * l.laneHeight));
    for (int lane = 0; lane < int(group.lanes.size()); ++lane)
        paintLane(p, l, group, group.lanes[std::size_t(lane)], l.laneTop(index, lane),
                  index == m_highlightGroup);

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
}

void TimelineRenderer::paintLane(QPainter *p, const Layout &l, const TimelineData::Group &group,
                                 const TimelineData::Lane &lane, qreal top, bool highlightGroup) const
{
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
    std::vector<float> coverage;
    const qreal left = l.plot.left();
    QRectF highlight;

    auto it = std::lower_bound(lane.order.begin(), lane.order.end(), l.t0 - lane.maxDuration,
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
            p->fillRect(r, color);
            if (highlightGroup && *it == m_highlightTask)
                highlight = r;
            continue;
        }
        // Too thin to draw on its own: add what it covers to its pixel columns.
        if (coverage.empty())
            coverage.assign(std::size_t(columns), 0.0f);
        x0 = std::clamp(x0, 0.0, double(columns));
        x1 = std::clamp(x1, 0.0, double(columns));
        const int a = std::min(int(x0), columns - 1);
        const int b = std::min(int(x1), columns - 1);
        // The tiny extra marks the column as not idle, so even a task of no measurable length
        // shows faintly, without making a sparse column look busy.
        const float presence = 1e-6f;
        if (a == b) {
            coverage[std::size_t(a)] += float(x1 - x0) + presence;
        } else {
            coverage[std::size_t(a)] += float(a + 1 - x0) + presence;
            for (int c = a + 1; c < b; ++c)
                coverage[std::size_t(c)] += 1.0f;
            coverage[std::size_t(b)] += std::max(float(x1 - b), 0.0f);
        }
        if (highlightGroup && *it == m_highlightTask)
            highlight = QRectF(left + a - 1, barTop, b - a + 3, barHeight);
    }

    if (!coverage.empty()) {
        // Four shades are plenty to tell busy from idle, and they merge into few rectangles.
        const QColor shades[5] = {Qt::transparent, m_theme.tint(color, 0.35), m_theme.tint(color, 0.55),
                                  m_theme.tint(color, 0.78), color};
        auto levelOf = [](float c) {
            return c <= 0.0f ? 0 : c < 0.25f ? 1 : c < 0.5f ? 2 : c < 0.85f ? 3 : 4;
        };
        int runStart = 0;
        int runLevel = levelOf(coverage[0]);
        for (int c = 1; c <= columns; ++c) {
            const int level = c < columns ? levelOf(coverage[std::size_t(c)]) : -1;
            if (level == runLevel)
                continue;
            if (runLevel > 0)
                p->fillRect(QRectF(left + runStart, barTop, c - runStart, barHeight), shades[runLevel]);
            runStart = c;
            runLevel = level;
        }
    }
    if (!highlight.isNull()) {
        QPen pen(m_theme.foreground, std::max(2.0, m_theme.lineWidth));
        pen.setJoinStyle(Qt::MiterJoin);
        p->setPen(pen);
        p->setBrush(Qt::NoBrush);
        p->drawRect(highlight);
    }
}

} // namespace wordrace
