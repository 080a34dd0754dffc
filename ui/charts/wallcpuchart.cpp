#include "charts/wallcpuchart.h"
#include "io/units.h"

#include "analysis/modesummary.h"
#include "analysis/plausibility.h"
#include "timeline/timelinerenderer.h"

#include <QBarSet>
#include <QCategoryAxis>
#include <QFontMetricsF>
#include <QGraphicsItem>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QPainter>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

// Rows: a run's wall bar at 3i, its CPU bar at 3i + 1, and 3i + 2 the gap before the next run.
constexpr int kSlots = 3;
constexpr qreal kBarWidth = 0.78;

// Pale for user time, dark for sys, in every theme: the same three shades everywhere.
QColor userColor(const Theme &, const QColor &mode)
{
    const auto mix = [](int c) { return int(c * 0.45 + 255 * 0.55 + 0.5); };
    return QColor(mix(mode.red()), mix(mode.green()), mix(mode.blue()));
}

QColor sysColor(const QColor &mode)
{
    return mode.darker(170);
}

enum class LegendKind
{
    Wall,
    User,
    Sys,
    Parent,
    Spread
};

QList<std::pair<LegendKind, QString>> legendItems(bool spread)
{
    QList<std::pair<LegendKind, QString>> items{
        {LegendKind::Wall, WallCpuChart::tr("wall time")},
        {LegendKind::User, WallCpuChart::tr("CPU user")},
        {LegendKind::Sys, WallCpuChart::tr("CPU sys")},
        {LegendKind::Parent, WallCpuChart::tr("parent process only: what %time shows")}};
    if (spread)
        items.append({LegendKind::Spread, WallCpuChart::tr("n runs: the median run, middle half, min–max")});
    return items;
}

QPen whiskerPen(const Theme &theme)
{
    QPen pen(theme.foreground, std::max(2.0, theme.lineWidth * 1.2));
    pen.setCapStyle(Qt::FlatCap);
    return pen;
}

// Draws a spread as a whisker from lo to hi with end caps and a thick band over the ±σ part.
void paintWhisker(QPainter *p, const Theme &theme, qreal lo, qreal hi, qreal bandLo, qreal bandHi, qreal y,
                  qreal height)
{
    p->setPen(whiskerPen(theme));
    p->drawLine(QPointF(lo, y), QPointF(hi, y));
    p->drawLine(QPointF(lo, y - height * 0.5), QPointF(lo, y + height * 0.5));
    p->drawLine(QPointF(hi, y - height * 0.5), QPointF(hi, y + height * 0.5));
    if (bandHi > bandLo) {
        // A halo of the background keeps the band visible over a bar of any colour.
        const qreal band = std::max(4.0, std::min(height * 0.2, theme.lineWidth * 3 + 3));
        p->fillRect(QRectF(bandLo - 1, y - band / 2 - 1.5, bandHi - bandLo + 2, band + 3), theme.background);
        p->fillRect(QRectF(bandLo, y - band / 2, bandHi - bandLo, band), theme.foreground);
    }
}

struct LegendMetrics
{
    qreal box, spacing, itemGap, rowHeight;
};

LegendMetrics legendMetrics(const Theme &theme)
{
    return {std::round(theme.textPx * 1.1), std::round(theme.textPx * 0.4), std::round(theme.textPx * 1.4),
            std::round(theme.textPx * 1.6)};
}

// The legend's items split into rows that fit width: index of each row's first item.
QList<qsizetype> legendRows(const Theme &theme, qreal width, bool spread)
{
    const QFontMetricsF fm(theme.textFont());
    const LegendMetrics m = legendMetrics(theme);
    const auto items = legendItems(spread);
    QList<qsizetype> rows{0};
    qreal x = 0;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const qreal w = m.box + m.spacing + fm.horizontalAdvance(items.at(i).second);
        if (x > 0 && x + w > width) {
            rows.append(i);
            x = 0;
        }
        x += w + m.itemGap;
    }
    return rows;
}

int legendHeight(const Theme &theme, qreal width, bool spread)
{
    return int(std::round(legendMetrics(theme).rowHeight * legendRows(theme, width, spread).size() +
                          theme.textPx * 0.3));
}

} // namespace

