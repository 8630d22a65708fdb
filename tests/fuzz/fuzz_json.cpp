// fuzz_json.cpp — libFuzzer target: parse_json (nesting limit, line:col of errors) and
// locate_pointer on what it accepts.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/json_read.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    nlohmann::json doc;
    px::Result<nlohmann::json> r = px::parse_json(text, "fuzz.json");
    if (r.get(doc) != px::Err::OK) {
        if (r.error().where.line == 0) __builtin_trap();  // a syntax error always has its place
        return 0;
    }
    size_t at = 0;
    for (const char* p : {"", "/0", "/log/entries/0", "/providers/1/name", "/a~1b/c~0d"}) {
        if (px::locate_pointer(text, p, at) && at > text.size()) __builtin_trap();
    }
    return 0;
}
