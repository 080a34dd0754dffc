#pragma once

#include <QByteArray>
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
// Writes `bytes` to `path` through OutputFile (a failed write leaves no partial file and any older
// file whole), or to standard output for "-". Empty on success, otherwise a one-line reason
// ("cannot write out.json: No space left on device").
QString writeOutput(const QString &path, const QByteArray &bytes);
// "wordrace-cli sweep: --workers needs ..." on standard error; returns BadUsage.
int usageError(const QString &command, const QString &why);

} // namespace wordrace::Cli
