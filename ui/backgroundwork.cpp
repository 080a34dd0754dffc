#include "backgroundwork.h"

#include <QThread>

namespace wordrace {

QThreadPool *backgroundPool()
{
    // A static object, not a leaked pointer: at exit its destructor waits for what was queued.
    static QThreadPool pool;
    static const bool configured = [] {
        pool.setMaxThreadCount(1);
        pool.setThreadPriority(QThread::IdlePriority);
        pool.setObjectName(QStringLiteral("wordrace-background"));
        return true;
    }();
    Q_UNUSED(configured)
    return &pool;
}

} // namespace wordrace
