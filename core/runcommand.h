#pragma once

#include <QStringList>

namespace wordrace {

// `wordrace-cli run`: parses its options, runs the experiment, prints the %time-like table (and
// the statistics of repeated runs) and writes the JSON, CSV, Markdown and trace exports; hands
// `wordrace-cli sweep` to SweepCommand. Needs a QCoreApplication; returns the exit status (0 ok,
// 1 the run failed, 2 bad usage or input, 130/143 stopped by SIGINT/SIGTERM).
class RunCommand
{
public:
    enum ExitCode
    {
        Ok = 0,
        RunFailed = 1,
        BadUsage = 2,
        Interrupted = 130,
        Terminated = 143
    };
    static int exec(const QStringList &arguments);
};

} // namespace wordrace
