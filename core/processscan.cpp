#include "processscan.h"

#include <QDir>
#include <QFile>

using namespace Qt::StringLiterals;

namespace wordrace {

QList<qint64> workerProcesses(qint64 parent)
{
    QList<qint64> found;
    const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid)
            continue;
        QFile stat(u"/proc/%1/stat"_s.arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        const qsizetype open = line.indexOf('('), close = line.lastIndexOf(')');
        if (open < 0 || close < 0 || line.mid(open + 1, close - open - 1) != "wordrace-worker")
            continue;
        const QList<QByteArray> rest = line.mid(close + 2).split(' ');
        if (rest.size() >= 2 && (parent == 0 || rest[1].toLongLong() == parent))
            found.append(pid);
    }
    return found;
}

bool processExists(qint64 pid)
{
    return QFile::exists(u"/proc/%1"_s.arg(pid));
}

} // namespace wordrace
