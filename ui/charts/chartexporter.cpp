#include "charts/chartexporter.h"
#include "io/outputfile.h"

#include "charts/overheadchart.h"
#include "charts/wallcpuchart.h"
#include "timeline/timelinedata.h"
#include "timeline/timelinerenderer.h"

#include <QBuffer>
#include <QFileInfo>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <QSvgGenerator>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

constexpr int kMaxLogicalWidth = 1920;
constexpr int kMaxPixels = 16384;

} // namespace

std::optional<ChartExporter::Format> ChartExporter::formatForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"png")
        return Format::Png;
    if (suffix == u"svg")
        return Format::Svg;
    if (suffix == u"pdf")
        return Format::Pdf;
    return std::nullopt;
}

QString ChartExporter::kindName(ChartKind kind)
{
    switch (kind) {
    case ChartKind::WallCpu:
        return u"wall-cpu"_s;
    case ChartKind::Timeline:
        return u"timeline"_s;
    case ChartKind::Overhead:
        return u"overhead"_s;
    }
    return {};
}

std::optional<ChartKind> ChartExporter::kindFromName(const QString &name)
{
    if (name == u"wall-cpu")
        return ChartKind::WallCpu;
    if (name == u"timeline")
        return ChartKind::Timeline;
    if (name == u"overhead")
        return ChartKind::Overhead;
    return std::nullopt;
}

QString ChartExporter::defaultTitle(ChartKind kind, const QList<RunResult> &results)
{
    const QString what = kind == ChartKind::WallCpu    ? tr("Wall time vs CPU time")
                         : kind == ChartKind::Timeline ? tr("Per-worker timeline")
                                                       : tr("Where the time went");
    if (results.isEmpty())
        return what;
    QString title = tr("%1: %2").arg(what, results.first().corpus.displayName());
    int workers = 1;
    for (const RunResult &r : results)
        workers = std::max(workers, r.workers);
    title += workers == 1 ? tr(" · 1 worker") : tr(" · %1 workers").arg(workers);
    // The conditions are named when every run shares them; runs that differ say so in their rows.
    const bool sameKnobs = std::all_of(results.cbegin(), results.cend(),
                                       [&](const RunResult &r) { return r.knobs == results.first().knobs; });
    if (const QString conditions = conditionsText(results.first().knobs); sameKnobs && !conditions.isEmpty())
        title += u" · "_s + conditions;
    return title;
}

QSize ChartExporter::logicalSize(const QSize &pixelSize)
{
    if (pixelSize.width() <= kMaxLogicalWidth)
        return pixelSize;
    const qreal scale = qreal(pixelSize.width()) / kMaxLogicalWidth;
    return QSize(kMaxLogicalWidth, std::max(1, int(std::lround(pixelSize.height() / scale))));
}

void ChartExporter::render(const ChartSource &source, const Theme &theme, QPainter *painter,
                           const QSizeF &size)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setRenderHint(QPainter::TextAntialiasing, true);
    const QRectF bounds(QPointF(0, 0), size);
    if (source.kind == ChartKind::Timeline) {
        TimelineData data;
        data.setResults(source.results);
        TimelineRenderer renderer(data, theme);
        renderer.setTitle(source.title);
        renderer.setEmptyText(tr("No tasks were recorded."));
        if (source.timeRange)
            renderer.setRange(source.timeRange->first, source.timeRange->second);
        else if (source.sharedScale > 0)
            renderer.setRange(TimelineRenderer::fullRange(data, source.sharedScale).first,
                              TimelineRenderer::fullRange(data, source.sharedScale).second);
        // Bars of exact pixel edges look crisper and the coverage shading stays exact.
        painter->setRenderHint(QPainter::Antialiasing, false);
        renderer.paint(painter, bounds);
    } else if (source.kind == ChartKind::Overhead) {
        QGraphicsScene scene;
        auto *chart = new OverheadChart;
        chart->setTheme(theme);
        chart->setEmptyText(tr("No runs to show."));
        chart->setResults(source.results);
        chart->setTitle(source.title);
        scene.addItem(chart);
        chart->setGeometry(bounds);
        if (chart->layout())
            chart->layout()->activate();
        scene.setSceneRect(bounds);
        painter->fillRect(bounds, theme.background);
        scene.render(painter, bounds, bounds);
    } else {
        QGraphicsScene scene;
        auto *chart = new WallCpuChart;
        chart->setTheme(theme);
        chart->setMinimumMax(source.sharedScale);
        chart->setResults(source.results);
        chart->setTitle(source.title);
        chart->setEmptyText(tr("No runs to show."));
        scene.addItem(chart);
        chart->setGeometry(bounds);
        // Lay the chart out now: nothing will spin an event loop before it is drawn.
        if (chart->layout())
            chart->layout()->activate();
        scene.setSceneRect(bounds);
        painter->fillRect(bounds, theme.background);
        scene.render(painter, bounds, bounds);
    }
    painter->restore();
}

