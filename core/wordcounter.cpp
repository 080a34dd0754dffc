#include "wordcounter.h"

#include <bit>
#include <cstdlib>
#include <cstring>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define WORDRACE_X86 1
#endif

namespace wordrace {

namespace {

constexpr bool isAsciiSpace(unsigned char c)
{
    return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20);
}

// The non-ASCII members of str.isspace(), as UTF-8:
//   U+0085 C2 85, U+00A0 C2 A0, U+1680 E1 9A 80, U+2000..U+200A E2 80 80..8A,
//   U+2028/2029 E2 80 A8/A9, U+202F E2 80 AF, U+205F E2 81 9F, U+3000 E3 80 80.
// Their first bytes are lead bytes, which never continue another sequence, so in Python's decoder
// a match of one of these byte patterns is always that character: matching bytes is exact.
inline int multibyteSpaceLength(const unsigned char *p, std::size_t avail)
{
    if (avail < 2)
        return 0;
    const unsigned char b0 = p[0], b1 = p[1];
    if (b0 == 0xC2)
        return (b1 == 0x85 || b1 == 0xA0) ? 2 : 0;
    if (avail < 3 || b0 < 0xE1 || b0 > 0xE3)
        return 0;
    const unsigned char b2 = p[2];
    switch (b0) {
    case 0xE1:
        return (b1 == 0x9A && b2 == 0x80) ? 3 : 0;
    case 0xE2:
        if (b1 == 0x80)
            return ((b2 >= 0x80 && b2 <= 0x8A) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF) ? 3 : 0;
        return (b1 == 0x81 && b2 == 0x9F) ? 3 : 0;
    default: // 0xE3
        return (b1 == 0x80 && b2 == 0x80) ? 3 : 0;
    }
}

inline int spaceLengthAt(const unsigned char *data, std::size_t size, std::size_t pos)
{
    const unsigned char c = data[pos];
    if (c < 0x80)
        return isAsciiSpace(c) ? 1 : 0;
    return multibyteSpaceLength(data + pos, size - pos);
}

// Bits 0 and 1 of the result say whether bytes pos and pos+1 are covered by a multibyte
// whitespace character that started before pos.
inline unsigned coverBefore(const unsigned char *data, std::size_t size, std::size_t pos)
{
    unsigned cover = 0;
    if (pos >= 1) {
        const int len = multibyteSpaceLength(data + pos - 1, size - pos + 1);
        if (len >= 2)
            cover |= 1u;
        if (len == 3)
            cover |= 2u;
    }
    if (pos >= 2 && multibyteSpaceLength(data + pos - 2, size - pos + 2) == 3)
        cover |= 1u;
    return cover;
}

// Shared state of a scan: whether the previous byte was whitespace, and which of the next two
// bytes an earlier multibyte whitespace character still covers.
struct ScanState
{
    bool prevSpace;
    unsigned cover;
};

ScanState initialState(const unsigned char *data, std::size_t size, std::size_t from)
{
    ScanState s{true, coverBefore(data, size, from)};
    if (from > 0) {
        const unsigned coverPrev = coverBefore(data, size, from - 1);
        s.prevSpace = (coverPrev & 1u) || spaceLengthAt(data, size, from - 1) > 0;
    }
    return s;
}

std::uint64_t scanPortable(const unsigned char *data, std::size_t size, std::size_t from, std::size_t to,
                           ScanState &s)
{
    std::uint64_t words = 0;
    bool prevSpace = s.prevSpace;
    unsigned cover = s.cover;
    for (std::size_t i = from; i < to; ++i) {
        const unsigned char c = data[i];
        bool space;
        if (c < 0x80) {
            space = isAsciiSpace(c) || (cover & 1u);
            cover >>= 1;
        } else {
            const int len = multibyteSpaceLength(data + i, size - i);
            space = len > 0 || (cover & 1u);
            cover >>= 1;
            if (len == 2)
                cover |= 1u;
            else if (len == 3)
                cover |= 3u;
        }
        words += (!space && prevSpace) ? 1 : 0;
        prevSpace = space;
    }
    s.prevSpace = prevSpace;
    s.cover = cover;
    return words;
}

#ifdef WORDRACE_X86

__attribute__((target("avx2"))) inline __m256i asciiSpaceMask(__m256i v)
{
    // Nibble lookup: a byte is ASCII whitespace when lowTable[lo] & highTable[hi] is non-zero.
    // High nibble 0 -> bit 1 (09..0D), 1 -> bit 2 (1C..1F), 2 -> bit 4 (20).
    const __m256i lowTable = _mm256_setr_epi8(4, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1 | 2, 1 | 2, 2, 2, //
                                              4, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1 | 2, 1 | 2, 2, 2);
    const __m256i highTable = _mm256_setr_epi8(1, 2, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, //
                                               1, 2, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    const __m256i nibble = _mm256_set1_epi8(0x0F);
    const __m256i lo = _mm256_shuffle_epi8(lowTable, _mm256_and_si256(v, nibble));
    const __m256i hi = _mm256_shuffle_epi8(highTable, _mm256_and_si256(_mm256_srli_epi16(v, 4), nibble));
    return _mm256_cmpgt_epi8(_mm256_and_si256(lo, hi), _mm256_setzero_si256());
}

__attribute__((target("avx2"))) inline std::uint32_t movemask(__m256i v)
{
    return static_cast<std::uint32_t>(_mm256_movemask_epi8(v));
}

__attribute__((target("avx2"))) inline __m256i eq(__m256i v, char c)
{
    return _mm256_cmpeq_epi8(v, _mm256_set1_epi8(c));
}

// Starts of 2-byte (m2) and 3-byte (m3) whitespace characters among 32 bytes at p; p[0..33] readable.
__attribute__((target("avx2"))) inline void multibyteStarts(const unsigned char *p, std::uint32_t &m2,
                                                            std::uint32_t &m3)
{
    const __m256i b0 = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p));
    const __m256i b1 = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p + 1));
    const __m256i b2 = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p + 2));
    const __m256i two =
        _mm256_and_si256(eq(b0, char(0xC2)), _mm256_or_si256(eq(b1, char(0x85)), eq(b1, char(0xA0))));
    const __m256i b2Off = _mm256_sub_epi8(b2, _mm256_set1_epi8(char(0x80)));
    const __m256i b2In80to8A = _mm256_cmpeq_epi8(_mm256_min_epu8(b2Off, _mm256_set1_epi8(0x0A)), b2Off);
    const __m256i e2Third = _mm256_or_si256(_mm256_or_si256(b2In80to8A, eq(b2, char(0xA8))),
                                            _mm256_or_si256(eq(b2, char(0xA9)), eq(b2, char(0xAF))));
    const __m256i e2 = _mm256_and_si256(
        eq(b0, char(0xE2)), _mm256_or_si256(_mm256_and_si256(eq(b1, char(0x80)), e2Third),
                                            _mm256_and_si256(eq(b1, char(0x81)), eq(b2, char(0x9F)))));
    const __m256i e1 =
        _mm256_and_si256(_mm256_and_si256(eq(b0, char(0xE1)), eq(b1, char(0x9A))), eq(b2, char(0x80)));
    const __m256i e3 =
        _mm256_and_si256(_mm256_and_si256(eq(b0, char(0xE3)), eq(b1, char(0x80))), eq(b2, char(0x80)));
    m2 = movemask(two);
    m3 = movemask(_mm256_or_si256(_mm256_or_si256(e1, e2), e3));
}