// Draws the numbers, the parent-CPU marks, the legend and the empty-state hint over the bars. One
// item that maps data to pixels as it paints follows every resize and re-layout by itself.
class WallCpuChart::Annotations : public QGraphicsItem
{
public:
    explicit Annotations(WallCpuChart *chart) : QGraphicsItem(chart), m_chart(chart)
    {
        setZValue(1000);
        setAcceptedMouseButtons(Qt::NoButton);
    }
    QRectF boundingRect() const override { return m_chart->rect(); }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override;
    void paintLegend(QPainter *p) const;
    void refresh()
    {
        prepareGeometryChange();
        update();
    }

private:
    WallCpuChart *m_chart;
};

void WallCpuChart::Annotations::paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *)
{
    const Theme &theme = m_chart->m_theme;
    const QList<RunResult> &results = m_chart->m_results;
    p->setRenderHint(QPainter::Antialiasing, true);
    if (results.isEmpty() || !m_chart->m_series) {
        p->setFont(theme.textFont());
        p->setPen(theme.muted);
        p->drawText(m_chart->rect().adjusted(theme.textPx, theme.titlePx * 2, -theme.textPx, -theme.textPx),
                    Qt::AlignCenter | Qt::TextWordWrap, m_chart->m_emptyText);
        return;
    }
    paintLegend(p);
    const QFont valueFont = theme.textFont(true);
    const QFont noteFont = theme.textFont();

    const QList<Row> &rows = m_chart->m_rows;
    for (int i = 0; i < rows.size(); ++i) {
        for (bool cpu : {false, true}) {
            const QRectF whisker = m_chart->whiskerRect(i, cpu);
            if (whisker.isNull())
                continue;
            const QRectF band = m_chart->quartileRect(i, cpu);
            paintWhisker(p, theme, whisker.left(), whisker.right(), band.left(), band.right(),
                         m_chart->barRect(i, cpu).center().y(), whisker.height());
        }
    }
    for (const Annotation &a : m_chart->annotations()) {
        p->setFont(a.note ? noteFont : valueFont);
        QColor ink = theme.foreground;
        if (a.inside) {
            // Dark type on a light bar, light type on a dark one.
            const RunResult &r = rows.at(a.row).shown;
            const QColor bar = a.cpu ? userColor(theme, Theme::modeColor(r.mode)) : Theme::modeColor(r.mode);
            ink = bar.lightnessF() > 0.55 ? QColor(Qt::black) : QColor(Qt::white);
        }
        p->setPen(ink);
        p->drawText(a.rect.adjusted(0, 0, 2, 0), Qt::AlignLeft | Qt::AlignVCenter, a.text);
    }
    for (int i = 0; i < rows.size(); ++i) {
        const RunResult &r = rows.at(i).shown;
        // The parent's own CPU: for worker processes it is far short of the bar, the rest hidden.
        const QRectF cpu = m_chart->barRect(i, true);
        const qreal x =
            m_chart->mapToPosition(QPointF(r.parentCpu.total(), kSlots * i + 1), m_chart->m_series).x();
        const qreal overhang = cpu.height() * 0.2;
        QPen dash(theme.foreground, std::max(2.0, theme.lineWidth * 1.3));
        dash.setStyle(Qt::DashLine);
        dash.setCapStyle(Qt::FlatCap);
        p->setPen(dash);
        p->drawLine(QPointF(x, cpu.top() - overhang), QPointF(x, cpu.bottom() + overhang));
    }
}

