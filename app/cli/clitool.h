#pragma once

#include <QString>

namespace wordrace::Cli {

// The exit statuses every command shares: scripts test them.
enum ExitCode
{
    Ok = 0,
    RunFailed = 1,
    BadUsage = 2,
    Interrupted = 130, // SIGINT, as a shell reports it
    Terminated = 143   // SIGTERM
};

// One line on standard error, flushed at once so that it is never interleaved with the table.
void printErr(const QString &line);
// "wordrace-cli sweep: --workers needs ..." on standard error; returns BadUsage.
int usageError(const QString &command, const QString &why);

} // namespace wordrace::Cli
