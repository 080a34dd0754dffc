#pragma once

#include "charts/theme.h"
#include "model/runresult.h"

#include <QCoreApplication>
#include <QImage>
#include <QList>
#include <QSize>
#include <QString>

#include <functional>
#include <optional>
#include <utility>

class QPainter;

namespace wordrace {

enum class ChartKind
{
    WallCpu,
    Timeline,
    Overhead // where each run's time went, RunResult::overhead
};

// Everything needed to draw one chart away from the screen: the GUI passes what it shows, the
// CLI what it read from JSON.
struct ChartSource
{
    ChartKind kind = ChartKind::WallCpu;
    QList<RunResult> results;
    QString title;
    std::optional<std::pair<double, double>> timeRange; // timeline only; none: everything
    double sharedScale = 0.0; // seconds the value or time axis reaches at least (compare)
};

// Renders charts to PNG, SVG and PDF and to images for the clipboard, the same way for the GUI
// and for `wordrace-cli chart`. Files are written through QSaveFile, so a failed export never
// leaves half a file behind.
class ChartExporter
{
    Q_DECLARE_TR_FUNCTIONS(ChartExporter)
public:
    enum class Format
    {
        Png,
        Svg,
        Pdf
    };

    static std::optional<Format> formatForPath(const QString &path);
    static QString kindName(ChartKind kind); // "wall-cpu", "timeline", "overhead"
    static std::optional<ChartKind> kindFromName(const QString &name);
    // "Wall time vs CPU time: lesson ×10,000,000" and the like.
    static QString defaultTitle(ChartKind kind, const QList<RunResult> &results);

    // Big exports are drawn at no more than 1920 logical pixels wide and scaled up, so a 4K image
    // has the same proportions and legible type as a full-HD one, only sharper.
    static QSize logicalSize(const QSize &pixelSize);
    static void render(const ChartSource &source, const Theme &theme, QPainter *painter,
                       const QSizeF &logicalSize);
    static QImage image(const ChartSource &source, const Theme &theme, const QSize &pixelSize);
    // Writes PNG, SVG or PDF by the path's extension. On failure returns false and a one-line reason.
    static bool write(const ChartSource &source, const Theme &theme, const QString &path,
                      const QSize &pixelSize, QString *error = nullptr);

    // The same for any drawing, such as a sweep's charts: `draw` paints at the logical size.
    using Drawing = std::function<void(QPainter *painter, const QSizeF &logicalSize)>;
    static QImage image(const Drawing &draw, const QColor &background, const QSize &pixelSize);
    static bool write(const Drawing &draw, const QColor &background, const QString &title,
                      const QString &path, const QSize &pixelSize, QString *error = nullptr);
};

} // namespace wordrace
