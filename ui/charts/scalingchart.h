#pragma once

#include "analysis/sweep.h"
#include "charts/marknavigator.h"
#include "charts/theme.h"
#include "charts/wrappedtitle.h"

#include <QChart>
#include <QList>
#include <QPen>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <cmath>
#include <optional>
#include <utility>

class QAbstractAxis;
class QGraphicsSimpleTextItem;
class QPainter;
class QScatterSeries;
class QXYSeries;
class QLogValueAxis;
class QValueAxis;

namespace wordrace {

// A sweep as a chart. A worker sweep shows the speed-up S(N) of each parallel mode against the
// worker count beside the ideal S = N and Amdahl's law fitted to it (its serial fraction and
// ceiling in the legend), or the efficiency E(N) = S(N) / N. A size sweep shows each mode's wall
// time against the corpus size, or its speed-up, with where it starts to beat sequential marked.
class ScalingChart : public QChart
{
    Q_OBJECT
public:
    enum class View
    {
        Speedup,
        Efficiency,
        SizeWall,
        SizeSpeedup
    };

    explicit ScalingChart(QGraphicsItem *parent = nullptr);

    void setSweep(const Sweep &sweep);
    void clearSweep();
    const std::optional<Sweep> &sweep() const { return m_sweep; }
    void setView(View view);
    View view() const { return m_view; }
    void setTheme(const Theme &theme);
    void setEmptyText(const QString &text);
    // The title, wrapped onto as many lines as the chart's width needs; title() gives it back
    // whole. These hide QChart's own, which hold the wrapped text (WrappedTitle).
    void setTitle(const QString &title);
    QString title() const { return m_title.text(); }

    // The text a hovered point shows (tests read it; the tooltip shows it).
    QString hoverText() const { return m_hoverText; }
    // Every measured point with its hover text, mode by mode, left to right: what the keyboard
    // steps through.
    QList<ReadableMark> readableMarks() const;
    // The series whose objectName is `name` ("measured-threads", "amdahl-threads", "ideal", ...).
    QXYSeries *seriesNamed(const QString &name) const;
    // The crossover labels drawn on a size chart, as shown.
    QStringList crossoverLabels() const;
    // Where the key (the lines' names, under the plot) is drawn; empty without one.
    QRectF keyRect() const;
    // The key's texts as drawn, line by line, in chart coordinates.
    QList<std::pair<QRectF, QString>> keyTexts() const;
    // The height a chart this wide needs for a readable plot under its title and above its key.
    qreal heightFor(qreal width) const;

    // `wordrace-cli chart --kind` names: scaling, efficiency, sizes, sizes-speedup.
    static QString viewName(View view);
    static std::optional<View> viewFromName(const QString &name);
    static bool viewFits(View view, Sweep::Kind kind);
    // withCorpus: the corpus after the formula (a projector's half-width chart leaves it to the panel).
    static QString defaultTitle(View view, const Sweep &sweep, bool withCorpus = true);
    // Draws the chart of a sweep away from the screen, for exports.
    static void render(const Sweep &sweep, View view, const Theme &theme, const QString &title,
                       QPainter *painter, const QSizeF &size);
    // "58 kB", "580 MB": decimal units, as the corpus sizes are given.
    static QString bytesText(double bytes);

protected:
    void resizeEvent(QGraphicsSceneResizeEvent *event) override;

private:
    class Key;
    struct KeyEntry
    {
        QPen pen;
        QColor dot; // invalid: no marker
        QString text;
    };
    // Every curve's entry, with its name only (`brief`) where it has a shorter one.
    QList<KeyEntry> keyEntries(bool brief) const;

    // One line of the key: an entry's line sample and text, or a further line of a long entry's
    // text; positions in chart coordinates from the key's top.
    struct KeyPiece
    {
        qsizetype entry;
        bool withSample;
        QPointF sampleLeft;
        QRectF text;
        QString line;
    };
    // The entries in rows that fit the chart's width, centred, a long entry wrapped onto rows of
    // its own; how many rows in `rowCount`.
    QList<KeyPiece> keyLayout(const QList<KeyEntry> &entries, qreal chartWidth, int *rowCount) const;
    // The key as the chart shows it at its size: full, or naming its curves only when the full one
    // would take more than a quarter of the chart; laid out once for whoever draws or measures it.
    struct ShownKey
    {
        QList<KeyEntry> entries;
        QList<KeyPiece> pieces;
        int rows = 0;
    };
    ShownKey shownKey() const;
    // The height of a key of `rows` rows (0 for none), and of the key shown.
    qreal keyHeight(int rows) const;
    qreal keyHeight() const { return keyHeight(shownKey().rows); }
    // The chart's margin from its edges, from the type size (updateMargins()).
    int edgeMargin() const { return int(std::round(m_theme.textPx * 0.5)); }
    void updateMargins();
    void fitAxisTitle();
    void rebuild();
    QValueAxis *workerAxis(int maxN);
    QValueAxis *valueAxis(const QString &title, double max, double step);
    QAbstractAxis *sizeAxis(Qt::Orientation orientation, bool log, double lo, double hi, const QString &title,
                            const QString &format);
    // The axis kept in `slot`, made and added on first use, shown and reset to fixed ticks.
    template<typename Axis> Axis *pooled(Axis *&slot, Qt::Orientation orientation);
    void attachAxes(QAbstractAxis *x, QAbstractAxis *y);
    void buildWorkers();
    void buildSizes();
    void placeLabels();
    void styleAxis(QAbstractAxis *axis, const QString &title);
    QXYSeries *addLine(const QString &name, const QString &legend, const QColor &color, qreal width,
                       Qt::PenStyle style);
    void addMarkers(const QString &name, const QColor &color, const QList<QPointF> &points,
                    const QStringList &tips);
    void hideFromLegend(QXYSeries *series);

    struct Label
    {
        QGraphicsSimpleTextItem *item;
        QPointF anchor; // in data coordinates
        QAbstractSeries *series;
    };

    std::optional<Sweep> m_sweep;
    View m_view = View::Speedup;
    Theme m_theme = Theme::light();
    QString m_emptyText;
    WrappedTitle m_title;
    // The vertical axis's title, and a short one for a plot too short for it (empty: none).
    QString m_yTitle;
    QString m_yTitleShort;
    QString m_hoverText;
    QValueAxis *m_xValue = nullptr;
    QValueAxis *m_yValue = nullptr;
    QLogValueAxis *m_xLog = nullptr;
    QLogValueAxis *m_yLog = nullptr;
    QGraphicsSimpleTextItem *m_empty = nullptr;
    Key *m_key = nullptr;
    QList<Label> m_labels;
    // The measured points as added, with their hover texts.
    struct Point
    {
        QScatterSeries *series;
        QPointF at; // in data coordinates
        QString tip;
    };
    QList<Point> m_points;
};

} // namespace wordrace
