#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>

namespace wordrace {

// The process's memory map is locked while the kernel maps, protects or unmaps memory, and the GUI
// thread waits for that lock whenever its allocator asks the kernel for memory: one call over the
// whole lesson corpus (580 MB) held it for 15-500 ms (MAP_POPULATE: 500), and freeing a million task
// records from a background thread held the window for 50-90 ms. In pieces, a waiting thread gets in
// between.
constexpr std::uintptr_t kMapPiece = std::uintptr_t(8) << 20;

// Calls fn(piece, bytes) over [start, start + size), in pieces that end on 8 MiB boundaries, so that
// no huge page is cut in two.
template<typename Fn> void inPieces(const void *start, std::size_t size, Fn &&fn)
{
    auto at = reinterpret_cast<std::uintptr_t>(start);
    const std::uintptr_t end = at + size;
    while (at < end) {
        const std::uintptr_t next = std::min(end, (at + kMapPiece) & ~(kMapPiece - 1));
        fn(reinterpret_cast<char *>(at), std::size_t(next - at));
        at = next;
    }
}

// Hands the pages wholly inside [start, start + size) back to the kernel, piece by piece, keeping
// the mapping: for memory about to be freed, whose munmap would otherwise free every page at once
// under the lock. Afterwards those bytes read as zeros. Small ranges are left alone.
void dropPagesInPieces(const void *start, std::size_t size);

} // namespace wordrace
