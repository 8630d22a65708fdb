// atlas_bench.cpp — how long the atlas takes to become usable: decode (with earcut
// triangulation of the countries), building the place search and index, a name search, and
// nearest-commune queries for 10,000 random providers × every commune.
//   build/native/tests/atlas_bench        (not part of tools/test: figures, not assertions)
#include <chrono>  // std::chrono::steady_clock
#include <cstdio>  // std::printf
#include <random>  // std::mt19937_64
#include <vector>  // std::vector

#include "core/atlas.h"
#include "core/atlas_embedded.h"
#include "core/places.h"

namespace {
double ms_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}
}  // namespace

int main() {
    constexpr int kRuns = 5;
    double best_decode = 1e9, best_places = 1e9;
    px::Atlas atlas;
    px::Places places;
    for (int i = 0; i < kRuns; ++i) {
        auto t0 = std::chrono::steady_clock::now();
        px::Atlas a;
        if (px::decode_atlas(px::embedded_atlas_data(), px::embedded_atlas_size(), "atlas").get(a) != px::Err::OK) {
            std::printf("decode failed\n");
            return 1;
        }
        best_decode = std::min(best_decode, ms_since(t0));
        t0 = std::chrono::steady_clock::now();
        px::Places p;
        p.build(a);
        best_places = std::min(best_places, ms_since(t0));
        atlas = std::move(a);
    }
    places.build(atlas);
    std::printf("atlas: %zu bytes, %zu communes, %zu country vertices, %zu triangles\n",
                px::embedded_atlas_size(), atlas.communes.size(), atlas.vertices.size(), atlas.indices.size() / 3);
    std::printf("decode (incl. triangulation): %.1f ms (best of %d)\n", best_decode, kRuns);
    std::printf("places build (folding + index): %.1f ms (best of %d)\n", best_places, kRuns);

    auto t0 = std::chrono::steady_clock::now();
    std::vector<px::Places::Match> m;
    for (int i = 0; i < 100; ++i) places.search("saint", 10, m);
    std::printf("search \"saint\": %.2f ms per query\n", ms_since(t0) / 100);

    // 10,000 random providers over metropolitan France; for every placed commune, its nearest.
    std::mt19937_64 rng(10000);
    std::uniform_real_distribution<double> lon(-4.8, 8.2), lat(42.3, 51.0);
    std::vector<px::geo::LonLat> providers(10000);
    for (auto& p : providers) p = {lon(rng), lat(rng)};
    px::geo::PointIndex idx;
    t0 = std::chrono::steady_clock::now();
    idx.build(providers);
    const double build_ms = ms_since(t0);
    std::vector<px::geo::PointIndex::Hit> hits;
    size_t n = 0;
    t0 = std::chrono::steady_clock::now();
    for (const px::Atlas::Commune& c : atlas.communes) {
        if (!c.placed()) continue;
        idx.nearest(c.pos, 1, hits);
        ++n;
    }
    const double q_ms = ms_since(t0);
    std::printf("nearest of 10,000 providers for %zu communes: %.1f ms (%.2f µs per commune; index build %.1f ms)\n",
                n, q_ms, 1000.0 * q_ms / static_cast<double>(n), build_ms);
    return 0;
}
