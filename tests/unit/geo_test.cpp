// geo_test.cpp — projections, distances, bounding boxes and the point index (core/geo.h).
// Reference values: PROJ 9.1.1 `cs2cs -f %.4f EPSG:4326 EPSG:2154|EPSG:3857` and GeographicLib
// 2.1.2 `GeodSolve -i -p 6` (Debian bookworm packages proj-bin, geographiclib-tools), run on
// 2026-11-24. Tolerance: 1 mm for projections, 1 µm for distances.
#include <doctest/doctest.h>

#include <algorithm>  // std::sort
#include <cmath>      // std::nan
#include <random>     // std::mt19937_64
#include <vector>     // std::vector

#include "core/geo.h"

using px::Err;
using namespace px::geo;

namespace {
struct ProjRef {
    double lon, lat, x, y;
};
// Lambert-93: origin, Paris, Nantes, Marseille, Strasbourg, Brest, Bastia, Bonifacio, Dunkerque
// area, Pyrenees piedmont.
const ProjRef kLambert93[] = {
    {3.0, 46.5, 700000.0000, 6600000.0000},
    {2.3522, 48.8566, 652469.0227, 6862035.2594},
    {-1.5536, 47.2184, 355577.8016, 6689723.1029},
    {5.3698, 43.2965, 892390.2216, 6247035.2568},
    {7.7521, 48.5734, 1050362.6954, 6840899.6472},
    {-4.4861, 48.3904, 146632.9785, 6836262.3267},
    {9.45, 42.7, 1228546.0453, 6199420.6440},
    {8.2, 41.4, 1135802.1125, 6047487.0118},
    {2.55, 51.1, 668405.4289, 7111704.7542},
    {-1.0, 43.3, 375373.1978, 6252761.2008},
};
const ProjRef kWebMercator[] = {
    {3.0, 46.5, 333958.4724, 5860839.8299},
    {2.3522, 48.8566, 261845.7062, 6250564.3495},
    {-1.5536, 47.2184, -172945.9609, 5977795.6564},
    {5.3698, 43.2965, 597763.4017, 5357211.6166},
    {-4.4861, 48.3904, -499390.3676, 6172050.9865},
    {-1.0, 43.3, -111319.4908, 5357746.9582},
};
}  // namespace

TEST_CASE("Lambert-93 matches PROJ to the millimetre, both ways") {
    for (const ProjRef& r : kLambert93) {
        CAPTURE(r.lon);
        CAPTURE(r.lat);
        Xy xy;
        REQUIRE(project(Crs::Lambert93, {r.lon, r.lat}).get(xy) == Err::OK);
        CHECK(std::abs(xy.x_m - r.x) < 1e-3);
        CHECK(std::abs(xy.y_m - r.y) < 1e-3);
        LonLat back;
        REQUIRE(unproject(Crs::Lambert93, {r.x, r.y}).get(back) == Err::OK);
        CHECK(std::abs(back.lon_deg - r.lon) < 1e-8);  // 1e-8° ≈ 1 mm
        CHECK(std::abs(back.lat_deg - r.lat) < 1e-8);
    }
}

TEST_CASE("Web Mercator matches PROJ to the millimetre, both ways") {
    for (const ProjRef& r : kWebMercator) {
        CAPTURE(r.lon);
        Xy xy;
        REQUIRE(project(Crs::WebMercator, {r.lon, r.lat}).get(xy) == Err::OK);
        CHECK(std::abs(xy.x_m - r.x) < 1e-3);
        CHECK(std::abs(xy.y_m - r.y) < 1e-3);
        LonLat back;
        REQUIRE(unproject(Crs::WebMercator, {r.x, r.y}).get(back) == Err::OK);
        CHECK(std::abs(back.lon_deg - r.lon) < 1e-8);
        CHECK(std::abs(back.lat_deg - r.lat) < 1e-8);
    }
}

