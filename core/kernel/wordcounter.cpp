#include "kernel/wordcounter.h"

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
    constexpr std::uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    // High bit of each byte b (b < 0x80) set when m < b < n (Bit Twiddling Hacks' hasbetween).
    auto between = [](std::uint64_t x, std::uint64_t m, std::uint64_t n) {
        return (ones * (127 + n) - x) & ~x & (x + ones * (127 - m)) & high;
    };
    std::size_t i = from;
    // After eight bytes that were not all ASCII, go byte by byte past them before trying again,
    // so that text with many multibyte characters does not pay for a failed attempt per byte.
    std::size_t bytewiseUntil = from;
    while (i < to) {
        // Eight ASCII bytes at a time (SWAR) when no multibyte whitespace covers the next ones.
        if constexpr (std::endian::native == std::endian::little) {
            if (i >= bytewiseUntil && i + 8 <= to && cover == 0) {
                std::uint64_t x;
                std::memcpy(&x, data + i, 8);
                if ((x & high) == 0) {
                    const std::uint64_t spaces = between(x, 0x08, 0x0E) | between(x, 0x1B, 0x21);
                    // The eight high bits gathered into the low byte, byte 0 in bit 0.
                    const unsigned space = unsigned(((spaces >> 7) * 0x0102040810204080ull) >> 56);
                    const unsigned prevSpaces = (space << 1) | (prevSpace ? 1u : 0u);
                    words += unsigned(std::popcount(~space & prevSpaces & 0xFFu));
                    prevSpace = (space >> 7) & 1u;
                    i += 8;
                    continue;
                }
                bytewiseUntil = i + 8;
            }
        }
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
        ++i;
    }
    s.prevSpace = prevSpace;
    s.cover = cover;
    return words;
}

#ifdef WORDRACE_X86

__attribute__((target("avx2"))) inline __m256i nibbleLookup(__m256i v, __m256i lowTable, __m256i highTable)
{
    const __m256i nibble = _mm256_set1_epi8(0x0F);
    return _mm256_and_si256(
        _mm256_shuffle_epi8(lowTable, _mm256_and_si256(v, nibble)),
        _mm256_shuffle_epi8(highTable, _mm256_and_si256(_mm256_srli_epi16(v, 4), nibble)));
}

__attribute__((target("avx2"))) inline __m256i asciiSpaceMask(__m256i v)
{
    // A byte is ASCII whitespace when lowTable[lo] & highTable[hi] is non-zero. High nibble 0 -> bit 1
    // (09..0D), 1 -> bit 2 (1C..1F), 2 -> bit 4 (20). The low lookup indexes with the whole byte:
    // pshufb gives 0 for bytes >= 0x80, which are never ASCII whitespace, so no mask is needed.
    const __m256i lowTable = _mm256_setr_epi8(4, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1 | 2, 1 | 2, 2, 2, //
                                              4, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1 | 2, 1 | 2, 2, 2);
    const __m256i highTable = _mm256_setr_epi8(1, 2, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, //
                                               1, 2, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    const __m256i lo = _mm256_shuffle_epi8(lowTable, v);
    const __m256i hi =
        _mm256_shuffle_epi8(highTable, _mm256_and_si256(_mm256_srli_epi16(v, 4), _mm256_set1_epi8(0x0F)));
    return _mm256_cmpgt_epi8(_mm256_and_si256(lo, hi), _mm256_setzero_si256());
}

__attribute__((target("avx2"))) inline std::uint32_t movemask(__m256i v)
{
    return static_cast<std::uint32_t>(_mm256_movemask_epi8(v));
}

__attribute__((target("avx2"))) inline std::uint32_t nonZeroMask(__m256i v)
{
    return ~movemask(_mm256_cmpeq_epi8(v, _mm256_setzero_si256()));
}

#define WORDRACE_BIT(n) (1 << (n))
#define WORDRACE_TABLE(...) _mm256_setr_epi8(__VA_ARGS__, __VA_ARGS__)

// Starts of 2-byte (m2) and 3-byte (m3) whitespace characters among 32 bytes at p; p[0..33] readable.
// Each byte is classified by nibble lookups, so that the AND of the classes of bytes 0, 1 and 2
// names the whitespace character that starts there. Bits: 0 C2 85, 1 C2 A0, 2 E1 9A 80,
// 3 E2 80 80..8A, 4 E2 81 9F, 5 E3 80 80, 6 E2 80 A8/A9/AF. The exhaustive test of every whitespace
// code point at every offset, and the fuzzer against the portable path, check these tables.
__attribute__((target("avx2"))) inline void multibyteStarts(const unsigned char *p, std::uint32_t &m2,
                                                            std::uint32_t &m3)
{
    constexpr char b0 = WORDRACE_BIT(0), b1 = WORDRACE_BIT(1), b2 = WORDRACE_BIT(2), b3 = WORDRACE_BIT(3),
                   b4 = WORDRACE_BIT(4), b5 = WORDRACE_BIT(5), b6 = WORDRACE_BIT(6);
    // First byte: C2 -> {0,1}; E1 -> {2}; E2 -> {3,4,6}; E3 -> {5}.
    const __m256i lead0 =
        WORDRACE_TABLE(0, b2, b0 | b1 | b3 | b4 | b6, b5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    const __m256i lead1 =
        WORDRACE_TABLE(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, b0 | b1, 0, b2 | b3 | b4 | b5 | b6, 0);
    // Second byte: 85 -> {0}; A0 -> {1}; 9A -> {2}; 80 -> {3,5,6}; 81 -> {4}.
    const __m256i second0 = WORDRACE_TABLE(b1 | b3 | b5 | b6, b4, 0, 0, 0, b0, 0, 0, 0, 0, b2, 0, 0, 0, 0, 0);
    const __m256i second1 =
        WORDRACE_TABLE(0, 0, 0, 0, 0, 0, 0, 0, b0 | b3 | b4 | b5 | b6, b2, b1, 0, 0, 0, 0, 0);
    // Third byte: 80 -> {2,3,5}; 81..8A -> {3}; A8, A9, AF -> {6}; 9F -> {4}.
    const __m256i third0 =
        WORDRACE_TABLE(b2 | b3 | b5, b3, b3, b3, b3, b3, b3, b3, b3 | b6, b3 | b6, b3, 0, 0, 0, 0, b4 | b6);
    const __m256i third1 = WORDRACE_TABLE(0, 0, 0, 0, 0, 0, 0, 0, b2 | b3 | b5, b4, b6, 0, 0, 0, 0, 0);

    const __m256i v0 = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p));
    const __m256i v1 = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p + 1));
    const __m256i pair = _mm256_and_si256(nibbleLookup(v0, lead0, lead1), nibbleLookup(v1, second0, second1));
    if (_mm256_testz_si256(pair, pair)) {
        m2 = m3 = 0;
        return;
    }
    const __m256i v2 = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p + 2));
    m2 = nonZeroMask(_mm256_and_si256(pair, _mm256_set1_epi8(b0 | b1)));
    m3 = nonZeroMask(_mm256_and_si256(pair, nibbleLookup(v2, third0, third1)));
}

