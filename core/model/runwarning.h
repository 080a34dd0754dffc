#pragma once

#include <QList>
#include <QString>

namespace wordrace {

// Something about a run that makes its numbers doubtful, said with the run instead of hidden:
// the run's figures stay as measured, the warning tells how far to trust them.
struct RunWarning
{
    // Stable names, for scripts reading the JSON: "implausible-speedup", "slow-counting",
    // "busy-machine", "cold-run".
    QString kind;
    QString message;

    bool operator==(const RunWarning &o) const { return kind == o.kind && message == o.message; }
};

using RunWarnings = QList<RunWarning>;

} // namespace wordrace
