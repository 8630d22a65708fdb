// fuzz_summary.cpp — libFuzzer target: the anonymous summary reader and the observatory's
// aggregation. A summary it accepts must write back to one it accepts again, unchanged, and the
// aggregator must take it (or refuse it whole) and still produce its indicators.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/atlas.h"
#include "core/atlas_embedded.h"
#include "core/territory/summary.h"

namespace {
const px::Atlas& fuzz_atlas() {
    static px::Atlas atlas;
    static bool loaded = false;
    if (!loaded) {
        px::Result<px::Atlas> r = px::decode_atlas(px::embedded_atlas_data(), px::embedded_atlas_size(), "atlas");
        if (r.get(atlas) != px::Err::OK) __builtin_trap();
        loaded = true;
    }
    return atlas;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    px::Aggregator agg(fuzz_atlas());
    const px::Error e = agg.add(text, "fuzz.json");
    px::Summary s;
    px::Result<px::Summary> r = px::parse_summary_json(text, "fuzz.json");
    if (r.get(s) != px::Err::OK) {
        if (e.code == px::Err::OK) __builtin_trap();  // the aggregator must not take what the reader refuses
        return 0;
    }
    const std::string once = px::write_summary_json(s);
    px::Summary again;
    px::Result<px::Summary> r2 = px::parse_summary_json(once, "again.json");
    if (r2.get(again) != px::Err::OK) __builtin_trap();
    if (px::write_summary_json(again) != once) __builtin_trap();
    if (e.code == px::Err::OK) {
        if (agg.add(text, "twice.json").code != px::Err::SUMMARY_DUPLICATE) __builtin_trap();
        const px::Aggregate a = agg.finish(px::kMaskThreshold);
        if (!a.areas.empty()) __builtin_trap();  // one contribution is never shown
        (void)px::aggregate_csv(a);
        (void)px::aggregate_geojson(a);
    }
    return 0;
}
