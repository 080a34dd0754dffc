#include "kernel/hugepages.h"

#include "kernel/mappieces.h"

#include <cerrno>
#include <cstdint>

#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef MADV_COLLAPSE
#define MADV_COLLAPSE 25 // Linux 6.1
#endif

namespace wordrace {

void *mapHugeAligned(int fd, std::size_t size, int prot)
{
    if (size == 0) {
        errno = EINVAL;
        return nullptr;
    }
    // Reserve 2 MiB more than needed, map the file over the aligned part and give back the rest.
    const std::size_t span = size + kHugePage;
    void *reserved = ::mmap(nullptr, span, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (reserved == MAP_FAILED)
        return nullptr;
    const auto begin = reinterpret_cast<std::uintptr_t>(reserved);
    const std::uintptr_t aligned = roundUpToHugePage(begin);
    void *map = ::mmap(reinterpret_cast<void *>(aligned), size, prot, MAP_SHARED | MAP_FIXED, fd, 0);
    if (map == MAP_FAILED) {
        const int error = errno;
        ::munmap(reserved, span);
        errno = error;
        return nullptr;
    }
    if (aligned > begin)
        ::munmap(reserved, aligned - begin);
    const auto page = std::uintptr_t(::sysconf(_SC_PAGESIZE));
    const auto mappedEnd = (aligned + size + page - 1) & ~(page - 1);
    if (begin + span > mappedEnd)
        ::munmap(reinterpret_cast<void *>(mappedEnd), begin + span - mappedEnd);
    return map;
}

ReadMapping mapForReading(int fd, std::size_t size)
{
    std::size_t length = size;
    struct stat st = {};
    if (::fstat(fd, &st) == 0 && std::uint64_t(st.st_size) >= roundUpToHugePage(size))
        length = roundUpToHugePage(size);
    void *map = mapHugeAligned(fd, length, PROT_READ);
    if (!map)
        return {};
    return {static_cast<const char *>(map), length};
}

bool collapseToHugePages(char *start, std::size_t size)
{
    if (size == 0 || reinterpret_cast<std::uintptr_t>(start) % kHugePage != 0 || size % kHugePage != 0)
        return false;
    bool collapsed = true;
    // In pieces, so that a cancel or another thread's mmap is not held up for the whole corpus:
    // a huge page that the hypervisor has to back first takes up to 10 ms here.
    inPieces(start, size, [&](char *piece, std::size_t bytes) {
        if (!collapsed)
            return;
        // The kernel collapses only a range with at least one page present; one written byte per
        // huge page is enough, and the rest of each huge page is zeroed, not copied.
        for (std::size_t at = 0; at < bytes; at += kHugePage)
            piece[at] = 0;
        collapsed = ::madvise(piece, bytes, MADV_COLLAPSE) == 0;
    });
    return collapsed;
}

} // namespace wordrace
