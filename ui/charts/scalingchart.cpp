#include "charts/scalingchart.h"
#include "io/units.h"

#include "analysis/modesummary.h"

#include <QCursor>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QLegend>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPainter>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <type_traits>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

// Points of the fitted curve: enough for a smooth bend at any chart size.
constexpr int kCurveSteps = 80;
// Above this ratio between the largest and the smallest value an axis goes logarithmic, or the
// small sizes would all sit on top of each other.
constexpr double kLogSpan = 20.0;
// Series with this property false stay out of the key (markers, crossover lines).
constexpr char kKeyProperty[] = "wordraceKey";
// A curve's name without its numbers, for a key too tall to give them.
constexpr char kBriefProperty[] = "wordraceBrief";

// A round tick step that gives about `ticks` intervals over `range`: 1, 2 or 5 times a power of 10.
double niceStep(double range, int ticks)
{
    const double raw = range / std::max(1, ticks);
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0})
        if (raw <= m * power)
            return m * power;
    return 10.0 * power;
}

QString times(double s)
{
    return Units::decimal(s, s < 10 ? 2 : 1) + u"×"_s;
}

QString estimateText(const Estimate &e)
{
    return ModeSummary::displayEstimate(e);
}

QString wallText(const SampleSummary &wall)
{
    QString text = Units::seconds(wall.mean);
    if (std::isfinite(wall.stddev))
        text += u" ± "_s + Units::seconds(wall.stddev);
    return text;
}

const ModeFit *fitFor(const Sweep &sweep, Mode mode)
{
    for (const ModeFit &f : sweep.fits())
        if (f.mode == mode)
            return &f;
    return nullptr;
}

const Crossover *crossoverFor(const Sweep &sweep, Mode mode, int workers)
{
    for (const Crossover &c : sweep.crossovers())
        if (c.mode == mode && c.workers == workers)
            return &c;
    return nullptr;
}

QString modeLabel(Mode mode, int workers, bool withWorkers)
{
    return withWorkers && !isSequential(mode) ? ModeSummary::displayLabelFor(mode, workers) : modeName(mode);
}

} // namespace

// Draws the key: a line sample (with the mode's dot for measured series) and the entry's text,
// wrapped into as many rows as the width needs.
class ScalingChart::Key : public QGraphicsItem
{
public:
    explicit Key(ScalingChart *chart) : QGraphicsItem(chart), m_chart(chart)
    {
        setZValue(1000);
        setAcceptedMouseButtons(Qt::NoButton);
    }
    void prepareGeometryChange() { QGraphicsItem::prepareGeometryChange(); }
    QRectF boundingRect() const override { return m_chart->rect(); }
    void paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        const Theme &theme = m_chart->m_theme;
        const ShownKey key = m_chart->shownKey();
        if (key.pieces.isEmpty())
            return;
        const qreal sample = theme.textPx * 2.4;
        p->setRenderHint(QPainter::Antialiasing, true);
        p->setFont(theme.textFont());
        p->translate(0, m_chart->rect().bottom() - m_chart->keyHeight(key.rows));
        for (const KeyPiece &piece : key.pieces) {
            const KeyEntry &e = key.entries.at(piece.entry);
            if (piece.withSample) {
                const QPointF at = piece.sampleLeft;
                p->setPen(e.pen);
                p->drawLine(at, at + QPointF(sample, 0));
                if (e.dot.isValid()) {
                    p->setPen(Qt::NoPen);
                    p->setBrush(e.dot);
                    const qreal radius = theme.textPx * 0.4 + theme.lineWidth;
                    p->drawEllipse(at + QPointF(sample / 2, 0), radius, radius);
                }
            }
            p->setPen(theme.foreground);
            p->drawText(piece.text.adjusted(0, 0, 2, 0), Qt::AlignVCenter | Qt::AlignLeft, piece.line);
        }
    }

private:
    ScalingChart *m_chart;
};

ScalingChart::ScalingChart(QGraphicsItem *parent) : QChart(parent)
{
    localizeAxisNumbers(this);
    m_emptyText = tr("Run a sweep to see how the modes scale.");
    // Qt's legend elides long entries, and the fits' entries carry the numbers that matter: the
    // key below the plot wraps them instead.
    legend()->setVisible(false);
    m_key = new Key(this);
    connect(this, &QChart::plotAreaChanged, this, [this] {
        placeLabels();
        fitAxisTitle();
    });
    rebuild();
}

