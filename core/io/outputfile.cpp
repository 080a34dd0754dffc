#include "io/outputfile.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

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
    if (!produce(&file)) {
        const QString why = file.errorString();
        file.cancelWriting();
        return u"cannot write %1: %2"_s.arg(path, why.isEmpty() ? u"write failed"_s : why);
    }
    if (!file.commit())
        return u"cannot write %1: %2"_s.arg(path, file.errorString());
    return {};
}

} // namespace wordrace
