// geo.h — geodesy for Proxinum: WGS84 positions, the two projections the app uses, geodesic
// distances, bounding boxes and a spatial index of points.
//
//   px::geo::LonLat niort{-0.4594, 46.3239};
//   px::geo::Xy xy;  px::geo::project(px::geo::Crs::Lambert93, niort).get(xy);   // metres
//   double d_m;      px::geo::distance_m(niort, {0.5450, 46.8170}).get(d_m);     // 94 517 m
//   px::geo::PointIndex idx;  idx.build(points);  idx.within(niort, 30'000.0, hits);
//
// Accuracy (stated, and pinned by tests/unit/geo_test.cpp against PROJ's cs2cs and GeographicLib's
// GeodSolve):
//   - EPSG:3857 Web Mercator: the spherical formula of the EPSG guidance note 7-2 (R = 6 378 137 m),
//     exact to rounding; latitudes are limited to ±85.051 128 779 8° (the square world).
//   - EPSG:2154 Lambert-93: Lambert conformal conic with two standard parallels (44° N, 49° N),
//     origin 46.5° N 3° E, false easting 700 000 m, false northing 6 600 000 m, on the GRS80
//     ellipsoid (RGF93; WGS84 positions are taken as RGF93, as PROJ's null transformation does),
//     computed by GeographicLib's LambertConformalConic: well under 1 mm, both ways.
//   - Distances: ellipsoidal geodesics on WGS84 by GeographicLib (Karney 2013), to 15 nm.
//   - PointIndex: exact answers (ranked by ellipsoidal geodesic distance); candidates come from a
//     vantage-point tree (GeographicLib::NearestNeighbor) over chord distances on the unit sphere.
// Bad input (NaN, out-of-range, outside a projection's domain) comes back as an error, never an
// exception or a made-up value. Does NOT transform between datums (WGS84 ≡ RGF93 here, < 1 m).
#pragma once

#include <array>    // std::array
#include <cstddef>  // size_t
#include <memory>   // std::shared_ptr
#include <string>   // std::string
#include <vector>   // std::vector

#include "core/errors.h"  // px::Result

namespace px::geo {

struct LonLat {
    double lon_deg = 0.0;
    double lat_deg = 0.0;
};

struct Xy {
    double x_m = 0.0;  // easting
    double y_m = 0.0;  // northing
};

enum class Crs : int {
    WebMercator,  // EPSG:3857
    Lambert93,    // EPSG:2154
};

// "EPSG:2154", "epsg:3857", "2154", "3857" (also "lambert93", "webmercator"); else GEO_UNKNOWN_CRS.
Result<Crs> crs_from_name(const std::string& name);
const char* crs_name(Crs crs);  // "EPSG:3857" | "EPSG:2154"

// GEO_BAD_COORDINATE for NaN, infinite, |lon| > 180 or |lat| > 90.
Result<LonLat> check_lonlat(LonLat p);

// WGS84 → projected metres. GEO_OUT_OF_DOMAIN where the projection is undefined (Web Mercator
// beyond ±85.0511°, Lambert-93 at the south pole).
Result<Xy> project(Crs crs, LonLat p);
// Projected metres → WGS84. GEO_BAD_COORDINATE for non-finite input, GEO_OUT_OF_DOMAIN for
// points outside the projection's image.
Result<LonLat> unproject(Crs crs, Xy xy);

// Length of the shortest path on the WGS84 ellipsoid, in metres.
Result<double> distance_m(LonLat a, LonLat b);
// The same without the input checks, for hot loops over already-validated points.
double distance_m_unchecked(LonLat a, LonLat b);

struct BBox {
    double min_lon_deg = 180.0, min_lat_deg = 90.0;
    double max_lon_deg = -180.0, max_lat_deg = -90.0;  // empty until extended

    bool empty() const { return min_lon_deg > max_lon_deg || min_lat_deg > max_lat_deg; }
    void extend(LonLat p);
    void extend(const BBox& b);
    bool contains(LonLat p) const;
    LonLat center() const;  // of the lon/lat rectangle (no antimeridian wrapping)
};

// A static index of points answering nearest-k and within-radius queries, exactly.
class PointIndex {
public:
    struct Hit {
        size_t index;       // position in the array given to build()
        double distance_m;  // ellipsoidal geodesic distance to the query
    };

    // Points must be valid (check_lonlat); the index keeps its own copy. O(n log n).
    void build(const std::vector<LonLat>& points);
    size_t size() const { return points_.size(); }

    // The k points nearest to q, nearest first (ties by index). Empty for k == 0 or no points.
    void nearest(LonLat q, size_t k, std::vector<Hit>& out) const;
    // Every point within radius_m of q (inclusive), nearest first.
    void within(LonLat q, double radius_m, std::vector<Hit>& out) const;

    struct ChordDistance {  // the metric of the tree: chord length on the unit sphere
        double operator()(const std::array<double, 3>& a, const std::array<double, 3>& b) const;
    };

private:
    void candidates(LonLat q, size_t k, double max_chord, std::vector<int>& ind) const;

    std::vector<LonLat> points_;
    std::vector<std::array<double, 3>> unit_;
    struct Tree;  // GeographicLib::NearestNeighbor, hidden from includers
    std::shared_ptr<const Tree> tree_;
};

}  // namespace px::geo