QString ScalingChart::viewName(View view)
{
    switch (view) {
    case View::Speedup:
        return u"scaling"_s;
    case View::Efficiency:
        return u"efficiency"_s;
    case View::SizeWall:
        return u"sizes"_s;
    case View::SizeSpeedup:
        return u"sizes-speedup"_s;
    }
    return {};
}

std::optional<ScalingChart::View> ScalingChart::viewFromName(const QString &name)
{
    for (View v : {View::Speedup, View::Efficiency, View::SizeWall, View::SizeSpeedup})
        if (name == viewName(v))
            return v;
    return std::nullopt;
}

bool ScalingChart::viewFits(View view, Sweep::Kind kind)
{
    const bool workersView = view == View::Speedup || view == View::Efficiency;
    return workersView == (kind == Sweep::Kind::Workers);
}

QString ScalingChart::defaultTitle(View view, const Sweep &sweep, bool withCorpus)
{
    QString corpus;
    if (!withCorpus && (view == View::Speedup || view == View::Efficiency))
        return view == View::Speedup ? tr("Speed-up S(N) = T(sequential) / T(N)")
                                     : tr("Efficiency E(N) = S(N) / N");
    if (!sweep.points().isEmpty())
        corpus = sweep.points().first().summary.corpus.displayName();
    switch (view) {
    case View::Speedup:
        return tr("Speed-up S(N) = T(sequential) / T(N): %1").arg(corpus);
    case View::Efficiency:
        return tr("Efficiency E(N) = S(N) / N: %1").arg(corpus);
    case View::SizeWall:
        return tr("Wall time against corpus size: where parallel starts to pay");
    case View::SizeSpeedup:
        return tr("Speed-up against corpus size: above 1, parallel wins");
    }
    return {};
}

QString ScalingChart::bytesText(double bytes)
{
    static const char *const units[] = {"B", "kB", "MB", "GB", "TB"};
    int unit = 0;
    while (bytes >= 1000.0 && unit < 4) {
        bytes /= 1000.0;
        ++unit;
    }
    const int decimals = unit == 0 || bytes >= 100 ? 0 : bytes >= 10 ? 1 : 2;
    return Units::decimal(bytes, decimals) + u' ' + QLatin1String(units[unit]);
}

void ScalingChart::setSweep(const Sweep &sweep)
{
    m_sweep = sweep;
    rebuild();
}

void ScalingChart::clearSweep()
{
    m_sweep.reset();
    rebuild();
}

void ScalingChart::setView(View view)
{
    if (view == m_view)
        return;
    m_view = view;
    rebuild();
}

void ScalingChart::setTheme(const Theme &theme)
{
    m_theme = theme;
    rebuild();
}

void ScalingChart::setEmptyText(const QString &text)
{
    m_emptyText = text;
    rebuild();
}

QXYSeries *ScalingChart::seriesNamed(const QString &name) const
{
    for (QAbstractSeries *s : series())
        if (s->objectName() == name)
            return qobject_cast<QXYSeries *>(s);
    return nullptr;
}

QStringList ScalingChart::crossoverLabels() const
{
    QStringList out;
    for (const Label &l : m_labels)
        out << l.item->text();
    return out;
}

void ScalingChart::styleAxis(QAbstractAxis *axis, const QString &title)
{
    if (axis->orientation() == Qt::Vertical)
        m_yTitle = title;
    axis->setLabelsFont(m_theme.textFont());
    axis->setLabelsBrush(m_theme.foreground);
    axis->setTitleText(title);
    axis->setTitleFont(m_theme.textFont(true));
    axis->setTitleBrush(m_theme.foreground);
    axis->setGridLineColor(m_theme.grid);
    axis->setLinePenColor(m_theme.muted);
    QPen grid(m_theme.grid);
    grid.setWidthF(std::max<qreal>(1.0, m_theme.lineWidth * 0.5));
    axis->setGridLinePen(grid);
    if (auto *value = qobject_cast<QValueAxis *>(axis))
        value->setMinorGridLineVisible(false);
}

QXYSeries *ScalingChart::addLine(const QString &name, const QString &legend, const QColor &color, qreal width,
                                 Qt::PenStyle style)
{
    auto *line = new QLineSeries(this);
    line->setObjectName(name);
    line->setName(legend);
    QPen pen(color);
    pen.setWidthF(width);
    pen.setStyle(style);
    pen.setCapStyle(Qt::RoundCap);
    line->setPen(pen);
    addSeries(line);
    return line;
}

void ScalingChart::hideFromLegend(QXYSeries *series)
{
    series->setProperty(kKeyProperty, false);
}

