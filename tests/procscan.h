#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QList>

// Lists live wordrace-worker processes (zombies included) whose parent is `parent`, or any parent
// when parent is 0, by reading /proc as `ps ux | grep` would.
inline QList<qint64> workerProcesses(qint64 parent = 0)
{
    QList<qint64> found;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        const qsizetype open = line.indexOf('('), close = line.lastIndexOf(')');
        if (open < 0 || close < 0)
            continue;
        if (line.mid(open + 1, close - open - 1) != "wordrace-worker")
            continue;
        const QList<QByteArray> rest = line.mid(close + 2).split(' ');
        if (rest.size() < 2)
            continue;
        if (parent == 0 || rest[1].toLongLong() == parent)
            found.append(pid);
    }
    return found;
}

// Every live process descended from `ancestor` (zombies included), by reading /proc.
inline QList<qint64> descendantProcesses(qint64 ancestor)
{
    QHash<qint64, qint64> parentOf;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        const qsizetype close = line.lastIndexOf(')');
        const QList<QByteArray> rest = line.mid(close + 2).split(' ');
        if (close > 0 && rest.size() >= 2)
            parentOf.insert(pid, rest[1].toLongLong());
    }
    QList<qint64> found;
    for (auto it = parentOf.cbegin(); it != parentOf.cend(); ++it)
        for (qint64 p = it.value(), hops = 0; p > 1 && hops < 64; p = parentOf.value(p, 0), ++hops)
            if (p == ancestor) {
                found.append(it.key());
                break;
            }
    return found;
}
