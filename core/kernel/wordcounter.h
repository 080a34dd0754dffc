#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace wordrace {

// Counts words the way Python's str.split() does on bytes decoded as UTF-8 with
// 'surrogateescape': a word is a maximal run of non-whitespace characters, whitespace is the
// 29 code points str.isspace() accepts, and every byte that is not part of a valid UTF-8
// sequence is a non-whitespace character of its own.
//
// Counting is defined on a range [from, to) of a whole buffer: it counts the words that *start*
// inside the range, looking at the bytes around it for context. So the counts of any partition
// of a buffer into ranges add up to the count of the whole buffer, wherever the cuts fall (inside
// a word, inside a multibyte character): no state has to travel between chunks.
class WordCounter
{
public:
    enum class Path
    {
        Auto,
        Portable,
        Avx2
    };

    // The path Auto resolves to on this CPU (AVX2 where the CPU has it).
    static Path bestPath();
    static bool hasAvx2();
    static const char *pathName(Path path);

    static std::uint64_t count(std::string_view buffer, Path path = Path::Auto);
    static std::uint64_t countRange(std::string_view buffer, std::size_t from, std::size_t to,
                                    Path path = Path::Auto);

    // Length in bytes of the whitespace character starting at buffer[pos], or 0 when buffer[pos]
    // does not start a whitespace character.
    static int whitespaceLengthAt(std::string_view buffer, std::size_t pos);
    // True when the byte at pos belongs to a whitespace character (its first byte or a later one).
    static bool isWhitespaceByte(std::string_view buffer, std::size_t pos);
};

} // namespace wordrace