QList<ScalingChart::KeyEntry> ScalingChart::keyEntries(bool brief) const
{
    QList<KeyEntry> entries;
    for (QAbstractSeries *s : series()) {
        auto *line = qobject_cast<QLineSeries *>(s);
        if (!line || qobject_cast<QScatterSeries *>(s) || line->property(kKeyProperty) == QVariant(false))
            continue;
        const QString briefText = line->property(kBriefProperty).toString();
        KeyEntry e{line->pen(), QColor(), brief && !briefText.isEmpty() ? briefText : line->name()};
        if (line->objectName().startsWith(u"measured-"_s))
            e.dot = line->pen().color();
        entries.append(e);
    }
    return entries;
}

ScalingChart::ShownKey ScalingChart::shownKey() const
{
    // A key of sentences that would take more than a quarter of the chart names its curves only:
    // the numbers stay in the conclusion under the charts and in each point's hover (at 1366x768
    // the full key left the plot 40 px and Qt elided every axis label).
    ShownKey key;
    key.entries = keyEntries(false);
    key.pieces = keyLayout(key.entries, size().width(), &key.rows);
    if (keyHeight(key.rows) > size().height() * 0.25) {
        key.entries = keyEntries(true);
        key.pieces = keyLayout(key.entries, size().width(), &key.rows);
    }
    return key;
}

qreal ScalingChart::keyHeight(int rows) const
{
    if (rows == 0)
        return 0;
    return std::round(m_theme.textPx * 1.6 * rows + m_theme.textPx * 0.4);
}

qreal ScalingChart::heightFor(qreal width) const
{
    // What a chart this wide needs for its plot to read: its title's lines, its key (names only,
    // as a short chart shows it), the axis under the plot, and a plot of 180 px (six lines of
    // projector type).
    const qreal textPx = m_theme.textPx;
    // The title wrapped as WrappedTitle::apply() will wrap it at that width.
    const QString title = m_title.shown(this, width);
    const qreal titleHeight = QFontMetricsF(titleFont()).lineSpacing() * qreal(title.count(u"<br>"_s) + 1);
    int rows = 0;
    keyLayout(keyEntries(true), width, &rows);
    // Top and bottom margins as updateMargins() sets them, the key under the bottom one.
    return std::ceil(2 * edgeMargin() + titleHeight + textPx + keyHeight(rows) + textPx * 4 +
                     std::max(180.0, textPx * 6.0));
}

QList<ScalingChart::KeyPiece> ScalingChart::keyLayout(const QList<KeyEntry> &entries, qreal chartWidth,
                                                      int *rowCount) const
{
    const QRectF r(0, 0, chartWidth, 0);
    const qreal textPx = m_theme.textPx;
    const qreal width = r.width() - 2 * textPx;
    const QFontMetricsF fm(m_theme.textFont());
    const qreal lead = textPx * 2.4 + textPx * 0.5; // the line sample and the gap after it
    const qreal itemGap = textPx * 1.5;
    const qreal rowHeight = textPx * 1.6;
    const qreal textTop = (rowHeight - fm.height()) / 2; // the letters, centred in their row
    struct Row
    {
        QList<KeyPiece> pieces;
        qreal width = 0;
        bool wrapped = false; // holds part of an entry too long for one row: aligned left
    };
    QList<Row> rows(1);
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString &text = entries.at(i).text;
        const qreal w = lead + fm.horizontalAdvance(text);
        if (!rows.last().pieces.isEmpty() && rows.last().width + itemGap + w > width)
            rows.append(Row{});
        if (w <= width || width <= lead) {
            Row &row = rows.last();
            const qreal x = row.pieces.isEmpty() ? 0 : row.width + itemGap;
            row.pieces.append({i, true, QPointF(x, rowHeight / 2),
                               QRectF(x + lead, textTop, fm.horizontalAdvance(text), fm.height()), text});
            row.width = x + w;
            continue;
        }
        // Too long for a row of its own (a fit's numbers on a narrow chart): its words wrap under
        // its first line, rather than be elided.
        const QStringList lines = WrappedTitle::lines(text, fm, width - lead);
        for (qsizetype k = 0; k < lines.size(); ++k) {
            if (k > 0)
                rows.append(Row{});
            // A single word wider than the chart is the one thing left to elide.
            const QString line = fm.elidedText(lines.at(k), Qt::ElideRight, width - lead);
            Row &row = rows.last();
            row.wrapped = true;
            row.pieces.append({i, k == 0, QPointF(0, rowHeight / 2),
                               QRectF(lead, textTop, fm.horizontalAdvance(line), fm.height()), line});
            row.width = lead + fm.horizontalAdvance(line);
        }
        rows.append(Row{});
    }
    while (!rows.isEmpty() && rows.last().pieces.isEmpty())
        rows.removeLast();
    QList<KeyPiece> pieces;
    for (qsizetype k = 0; k < rows.size(); ++k) {
        const Row &row = rows.at(k);
        const qreal left =
            r.left() + (row.wrapped ? textPx : std::max<qreal>(textPx, (r.width() - row.width) / 2));
        const QPointF shift(left, qreal(k) * rowHeight);
        for (const KeyPiece &piece : row.pieces)
            pieces.append({piece.entry, piece.withSample, piece.sampleLeft + shift,
                           piece.text.translated(shift), piece.line});
    }
    if (rowCount)
        *rowCount = int(rows.size());
    return pieces;
}

