// text.cpp — fold_for_search (text.h): a table from code points to ASCII foldings.
#include "core/text.h"

#include <cstdint>  // uint32_t

namespace px {

namespace {
// Folding of U+00C0..U+017F (Latin-1 Supplement letters and Latin Extended-A), one entry each;
// "" means "keep the character".
const char* const kLatin[] = {
    // U+00C0..U+00FF
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",     //
    "d", "n", "o", "o", "o", "o", "o", " ", "o", "u", "u", "u", "u", "y", "th", "ss",    //
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",     //
    "d", "n", "o", "o", "o", "o", "o", " ", "o", "u", "u", "u", "u", "y", "th", "y",     //
    // U+0100..U+017F
    "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",      //
    "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",      //
    "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",      //
    "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",    //
    "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",      //
    "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",    //
    "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",      //
    "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",      //
};
static_assert(sizeof(kLatin) / sizeof(kLatin[0]) == 0x180 - 0xC0, "one folding per code point");

// Decodes one UTF-8 sequence at s[i]; returns its length (1 for an invalid byte, kept as is).
size_t decode(std::string_view s, size_t i, uint32_t& cp) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
        cp = b;
        return 1;
    }
    size_t n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0;
    if (n == 0 || i + n > s.size()) {
        cp = 0xFFFD;
        return 1;
    }
    cp = b & (0xFF >> (n + 1));
    for (size_t k = 1; k < n; ++k) {
        const auto c = static_cast<unsigned char>(s[i + k]);
        if ((c & 0xC0) != 0x80) {
            cp = 0xFFFD;
            return 1;
        }
        cp = (cp << 6) | (c & 0x3F);
    }
    return n;
}
}  // namespace

std::string fold_for_search(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool space = true;  // collapse runs of separators, trim the start
    const auto sep = [&]() {
        if (!space) out += ' ';
        space = true;
    };
    for (size_t i = 0; i < s.size();) {
        uint32_t cp = 0;
        const size_t n = decode(s, i, cp);
        const std::string_view original = s.substr(i, n);
        i += n;
        if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
            out += static_cast<char>(cp);
            space = false;
        } else if (cp >= 'A' && cp <= 'Z') {
            out += static_cast<char>(cp - 'A' + 'a');
            space = false;
        } else if (cp < 0x80 || cp == 0xA0 || cp == 0x2019 || cp == 0x2018 || cp == 0x2010 ||
                   cp == 0x2011 || cp == 0x2013 || cp == 0x2014 || cp == 0x202F || cp == 0xAB ||
                   cp == 0xBB || cp == 0xB7) {
            sep();  // punctuation, spaces, apostrophes, dashes, guillemets
        } else if (cp >= 0xC0 && cp < 0x180) {
            const char* f = kLatin[cp - 0xC0];
            if (f[0] == ' ') {
                sep();
            } else {
                out += f;
                space = false;
            }
        } else {
            out += original;
            space = false;
        }
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

}  // namespace px
