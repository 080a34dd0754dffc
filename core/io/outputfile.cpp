#include "io/outputfile.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>
#include <cstring>

using namespace Qt::StringLiterals;

namespace wordrace {

QString OutputFile::checkTarget(const QString &option, const QString &path)
{
    if (path.isEmpty())
        return u"%1 needs a file name"_s.arg(option);
    if (path == u"-")
        return u"%1 needs a file name; only --json writes to standard output"_s.arg(option);
    const QFileInfo info(path);
    if (info.isDir())
        return u"%1 %2: is a directory"_s.arg(option, path);
    if (!info.absoluteDir().exists())
        return u"%1 %2: the folder %3 does not exist"_s.arg(option, path, info.absolutePath());
    return {};
}

QString OutputFile::write(const QString &path, const std::function<bool(QIODevice *)> &produce)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return u"cannot write %1: %2"_s.arg(path, file.errorString());
    // A disk that fills mid-write gives a short write, which Qt reports with no error of its own:
    // the system's reason is in errno, set by the write that failed.
    errno = 0;
    const bool produced = produce(&file);
    const int osError = errno;
    // Flushed here, not only by commit(): a full disk also shows at the flush, and commit() would
    // report it as an unknown error.
    if (!produced || !file.flush()) {
        const QString why = reason(file, osError);
        file.cancelWriting();
        return u"cannot write %1: %2"_s.arg(path, why);
    }
    if (!file.commit())
        return u"cannot write %1: %2"_s.arg(path, file.errorString());
    return {};
}

QString OutputFile::reason(const QFileDevice &file, int osError)
{
    if (file.error() != QFileDevice::NoError)
        return file.errorString();
    if (osError != 0)
        return QString::fromLocal8Bit(std::strerror(osError));
    return u"write failed"_s;
}

} // namespace wordrace