#undef WORDRACE_BIT
#undef WORDRACE_TABLE

// Adds the words starting in one 64-byte block whose ASCII whitespace is `space`, with the block's
// multibyte whitespace when it has any byte >= 0x80; updates the carried state.
__attribute__((target("avx2,bmi,popcnt"))) inline std::uint64_t wordsInBlock(const unsigned char *p,
                                                                             std::uint64_t space, bool ascii,
                                                                             std::uint64_t &prevSpaceBit,
                                                                             std::uint64_t &cover)
{
    space |= cover;
    cover = 0;
    if (!ascii) {
        std::uint32_t a2, a3, c2, c3;
        multibyteStarts(p, a2, a3);
        multibyteStarts(p + 32, c2, c3);
        const std::uint64_t m2 = std::uint64_t(a2) | (std::uint64_t(c2) << 32);
        const std::uint64_t m3 = std::uint64_t(a3) | (std::uint64_t(c3) << 32);
        space |= m2 | (m2 << 1) | m3 | (m3 << 1) | (m3 << 2);
        cover = (m2 >> 63) | (m3 >> 62) | (m3 >> 63);
    }
    const std::uint64_t words = std::popcount(~space & ((space << 1) | prevSpaceBit));
    prevSpaceBit = space >> 63;
    return words;
}

__attribute__((target("avx2,bmi,popcnt"))) std::uint64_t
scanAvx2(const unsigned char *data, std::size_t size, std::size_t from, std::size_t to, ScanState &s)
{
    std::uint64_t words = 0;
    std::uint64_t prevSpaceBit = s.prevSpace ? 1 : 0;
    std::uint64_t cover = s.cover;
    std::size_t i = from;
    const __m256i highBit = _mm256_set1_epi8(char(0x80));
    // 128 bytes a step, plus two bytes of look-ahead for the multibyte patterns. The work per byte
    // is small enough that memory is the limit: prefetching well ahead keeps more of it in flight
    // than the hardware prefetcher alone (measured: ~0.7 -> ~0.9 of memchr's bandwidth).
    while (i + 128 <= to && i + 130 <= size) {
        const unsigned char *p = data + i;
        _mm_prefetch(reinterpret_cast<const char *>(p + 4096), _MM_HINT_T0);
        _mm_prefetch(reinterpret_cast<const char *>(p + 4096 + 64), _MM_HINT_T0);
        const __m256i v0 = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p));
        const __m256i v1 = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p + 32));
        const __m256i v2 = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p + 64));
        const __m256i v3 = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p + 96));
        const std::uint64_t space0 =
            std::uint64_t(movemask(asciiSpaceMask(v0))) | (std::uint64_t(movemask(asciiSpaceMask(v1))) << 32);
        const std::uint64_t space1 =
            std::uint64_t(movemask(asciiSpaceMask(v2))) | (std::uint64_t(movemask(asciiSpaceMask(v3))) << 32);
        const bool ascii0 = _mm256_testz_si256(_mm256_or_si256(v0, v1), highBit);
        const bool ascii1 = _mm256_testz_si256(_mm256_or_si256(v2, v3), highBit);
        words += wordsInBlock(p, space0, ascii0, prevSpaceBit, cover);
        words += wordsInBlock(p + 64, space1, ascii1, prevSpaceBit, cover);
        i += 128;
    }
    while (i + 64 <= to && i + 66 <= size) {
        const unsigned char *p = data + i;
        const __m256i v0 = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p));
        const __m256i v1 = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p + 32));
        const std::uint64_t space =
            std::uint64_t(movemask(asciiSpaceMask(v0))) | (std::uint64_t(movemask(asciiSpaceMask(v1))) << 32);
        words +=
            wordsInBlock(p, space, _mm256_testz_si256(_mm256_or_si256(v0, v1), highBit), prevSpaceBit, cover);
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