TEST_CASE("round trips over France and the world stay under a micrometre") {
    std::mt19937_64 rng(20261124);
    std::uniform_real_distribution<double> lon_fr(-5.5, 10.0), lat_fr(41.0, 51.5);
    std::uniform_real_distribution<double> lon_w(-180.0, 180.0), lat_w(-85.0, 85.0);
    for (int i = 0; i < 2000; ++i) {
        for (Crs crs : {Crs::Lambert93, Crs::WebMercator}) {
            const LonLat p = crs == Crs::Lambert93 ? LonLat{lon_fr(rng), lat_fr(rng)}
                                                   : LonLat{lon_w(rng), lat_w(rng)};
            Xy xy;
            LonLat back;
            REQUIRE(project(crs, p).get(xy) == Err::OK);
            REQUIRE(unproject(crs, xy).get(back) == Err::OK);
            Xy again;
            REQUIRE(project(crs, back).get(again) == Err::OK);
            CHECK(std::abs(again.x_m - xy.x_m) < 1e-6);
            CHECK(std::abs(again.y_m - xy.y_m) < 1e-6);
        }
    }
}

TEST_CASE("bad coordinates and CRS names are errors, never values") {
    Xy xy;
    LonLat ll;
    const double nan = std::nan("");
    CHECK(project(Crs::Lambert93, {nan, 45.0}).get(xy) == Err::GEO_BAD_COORDINATE);
    CHECK(project(Crs::WebMercator, {2.0, nan}).get(xy) == Err::GEO_BAD_COORDINATE);
    CHECK(project(Crs::WebMercator, {180.5, 0.0}).get(xy) == Err::GEO_BAD_COORDINATE);
    CHECK(project(Crs::WebMercator, {0.0, 90.01}).get(xy) == Err::GEO_BAD_COORDINATE);
    CHECK(project(Crs::WebMercator, {0.0, 86.0}).get(xy) == Err::GEO_OUT_OF_DOMAIN);
    CHECK(project(Crs::Lambert93, {0.0, -90.0}).get(xy) == Err::GEO_OUT_OF_DOMAIN);
    CHECK(unproject(Crs::WebMercator, {0.0, 3.0e7}).get(ll) == Err::GEO_OUT_OF_DOMAIN);
    CHECK(unproject(Crs::Lambert93, {1.0 / 0.0, 0.0}).get(ll) == Err::GEO_BAD_COORDINATE);
    double d;
    CHECK(distance_m({0, 0}, {nan, 0}).get(d) == Err::GEO_BAD_COORDINATE);

    Crs crs;
    CHECK(crs_from_name("EPSG:2154").get(crs) == Err::OK);
    CHECK(crs == Crs::Lambert93);
    CHECK(crs_from_name("epsg:3857").get(crs) == Err::OK);
    CHECK(crs == Crs::WebMercator);
    CHECK(crs_from_name("EPSG:4326").get(crs) == Err::GEO_UNKNOWN_CRS);
    CHECK(crs_from_name("").get(crs) == Err::GEO_UNKNOWN_CRS);
}

TEST_CASE("geodesic distances match GeodSolve") {
    struct DistRef {
        LonLat a, b;
        double s12_m;
    };
    const DistRef refs[] = {
        {{2.3522, 48.8566}, {-74.0060, 40.7128}, 5852935.291767},  // Paris – New York
        {{2.3522, 48.8566}, {5.3698, 43.2965}, 660493.268766},     // Paris – Marseille
        {{0.5450, 46.8170}, {-0.4594, 46.3239}, 94517.019796},     // Châtellerault – Niort
        {{0.0, 0.0}, {179.5, 0.5}, 19936288.578965},               // nearly antipodal
    };
    for (const DistRef& r : refs) {
        double d = 0;
        REQUIRE(distance_m(r.a, r.b).get(d) == Err::OK);
        CHECK(std::abs(d - r.s12_m) < 1e-6);
    }
    double zero = -1;
    REQUIRE(distance_m({1, 2}, {1, 2}).get(zero) == Err::OK);
    CHECK(zero == 0.0);
}

