// fuzz_territory.cpp — libFuzzer target: the self-assessment and equipment fleet readers, and the
// loader of the grid's words (territoire.json, fetched by the web app). What the first two accept
// must write back to JSON they accept again, unchanged, and score without a trap; the loader
// must refuse or take the words without ever throwing.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/territory/assessment.h"
#include "core/territory/footprint.h"
#include "core/territory/grid.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const px::Grid& g = px::territory_grid();
    px::Assessment a;
    px::Result<px::Assessment> ra = px::parse_assessment_json(text, "fuzz.json");
    if (ra.get(a) == px::Err::OK) {
        const std::string once = px::write_assessment_json(a);
        px::Assessment again;
        px::Result<px::Assessment> r2 = px::parse_assessment_json(once, "again.json");
        if (r2.get(again) != px::Err::OK || px::write_assessment_json(again) != once) __builtin_trap();
        const px::TerritoryScore s = px::score_assessment(g, a);
        if (s.overall.known && (s.overall.score < 0 || s.overall.score > 100)) __builtin_trap();
        (void)px::territory_score_to_json(g, a, s, px::Lang::Fr).dump();
    }
    (void)px::load_territory_texts(text, "fuzz.json");
    px::Fleet f;
    px::Result<px::Fleet> rf = px::parse_fleet_json(text, "fuzz.json");
    if (rf.get(f) == px::Err::OK) {
        const px::FootprintResult r = px::compute_footprint(f);
        if (!(r.total_kg >= 0)) __builtin_trap();  // also catches NaN
        (void)px::footprint_to_json(r, px::Lang::En).dump();
    }
    return 0;
}
