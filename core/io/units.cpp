#include "io/units.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace wordrace::Units {

QString seconds(double s)
{
    if (!std::isfinite(s))
        return u"n/a"_s;
    const double a = std::abs(s);
    if (a == 0)
        return u"0 s"_s;
    if (a < 1e-3)
        return QString::number(s * 1e6, 'f', 1) + u" µs"_s;
    if (a < 1.0)
        return QString::number(s * 1e3, 'f', 2) + u" ms"_s;
    return QString::number(s, 'f', 3) + u" s"_s;
}

QString fixedSeconds(double s)
{
    return QString::number(s, 'f', s < 10 ? 3 : 2) + u" s"_s;
}

QString axisSeconds(double s, double step)
{
    const int decimals = std::clamp(int(-std::floor(std::log10(step) + 1e-9)), 0, 9);
    if (std::abs(s) < step * 1e-6)
        s = 0.0; // no "-0.000 s"
    return QString::number(s, 'f', decimals) + u" s"_s;
}

QString count(std::uint64_t n)
{
    return QLocale(QLocale::English).toString(qulonglong(n));
}

QString bytes(std::uint64_t n)
{
    const double b = double(n);
    constexpr double kKi = 1024.0;
    if (b >= kKi * kKi * kKi)
        return QString::number(b / (kKi * kKi * kKi), 'f', 1) + u" GiB"_s;
    if (b >= kKi * kKi)
        return QString::number(b / (kKi * kKi), 'f', 1) + u" MiB"_s;
    if (b >= kKi)
        return QString::number(b / kKi, 'f', 1) + u" KiB"_s;
    return count(n) + (n == 1 ? u" byte"_s : u" bytes"_s);
}

} // namespace wordrace::Units
