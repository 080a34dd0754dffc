#pragma once

#include <QString>

#include <cstdint>

namespace wordrace {

// The one place where times, counts and sizes become text, so that every view says a number the
// same way. One rule for units: a duration gets the unit that gives it digits (µs, ms, s) with
// four significant digits; a size is binary (KiB, MiB, GiB), as the kernel and the page sizes are.
namespace Units {

// "812.3 µs", "52.10 ms", "7.071 s"; "0 s"; "n/a" for a number that is not finite.
QString seconds(double s);
// Fixed at milliseconds' resolution, "0.052 s": the CLI's table, whose columns scripts read.
QString fixedSeconds(double s);
// An axis tick, with as many decimals as the step between ticks needs: "0.005 s", "12 s".
QString axisSeconds(double s, double step);
// "1,234,567"
QString count(std::uint64_t n);
// "812 bytes", "3.5 KiB", "553.2 MiB", "1.2 GiB"
QString bytes(std::uint64_t n);

} // namespace Units

} // namespace wordrace