QList<std::pair<QRectF, QString>> ScalingChart::keyTexts() const
{
    const ShownKey key = shownKey();
    const qreal top = rect().bottom() - keyHeight(key.rows);
    QList<std::pair<QRectF, QString>> texts;
    for (const KeyPiece &piece : key.pieces)
        texts.append({piece.text.translated(0, top), piece.line});
    return texts;
}

QRectF ScalingChart::keyRect() const
{
    const qreal height = keyHeight();
    if (height <= 0)
        return {};
    const QRectF r = rect();
    return QRectF(r.left(), r.bottom() - height, r.width(), height);
}

void ScalingChart::updateMargins()
{
    const int margin = edgeMargin();
    const QMargins wanted(margin, margin, margin * 2, margin + int(keyHeight()));
    if (margins() != wanted)
        setMargins(wanted);
    if (m_key) {
        m_key->prepareGeometryChange();
        m_key->update();
    }
}

void ScalingChart::resizeEvent(QGraphicsSceneResizeEvent *event)
{
    QChart::resizeEvent(event);
    updateMargins();
    m_title.apply(this);
}

void ScalingChart::setTitle(const QString &title)
{
    m_title.set(this, title);
}

void ScalingChart::addMarkers(const QString &name, const QColor &color, const QList<QPointF> &points,
                              const QStringList &tips)
{
    auto *dots = new QScatterSeries(this);
    dots->setObjectName(name);
    dots->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    dots->setMarkerSize(std::round(m_theme.textPx * 0.9 + m_theme.lineWidth * 2));
    dots->setColor(color);
    dots->setBorderColor(m_theme.background);
    dots->append(points);
    addSeries(dots);
    hideFromLegend(dots);
    for (qsizetype i = 0; i < points.size() && i < tips.size(); ++i)
        m_points.append({dots, points.at(i), tips.at(i)});
    connect(dots, &QXYSeries::hovered, this, [this, dots, tips](const QPointF &at, bool state) {
        if (!state) {
            QToolTip::hideText();
            setToolTip({});
            return;
        }
        qsizetype best = -1;
        double bestDistance = 0;
        for (qsizetype i = 0; i < dots->count() && i < tips.size(); ++i) {
            const QPointF d = mapToPosition(dots->at(int(i)), dots) - mapToPosition(at, dots);
            const double distance = d.manhattanLength();
            if (best < 0 || distance < bestDistance) {
                best = i;
                bestDistance = distance;
            }
        }
        if (best < 0)
            return;
        m_hoverText = tips.at(best);
        // The chart's own tooltip too: the view's help event shows the item's before its own hint.
        setToolTip(m_hoverText);
        QToolTip::showText(QCursor::pos(), m_hoverText);
    });
}

void ScalingChart::rebuild()
{
    for (const Label &l : std::as_const(m_labels))
        delete l.item;
    m_labels.clear();
    m_points.clear();
    m_yTitle.clear();
    m_yTitleShort.clear();
    removeAllSeries();
    // The axes are kept and reused, hidden until a build picks them: Qt Charts 6.4 never frees
    // the drawing of a removed axis (docs/reliability.md).
    for (QAbstractAxis *axis :
         {static_cast<QAbstractAxis *>(m_xValue), static_cast<QAbstractAxis *>(m_yValue),
          static_cast<QAbstractAxis *>(m_xLog), static_cast<QAbstractAxis *>(m_yLog)})
        if (axis)
            axis->setVisible(false);
    setBackgroundBrush(m_theme.background);
    setBackgroundPen(Qt::NoPen);
    setPlotAreaBackgroundVisible(false);
    setTitleBrush(m_theme.foreground);
    setTitleFont(m_theme.titleFont());
    m_title.apply(this);

    if (!m_empty)
        m_empty = new QGraphicsSimpleTextItem(this);
    m_empty->setFont(m_theme.textFont());
    m_empty->setBrush(m_theme.muted);
    m_empty->setZValue(1000);

    QString empty;
    if (!m_sweep || m_sweep->points().isEmpty())
        empty = m_emptyText;
    else if (!viewFits(m_view, m_sweep->kind()))
        empty = m_view == View::Speedup || m_view == View::Efficiency
                    ? tr("This chart needs a sweep over worker counts.")
                    : tr("This chart needs a sweep over corpus sizes.");
    m_empty->setText(empty);
    m_empty->setVisible(!empty.isEmpty());
    if (empty.isEmpty()) {
        if (m_sweep->kind() == Sweep::Kind::Workers)
            buildWorkers();
        else
            buildSizes();
    }
    updateMargins();
    placeLabels();
}

