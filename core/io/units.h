#pragma once

#include <QLocale>
#include <QString>

#include <cstdint>

namespace wordrace {

// The one place where times, counts and sizes become text, so that every view says a number the
// same way. One rule for units: a duration gets the unit that gives it digits (µs, ms, s) with
// four significant digits; a size is binary (KiB, MiB, GiB), as the kernel and the page sizes are.
namespace Units {

// The locale display text is written in. English (as every file and the CLI's output are written,
// whatever LANG says) until the desktop app chooses the user's: only a GUI calls this, at start.
void setLocale(const QLocale &locale);
QLocale locale();

// "812.3 µs", "52.10 ms", "7.071 s" ("7,071 s" in Spanish); "0 s"; "n/a" for a number that is not
// finite.
QString seconds(double s);
// Fixed at milliseconds' resolution, "0.052 s", in every locale: the CLI's table, whose columns
// scripts read.
QString fixedSeconds(double s);
// An axis tick, with as many decimals as the step between ticks needs: "0.005 s", "12 s".
QString axisSeconds(double s, double step);
// "1,234,567" ("1.234.567" in Spanish)
QString count(std::uint64_t n);
// A number with `decimals` fixed decimals and no thousands separator: "1.5", "1,5" in Spanish.
QString decimal(double x, int decimals);
// "812 bytes", "3.5 KiB", "553.2 MiB", "1.2 GiB"
QString bytes(std::uint64_t n);

} // namespace Units

} // namespace wordrace
