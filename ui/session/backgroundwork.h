#pragma once

#include "kernel/mappieces.h"

#include <QList>
#include <QThreadPool>

#include <type_traits>
#include <utility>
#include <vector>

namespace wordrace {

// Work the user never waits on: filing finished runs for the timeline, freeing what was dropped.
// One thread, which each job lowers to nice 10 first (lowerThisThread), so that it slows neither
// the window nor the next run being measured much, yet still finishes on a busy machine.
QThreadPool *backgroundPool();
// Lowers the calling thread's priority to the background's, once per thread; a job on
// backgroundPool() calls it first.
void lowerThisThread();

// Before a buffer that nothing else shares is freed, its pages go back to the kernel in pieces:
// its free would otherwise unmap them all at once, holding the memory-map lock that the GUI thread
// needs to allocate (core/kernel/mappieces.h). Only for elements whose destructors read nothing.
template<typename T> void dropPages(QList<T> &list)
{
    if constexpr (std::is_trivially_destructible_v<T>) {
        if (list.isDetached())
            dropPagesInPieces(list.constData(), std::size_t(list.capacity()) * sizeof(T));
    }
}

template<typename T> void dropPages(std::vector<T> &vector)
{
    if constexpr (std::is_trivially_destructible_v<T>)
        dropPagesInPieces(vector.data(), vector.capacity() * sizeof(T));
}

// Lists of lists: the inner lists are only this list's own if the outer one is.
template<typename T> void dropPages(QList<QList<T>> &lists)
{
    if (!lists.isDetached())
        return;
    for (QList<T> &list : lists)
        dropPages(list);
}

// Anything else is freed as it is.
template<typename T> void dropPages(T &) {}

// Destroys `doomed` on the background thread: freeing a million task records (pages handed back
// to the kernel) takes the GUI thread tens of milliseconds.
template<typename T> void releaseInBackground(T &&doomed)
{
    backgroundPool()->start([gone = std::forward<T>(doomed)]() mutable {
        lowerThisThread();
        dropPages(gone);
    });
}

} // namespace wordrace
