#pragma once

// Qt is not built with ThreadSanitizer here: its locks sit on raw futexes TSan cannot see, so a
// hand-over through Qt (a queued signal, QThreadPool's queue) looks like a race. These mark such a
// hand-over explicitly, so TSan keeps checking everything the engine's own code does. They compile
// to nothing outside TSan builds.
#if defined(__SANITIZE_THREAD__)
extern "C" void __tsan_acquire(void *addr);
extern "C" void __tsan_release(void *addr);
#endif

namespace wordrace {

inline void tsanRelease([[maybe_unused]] const void *addr)
{
#if defined(__SANITIZE_THREAD__)
    __tsan_release(const_cast<void *>(addr));
#endif
}

inline void tsanAcquire([[maybe_unused]] const void *addr)
{
#if defined(__SANITIZE_THREAD__)
    __tsan_acquire(const_cast<void *>(addr));
#endif
}

} // namespace wordrace
