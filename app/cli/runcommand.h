#pragma once

#include <QStringList>

namespace wordrace {

// `wordrace-cli run`: parses its options, runs the experiment, prints the %time-like table (and
// the statistics of repeated runs) and writes the JSON, CSV, Markdown and trace exports. Needs a
// QCoreApplication; returns a Cli::ExitCode.
class RunCommand
{
public:
    static int exec(const QStringList &arguments);
};

} // namespace wordrace
