// libFuzzer target: random bytes and random chunk boundaries. The AVX2 path, the portable path,
// chunked counting and the slow reference decoder must all agree. A crash input found here goes
// into tests/data/fuzz-regressions/, which tst_wordcounter replays on every build.
#include "../referencecounter.h"
#include "kernel/wordcounter.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

using wordrace::WordCounter;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    // The first byte seeds the cut points; the rest is the text.
    const unsigned seed = data[0];
    const std::string_view text(reinterpret_cast<const char *>(data + 1), size - 1);

    const std::uint64_t expected = reference::countWords(text);
    if (WordCounter::count(text, WordCounter::Path::Portable) != expected)
        std::abort();
    if (WordCounter::count(text, WordCounter::Path::Avx2) != expected)
        std::abort();

    std::uint64_t sum = 0;
    std::size_t at = 0;
    unsigned state = seed * 2654435761u + 1;
    while (at < text.size()) {
        state = state * 1103515245u + 12345u;
        const std::size_t step = 1 + (state >> 16) % 97;
        const std::size_t next = std::min(text.size(), at + step);
        sum += WordCounter::countRange(text, at, next,
                                       (state & 1) ? WordCounter::Path::Avx2 : WordCounter::Path::Portable);
        at = next;
    }
    if (sum != expected)
        std::abort();
    return 0;
}
