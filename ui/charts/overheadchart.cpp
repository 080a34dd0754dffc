#include "charts/overheadchart.h"
#include "io/units.h"

#include <QBarCategoryAxis>
#include <QBarLegendMarker>
#include <QBarSet>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QTextDocument>
#include <QTextOption>
#include <QValueAxis>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace wordrace {

OverheadChart::OverheadChart(QGraphicsItem *parent) : QChart(parent)
{
    localizeAxisNumbers(this);
    setTitle(tr("Where the time went"));
    legend()->setAlignment(Qt::AlignRight); // the chart is wide and short: keep the height for bars
    setBackgroundRoundness(0);
    rebuild();
}

QString OverheadChart::phaseName(int phase)
{
    switch (phase) {
    case 0:
        return tr("start-up");
    case 1:
        return tr("transfer");
    case 2:
        return tr("compute");
    case 3:
        return tr("I/O wait");
    case 4:
        return tr("GIL wait");
    case 5:
        return tr("gather");
    default:
        return tr("idle");
    }
}

QColor OverheadChart::phaseColor(int phase, const Theme &theme)
{
    const QColor colors[kPhases] = {QColor(0xcc, 0x79, 0xa7), QColor(0xe6, 0x9f, 0x00),
                                    QColor(0x56, 0xb4, 0xe9), QColor(0xf0, 0xe4, 0x42),
                                    theme.foreground,         QColor(0x88, 0x88, 0x88),
                                    QColor(0xcc, 0xcc, 0xcc)};
    return colors[std::clamp(phase, 0, kPhases - 1)];
}

double OverheadChart::phaseSeconds(const RunResult &r, int phase)
{
    const Overhead &o = r.overhead;
    const double values[kPhases] = {o.startupS, o.transferS, o.computeS, o.ioS,
                                    o.gilWaitS, o.gatherS,   o.idleS};
    return std::max(0.0, values[std::clamp(phase, 0, kPhases - 1)]);
}

void OverheadChart::setResults(const QList<RunResult> &results)
{
    m_results = results;
    rebuild();
}

void OverheadChart::setTheme(const Theme &theme)
{
    m_theme = theme;
    rebuild();
}

void OverheadChart::setEmptyText(const QString &text)
{
    m_emptyText = text;
    rebuild();
}

void OverheadChart::resizeEvent(QGraphicsSceneResizeEvent *event)
{
    QChart::resizeEvent(event);
    m_title.apply(this);
    placeKey();
    placePlaceholder();
}

void OverheadChart::placeKey()
{
    // Beside the bars it keeps the height for them; on a narrow chart (one of two runs compared)
    // it took the width the runs' names needed and Qt elided them: under the bars there. Phases no
    // run spent time in stay out of it, so that it fits one row.
    const Qt::Alignment side = size().width() < 45 * m_theme.textPx ? Qt::AlignBottom : Qt::AlignRight;
    if (legend()->alignment() != side)
        legend()->setAlignment(side);
}

void OverheadChart::placePlaceholder()
{
    if (!m_placeholder)
        return;
    // Wrapped to the chart, so that it never runs past a narrow one.
    m_placeholder->setTextWidth(std::max(100.0, rect().width() - 4 * m_theme.textPx));
    const QRectF text = m_placeholder->boundingRect();
    m_placeholder->setPos(rect().center() - text.center());
}

