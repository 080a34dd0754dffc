#include "clitool.h"

#include <cstdio>

using namespace Qt::StringLiterals;

namespace wordrace::Cli {

void printErr(const QString &line)
{
    std::fprintf(stderr, "%s\n", qPrintable(line));
    std::fflush(stderr);
}

int usageError(const QString &command, const QString &why)
{
    printErr((command.isEmpty() ? u"wordrace-cli: "_s : u"wordrace-cli %1: "_s.arg(command)) + why);
    return BadUsage;
}

} // namespace wordrace::Cli