void WallCpuChart::Annotations::paintLegend(QPainter *p) const
{
    // Each swatch shows its shade in every mode's colour: the shade is what it means, the hue
    // which mode it belongs to.
    const Theme &theme = m_chart->m_theme;
    QList<Mode> modes;
    for (const RunResult &r : m_chart->m_results)
        if (!modes.contains(r.mode))
            modes.append(r.mode);
    const QFont font = theme.textFont();
    const QFontMetricsF fm(font);
    const LegendMetrics m = legendMetrics(theme);
    const bool spread = m_chart->anySpread();
    const auto items = legendItems(spread);
    const QRectF area = m_chart->rect().adjusted(theme.textPx, 0, -theme.textPx, 0);
    QList<qsizetype> rows = legendRows(theme, area.width(), spread);
    rows.append(items.size());
    const qreal margin = std::round(theme.textPx * 0.5);
    qreal y = area.bottom() - margin - (rows.size() - 1) * m.rowHeight;
    p->setFont(font);
    for (qsizetype row = 0; row + 1 < rows.size(); ++row, y += m.rowHeight) {
        qreal width = 0;
        for (qsizetype i = rows.at(row); i < rows.at(row + 1); ++i)
            width += m.box + m.spacing + fm.horizontalAdvance(items.at(i).second) + m.itemGap;
        width -= m.itemGap;
        qreal x = area.center().x() - width / 2;
        for (qsizetype i = rows.at(row); i < rows.at(row + 1); ++i) {
            const auto &[kind, label] = items.at(i);
            const QRectF swatch(x, y + (m.rowHeight - m.box) / 2, m.box, m.box);
            if (kind == LegendKind::Spread) {
                paintWhisker(p, theme, swatch.left(), swatch.right(), swatch.left() + swatch.width() * 0.3,
                             swatch.right() - swatch.width() * 0.3, swatch.center().y(),
                             swatch.height() * 0.8);
            } else if (kind == LegendKind::Parent) {
                QPen dash(theme.foreground, std::max(2.0, theme.lineWidth * 1.3));
                dash.setStyle(Qt::DashLine);
                dash.setCapStyle(Qt::FlatCap);
                p->setPen(dash);
                p->drawLine(QPointF(swatch.left(), swatch.center().y()),
                            QPointF(swatch.right(), swatch.center().y()));
            } else {
                const qsizetype n = std::max<qsizetype>(1, modes.size());
                for (qsizetype k = 0; k < n; ++k) {
                    const QColor mode = modes.isEmpty() ? theme.muted : Theme::modeColor(modes.at(k));
                    const QColor c = kind == LegendKind::Wall   ? mode
                                     : kind == LegendKind::User ? userColor(theme, mode)
                                                                : sysColor(mode);
                    p->fillRect(QRectF(swatch.left() + swatch.width() * k / n, swatch.top(),
                                       swatch.width() / n + 0.5, swatch.height()),
                                c);
                }
            }
            p->setPen(theme.foreground);
            const qreal w = fm.horizontalAdvance(label);
            p->drawText(QRectF(swatch.right() + m.spacing, y, w + 2, m.rowHeight),
                        Qt::AlignLeft | Qt::AlignVCenter, label);
            x += m.box + m.spacing + w + m.itemGap;
        }
    }
}

WallCpuChart::WallCpuChart(QGraphicsItem *parent) : QChart(parent)
{
    localizeAxisNumbers(this);
    m_emptyText = tr("Press Run (F5): each mode's wall time will appear here above the CPU time it used.");
    setAnimationOptions(QChart::NoAnimation);
    setBackgroundRoundness(0);
    // The legend explains shades and the dashed mark across all modes at once, which QLegend's
    // one-marker-per-set cannot; the annotations draw it.
    legend()->hide();
    m_annotations = new Annotations(this);
    connect(this, &QChart::plotAreaChanged, this, [this] {
        fitLabels();
        m_annotations->refresh();
    });
    applyTheme();
    rebuild();
}

WallCpuChart::~WallCpuChart() = default;

void WallCpuChart::setResults(const QList<RunResult> &results)
{
    m_results = results;
    groupRows();
    rebuild();
}

void WallCpuChart::groupRows()
{
    m_rows.clear();
    for (int i = 0; i < m_results.size(); ++i) {
        const RunResult &r = m_results.at(i);
        auto same = [&](const Row &row) {
            return ModeSummary::sameMeasurement(m_results.at(row.runs.first()), r);
        };
        const auto it = std::find_if(m_rows.begin(), m_rows.end(), same);
        if (it == m_rows.end())
            m_rows.append(Row{{i}, r, {}, {}});
        else
            it->runs.append(i);
    }
    for (Row &row : m_rows) {
        if (row.runs.size() < 2)
            continue;
        // The statistics of the measured runs that finished, as ModeSummary counts them; a
        // cancelled run's times mean nothing. If every run was cancelled, show what there is.
        QList<int> measured;
        for (int i : std::as_const(row.runs))
            if (!m_results.at(i).cancelled)
                measured.append(i);
        if (measured.isEmpty())
            measured = row.runs;
        // The bars are the median run's own (the lower middle one of an even count): a run that was
        // measured, whose wall and CPU belong together, and the one the timeline shows.
        QList<const RunResult *> runs;
        QList<double> walls, cpus;
        for (int i : std::as_const(measured)) {
            runs.append(&m_results.at(i));
            walls.append(m_results.at(i).wallS);
            cpus.append(m_results.at(i).totalCpu().total());
        }
        row.shown = *ModeSummary::medianOf(runs);
        row.wall = Statistics::summarize(walls);
        row.cpu = Statistics::summarize(cpus);
    }
}

