#pragma once

#include <QStringList>

namespace wordrace {

// `wordrace-cli sweep`: runs the same experiment over several worker counts (strong scaling: the
// speed-up and efficiency of each mode, and Amdahl's law fitted to them) or over several corpus
// sizes (where each parallel mode starts to beat sequential). Needs a QCoreApplication; returns
// RunCommand's exit codes.
class SweepCommand
{
public:
    static int exec(const QStringList &arguments);
};

} // namespace wordrace