__attribute__((target("avx2,bmi,popcnt"))) std::uint64_t
scanAvx2(const unsigned char *data, std::size_t size, std::size_t from, std::size_t to, ScanState &s)
{
    std::uint64_t words = 0;
    std::uint64_t prevSpaceBit = s.prevSpace ? 1 : 0;
    std::uint64_t cover = s.cover;
    std::size_t i = from;
    // 64 bytes a step, plus two bytes of look-ahead for the multibyte patterns.
    while (i + 64 <= to && i + 66 <= size) {
        const unsigned char *p = data + i;
        const __m256i v0 = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p));
        const __m256i v1 = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p + 32));
        std::uint64_t space =
            std::uint64_t(movemask(asciiSpaceMask(v0))) | (std::uint64_t(movemask(asciiSpaceMask(v1))) << 32);
        space |= cover;
        cover = 0;
        if (!_mm256_testz_si256(_mm256_or_si256(v0, v1), _mm256_set1_epi8(char(0x80)))) {
            std::uint32_t a2, a3, c2, c3;
            multibyteStarts(p, a2, a3);
            multibyteStarts(p + 32, c2, c3);
            const std::uint64_t m2 = std::uint64_t(a2) | (std::uint64_t(c2) << 32);
            const std::uint64_t m3 = std::uint64_t(a3) | (std::uint64_t(c3) << 32);
            space |= m2 | (m2 << 1) | m3 | (m3 << 1) | (m3 << 2);
            cover = (m2 >> 63) | (m3 >> 62) | (m3 >> 63);
        }
        const std::uint64_t nonSpace = ~space;
        const std::uint64_t prevSpaces = (space << 1) | prevSpaceBit;
        words += static_cast<std::uint64_t>(std::popcount(nonSpace & prevSpaces));
        prevSpaceBit = space >> 63;
        i += 64;
    }
    s.prevSpace = prevSpaceBit != 0;
    s.cover = static_cast<unsigned>(cover);
    return words + scanPortable(data, size, i, to, s);
}

