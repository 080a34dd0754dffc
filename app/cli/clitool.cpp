#include "clitool.h"

#include "io/outputfile.h"

#include <QIODevice>

#include <cerrno>
#include <cstdio>
#include <cstring>

using namespace Qt::StringLiterals;

namespace wordrace::Cli {

void printErr(const QString &line)
{
    std::fprintf(stderr, "%s\n", qPrintable(line));
    std::fflush(stderr);
}

QString writeOutput(const QString &path, const QByteArray &bytes)
{
    if (path != u"-")
        return OutputFile::write(path, [&bytes](QIODevice *d) { return d->write(bytes) == bytes.size(); });
    // A pipe closed early or a full disk behind a redirection: the caller must not exit 0.
    errno = 0;
    const bool written =
        std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stdout) == std::size_t(bytes.size());
    if (std::fflush(stdout) == 0 && written && !std::ferror(stdout))
        return {};
    const int error = errno;
    std::clearerr(stdout);
    return u"cannot write to standard output: %1"_s.arg(error ? QString::fromLocal8Bit(std::strerror(error))
                                                              : u"write failed"_s);
}

int usageError(const QString &command, const QString &why)
{
    printErr((command.isEmpty() ? u"wordrace-cli: "_s : u"wordrace-cli %1: "_s.arg(command)) + why);
    return BadUsage;
}

} // namespace wordrace::Cli