bool WallCpuChart::anySpread() const
{
    return std::any_of(m_rows.cbegin(), m_rows.cend(), [](const Row &r) { return r.hasSpread(); });
}

double WallCpuChart::rowEnd(int row, bool cpu) const
{
    const Row &r = m_rows.at(row);
    const double value = cpu ? r.shown.totalCpu().total() : r.shown.wallS;
    if (!r.hasSpread())
        return value;
    const SampleSummary &s = cpu ? r.cpu : r.wall;
    return std::max(value, s.max);
}

void WallCpuChart::setTheme(const Theme &theme)
{
    m_theme = theme;
    applyTheme();
    rebuild();
}

void WallCpuChart::setMinimumMax(double seconds)
{
    const double minimum = std::max(0.0, seconds);
    if (minimum == m_minimumMax)
        return;
    m_minimumMax = minimum;
    rebuild();
}

void WallCpuChart::setEmptyText(const QString &text)
{
    m_emptyText = text;
    m_annotations->refresh();
}

double WallCpuChart::largestTime() const
{
    double largest = 0.0;
    for (int i = 0; i < m_rows.size(); ++i)
        largest = std::max({largest, rowEnd(i, false), rowEnd(i, true)});
    return largest;
}

double WallCpuChart::axisMax() const
{
    return m_axisX ? m_axisX->max() : 0.0;
}

QString WallCpuChart::label(int row, bool cpu, QString *note) const
{
    const Row &rw = m_rows.at(row);
    const RunResult &r = rw.shown;
    // With a spread the number is the median run's, and the note says how many runs and their range.
    if (!cpu) {
        if (note && rw.hasSpread())
            *note = tr(" · median of %1, %2 to %3")
                        .arg(rw.wall.n)
                        .arg(Units::seconds(rw.wall.min), Units::seconds(rw.wall.max));
        return tr("wall %1").arg(Units::seconds(r.wallS));
    }
    const double total = r.totalCpu().total();
    if (note && r.parentCpu.total() < 0.9 * total)
        *note = tr(" · %time sees %1").arg(Units::seconds(r.parentCpu.total()));
    return tr("CPU %1").arg(Units::seconds(total));
}

QRectF WallCpuChart::whiskerRect(int row, bool cpu) const
{
    if (!m_series || row < 0 || row >= m_rows.size() || !m_rows.at(row).hasSpread())
        return {};
    const SampleSummary &s = cpu ? m_rows.at(row).cpu : m_rows.at(row).wall;
    const qreal y = kSlots * row + (cpu ? 1 : 0);
    auto *self = const_cast<WallCpuChart *>(this);
    const QPointF a = self->mapToPosition(QPointF(s.min, y - kBarWidth * 0.35), m_series);
    const QPointF b = self->mapToPosition(QPointF(s.max, y + kBarWidth * 0.35), m_series);
    return QRectF(a, b).normalized();
}

QRectF WallCpuChart::quartileRect(int row, bool cpu) const
{
    if (!m_series || row < 0 || row >= m_rows.size() || !m_rows.at(row).hasSpread())
        return {};
    const SampleSummary &s = cpu ? m_rows.at(row).cpu : m_rows.at(row).wall;
    if (!std::isfinite(s.lowerQuartile) || !std::isfinite(s.upperQuartile))
        return {};
    const qreal y = kSlots * row + (cpu ? 1 : 0);
    auto *self = const_cast<WallCpuChart *>(this);
    const QPointF a = self->mapToPosition(QPointF(s.lowerQuartile, y - kBarWidth * 0.15), m_series);
    const QPointF b = self->mapToPosition(QPointF(s.upperQuartile, y + kBarWidth * 0.15), m_series);
    return QRectF(a, b).normalized();
}

QRectF WallCpuChart::barRect(int run, bool cpu) const
{
    if (!m_series || run < 0 || run >= m_rows.size())
        return {};
    const RunResult &r = m_rows.at(run).shown;
    const qreal row = kSlots * run + (cpu ? 1 : 0);
    const double value = cpu ? r.totalCpu().total() : r.wallS;
    // QChart::mapToPosition only reads, but is not declared const.
    auto *self = const_cast<WallCpuChart *>(this);
    const QPointF a = self->mapToPosition(QPointF(0.0, row - kBarWidth / 2), m_series);
    const QPointF b = self->mapToPosition(QPointF(value, row + kBarWidth / 2), m_series);
    return QRectF(a, b).normalized();
}

