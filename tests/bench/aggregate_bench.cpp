// aggregate_bench.cpp — the observatory's speed: N anonymous summaries (100,000 by default),
// spread over real communes (a third in 300 towns, the rest anywhere, so that most areas are
// small and the masking has work to do), read, checked and aggregated natively.
//
//   build/native/tests/aggregate_bench [N]
//
// Prints the time to read and check every summary (parse, totals, duplicates, commune), the time
// of the aggregation with its masking, and the time to write the indicators as JSON, CSV and GeoJSON.
#include <chrono>   // std::chrono
#include <cstdio>   // std::printf
#include <cstdlib>  // std::atoi
#include <random>   // std::mt19937
#include <string>   // std::string
#include <vector>   // std::vector

#include "core/atlas.h"
#include "core/atlas_embedded.h"
#include "core/territory/assessment.h"
#include "core/territory/grid.h"
#include "core/territory/summary.h"

namespace {
double ms_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}
}  // namespace

int main(int argc, char** argv) {
    const int n = argc > 1 ? std::atoi(argv[1]) : 100000;
    px::Atlas atlas;
    px::Result<px::Atlas> r = px::decode_atlas(px::embedded_atlas_data(), px::embedded_atlas_size(), "atlas");
    if (r.get(atlas) != px::Err::OK) return 1;
    const size_t subs = px::territory_grid().subs.size();
    std::mt19937 rng(42);
    std::vector<std::string> texts;
    texts.reserve(static_cast<size_t>(n));
    size_t bytes = 0;
    for (int i = 0; i < n; ++i) {
        px::Summary s;
        char uid[40];
        std::snprintf(uid, sizeof uid, "%032x", i + 1);
        s.uid = uid;
        s.year = 2026;
        const size_t c = i % 3 == 0 ? rng() % 300 * 97 % atlas.communes.size() : rng() % atlas.communes.size();
        s.insee = atlas.communes[c].code;
        s.kind = static_cast<px::OrgKind>(rng() % 6);
        s.has_diagnostic = true;
        s.diagnostic_score_known = true;
        s.diagnostic_score = static_cast<double>(rng() % 1000) / 10;
        for (uint32_t& j : s.jurisdictions) {
            j = rng() % 4;
            s.services += j;
        }
        if (s.services == 0) {  // a score needs a service
            s.jurisdictions[4] = 1;
            s.services = 1;
        }
        s.has_territory = true;
        s.levels.resize(subs);
        for (int8_t& l : s.levels) l = static_cast<int8_t>(static_cast<int>(rng() % 6) - 1);
        {  // the overall the levels give: the reader checks it
            px::Assessment a;
            a.reset(px::territory_grid());
            a.levels = s.levels;
            const px::TerritoryScore ts = px::score_assessment(px::territory_grid(), a);
            s.territory_known = ts.overall.known;
            s.territory_overall = ts.overall.score;
        }
        s.has_footprint = true;
        s.devices = rng() % 200;
        s.footprint_kg = s.devices * 31.5;
        texts.push_back(px::write_summary_json(s));
        bytes += texts.back().size();
    }
    px::Aggregator agg(atlas);
    auto t0 = std::chrono::steady_clock::now();
    size_t refused = 0;
    for (int i = 0; i < n; ++i) {
        const px::Error e = agg.add(texts[static_cast<size_t>(i)], "s.json");
        if (e.code != px::Err::OK && refused++ == 0) std::printf("refused: %s\n", px::format_error(e, px::Lang::En).c_str());
    }
    const double read_ms = ms_since(t0);
    t0 = std::chrono::steady_clock::now();
    const px::Aggregate a = agg.finish();
    const double agg_ms = ms_since(t0);
    t0 = std::chrono::steady_clock::now();
    const size_t out = px::aggregate_json(a, {}, px::Lang::Fr).size() + px::aggregate_csv(a).size() +
                       px::aggregate_geojson(a).size();
    const double write_ms = ms_since(t0);
    std::printf("%d summaries, %.1f MB, %zu refused\n", n, static_cast<double>(bytes) / 1e6, refused);
    std::printf("read and check: %.0f ms (%.1f µs each)\n", read_ms, read_ms * 1000 / n);
    std::printf("aggregate and mask: %.0f ms (%zu areas shown; masked: %u EPCI, %u communes, %u to protect others)\n",
                agg_ms, a.areas.size(), a.masked_areas[2], a.masked_areas[3], a.masked_secondary);
    std::printf("write JSON + CSV + GeoJSON: %.0f ms (%zu bytes)\n", write_ms, out);
    std::printf("total: %.0f ms\n", read_ms + agg_ms + write_ms);
    return refused == 0 ? 0 : 1;
}
