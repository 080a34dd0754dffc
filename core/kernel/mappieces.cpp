#include "kernel/mappieces.h"

#include <sys/mman.h>
#include <unistd.h>

namespace wordrace {

void dropPagesInPieces(const void *start, std::size_t size)
{
    // Below this, the one munmap is as quick as the madvise calls.
    constexpr std::size_t kWorthIt = std::size_t(4) << 20;
    if (size < kWorthIt)
        return;
    const auto page = std::uintptr_t(::sysconf(_SC_PAGESIZE));
    const auto begin = (reinterpret_cast<std::uintptr_t>(start) + page - 1) & ~(page - 1);
    const auto end = (reinterpret_cast<std::uintptr_t>(start) + size) & ~(page - 1);
    if (end <= begin)
        return;
    inPieces(reinterpret_cast<const void *>(begin), std::size_t(end - begin),
             [](char *p, std::size_t n) { ::madvise(p, n, MADV_DONTNEED); });
}

} // namespace wordrace
