#pragma once

#include <QThreadPool>

#include <utility>

namespace wordrace {

// Work the user never waits on: filing finished runs for the timeline, freeing what was dropped.
// One thread at idle priority (SCHED_IDLE on Linux), so that it slows neither the window nor the
// next run being measured; it catches up when the CPUs are free.
QThreadPool *backgroundPool();

// Destroys `doomed` on the background thread: freeing a million task records (pages handed back
// to the kernel) takes the GUI thread tens of milliseconds.
template<typename T> void releaseInBackground(T &&doomed)
{
    backgroundPool()->start([gone = std::forward<T>(doomed)] { Q_UNUSED(gone) });
}

} // namespace wordrace
