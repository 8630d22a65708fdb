// fuzz_number.cpp — libFuzzer target: numbers in CLI arguments (what `proxinum near --km`,
// `ecoindex --dom`, `co2 --bytes`… read). Whatever is accepted is finite and reads back the same.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string_view>

#include "core/numbers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    double v = 0;
    if (!px::parse_number_arg(std::string_view(reinterpret_cast<const char*>(data), size), v)) return 0;
    if (!std::isfinite(v)) __builtin_trap();
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    double again = 0;
    if (!px::parse_number_arg(buf, again) || again != v) __builtin_trap();
    return 0;
}