template<typename Axis> Axis *ScalingChart::pooled(Axis *&slot, Qt::Orientation orientation)
{
    if (!slot) {
        slot = new Axis(this);
        addAxis(slot, orientation == Qt::Horizontal ? Qt::AlignBottom : Qt::AlignLeft);
    }
    slot->setVisible(true);
    if constexpr (std::is_same_v<Axis, QValueAxis>) {
        slot->setTickType(QValueAxis::TicksFixed);
        slot->setTickCount(5);
    }
    return slot;
}

QValueAxis *ScalingChart::workerAxis(int maxN)
{
    auto *x = pooled(m_xValue, Qt::Horizontal);
    styleAxis(x, tr("workers N"));
    const double pad = std::max(0.15, maxN * 0.03);
    // Never left of 0.5: a fixed first tick there read "-1" (workers) and sat on the other axis's 0.
    x->setRange(1.0 - std::min(pad, 0.5), maxN + pad);
    x->setLabelFormat(u"%.0f"_s);
    // Ticks at whole worker counts, at most eight, a power of two apart (worker sweeps double): 16
    // labels of "64" workers were elided to "..." on a chart half of a 1366-pixel screen wide.
    double interval = 1;
    while (maxN / interval > 8)
        interval *= 2;
    x->setTickType(QValueAxis::TicksDynamic);
    x->setTickAnchor(0);
    x->setTickInterval(interval);
    return x;
}

QValueAxis *ScalingChart::valueAxis(const QString &title, double max, double step)
{
    auto *y = pooled(m_yValue, Qt::Vertical);
    styleAxis(y, title);
    y->setRange(0, max);
    y->setLabelFormat(step >= 1 ? u"%.0f"_s : step >= 0.1 ? u"%.1f"_s : u"%.2f"_s);
    y->setTickType(QValueAxis::TicksDynamic);
    y->setTickAnchor(0);
    y->setTickInterval(step);
    return y;
}

QAbstractAxis *ScalingChart::sizeAxis(Qt::Orientation orientation, bool log, double lo, double hi,
                                      const QString &title, const QString &format)
{
    const bool horizontal = orientation == Qt::Horizontal;
    if (log) {
        auto *a = pooled(horizontal ? m_xLog : m_yLog, orientation);
        styleAxis(a, title);
        a->setBase(10);
        a->setLabelFormat(format);
        a->setRange(lo, hi);
        return a;
    }
    auto *a = pooled(horizontal ? m_xValue : m_yValue, orientation);
    styleAxis(a, title);
    a->setLabelFormat(format);
    a->setRange(lo, hi);
    a->setTickCount(6);
    return a;
}

void ScalingChart::attachAxes(QAbstractAxis *x, QAbstractAxis *y)
{
    for (QAbstractSeries *s : series()) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
}

