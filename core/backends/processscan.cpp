#include "backends/processscan.h"

#include <QDir>
#include <QFile>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

struct ProcStat
{
    qint64 pid = 0;
    qint64 parent = 0;
    QByteArray name;
};

// Every process's pid, parent and short name, from /proc/PID/stat.
QList<ProcStat> allProcesses()
{
    QList<ProcStat> found;
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
        if (open < 0 || close < 0)
            continue;
        const QList<QByteArray> rest = line.mid(close + 2).split(' ');
        if (rest.size() >= 2)
            found.append({pid, rest[1].toLongLong(), line.mid(open + 1, close - open - 1)});
    }
    return found;
}

} // namespace

QList<qint64> workerProcesses(qint64 parent)
{
    QList<qint64> found;
    for (const ProcStat &p : allProcesses())
        if (p.name == "wordrace-worker" && (parent == 0 || p.parent == parent))
            found.append(p.pid);
    return found;
}

QHash<int, qint64> mpiRanksOf(qint64 parent)
{
    QHash<int, qint64> ranks;
    if (parent <= 0)
        return ranks;
    for (const ProcStat &p : allProcesses()) {
        if (p.parent != parent)
            continue;
        QFile environ(u"/proc/%1/environ"_s.arg(p.pid));
        if (!environ.open(QIODevice::ReadOnly))
            continue;
        constexpr QByteArrayView key = "OMPI_COMM_WORLD_RANK=";
        for (const QByteArray &kv : environ.readAll().split('\0'))
            if (kv.startsWith(key))
                ranks.insert(kv.mid(key.size()).toInt(), p.pid);
    }
    return ranks;
}

bool processExists(qint64 pid)
{
    return QFile::exists(u"/proc/%1"_s.arg(pid));
}

} // namespace wordrace
