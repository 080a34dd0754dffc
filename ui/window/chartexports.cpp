#include "window/chartexports.h"

#include "panels/exportdialog.h"
#include "panels/racepage.h"
#include "panels/resultspane.h"
#include "session/appsettings.h"
#include "timeline/timelineview.h"
#include "window/mainactions.h"

#include <QApplication>
#include <QChartView>
#include <QClipboard>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QMenu>

using namespace Qt::StringLiterals;

namespace wordrace {

ChartExports::ChartExports(QWidget *window, RacePage *race, const MainActions &actions,
                           std::function<Theme()> theme, std::function<bool()> presentation)
    : QObject(window), m_window(window), m_race(race), m_actions(actions), m_theme(std::move(theme)),
      m_presentation(std::move(presentation))
{}

bool ChartExports::exportChart(ChartKind kind, const QString &path, const QSize &pixelSize,
                               bool projectorTheme, QString *error)
{
    const ChartSource source = m_race->activePane()->source(kind);
    const Theme t = projectorTheme ? Theme::projector() : m_theme();
    const bool ok = ChartExporter::write(source, t, path, pixelSize, error);
    if (ok)
        Q_EMIT statusMessage(tr("Wrote %1").arg(QDir::toNativeSeparators(path)));
    return ok;
}

void ChartExports::copyChart(ChartKind kind)
{
    copyChart(kind, m_race->activePane()->chartSize(kind), false);
}

void ChartExports::copyChart(ChartKind kind, const QSize &pixelSize, bool projectorTheme)
{
    ResultsPane *pane = m_race->activePane();
    const QImage image =
        ChartExporter::image(pane->source(kind), projectorTheme ? Theme::projector() : m_theme(), pixelSize);
    QApplication::clipboard()->setImage(image);
    Q_EMIT statusMessage(
        tr("Copied the chart to the clipboard (%1 × %2)").arg(image.width()).arg(image.height()));
}

void ChartExports::exportDialog(ChartKind kind, std::optional<ChartExporter::Format> format)
{
    ResultsPane *pane = m_race->activePane();
    ExportDialog dialog(m_window);
    dialog.setKind(kind);
    dialog.setWindowSizes(pane->chartSize(ChartKind::WallCpu), pane->chartSize(ChartKind::Timeline));
    dialog.setProjectorTheme(m_presentation());
    AppSettings settings;
    const QString name = u"wordrace-%1-%2.%3"_s.arg(ChartExporter::kindName(kind))
                             .arg(std::max(1, pane->entryNumber()))
                             .arg(ExportDialog::suffix(format.value_or(ChartExporter::Format::Png)));
    dialog.setPath(QDir(settings.exportFolder()).filePath(name));
    if (format)
        dialog.setFormat(*format);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (dialog.copyRequested()) {
        copyChart(dialog.kind(), dialog.pixelSize(), dialog.projectorTheme());
        return;
    }
    QString error;
    if (!exportChart(dialog.kind(), dialog.path(), dialog.pixelSize(), dialog.projectorTheme(), &error)) {
        Q_EMIT failed(
            tr("The chart was not exported."),
            tr("%1\n\nChoose a folder you can write to, check that the disk has free space, and export "
               "again.")
                .arg(error));
        return;
    }
    settings.setExportFolder(QFileInfo(dialog.path()).absolutePath());
}

void ChartExports::chartMenu(ResultsPane *pane, ChartKind kind, const QPoint &globalPos)
{
    pane->setFocus();
    if (kind == ChartKind::Timeline)
        pane->timeline()->setFocus();
    else if (kind == ChartKind::Overhead)
        pane->overheadView()->setFocus();
    else
        pane->chartView()->setFocus();
    QMenu menu(m_window);
    menu.addAction(tr("Export as &PNG…"), this,
                   [this, kind] { exportDialog(kind, ChartExporter::Format::Png); });
    menu.addAction(tr("Export as &SVG…"), this,
                   [this, kind] { exportDialog(kind, ChartExporter::Format::Svg); });
    menu.addAction(tr("Export as P&DF…"), this,
                   [this, kind] { exportDialog(kind, ChartExporter::Format::Pdf); });
    menu.addSeparator();
    menu.addAction(tr("&Copy Image"), this, [this, kind] { copyChart(kind); });
    if (kind == ChartKind::Timeline) {
        menu.addSeparator();
        menu.addAction(m_actions.zoomIn);
        menu.addAction(m_actions.zoomOut);
        menu.addAction(m_actions.zoomReset);
    }
    menu.exec(globalPos);
}

} // namespace wordrace
