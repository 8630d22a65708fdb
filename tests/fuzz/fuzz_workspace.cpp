// fuzz_workspace.cpp — libFuzzer target: the workspace JSON reader; what it accepts must write
// back to JSON that it accepts again, unchanged (the round trip the app's export relies on).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/workspace.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    px::Workspace ws;
    px::Result<px::Workspace> r = px::parse_workspace_json(text, "fuzz.json");
    if (r.get(ws) != px::Err::OK) return 0;
    const std::string once = px::write_workspace_json(ws);
    px::Workspace again;
    px::Result<px::Workspace> r2 = px::parse_workspace_json(once, "again.json");
    if (r2.get(again) != px::Err::OK) __builtin_trap();
    if (px::write_workspace_json(again) != once) __builtin_trap();
    return 0;
}
