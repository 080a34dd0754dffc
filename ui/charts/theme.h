#pragma once

#include "model/runresult.h"

#include <QColor>
#include <QFont>
#include <QPalette>
#include <QString>

#include <optional>

class QChart;

namespace wordrace {

// Axis numbers in the window's language ("0,05" in Spanish). Charts in English, as wordrace-chart
// draws them, keep Qt Charts' own formatting.
void localizeAxisNumbers(QChart *chart);

// Colours, type sizes and line weights shared by every chart, the timeline and their exports, so
// a mode has the same colour everywhere and a projector export looks like the projector screen.
struct Theme
{
    enum class Kind
    {
        Light,
        Dark,
        Projector
    };

    Kind kind = Kind::Light;
    QColor background;
    QColor foreground;
    QColor muted; // secondary text, axis ticks
    QColor grid;
    QColor laneShade; // every other timeline lane
    int textPx = 14;  // axis labels, legends, numbers
    int titlePx = 18;
    qreal lineWidth = 1.0; // outlines, markers, grid
    int maxLaneHeight = 40;

    static Theme light();
    static Theme dark();
    // High contrast, big type and thick bars for a classroom projector: >= 24 px text at 1920x1080.
    static Theme projector();
    // The projector theme for a screen whose smallest text is smallestPx (24 at 1080 lines).
    static Theme projector(int smallestPx);
    // The smallest text a class reads on a screen this many pixels high: 24 at 1080 lines, in
    // proportion elsewhere (17 on a 768-line projector), never below 14.
    static int presentationPx(int screenHeight);
    static Theme byKind(Kind kind);

    // The widgets' palette for the dark theme (the charts take their colours from the Theme).
    static QPalette darkPalette();
    static QString name(Kind kind);
    static std::optional<Kind> kindFromName(const QString &name);
    QString name() const { return name(kind); }

    // Okabe-Ito colours, the same in every theme so a mode is recognisable across charts, exports
    // and colour-vision deficiencies.
    static QColor modeColor(Mode mode);
    // Doubtful numbers: dark amber, readable on the light and the dark backgrounds alike.
    static QColor warningColor() { return QColor(0xb3, 0x6b, 0x00); }
    // A paler version of a mode colour over this theme's background, for secondary bars.
    QColor tint(const QColor &color, qreal amount) const;
    QFont font(int pixelSize, bool bold = false) const;
    QFont textFont(bool bold = false) const { return font(textPx, bold); }
    QFont titleFont() const { return font(titlePx, true); }
};

} // namespace wordrace
