// numbers.cpp — see numbers.h.
#include "core/numbers.h"

#include <cerrno>   // errno
#include <cmath>    // std::isfinite
#include <cstdlib>  // std::strtod
#include <string>   // std::string

namespace px {

bool parse_number_arg(std::string_view text, double& out) {
    if (text.empty() || text.size() > 64) return false;
    const char first = text.front();
    if (first == ' ' || first == '\t' || first == '\n' || first == '\r' || first == '\f' || first == '\v') return false;
    const std::string s(text);  // strtod needs a terminated string
    errno = 0;
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (errno != 0 || end != s.c_str() + s.size() || !std::isfinite(v)) return false;
    out = v;
    return true;
}

}  // namespace px