QList<QRectF> WallCpuChart::marks() const
{
    QList<QRectF> out;
    for (int i = 0; i < m_rows.size(); ++i)
        for (bool cpu : {false, true})
            for (const QRectF &r : {barRect(i, cpu), whiskerRect(i, cpu), quartileRect(i, cpu)})
                if (!r.isNull())
                    out.append(r);
    return out;
}

QList<WallCpuChart::Annotation> WallCpuChart::annotations() const
{
    QList<Annotation> out;
    if (!m_series || m_rows.isEmpty())
        return out;
    const QFontMetricsF valueMetrics(m_theme.textFont(true));
    const QFontMetricsF noteMetrics(m_theme.textFont());
    const qreal gap = std::max(4.0, m_theme.textPx * 0.4);
    const QRectF plot = plotArea();
    // Beside the plot, labels may use the chart's right margin, never the legend or the title.
    const QRectF room(rect().left(), plot.top(), rect().right() - gap - rect().left(), plot.height());
    QList<QRectF> taken = marks();
    const auto free = [&](const QRectF &r, const QRectF &own) {
        if (!room.contains(r))
            return false;
        return std::none_of(taken.cbegin(), taken.cend(),
                            [&](const QRectF &t) { return t != own && t.intersects(r); });
    };
    const auto place = [&](const Annotation &a) {
        out.append(a);
        taken.append(a.rect);
    };
    for (int i = 0; i < m_rows.size(); ++i) {
        for (bool cpu : {false, true}) {
            const QRectF bar = barRect(i, cpu);
            const QRectF whisker = whiskerRect(i, cpu);
            const qreal right =
                std::max({bar.right(), whisker.isNull() ? bar.right() : whisker.right(),
                          quartileRect(i, cpu).isNull() ? bar.right() : quartileRect(i, cpu).right()});
            QString note;
            const QString value = label(i, cpu, &note);
            const qreal h = valueMetrics.height();
            const qreal x = right + gap;
            const qreal y = bar.center().y();
            const QRectF beside(x, y - h / 2, valueMetrics.horizontalAdvance(value), h);
            if (!note.isEmpty()) {
                const QRectF after(beside.right(), y - noteMetrics.height() / 2,
                                   noteMetrics.horizontalAdvance(note), noteMetrics.height());
                if (free(beside, {}) && free(after, {})) {
                    place({beside, value, i, cpu});
                    place({after, note, i, cpu, true});
                    continue;
                }
                // The note under its value, into the gap below the bar; without the " · " joint.
                const QString under = note.mid(3);
                const QRectF top = beside.translated(0, -h * 0.35);
                const QRectF below(x, top.bottom(), noteMetrics.horizontalAdvance(under),
                                   noteMetrics.height());
                if (free(top, {}) && free(below, {})) {
                    place({top, value, i, cpu});
                    place({below, under, i, cpu, true});
                    continue;
                }
            }
            if (free(beside, {})) {
                place({beside, value, i, cpu});
                continue;
            }
            // In its own bar, from its start, where the bar is long enough and its whisker
            // leaves room; then the bare number, beside and in the bar.
            bool placed = false;
            for (const QString &text : {value, Units::seconds(cpu ? m_rows.at(i).shown.totalCpu().total()
                                                                  : m_rows.at(i).shown.wallS)}) {
                const qreal w = valueMetrics.horizontalAdvance(text);
                const QRectF outside(x, y - h / 2, w, h);
                const QRectF inside(bar.left() + gap, y - h / 2, w, h);
                const qreal end = whisker.isNull() ? bar.right() : std::min(bar.right(), whisker.left());
                if (text != value && free(outside, {})) {
                    place({outside, text, i, cpu});
                    placed = true;
                } else if (inside.right() + gap <= end && free(inside, bar)) {
                    place({inside, text, i, cpu, false, true});
                    placed = true;
                }
                if (placed)
                    break;
            }
        }
    }
    return out;
}

void WallCpuChart::applyTheme()
{
    setBackgroundBrush(m_theme.background);
    setBackgroundPen(Qt::NoPen);
    setPlotAreaBackgroundVisible(false);
    setTitleBrush(m_theme.foreground);
    setTitleFont(m_theme.titleFont());
    m_title.apply(this);
    updateMargins();
}

