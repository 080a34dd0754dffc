#pragma once

#include <cstddef>
#include <cstdint>

namespace wordrace {

// One 2 MiB page takes one page-table entry where 4 KiB pages take 512. A worker process that
// maps the 580 MB lesson corpus in small pages builds 148,000 entries and tears them down at exit,
// which costs as much as counting the bytes (docs/performance.md); in huge pages, 277.
constexpr std::size_t kHugePage = std::size_t(2) << 20;

// A size, or an address as std::uintptr_t.
static_assert(sizeof(std::size_t) == sizeof(std::uintptr_t));
constexpr std::size_t roundUpToHugePage(std::size_t n)
{
    return (n + kHugePage - 1) & ~(kHugePage - 1);
}

// mmap(2)s bytes [0, size) of fd, MAP_SHARED, at an address aligned to 2 MiB, so that huge pages of
// the file can be mapped whole. The kernel aligns a memfd mapping itself only when shmem THP is
// enabled, which it is not by default. Returns nullptr and leaves errno set on failure.
void *mapHugeAligned(int fd, std::size_t size, int prot);

// Maps a corpus of size bytes from fd read-only, as a worker process does: at a 2 MiB boundary,
// and through the end of the file's last huge page when the file reaches it (a corpus built in
// huge pages, whose tail is zeros), so that the kernel can map that page whole too. Returns the
// mapping and its length, or {nullptr, 0} with errno set.
struct ReadMapping
{
    const char *data = nullptr;
    std::size_t size = 0;
};
ReadMapping mapForReading(int fd, std::size_t size);

// Turns the memfd pages behind [start, start + size) into 2 MiB ones, for a mapping from
// mapHugeAligned whose size is a multiple of 2 MiB and whose pages were not written yet.
// MADV_COLLAPSE (Linux 6.1) does this even where the shmem THP setting keeps memfd pages small
// ("never", the default), and every process that maps the memfd later gets the huge pages too.
// Returns false when the kernel refuses (an older kernel, THP denied, no free huge page); the pages
// not collapsed then stay small, which is slower but just as correct.
bool collapseToHugePages(char *start, std::size_t size);

} // namespace wordrace