void ScalingChart::buildWorkers()
{
    const Sweep &sweep = *m_sweep;
    const bool efficiency = m_view == View::Efficiency;
    const bool projector = m_theme.kind == Theme::Kind::Projector;
    QList<Mode> modes;
    int maxN = 1;
    double maxY = 1.0;
    for (const SweepPoint &p : sweep.points()) {
        const ModeSummary &s = p.summary;
        if (isSequential(s.mode))
            continue;
        if (!modes.contains(s.mode))
            modes.append(s.mode);
        maxN = std::max(maxN, s.workers);
        const Estimate e = efficiency ? p.efficiency : s.speedup.value_or(Estimate{});
        if (std::isfinite(e.value))
            maxY = std::max(maxY, e.value + (std::isfinite(e.uncertainty) ? e.uncertainty : 0.0));
    }
    const qreal thick = std::max<qreal>(2.5, m_theme.lineWidth * 2.0);

    QXYSeries *ideal = addLine(u"ideal"_s, efficiency ? tr("ideal: E = 1") : tr("ideal: S = N"),
                               m_theme.muted, thick * 0.8, Qt::DashLine);
    ideal->append(1, 1);
    ideal->append(maxN, efficiency ? 1.0 : double(maxN));
    const double yWanted = (efficiency ? std::max(1.0, maxY) : std::max(double(maxN), maxY)) * 1.08;
    const double yStep = niceStep(yWanted, 6);
    const double yMax = std::ceil(yWanted / yStep) * yStep;

    for (Mode mode : std::as_const(modes)) {
        const QColor color = Theme::modeColor(mode);
        QList<QPointF> points;
        QStringList tips;
        for (const SweepPoint &p : sweep.points()) {
            const ModeSummary &s = p.summary;
            if (s.mode != mode || !s.speedup)
                continue;
            const double y = efficiency ? p.efficiency.value : s.speedup->value;
            if (!std::isfinite(y))
                continue;
            points.append(QPointF(s.workers, y));
            QString tip = tr("%1\nspeed-up S = %2\nefficiency E = %3\nwall %4 (%5 run(s))")
                              .arg(ModeSummary::displayLabelFor(mode, s.workers), estimateText(*s.speedup),
                                   estimateText(p.efficiency), wallText(s.wall))
                              .arg(s.runs);
            if (std::isfinite(p.amdahlSpeedup))
                tip += tr("\nAmdahl's law predicts S = %1").arg(Units::decimal(p.amdahlSpeedup, 2));
            tips.append(tip);
        }
        QXYSeries *measured = addLine(u"measured-"_s + modeName(mode), tr("%1 measured").arg(modeName(mode)),
                                      color, thick, Qt::SolidLine);
        measured->append(points);
        addMarkers(u"points-"_s + modeName(mode), color, points, tips);

        if (const ModeFit *f = fitFor(sweep, mode)) {
            // A curve is drawn only where it follows its points; otherwise the legend says how far
            // off the best one was, and nothing pretends to be a model.
            const double ceiling = f->fit.maxSpeedup();
            const QString model = f->fit.perWorkerCost > 0 ? tr("Amdahl + per-worker cost") : tr("Amdahl");
            QString legend;
            // On a projector the legend only names the curve: the conclusion under the charts
            // gives its numbers, and a legend of sentences leaves the plot no room.
            if (projector)
                legend = f->fit.fits() ? tr("%1, %2").arg(modeName(mode), model)
                                       : tr("%1: no model fits").arg(modeName(mode));
            else if (!f->fit.fits())
                legend = tr("%1: no model fits (misses by up to %2%)")
                             .arg(modeName(mode), Units::decimal(f->fit.maxRelativeResidual * 100.0, 0));
            else {
                legend = tr("%1, %2: serial %3")
                             .arg(modeName(mode), model, Units::decimal(f->fit.serialFraction, 3));
                if (std::isfinite(f->fit.uncertainty))
                    legend += u" ± "_s + Units::decimal(f->fit.uncertainty, 3);
                if (f->fit.perWorkerCost > 0)
                    legend += tr(", +%1% per worker")
                                  .arg(Units::decimal(f->fit.perWorkerCost * 100.0,
                                                      f->fit.perWorkerCost >= 0.1 ? 0 : 1));
                legend += std::isfinite(ceiling) ? tr(", at most %1 faster").arg(times(ceiling))
                                                 : tr(", no ceiling");
                legend += f->fit.points > 1
                              ? tr(", within %1%").arg(Units::decimal(f->fit.maxRelativeResidual * 100.0, 0))
                              : tr(", 1 point");
            }
            if (f->beyondCores)
                legend += tr(" (fitted beyond the cores)");
            QXYSeries *curve =
                addLine(u"amdahl-"_s + modeName(mode), legend, color.darker(115), thick * 0.7, Qt::DotLine);
            curve->setProperty(kBriefProperty, f->fit.fits() ? tr("%1, %2").arg(modeName(mode), model)
                                                             : tr("%1: no model fits").arg(modeName(mode)));
            if (f->fit.fits())
                for (int i = 0; i <= kCurveSteps; ++i) {
                    const double n = 1.0 + (maxN - 1.0) * i / kCurveSteps;
                    const double s = f->fit.speedup(n);
                    curve->append(n, efficiency ? s / n : s);
                }
        }
    }

    // Past the machine's cores extra workers only take turns: the reason the curve flattens there.
    const int cores = sweep.logicalCpus();
    if (cores >= 1 && cores < maxN) {
        QXYSeries *coreLine = addLine(u"cores"_s,
                                      cores == 1 ? tr("this machine's 1 logical CPU")
                                                 : tr("this machine's %1 logical CPUs").arg(cores),
                                      m_theme.muted, thick * 0.5, Qt::DashDotLine);
        coreLine->append(cores, 0);
        coreLine->append(cores, yMax);
    }

    const QString shortTitle = efficiency ? tr("E(N)") : tr("S(N)");
    m_yTitleShort = shortTitle;
    attachAxes(workerAxis(maxN),
               valueAxis(projector ? shortTitle
                                   : (efficiency ? tr("efficiency E(N) = S(N) / N") : tr("speed-up S(N)")),
                         yMax, yStep));
}

