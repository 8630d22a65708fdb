// cpp_literal.h — writes bytes as one C++ string literal (octal escapes, 96 columns a line), the
// way the data compilers embed what they build (tools/atlas, tools/facts): a literal compiles much
// faster than a list of integers, and needs no file at run time.
#pragma once

#include <cstddef>      // size_t
#include <ostream>      // std::ostream
#include <string_view>  // std::string_view

namespace px::tools {

// Writes `"…"\n"…"` (the quotes included) for `bytes`.
inline void write_string_literal(std::ostream& out, std::string_view bytes) {
    out << '"';
    size_t col = 0;
    for (const char ch : bytes) {
        const auto b = static_cast<unsigned char>(ch);
        if (b >= 0x20 && b < 0x7F && b != '"' && b != '\\' && b != '?') {
            out << ch;
            col += 1;
        } else {
            const char oct[5] = {'\\', static_cast<char>('0' + (b >> 6)), static_cast<char>('0' + ((b >> 3) & 7)),
                                 static_cast<char>('0' + (b & 7)), 0};
            out << oct;
            col += 4;
        }
        if (col >= 96) {
            out << "\"\n\"";
            col = 0;
        }
    }
    out << '"';
}

}  // namespace px::tools
