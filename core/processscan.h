#pragma once

#include <QList>

namespace wordrace {

// Live wordrace-worker processes (zombies included) whose parent is `parent`, or with any parent
// when parent is 0: what `ps ux | grep wordrace-worker` would list, read from /proc.
QList<qint64> workerProcesses(qint64 parent = 0);
bool processExists(qint64 pid);

} // namespace wordrace
