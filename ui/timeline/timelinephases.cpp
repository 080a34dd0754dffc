#include "timeline/timelinephases.h"

#include <QImage>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace wordrace {

namespace {

// A tile of 45° stripes that repeats seamlessly: the stripes wrap at the tile's edges.
QImage hatchTile(const QColor &base, const QColor &line, int period, qreal width)
{
    QImage tile(period, period, QImage::Format_ARGB32_Premultiplied);
    tile.fill(base);
    QPainter p(&tile);
    p.setRenderHint(QPainter::Antialiasing);
    QPen pen(line, width);
    pen.setCapStyle(Qt::FlatCap);
    p.setPen(pen);
    for (int k = -1; k <= 1; ++k)
        p.drawLine(QPointF(k * period, period), QPointF(k * period + period, 0));
    return tile;
}

QColor mix(const QColor &a, const QColor &b, qreal amount)
{
    const auto m = [amount](int x, int y) { return int(x * amount + y * (1.0 - amount) + 0.5); };
    return QColor(m(a.red(), b.red()), m(a.green(), b.green()), m(a.blue(), b.blue()));
}

} // namespace

std::array<double, TimelinePhases::kTaskPhases> TimelinePhases::seconds(const TaskRecord &t)
{
    std::array<double, kTaskPhases> s{};
    const double duration = std::max(0.0, t.durationS());
    if (!hasPhases(t)) {
        s[int(Phase::Compute)] = duration;
        return s;
    }
    s[int(Phase::Transfer)] = std::max(0.0, t.transferS);
    s[int(Phase::IoWait)] = std::max(0.0, t.ioS);
    s[int(Phase::GilWait)] = std::max(0.0, t.gilWaitS);
    s[int(Phase::Compute)] = std::max(0.0, t.computeS);
    const double sum = s[0] + s[1] + s[2] + s[3];
    // Within a nanosecond (the clock's resolution) the phases are the task: no sliver of "other".
    constexpr double kResolutionS = 1e-9;
    if (sum > duration - kResolutionS) {
        const double scale = duration > 0 ? duration / sum : 0.0;
        for (int i = 0; i < 4; ++i)
            s[std::size_t(i)] *= scale;
    } else {
        s[int(Phase::Other)] = duration - sum;
    }
    return s;
}

TimelinePhases::Segments TimelinePhases::segments(const TaskRecord &task)
{
    Segments out;
    const std::array<double, kTaskPhases> s = seconds(task);
    double at = task.startS;
    for (int i = 0; i < kTaskPhases; ++i) {
        if (!(s[std::size_t(i)] > 0))
            continue;
        const double end = i == kTaskPhases - 1 ? task.endS : std::min(task.endS, at + s[std::size_t(i)]);
        out.items[std::size_t(out.count++)] = Segment{Phase(i), at, end};
        at = end;
    }
    // Rounding can leave the last phase a hair short of the task's end: it ends with the task.
    if (out.count > 0)
        out.items[std::size_t(out.count - 1)].endS = task.endS;
    else
        out.items[std::size_t(out.count++)] = Segment{Phase::Compute, task.startS, task.endS};
    return out;
}

QString TimelinePhases::name(Phase phase)
{
    switch (phase) {
    case Phase::Transfer:
        return tr("transfer");
    case Phase::IoWait:
        return tr("I/O wait");
    case Phase::GilWait:
        return tr("GIL wait");
    case Phase::Compute:
        return tr("compute");
    case Phase::Other:
        return tr("other");
    case Phase::Startup:
        return tr("start-up");
    case Phase::Gather:
        return tr("gather");
    }
    return {};
}

QColor TimelinePhases::color(Phase phase, const Theme &theme, const QColor &modeColor)
{
    switch (phase) {
    case Phase::Transfer:
        return QColor(0xe6, 0x9f, 0x00); // Okabe-Ito orange, as in the overhead chart
    case Phase::IoWait:
        return QColor(0xf0, 0xe4, 0x42); // yellow
    case Phase::GilWait:
        return theme.foreground; // as in the overhead chart: stands out on light and dark alike
    case Phase::Compute:
        return modeColor;
    case Phase::Other:
        return theme.tint(modeColor, 0.4);
    case Phase::Startup:
    case Phase::Gather:
        return mix(theme.muted, theme.background, 0.55);
    }
    return modeColor;
}

QBrush TimelinePhases::brush(Phase phase, const Theme &theme, const QColor &modeColor, qreal amount)
{
    QColor base = color(phase, theme, modeColor);
    if (amount < 1.0)
        base = mix(base, theme.background, std::clamp(amount, 0.0, 1.0));
    if (!isWait(phase))
        return QBrush(base);
    // Stripes scale with the type, so they stay visible on a projector's big bars.
    const int period = std::max(6, int(std::lround(theme.textPx * 0.5)));
    const qreal width = std::max(1.5, period * 0.3);
    QColor line;
    switch (phase) {
    case Phase::GilWait:
        line = theme.background; // light stripes on the dark GIL wait
        break;
    case Phase::IoWait:
        line = mix(theme.foreground.lightness() < 128 ? theme.foreground : theme.background, base, 0.55);
        break;
    default:
        line = theme.muted;
        break;
    }
    if (amount < 1.0)
        line = mix(line, base, std::clamp(amount, 0.0, 1.0));
    return QBrush(hatchTile(base, line, period, width));
}

} // namespace wordrace