void WallCpuChart::updateMargins()
{
    const int margin = int(std::round(m_theme.textPx * 0.5));
    const int legend =
        m_results.isEmpty() ? 0 : legendHeight(m_theme, size().width() - 2 * m_theme.textPx, anySpread());
    const QMargins wanted(margin, margin, margin * 2, margin + legend);
    if (margins() != wanted)
        setMargins(wanted);
}

void WallCpuChart::resizeEvent(QGraphicsSceneResizeEvent *event)
{
    QChart::resizeEvent(event);
    m_title.apply(this);
    updateMargins();
}

void WallCpuChart::fitLabels()
{
    if (m_fitting || !m_axisX || m_results.isEmpty())
        return;
    const QRectF plot = plotArea();
    if (plot.width() < 50)
        return;
    m_fitting = true;
    fitCategoryLabels(plot);
    const double before = m_axisX->max();
    const QFontMetricsF valueMetrics(m_theme.textFont(true));
    const QFontMetricsF noteMetrics(m_theme.textFont());
    const qreal gap = std::max(4.0, m_theme.textPx * 0.4) + 4;
    double needed = largestTime();
    for (int i = 0; i < m_rows.size(); ++i) {
        for (bool cpu : {false, true}) {
            QString note;
            const qreal valueWidth = valueMetrics.horizontalAdvance(label(i, cpu, &note));
            const double value = rowEnd(i, cpu);
            // Leave a bar at least 40% of the width even when its label is long.
            auto need = [&](qreal labelWidth) {
                return value * plot.width() / std::max(plot.width() - labelWidth - gap, plot.width() * 0.4);
            };
            const double oneLine = need(valueWidth + noteMetrics.horizontalAdvance(note));
            // The painter puts a note under its value when it does not fit beside it; do so
            // when one line would cost the bars much of their length.
            const double twoLines = need(std::max(valueWidth, noteMetrics.horizontalAdvance(note)));
            needed = std::max(needed, oneLine > twoLines * 1.15 ? twoLines : oneLine);
        }
    }
    if (!(needed > 0))
        needed = 1.0;
    // Ticks at round numbers, the axis ending where the labels need it to: rounding the end up
    // to a tick as applyNiceNumbers() does can waste half the width.
    const qreal tickLabel = QFontMetricsF(m_theme.textFont()).horizontalAdvance(u"0.000"_s) * 2.2;
    const int ticks = std::max(2, int(plot.width() / tickLabel));
    double step = TimelineRenderer::niceStep(needed, ticks);
    double end =
        std::abs(std::remainder(needed, step)) < step * 0.1 ? std::round(needed / step) * step : needed;
    // A shared scale is taken as it is, never rounded: rounded to this chart's ticks it could come
    // out shorter than the other chart's axis, and the two would never settle on one scale.
    m_ownMax = end;
    if (m_minimumMax > end) {
        end = m_minimumMax;
        step = TimelineRenderer::niceStep(end, ticks);
    }
    m_axisX->setRange(0.0, end);
    m_axisX->setTickType(QValueAxis::TicksDynamic);
    m_axisX->setTickAnchor(0.0);
    m_axisX->setTickInterval(step);
    const int decimals = std::clamp(int(-std::floor(std::log10(step) + 1e-9)), 0, 6);
    m_axisX->setLabelFormat(u"%.%1f"_s.arg(decimals));
    m_fitting = false;
    if (m_axisX->max() != before)
        Q_EMIT axisMaxChanged(m_axisX->max());
}

