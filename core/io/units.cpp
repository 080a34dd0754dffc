#include "io/units.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace wordrace::Units {

namespace {

// Set once by the GUI before any thread formats a number; English otherwise, so that the CLI
// and the files say a number the same way whatever the environment's locale is.
QLocale &current()
{
    static QLocale locale(QLocale::English);
    return locale;
}

} // namespace

void setLocale(const QLocale &locale)
{
    current() = locale;
}

QLocale locale()
{
    return current();
}

QString decimal(double x, int decimals)
{
    QLocale l = current();
    l.setNumberOptions(l.numberOptions() | QLocale::OmitGroupSeparator);
    return l.toString(x, 'f', decimals);
}

QString seconds(double s)
{
    if (!std::isfinite(s))
        return QCoreApplication::translate("wordrace::Units", "n/a");
    const double a = std::abs(s);
    if (a == 0)
        return u"0 s"_s;
    if (a < 1e-3)
        return decimal(s * 1e6, 1) + u" µs"_s;
    if (a < 1.0)
        return decimal(s * 1e3, 2) + u" ms"_s;
    return decimal(s, 3) + u" s"_s;
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
    return decimal(s, decimals) + u" s"_s;
}

QString count(std::uint64_t n)
{
    // Grouped by threes whatever the locale's own rule: Qt's Spanish leaves the top group at four
    // digits ("3750.000"), which reads as a decimal.
    QString digits = QString::number(n);
    const QString separator = current().groupSeparator();
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, separator);
    return digits;
}

QString bytes(std::uint64_t n)
{
    const double b = double(n);
    constexpr double kKi = 1024.0;
    if (b >= kKi * kKi * kKi)
        return decimal(b / (kKi * kKi * kKi), 1) + u" GiB"_s;
    if (b >= kKi * kKi)
        return decimal(b / (kKi * kKi), 1) + u" MiB"_s;
    if (b >= kKi)
        return decimal(b / kKi, 1) + u" KiB"_s;
    return n == 1 ? QCoreApplication::translate("wordrace::Units", "1 byte")
                  : QCoreApplication::translate("wordrace::Units", "%1 bytes").arg(count(n));
}

} // namespace wordrace::Units