void ScalingChart::fitAxisTitle()
{
    // The long title where the plot is tall enough for it, else the short one: Qt Charts elides an
    // axis title that does not fit ("efficiency E(N) = S..." on a short chart).
    const auto vertical = axes(Qt::Vertical);
    for (QAbstractAxis *y : vertical) {
        if (!y->isVisible() || m_yTitle.isEmpty())
            continue;
        const QFontMetricsF fm(y->titleFont());
        const QString fits =
            fm.horizontalAdvance(m_yTitle) <= plotArea().height() - 2 * fm.height() || m_yTitleShort.isEmpty()
                ? m_yTitle
                : m_yTitleShort;
        if (y->titleText() != fits)
            y->setTitleText(fits);
    }
}

void ScalingChart::buildSizes()
{
    const Sweep &sweep = *m_sweep;
    const bool speedup = m_view == View::SizeSpeedup;
    QList<std::pair<Mode, int>> keys;
    double minX = 0, maxX = 0, minY = 0, maxY = 0;
    bool any = false;
    QList<int> workerCounts;
    for (const SweepPoint &p : sweep.points()) {
        const ModeSummary &s = p.summary;
        const auto key = std::pair{s.mode, s.workers};
        if (speedup && isSequential(s.mode))
            continue;
        if (!keys.contains(key))
            keys.append(key);
        if (!isSequential(s.mode) && !workerCounts.contains(s.workers))
            workerCounts.append(s.workers);
        const double y = speedup ? (s.speedup ? s.speedup->value : std::nan("")) : s.wall.mean;
        if (!std::isfinite(y) || y <= 0 || s.corpusBytes == 0)
            continue;
        const double x = double(s.corpusBytes);
        minX = any ? std::min(minX, x) : x;
        maxX = any ? std::max(maxX, x) : x;
        minY = any ? std::min(minY, y) : y;
        maxY = any ? std::max(maxY, y) : y;
        any = true;
    }
    if (!any)
        return;
    if (speedup) {
        minY = std::min(minY, 1.0);
        maxY = std::max(maxY, 1.0);
    }
    const bool withWorkers = workerCounts.size() > 1;
    const qreal thick = std::max<qreal>(2.5, m_theme.lineWidth * 2.0);
    const bool logX = maxX / minX >= kLogSpan;
    const bool logY = maxY / minY >= kLogSpan;
    double xLo = logX ? minX / 1.6 : minX - (maxX - minX) * 0.04;
    double xHi = logX ? maxX * 1.6 : maxX + (maxX - minX) * 0.04;
    if (!(xHi > xLo)) {
        xLo = minX * 0.5;
        xHi = maxX * 1.5;
    }
    double yLo = logY ? minY / 1.6 : 0.0;
    // Room above the data for the crossover labels.
    double yHi = logY ? maxY * 6.0 : maxY * 1.35;

    if (speedup) {
        QXYSeries *par = addLine(u"break-even"_s, tr("sequential: S = 1"), Theme::modeColor(Mode::Sequential),
                                 thick * 0.8, Qt::DashLine);
        par->append(xLo, 1.0);
        par->append(xHi, 1.0);
    }

    for (const auto &[mode, workers] : std::as_const(keys)) {
        const QColor color = Theme::modeColor(mode);
        QList<QPointF> points;
        QStringList tips;
        for (const SweepPoint &p : sweep.points()) {
            const ModeSummary &s = p.summary;
            if (s.mode != mode || s.workers != workers)
                continue;
            const double y = speedup ? (s.speedup ? s.speedup->value : std::nan("")) : s.wall.mean;
            if (!std::isfinite(y) || y <= 0 || s.corpusBytes == 0)
                continue;
            points.append(QPointF(double(s.corpusBytes), y));
            tips.append(tr("%1 on %2 (%3)\nwall %4 (%5 run(s))\nspeed-up %6")
                            .arg(ModeSummary::displayLabelFor(mode, s.workers), s.corpus.displayName(),
                                 bytesText(double(s.corpusBytes)), wallText(s.wall))
                            .arg(s.runs)
                            .arg(s.speedup ? estimateText(*s.speedup) : tr("n/a")));
        }
        QString legend = modeLabel(mode, workers, true);
        const Crossover *c = isSequential(mode) ? nullptr : crossoverFor(sweep, mode, workers);
        if (c && c->never)
            legend += tr(": never faster here");
        const QString name = modeName(mode) + (withWorkers ? u"-%1"_s.arg(workers) : QString());
        QXYSeries *line = addLine(u"measured-"_s + name, legend, color, thick, Qt::SolidLine);
        line->append(points);
        addMarkers(u"points-"_s + name, color, points, tips);
        if (!c || c->never)
            continue;
        const double at = std::isfinite(c->estimateBytes) ? c->estimateBytes : double(c->fromBytes);
        const QString who = modeLabel(mode, workers, withWorkers);
        const QString text =
            c->always
                ? tr("%1 beat sequential at every size, from %2").arg(who, bytesText(double(c->fromBytes)))
            : std::isfinite(c->estimateBytes) ? tr("%1 beat sequential from ~%2").arg(who, bytesText(at))
                                              : tr("%1 beat sequential from %2").arg(who, bytesText(at));
        QXYSeries *mark = addLine(u"crossover-"_s + name, text, color, thick * 0.6, Qt::DashLine);
        mark->append(at, yLo);
        mark->append(at, yHi);
        hideFromLegend(mark);
        auto *label = new QGraphicsSimpleTextItem(text, this);
        label->setFont(m_theme.textFont(true));
        label->setBrush(color.darker(120));
        label->setZValue(900);
        m_labels.append(Label{label, QPointF(at, yHi), mark});
    }

    attachAxes(
        sizeAxis(Qt::Horizontal, logX, xLo, xHi, tr("corpus size (bytes)"), logX ? u"%g"_s : u"%.3g"_s),
        sizeAxis(Qt::Vertical, logY, yLo, yHi, speedup ? tr("speed-up") : tr("wall time (s, mean)"),
                 logY ? u"%g"_s : u"%.3g"_s));
}

