#include "charts/theme.h"

#include "io/units.h"

#include <QChart>
#include <QGuiApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace wordrace {

Theme Theme::light()
{
    Theme t;
    t.kind = Kind::Light;
    t.background = QColor(0xff, 0xff, 0xff);
    t.foreground = QColor(0x1a, 0x1a, 0x1a);
    t.muted = QColor(0x55, 0x55, 0x55);
    t.grid = QColor(0xdd, 0xdd, 0xdd);
    t.laneShade = QColor(0xf3, 0xf3, 0xf3);
    t.maxLaneHeight = 80;
    return t;
}

Theme Theme::dark()
{
    Theme t;
    t.kind = Kind::Dark;
    t.background = QColor(0x1e, 0x1f, 0x22);
    t.foreground = QColor(0xf0, 0xf0, 0xf0);
    t.muted = QColor(0xb0, 0xb0, 0xb0);
    t.grid = QColor(0x44, 0x46, 0x4a);
    t.laneShade = QColor(0x2a, 0x2b, 0x2f);
    t.maxLaneHeight = 80;
    return t;
}

Theme Theme::projector()
{
    // Projectors wash out dark backgrounds and thin lines: pure white, pure black, heavy strokes.
    Theme t;
    t.kind = Kind::Projector;
    t.background = Qt::white;
    t.foreground = Qt::black;
    t.muted = QColor(0x30, 0x30, 0x30);
    t.grid = QColor(0xb8, 0xb8, 0xb8);
    t.laneShade = QColor(0xee, 0xee, 0xee);
    t.textPx = 26;
    t.titlePx = 34;
    t.lineWidth = 3.0;
    t.maxLaneHeight = 120;
    return t;
}

int Theme::presentationPx(int screenHeight)
{
    return std::max(14, screenHeight * 24 / 1080);
}

Theme Theme::projector(int smallestPx)
{
    // Drawn for 24 px at 1080 lines: another screen gets the same picture, its type in proportion.
    Theme t = projector();
    if (smallestPx > 0 && smallestPx != 24) {
        t.textPx = std::max(12, t.textPx * smallestPx / 24);
        t.titlePx = std::max(14, t.titlePx * smallestPx / 24);
        t.maxLaneHeight = std::max(40, t.maxLaneHeight * smallestPx / 24);
    }
    return t;
}

Theme Theme::byKind(Kind kind)
{
    switch (kind) {
    case Kind::Light:
        return light();
    case Kind::Dark:
        return dark();
    case Kind::Projector:
        return projector();
    }
    return light();
}

QString Theme::name(Kind kind)
{
    switch (kind) {
    case Kind::Light:
        return u"light"_s;
    case Kind::Dark:
        return u"dark"_s;
    case Kind::Projector:
        return u"projector"_s;
    }
    return {};
}

std::optional<Theme::Kind> Theme::kindFromName(const QString &name)
{
    for (Kind k : {Kind::Light, Kind::Dark, Kind::Projector})
        if (name.compare(Theme::name(k), Qt::CaseInsensitive) == 0)
            return k;
    return std::nullopt;
}

QColor Theme::modeColor(Mode mode)
{
    switch (mode) {
    case Mode::Sequential:
        return QColor(0x00, 0x72, 0xb2); // Okabe-Ito blue
    case Mode::Threads:
        return QColor(0xd5, 0x5e, 0x00); // vermillion
    case Mode::Processes:
        return QColor(0x00, 0x9e, 0x73); // bluish green
    case Mode::Cluster:
        return QColor(0xcc, 0x79, 0xa7); // reddish purple
    // CPython: lighter or darker kin of the C++ modes' hues, so each pair reads as one idea.
    case Mode::PythonSequential:
        return QColor(0x56, 0xb4, 0xe9); // sky blue
    case Mode::PythonThreads:
        return QColor(0xe6, 0x9f, 0x00); // orange
    case Mode::PythonProcesses:
        return QColor(0x1b, 0x5e, 0x20); // dark green
    }
    return Qt::gray;
}

QColor Theme::tint(const QColor &color, qreal amount) const
{
    const auto mix = [amount](int a, int b) { return int(a * amount + b * (1.0 - amount) + 0.5); };
    return QColor(mix(color.red(), background.red()), mix(color.green(), background.green()),
                  mix(color.blue(), background.blue()));
}

QFont Theme::font(int pixelSize, bool bold) const
{
    QFont f = QGuiApplication::font();
    f.setPixelSize(pixelSize);
    f.setBold(bold);
    return f;
}

QPalette Theme::darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31), base(0x1e, 0x1f, 0x22), text(0xf0, 0xf0, 0xf0);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x56, 0xb4, 0xe9));
    p.setColor(QPalette::HighlightedText, Qt::black);
    p.setColor(QPalette::Link, QColor(0x56, 0xb4, 0xe9));
    p.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x80, 0x80, 0x80));
    return p;
}

void localizeAxisNumbers(QChart *chart)
{
    QLocale locale = Units::locale();
    if (locale.language() == QLocale::English)
        return;
    locale.setNumberOptions(locale.numberOptions() | QLocale::OmitGroupSeparator);
    chart->setLocale(locale);
    chart->setLocalizeNumbers(true);
}

} // namespace wordrace