#endif

WordCounter::Path resolve(WordCounter::Path path)
{
    if (path == WordCounter::Path::Auto)
        return WordCounter::bestPath();
    if (path == WordCounter::Path::Avx2 && !WordCounter::hasAvx2())
        return WordCounter::Path::Portable;
    return path;
}

} // namespace

bool WordCounter::hasAvx2()
{
#ifdef WORDRACE_X86
    static const bool has =
        __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi") && __builtin_cpu_supports("popcnt");
    return has;
#else
    return false;
#endif
}

WordCounter::Path WordCounter::bestPath()
{
    // WORDRACE_COUNTER=portable lets benchmarks and users see the portable path on any CPU.
    static const Path best = [] {
        const char *forced = std::getenv("WORDRACE_COUNTER");
        if (forced && std::strcmp(forced, "portable") == 0)
            return Path::Portable;
        return hasAvx2() ? Path::Avx2 : Path::Portable;
    }();
    return best;
}

const char *WordCounter::pathName(Path path)
{
    switch (resolve(path)) {
    case Path::Avx2:
        return "avx2";
    default:
        return "portable";
    }
}

std::uint64_t WordCounter::count(std::string_view buffer, Path path)
{
    return countRange(buffer, 0, buffer.size(), path);
}

std::uint64_t WordCounter::countRange(std::string_view buffer, std::size_t from, std::size_t to, Path path)
{
    if (to > buffer.size())
        to = buffer.size();
    if (from >= to)
        return 0;
    const auto *data = reinterpret_cast<const unsigned char *>(buffer.data());
    ScanState state = initialState(data, buffer.size(), from);
#ifdef WORDRACE_X86
    if (resolve(path) == Path::Avx2)
        return scanAvx2(data, buffer.size(), from, to, state);
#endif
    (void)path;
    return scanPortable(data, buffer.size(), from, to, state);
}

int WordCounter::whitespaceLengthAt(std::string_view buffer, std::size_t pos)
{
    if (pos >= buffer.size())
        return 0;
    return spaceLengthAt(reinterpret_cast<const unsigned char *>(buffer.data()), buffer.size(), pos);
}

bool WordCounter::isWhitespaceByte(std::string_view buffer, std::size_t pos)
{
    if (pos >= buffer.size())
        return false;
    const auto *data = reinterpret_cast<const unsigned char *>(buffer.data());
    return spaceLengthAt(data, buffer.size(), pos) > 0 || (coverBefore(data, buffer.size(), pos) & 1u);
}

} // namespace wordrace
