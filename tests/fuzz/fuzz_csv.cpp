// fuzz_csv.cpp — libFuzzer target: the CSV reader (BOMs, UTF-16 detection, Windows-1252,
// delimiters, quotes, limits) and the decimal-comma number reader.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/csv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    (void)px::parse_csv(bytes, "fuzz.csv");
    double v = 0;
    (void)px::parse_decimal(bytes.substr(0, 64), v);
    return 0;
}
