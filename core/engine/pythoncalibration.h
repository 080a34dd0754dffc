#pragma once

#include <QString>

#include <optional>

namespace wordrace {

// What CPython costs per word beyond the C++ counter, on this machine: the `--work-per-word auto`
// figure, so the emulated GIL's threads carry an interpreter's cost. Measured once per process
// (python-sequential and sequential on lesson:100000, best of three each), then remembered.
class PythonCalibration
{
public:
    // Nanoseconds of work per word, or nullopt and why (no python3, a failed run).
    static std::optional<double> workPerWordNs(QString *error = nullptr);
};

} // namespace wordrace