QStringList WallCpuChart::categoryLabels(bool oneLine) const
{
    QStringList labels;
    for (const Row &row : m_rows) {
        const RunResult &r = row.shown;
        QString text = u"<b>%1</b>"_s.arg(modeName(r.mode));
        if (!isSequential(r.mode))
            text += u" ×%1"_s.arg(r.workers);
        // Rows of one mode that differ in corpus or knobs are told apart by their first run's number.
        const bool repeated = std::count_if(m_rows.cbegin(), m_rows.cend(),
                                            [&](const Row &o) { return o.shown.mode == r.mode; }) > 1;
        if (repeated && !row.hasSpread())
            text += u" "_s + tr("run %1").arg(r.repetition + 1);
        // Where a mode's rows leave no room for a second line, the name stands alone: Qt hides a
        // label that overlaps its neighbour, which would leave bars nobody can name.
        if (!oneLine)
            text +=
                u"<br>"_s +
                (row.hasSpread()
                     ? tr("%1 runs · %2 cores busy").arg(row.wall.n).arg(Units::decimal(r.cpuPerWall(), 2))
                     : tr("%1 cores busy").arg(Units::decimal(r.cpuPerWall(), 2)));
        // A doubtful number is never shown as a fact: the row says what is wrong with it.
        QList<const RunResult *> rowRuns;
        for (int k : row.runs)
            rowRuns << &m_results.at(k);
        QStringList doubts = Plausibility::kinds(rowRuns);
        for (QString &kind : doubts)
            kind = Plausibility::kindText(kind);
        if (!doubts.isEmpty())
            text += oneLine ? u" <font color=\"%1\">⚠</font>"_s.arg(Theme::warningColor().name())
                            : u"<br><font color=\"%1\">⚠ %2</font>"_s.arg(Theme::warningColor().name(),
                                                                          doubts.join(u", "_s));
        // Category labels must be unique; a repeated mode gets an invisible difference.
        while (labels.contains(text))
            text += u" "_s;
        labels << text;
    }
    return labels;
}

void WallCpuChart::fitCategoryLabels(const QRectF &plot)
{
    if (!m_axisY || m_rows.isEmpty())
        return;
    // Each mode owns kSlots of the axis's kSlots * n + 1 units: its label has that height.
    const qreal pitch = plot.height() * kSlots / qreal(kSlots * m_rows.size() + 1);
    const QStringList full = categoryLabels(false);
    qsizetype lines = 1;
    for (const QString &label : full)
        lines = std::max(lines, label.count(u"<br>"_s) + 1);
    // A line's worth of slack: Qt wraps a label wider than the axis's share of the width, and a
    // wrapped label that overlaps its neighbour is hidden.
    const bool oneLine = QFontMetricsF(m_theme.textFont()).lineSpacing() * qreal(lines + 1) > pitch;
    if (oneLine == m_oneLineLabels)
        return;
    const QStringList from = m_axisY->categoriesLabels();
    const QStringList to = oneLine ? categoryLabels(true) : full;
    for (qsizetype i = 0; i < from.size() && i < to.size(); ++i)
        m_axisY->replaceLabel(from.at(i), to.at(i));
    m_oneLineLabels = oneLine;
}

void WallCpuChart::rebuild()
{
    if (!m_bars) {
        m_bars = new QHorizontalStackedBarSeries(this);
        m_bars->setBarWidth(kBarWidth);
        addSeries(m_bars);
        m_seconds = new QValueAxis(this);
        m_categories = new QCategoryAxis(this);
        addAxis(m_seconds, Qt::AlignBottom);
        addAxis(m_categories, Qt::AlignLeft);
        m_bars->attachAxis(m_seconds);
        m_bars->attachAxis(m_categories);
        connect(m_bars, &QHorizontalStackedBarSeries::hovered, this,
                [this](bool status, int index, QBarSet *) { showTooltip(status, index); });
    }
    m_bars->clear();
    for (const QString &label : m_categories->categoriesLabels())
        m_categories->remove(label);
    m_series = nullptr;
    m_axisX = nullptr;
    m_axisY = nullptr;
    m_ownMax = 0.0;
    updateMargins();
    const bool any = !m_results.isEmpty();
    m_bars->setVisible(any);
    m_seconds->setVisible(any);
    m_categories->setVisible(any);
    if (!any) {
        m_annotations->refresh();
        return;
    }

    const int n = int(m_rows.size());
    const int rows = kSlots * n - 1;
    m_series = m_bars;
    auto makeSet = [&](const QString &name, const QColor &color) {
        auto *set = new QBarSet(name);
        set->setBrush(color);
        set->setPen(Qt::NoPen);
        set->append(QList<qreal>(rows, 0.0));
        return set;
    };
    for (int i = 0; i < n; ++i) {
        const RunResult &r = m_rows.at(i).shown;
        const QColor color = Theme::modeColor(r.mode);
        const CpuTimes cpu = r.totalCpu();
        QBarSet *wall = makeSet(tr("%1 wall").arg(modeName(r.mode)), color);
        wall->replace(kSlots * i, r.wallS);
        QBarSet *user = makeSet(tr("%1 CPU user").arg(modeName(r.mode)), userColor(m_theme, color));
        user->replace(kSlots * i + 1, std::max(0.0, cpu.user));
        QBarSet *sys = makeSet(tr("%1 CPU sys").arg(modeName(r.mode)), sysColor(color));
        sys->replace(kSlots * i + 1, std::max(0.0, cpu.sys));
        m_series->append({wall, user, sys});
    }

    m_axisY = m_categories;
    m_axisY->setStartValue(-1);
    m_oneLineLabels = false;
    const QStringList labels = categoryLabels(false);
    for (int i = 0; i < n; ++i)
        m_axisY->append(labels.at(i), kSlots * i + 2);
    // Half a unit beyond the first and the last category: Qt hides a label that reaches past the
    // plot's edge, and a centred label of a short chart's edge row does.
    m_axisY->setRange(-1.5, kSlots * n - 0.5);
    m_axisY->setReverse(true); // first run on top
    m_axisY->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
    m_axisY->setGridLineVisible(false);

    m_axisX = m_seconds;
    m_axisX->setTickType(QValueAxis::TicksFixed);
    m_axisX->setTitleText(tr("seconds"));
    // Until the plot is laid out and fitLabels() can measure, a quarter more for the labels.
    const double top = largestTime();
    m_ownMax = top > 0 ? top * 1.25 : 1.0;
    m_axisX->setRange(0.0, std::max(m_ownMax, m_minimumMax));

    for (QAbstractAxis *axis :
         {static_cast<QAbstractAxis *>(m_axisX), static_cast<QAbstractAxis *>(m_axisY)}) {
        axis->setLabelsFont(m_theme.textFont());
        axis->setLabelsColor(m_theme.foreground);
        axis->setTitleFont(m_theme.textFont());
        axis->setTitleBrush(m_theme.foreground);
        axis->setLinePen(QPen(m_theme.foreground, m_theme.lineWidth));
        axis->setGridLinePen(QPen(m_theme.grid, std::max(1.0, m_theme.lineWidth * 0.5)));
    }
    fitLabels();
    m_annotations->refresh();
}

