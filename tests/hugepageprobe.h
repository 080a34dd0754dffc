#pragma once

#include <cstdint>

#include <sys/mman.h>
#include <unistd.h>

#ifndef MADV_COLLAPSE
#define MADV_COLLAPSE 25
#endif

// Whether this kernel turns memfd pages into 2 MiB ones on request (MADV_COLLAPSE, Linux 6.1, THP
// not denied), asked directly rather than through WordRace's own code, so that a broken
// collapseToHugePages() fails the tests that rely on this instead of skipping them.
inline bool kernelCollapsesMemfds()
{
    constexpr std::size_t huge = std::size_t(2) << 20;
    const int fd = ::memfd_create("probe", MFD_CLOEXEC);
    if (fd < 0)
        return false;
    bool collapsed = false;
    void *room = ::mmap(nullptr, 2 * huge, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (::ftruncate(fd, off_t(huge)) == 0 && room != MAP_FAILED) {
        auto *at =
            reinterpret_cast<char *>((reinterpret_cast<std::uintptr_t>(room) + huge - 1) & ~(huge - 1));
        if (::mmap(at, huge, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, fd, 0) != MAP_FAILED) {
            at[0] = 1;
            collapsed = ::madvise(at, huge, MADV_COLLAPSE) == 0;
        }
    }
    if (room != MAP_FAILED)
        ::munmap(room, 2 * huge);
    ::close(fd);
    return collapsed;
}