void ScalingChart::placeLabels()
{
    if (m_empty && m_empty->isVisible()) {
        const QRectF r = rect();
        const QRectF b = m_empty->boundingRect();
        m_empty->setPos(r.center() - b.center());
    }
    const QRectF plot = plotArea();
    const qreal gap = std::max<qreal>(6.0, m_theme.textPx * 0.4);
    qreal y = plot.top() + gap;
    for (const Label &l : std::as_const(m_labels)) {
        const QPointF at = mapToPosition(l.anchor, l.series);
        const QRectF b = l.item->boundingRect();
        // Right of its line when it fits, else to the left, so it never leaves the plot.
        qreal x = at.x() + gap;
        if (x + b.width() > plot.right())
            x = at.x() - gap - b.width();
        x = std::max(x, plot.left() + gap);
        l.item->setPos(x, y);
        y += b.height() * 1.25;
    }
}

void ScalingChart::render(const Sweep &sweep, View view, const Theme &theme, const QString &title,
                          QPainter *painter, const QSizeF &size)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setRenderHint(QPainter::TextAntialiasing, true);
    const QRectF bounds(QPointF(0, 0), size);
    QGraphicsScene scene;
    auto *chart = new ScalingChart;
    chart->setTheme(theme);
    chart->setView(view);
    chart->setSweep(sweep);
    chart->setTitle(title);
    scene.addItem(chart);
    chart->setGeometry(bounds);
    // Lay the chart out now: nothing will spin an event loop before it is drawn.
    if (chart->layout())
        chart->layout()->activate();
    // The axis title chosen for the plot's height changes no geometry, but is drawn from the
    // layout: laid out again.
    chart->fitAxisTitle();
    if (chart->layout()) {
        chart->layout()->invalidate();
        chart->layout()->activate();
    }
    chart->placeLabels();
    scene.setSceneRect(bounds);
    painter->fillRect(bounds, theme.background);
    scene.render(painter, bounds, bounds);
    painter->restore();
}

QList<ReadableMark> ScalingChart::readableMarks() const
{
    QList<ReadableMark> marks;
    // QChart::mapToPosition only reads, but is not declared const.
    auto *self = const_cast<ScalingChart *>(this);
    for (const Point &p : m_points) {
        const qreal r = p.series->markerSize() / 2;
        const QPointF c = self->mapToPosition(p.at, p.series);
        marks.append({QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r), p.tip});
    }
    return marks;
}

} // namespace wordrace
