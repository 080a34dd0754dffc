#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

// An independent oracle for the word counter, written the slow, obvious way: decode the bytes
// as Python's UTF-8 decoder with 'surrogateescape' does (maximal valid subparts, every other byte
// its own character), then split on the 29 code points of str.isspace().
namespace reference {

inline bool isPythonSpace(char32_t c)
{
    switch (c) {
    case 0x09:
    case 0x0A:
    case 0x0B:
    case 0x0C:
    case 0x0D:
    case 0x1C:
    case 0x1D:
    case 0x1E:
    case 0x1F:
    case 0x20:
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
        return true;
    default:
        return c >= 0x2000 && c <= 0x200A;
    }
}

inline std::vector<char32_t> decode(std::string_view bytes)
{
    constexpr char32_t kEscaped = 0xDC00; // stands for any escaped byte: never whitespace
    std::vector<char32_t> out;
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const std::size_t n = bytes.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char b = p[i];
        int need = 0;
        unsigned char lo = 0x80, hi = 0xBF;
        char32_t cp = 0;
        if (b < 0x80) {
            out.push_back(b);
            ++i;
            continue;
        } else if (b >= 0xC2 && b <= 0xDF) {
            need = 1;
            cp = b & 0x1F;
        } else if (b >= 0xE0 && b <= 0xEF) {
            need = 2;
            cp = b & 0x0F;
            if (b == 0xE0)
                lo = 0xA0;
            if (b == 0xED)
                hi = 0x9F;
        } else if (b >= 0xF0 && b <= 0xF4) {
            need = 3;
            cp = b & 0x07;
            if (b == 0xF0)
                lo = 0x90;
            if (b == 0xF4)
                hi = 0x8F;
        } else {
            out.push_back(kEscaped);
            ++i;
            continue;
        }
        std::size_t j = i + 1;
        bool ok = true;
        for (int k = 0; k < need; ++k, ++j) {
            const unsigned char lower = k == 0 ? lo : 0x80;
            const unsigned char upper = k == 0 ? hi : 0xBF;
            if (j >= n || p[j] < lower || p[j] > upper) {
                ok = false;
                break;
            }
            cp = (cp << 6) | (p[j] & 0x3F);
        }
        if (ok) {
            out.push_back(cp);
            i = j;
        } else {
            // The valid prefix [i, j) is an error: each of its bytes becomes one character.
            for (std::size_t k = i; k < j; ++k)
                out.push_back(kEscaped);
            i = j;
        }
    }
    return out;
}

inline std::uint64_t countWords(std::string_view bytes)
{
    std::uint64_t words = 0;
    bool inWord = false;
    for (char32_t c : decode(bytes)) {
        const bool space = isPythonSpace(c);
        if (!space && !inWord)
            ++words;
        inWord = !space;
    }
    return words;
}

} // namespace reference