QImage ChartExporter::image(const ChartSource &source, const Theme &theme, const QSize &pixelSize)
{
    return image([&](QPainter *painter, const QSizeF &size) { render(source, theme, painter, size); },
                 theme.background, pixelSize);
}

QImage ChartExporter::image(const Drawing &draw, const QColor &background, const QSize &pixelSize)
{
    const QSize logical = logicalSize(pixelSize);
    QImage img(pixelSize, QImage::Format_ARGB32_Premultiplied);
    if (img.isNull())
        return img;
    img.setDevicePixelRatio(qreal(pixelSize.width()) / logical.width());
    img.fill(background);
    QPainter painter(&img);
    draw(&painter, logical);
    painter.end();
    return img;
}

bool ChartExporter::write(const ChartSource &source, const Theme &theme, const QString &path,
                          const QSize &pixelSize, QString *error)
{
    return write([&](QPainter *painter, const QSizeF &size) { render(source, theme, painter, size); },
                 theme.background, source.title, path, pixelSize, error);
}

bool ChartExporter::write(const Drawing &draw, const QColor &background, const QString &title,
                          const QString &path, const QSize &pixelSize, QString *error)
{
    auto failWith = [&](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    const auto format = formatForPath(path);
    if (!format)
        return failWith(tr("%1: unknown format; use a name ending in .png, .svg or .pdf").arg(path));
    if (pixelSize.width() < 1 || pixelSize.height() < 1 || pixelSize.width() > kMaxPixels ||
        pixelSize.height() > kMaxPixels)
        return failWith(tr("%1x%2 is not a size WordRace can draw (1 to %3 pixels a side)")
                            .arg(pixelSize.width())
                            .arg(pixelSize.height())
                            .arg(kMaxPixels));

    // Drawn into memory, then written whole through OutputFile: a disk that fills mid-write is
    // then told apart from a drawing that failed, and leaves the earlier file as it was.
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    const QSize logical = logicalSize(pixelSize);
    switch (*format) {
    case Format::Png: {
        const QImage img = image(draw, background, pixelSize);
        if (img.isNull() || !img.save(&buffer, "PNG"))
            return failWith(
                tr("not enough memory for a %1x%2 image").arg(pixelSize.width()).arg(pixelSize.height()));
        break;
    }
    case Format::Svg: {
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(pixelSize);
        svg.setViewBox(QRect(QPoint(0, 0), logical));
        svg.setTitle(title);
        svg.setDescription(tr("Made by WordRace %1").arg(QStringLiteral(WORDRACE_VERSION)));
        QPainter painter;
        if (!painter.begin(&svg))
            return failWith(tr("cannot start an SVG drawing for %1").arg(path));
        draw(&painter, logical);
        painter.end();
        break;
    }
    case Format::Pdf: {
        QPdfWriter pdf(&buffer);
        // One page exactly the chart's size, at 96 dpi so one logical pixel is one screen pixel.
        pdf.setPageSize(QPageSize(QSizeF(logical.width() * 0.75, logical.height() * 0.75), QPageSize::Point,
                                  QString(), QPageSize::ExactMatch));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setResolution(96);
        pdf.setTitle(title);
        pdf.setCreator(u"WordRace %1"_s.arg(QStringLiteral(WORDRACE_VERSION)));
        QPainter painter;
        if (!painter.begin(&pdf))
            return failWith(tr("cannot start a PDF for %1").arg(path));
        draw(&painter, QSizeF(painter.viewport().size()));
        painter.end();
        break;
    }
    }
    buffer.close();
    if (const QString why =
            OutputFile::write(path, [&bytes](QIODevice *d) { return d->write(bytes) == bytes.size(); });
        !why.isEmpty())
        return failWith(why);
    return true;
}

} // namespace wordrace
