#pragma once

#include "charts/chartexporter.h"
#include "charts/theme.h"

#include <QObject>

#include <functional>
#include <optional>

class QWidget;

namespace wordrace {

struct MainActions;
class RacePage;
class ResultsPane;

// Export and copy of the Race tab's charts: the dialog, the right-click menu on a chart, the
// clipboard. Says what it did through statusMessage and what failed through failed.
class ChartExports : public QObject
{
    Q_OBJECT
public:
    ChartExports(QWidget *window, RacePage *race, const MainActions &actions, std::function<Theme()> theme,
                 std::function<bool()> presentation);

    // Writes a chart of the pane with the keyboard; false and the reason (no dialog) on failure.
    bool exportChart(ChartKind kind, const QString &path, const QSize &pixelSize, bool projectorTheme,
                     QString *error = nullptr);
    void copyChart(ChartKind kind);
    // The chart as an image of this size and look on the clipboard.
    void copyChart(ChartKind kind, const QSize &pixelSize, bool projectorTheme);
    void exportDialog(ChartKind kind, std::optional<ChartExporter::Format> format = std::nullopt);
    void chartMenu(ResultsPane *pane, ChartKind kind, const QPoint &globalPos);

Q_SIGNALS:
    void statusMessage(const QString &text);
    void failed(const QString &text, const QString &details);

private:
    QWidget *m_window;
    RacePage *m_race;
    const MainActions &m_actions;
    std::function<Theme()> m_theme;
    std::function<bool()> m_presentation;
};

} // namespace wordrace
