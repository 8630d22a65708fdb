// fuzz_overlay.cpp — libFuzzer target: the map overlay reader of the page API (markers, flows).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/map_overlay.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    px::MapOverlay o;
    if (px::parse_overlay_json(text, "overlay").get(o) != px::Err::OK) return 0;
    std::vector<px::geo::LonLat> path;
    for (const px::MapFlow& f : o.flows) px::flow_path(f, 16, path);
    return 0;
}