void OverheadChart::rebuild()
{
    // One series and two axes for the chart's life, refilled: Qt Charts 6.4 never frees the
    // drawing of a removed axis or series (docs/reliability.md).
    if (!m_bars) {
        m_bars = new QHorizontalStackedBarSeries(this);
        m_bars->setBarWidth(0.6);
        addSeries(m_bars);
        m_runs = new QBarCategoryAxis(this);
        m_seconds = new QValueAxis(this);
        addAxis(m_runs, Qt::AlignLeft);
        addAxis(m_seconds, Qt::AlignBottom);
        m_bars->attachAxis(m_runs);
        m_bars->attachAxis(m_seconds);
        // A number under every segment: the phase, its worker-seconds and its share of the run's.
        connect(
            m_bars, &QHorizontalStackedBarSeries::hovered, this, [this](bool on, int index, QBarSet *set) {
                if (!on || !set || index < 0 || index >= m_results.size()) {
                    setToolTip({});
                    return;
                }
                setToolTip(segmentText(int(m_results.size()) - 1 - index, set->property("phase").toInt()));
            });
    }
    m_bars->clear();
    m_runs->clear();
    m_bars->setVisible(!m_results.isEmpty());
    m_runs->setVisible(!m_results.isEmpty());
    m_seconds->setVisible(!m_results.isEmpty());

    setBackgroundBrush(m_theme.background);
    setPlotAreaBackgroundVisible(false);
    setTitleBrush(m_theme.foreground);
    setTitleFont(m_theme.titleFont());
    m_title.apply(this);
    legend()->setFont(m_theme.textFont());
    legend()->setLabelColor(m_theme.foreground);
    legend()->setVisible(!m_results.isEmpty());

    if (!m_placeholder) {
        m_placeholder = new QGraphicsTextItem(this);
        QTextOption centred(Qt::AlignCenter);
        centred.setWrapMode(QTextOption::WordWrap);
        m_placeholder->document()->setDefaultTextOption(centred);
    }
    m_placeholder->setVisible(m_results.isEmpty());
    if (m_results.isEmpty()) {
        setTitle(tr("Where the time went"));
        m_placeholder->setPlainText(
            m_emptyText.isEmpty()
                ? tr("Press Run (F5): each run's worker-seconds will appear here, split into "
                     "start-up, counting, waiting and gathering.")
                : m_emptyText);
        m_placeholder->setFont(m_theme.textFont());
        m_placeholder->setDefaultTextColor(m_theme.foreground);
        placePlaceholder();
        return;
    }
    setTitle(tr("Where the time went (worker-seconds)"));

    bool repeated = false;
    for (const RunResult &r : std::as_const(m_results))
        repeated = repeated || r.repetition > 0;
    // Categories run bottom-up; reversed, the first run is on top as in the wall-vs-CPU chart.
    QStringList categories;
    for (qsizetype i = m_results.size() - 1; i >= 0; --i) {
        const RunResult &r = m_results.at(i);
        QString name = r.workers > 1 ? tr("%1 ×%2").arg(modeName(r.mode)).arg(r.workers) : modeName(r.mode);
        if (repeated)
            name += tr(" run %1").arg(r.repetition + 1);
        categories << name;
    }
    double largest = 0.0;
    for (const RunResult &r : std::as_const(m_results)) {
        double sum = 0.0;
        for (int p = 0; p < kPhases; ++p)
            sum += phaseSeconds(r, p);
        largest = std::max(largest, sum);
    }
    for (int p = 0; p < kPhases; ++p) {
        auto *set = new QBarSet(phaseName(p));
        set->setProperty("phase", p);
        set->setColor(phaseColor(p, m_theme));
        set->setBorderColor(m_theme.background);
        double total = 0.0;
        for (qsizetype i = m_results.size() - 1; i >= 0; --i) {
            set->append(phaseSeconds(m_results.at(i), p));
            total += phaseSeconds(m_results.at(i), p);
        }
        m_bars->append(set);
        for (QLegendMarker *marker : legend()->markers(m_bars))
            if (auto *bar = qobject_cast<QBarLegendMarker *>(marker); bar && bar->barset() == set)
                bar->setVisible(total > 0);
    }
    placeKey();

    QBarCategoryAxis *y = m_runs;
    y->append(categories);
    y->setLabelsFont(m_theme.textFont(true));
    y->setLabelsBrush(m_theme.foreground);
    y->setGridLineVisible(false);
    y->setLinePen(QPen(m_theme.muted, m_theme.lineWidth));

    QValueAxis *x = m_seconds;
    x->setRange(0.0, largest > 0 ? largest * 1.05 : 1.0);
    x->setTitleText(tr("worker-seconds"));
    x->setTitleFont(m_theme.textFont());
    x->setTitleBrush(m_theme.foreground);
    x->setLabelsFont(m_theme.textFont());
    x->setLabelsBrush(m_theme.foreground);
    x->setLabelFormat(u"%.3g"_s);
    x->setGridLinePen(QPen(m_theme.grid, m_theme.lineWidth));
    x->setLinePen(QPen(m_theme.muted, m_theme.lineWidth));
    x->applyNiceNumbers();
}

qreal OverheadChart::minimumHeight() const
{
    // Title, axis labels and title, key, margins: about thirteen lines of text; then a row a run
    // (Qt elides a run's name to "..." in a row under about two lines tall).
    const qreal textPx = m_theme.textPx;
    return std::ceil(textPx * 13 + textPx * 2.2 * qreal(std::max<qsizetype>(3, m_results.size())));
}

QString OverheadChart::segmentText(int run, int phase) const
{
    if (run < 0 || run >= m_results.size() || phase < 0 || phase >= kPhases)
        return {};
    const RunResult &r = m_results.at(run);
    double sum = 0.0;
    for (int p = 0; p < kPhases; ++p)
        sum += phaseSeconds(r, p);
    const double s = phaseSeconds(r, phase);
    QString who = r.workers > 1 ? tr("%1 ×%2").arg(modeName(r.mode)).arg(r.workers) : modeName(r.mode);
    if (std::any_of(m_results.cbegin(), m_results.cend(),
                    [](const RunResult &o) { return o.repetition > 0; }))
        who += tr(", run %1").arg(r.repetition + 1);
    return tr("<b>%1</b><br>%2: %3 worker-seconds (%4% of the run's %5)")
        .arg(who, phaseName(phase), Units::seconds(s))
        .arg(sum > 0 ? s / sum * 100.0 : 0.0, 0, 'f', 1)
        .arg(Units::seconds(sum));
}

QRectF OverheadChart::segmentRect(int run, int phase) const
{
    if (!m_bars || run < 0 || run >= m_results.size() || phase < 0 || phase >= kPhases)
        return {};
    const RunResult &r = m_results.at(run);
    double start = 0.0;
    for (int p = 0; p < phase; ++p)
        start += phaseSeconds(r, p);
    const double end = start + phaseSeconds(r, phase);
    // Categories run bottom-up (rebuild()).
    const qreal category = qreal(m_results.size() - 1 - run);
    const qreal half = m_bars->barWidth() / 2;
    // QChart::mapToPosition only reads, but is not declared const.
    auto *self = const_cast<OverheadChart *>(this);
    const QPointF a = self->mapToPosition(QPointF(start, category - half), m_bars);
    const QPointF b = self->mapToPosition(QPointF(end, category + half), m_bars);
    return QRectF(a, b).normalized();
}

QList<ReadableMark> OverheadChart::readableMarks() const
{
    QList<ReadableMark> marks;
    for (int run = 0; run < m_results.size(); ++run)
        for (int phase = 0; phase < kPhases; ++phase)
            if (phaseSeconds(m_results.at(run), phase) > 0)
                marks.append({segmentRect(run, phase), segmentText(run, phase)});
    return marks;
}

} // namespace wordrace