TEST_CASE("bounding boxes") {
    BBox b;
    CHECK(b.empty());
    b.extend(LonLat{-1.0, 43.0});
    b.extend(LonLat{7.0, 51.0});
    CHECK_FALSE(b.empty());
    CHECK(b.contains({2.0, 47.0}));
    CHECK_FALSE(b.contains({8.0, 47.0}));
    CHECK(b.center().lon_deg == 3.0);
    CHECK(b.center().lat_deg == 47.0);
    BBox c;
    c.extend(b);
    c.extend(BBox{});
    CHECK(c.min_lon_deg == -1.0);
    CHECK(c.max_lat_deg == 51.0);
}

namespace {
std::vector<PointIndex::Hit> brute(const std::vector<LonLat>& pts, LonLat q) {
    std::vector<PointIndex::Hit> all;
    for (size_t i = 0; i < pts.size(); ++i) all.push_back({i, distance_m_unchecked(q, pts[i])});
    std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
        return a.distance_m != b.distance_m ? a.distance_m < b.distance_m : a.index < b.index;
    });
    return all;
}
}  // namespace

TEST_CASE("the point index answers exactly as brute force") {
    std::mt19937_64 rng(86066);
    std::uniform_real_distribution<double> lon(-5.0, 9.5), lat(41.3, 51.1);
    std::vector<LonLat> pts(20000);
    for (LonLat& p : pts) p = {lon(rng), lat(rng)};
    pts.push_back(pts[10]);  // an exact duplicate: ties are ranked by index
    PointIndex idx;
    idx.build(pts);
    CHECK(idx.size() == pts.size());
    std::vector<PointIndex::Hit> got;
    for (int q = 0; q < 40; ++q) {
        const LonLat p{lon(rng), lat(rng)};
        const std::vector<PointIndex::Hit> want = brute(pts, p);
        for (size_t k : {size_t{1}, size_t{7}, size_t{50}}) {
            idx.nearest(p, k, got);
            REQUIRE(got.size() == k);
            for (size_t i = 0; i < k; ++i) {
                CHECK(got[i].index == want[i].index);
                CHECK(got[i].distance_m == want[i].distance_m);
            }
        }
        const double radius_m = 30000.0;
        idx.within(p, radius_m, got);
        size_t n = 0;
        while (n < want.size() && want[n].distance_m <= radius_m) ++n;
        REQUIRE(got.size() == n);
        for (size_t i = 0; i < n; ++i) CHECK(got[i].index == want[i].index);
    }
    idx.nearest(pts[10], 2, got);
    REQUIRE(got.size() == 2);
    CHECK(got[0].index == 10);
    CHECK(got[1].index == pts.size() - 1);
    CHECK(got[1].distance_m == 0.0);
}

TEST_CASE("the point index on the whole world, empty, and at the edges") {
    PointIndex empty;
    std::vector<PointIndex::Hit> got{{1, 2.0}};
    empty.build({});
    empty.nearest({0, 0}, 3, got);
    CHECK(got.empty());
    empty.within({0, 0}, 1e6, got);
    CHECK(got.empty());

    std::mt19937_64 rng(2154);
    std::uniform_real_distribution<double> lon(-180.0, 180.0), z(-1.0, 1.0);
    std::vector<LonLat> pts(5000);
    for (LonLat& p : pts) p = {lon(rng), std::asin(z(rng)) * 180.0 / 3.14159265358979323846};
    PointIndex idx;
    idx.build(pts);
    for (int q = 0; q < 20; ++q) {
        const LonLat p{lon(rng), std::asin(z(rng)) * 180.0 / 3.14159265358979323846};
        const auto want = brute(pts, p);
        idx.nearest(p, 5, got);
        REQUIRE(got.size() == 5);
        for (size_t i = 0; i < 5; ++i) CHECK(got[i].index == want[i].index);
    }
    idx.nearest({0, 0}, pts.size() + 10, got);
    CHECK(got.size() == pts.size());
    idx.within({0, 0}, -1.0, got);
    CHECK(got.empty());
}
