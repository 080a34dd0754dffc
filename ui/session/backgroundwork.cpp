#include "session/backgroundwork.h"

#include <QThread>

#include <sys/resource.h>
#include <unistd.h>

namespace wordrace {

QThreadPool *backgroundPool()
{
    // A static object, not a leaked pointer: at exit its destructor waits for what was queued.
    static QThreadPool pool;
    static const bool configured = [] {
        pool.setMaxThreadCount(1);
        pool.setObjectName(QStringLiteral("wordrace-background"));
        return true;
    }();
    Q_UNUSED(configured)
    return &pool;
}

void lowerThisThread()
{
    // nice 10, not SCHED_IDLE: an idle-class thread gets almost nothing while any other program
    // keeps the cores busy, so on a loaded machine a finished run would never be filed. At nice 10
    // it takes about a tenth of a core that others want, and all of one that nobody wants.
    thread_local const bool lowered = [] { return ::setpriority(PRIO_PROCESS, ::gettid(), 10) == 0; }();
    Q_UNUSED(lowered)
}

} // namespace wordrace