// A bar's numbers when the pointer is on it: the run's wall or CPU time, and the spread of the runs.
void WallCpuChart::showTooltip(bool status, int index)
{
    const int run = index / kSlots;
    if (!status || run >= m_rows.size() || index % kSlots == 2) {
        setToolTip({});
        return;
    }
    setToolTip(barText(run, index % kSlots != 0));
}

QString WallCpuChart::barText(int row, bool cpuBar) const
{
    if (row < 0 || row >= m_rows.size())
        return {};
    const Row &shownRow = m_rows.at(row);
    const RunResult &r = shownRow.shown;
    const CpuTimes cpu = r.totalCpu();
    QString spread;
    if (shownRow.hasSpread()) {
        const SampleSummary &s = cpuBar ? shownRow.cpu : shownRow.wall;
        spread = tr("<br><br>the bars are the median run of %1 (run %2)<br>median %3<br>"
                    "middle half %4 to %5 (the thick band)<br>min %6, max %7 (the whisker)<br>"
                    "mean %8 ± %9 (σ)")
                     .arg(s.n)
                     .arg(r.repetition + 1)
                     .arg(Units::seconds(s.median), Units::seconds(s.lowerQuartile),
                          Units::seconds(s.upperQuartile), Units::seconds(s.min), Units::seconds(s.max),
                          Units::seconds(s.mean), Units::seconds(s.stddev));
    }
    if (!cpuBar) {
        return tr("<b>%1</b><br>wall time: %2<br>from the first task handed out to the last worker gone")
                   .arg(modeName(r.mode), Units::seconds(r.wallS)) +
               spread;
    }
    return tr("<b>%1</b><br>CPU time: %2 (user %3, sys %4)<br>parent process alone: %5<br>"
              "CPU / wall: %6 cores busy on average")
               .arg(modeName(r.mode), Units::seconds(cpu.total()), Units::seconds(cpu.user),
                    Units::seconds(cpu.sys), Units::seconds(r.parentCpu.total()),
                    Units::decimal(r.cpuPerWall(), 2)) +
           spread;
}

QList<ReadableMark> WallCpuChart::readableMarks() const
{
    QList<ReadableMark> marks;
    for (int row = 0; row < m_rows.size(); ++row) {
        for (bool cpu : {false, true}) {
            // A zero-length bar still has a place to frame: its start on the axis.
            QRectF rect = barRect(row, cpu);
            if (rect.width() < 1)
                rect.setWidth(1);
            marks.append({rect, barText(row, cpu)});
        }
    }
    return marks;
}

} // namespace wordrace
