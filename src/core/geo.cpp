// geo.cpp — projections, geodesic distances, bounding boxes and the point index of geo.h.
// The ellipsoidal work is GeographicLib's (Debian source package geographiclib, built by
// CMakeLists.txt); this file holds the EPSG parameters, the input checks and the index's
// exact re-ranking.
//
// Index: [SECTION] Checks and CRS names · Web Mercator · Lambert-93 · Distances · BBox · PointIndex
#include "core/geo.h"

#include <GeographicLib/Geodesic.hpp>
#include <GeographicLib/LambertConformalConic.hpp>
#include <GeographicLib/NearestNeighbor.hpp>

#include <algorithm>  // std::sort
#include <cctype>     // std::tolower
#include <cmath>      // std::isfinite, std::log, std::tan, std::atan, std::exp, std::sin
#include <cstdio>     // std::snprintf
#include <limits>     // std::numeric_limits

namespace px::geo {

// [SECTION] Checks and CRS names ----------------------------------------------------------------
namespace {
constexpr double kPi = 3.14159265358979323846;
constexpr double kDeg = kPi / 180.0;

std::string fmt_lonlat(LonLat p) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "lon %.10g, lat %.10g", p.lon_deg, p.lat_deg);
    return buf;
}
std::string fmt_xy(Xy p) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "x %.10g, y %.10g", p.x_m, p.y_m);
    return buf;
}
}  // namespace

Result<LonLat> check_lonlat(LonLat p) {
    if (!std::isfinite(p.lon_deg) || !std::isfinite(p.lat_deg) || p.lon_deg < -180.0 ||
        p.lon_deg > 180.0 || p.lat_deg < -90.0 || p.lat_deg > 90.0) {
        return make_error(Err::GEO_BAD_COORDINATE, {}, {}, fmt_lonlat(p));
    }
    return p;
}

Result<Crs> crs_from_name(const std::string& name) {
    std::string n;
    for (char c : name) n += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (n == "epsg:2154" || n == "2154" || n == "lambert93" || n == "lambert-93") return Crs::Lambert93;
    if (n == "epsg:3857" || n == "3857" || n == "webmercator" || n == "web-mercator") {
        return Crs::WebMercator;
    }
    return make_error(Err::GEO_UNKNOWN_CRS, {}, {}, name);
}

const char* crs_name(Crs crs) { return crs == Crs::Lambert93 ? "EPSG:2154" : "EPSG:3857"; }

// [SECTION] Web Mercator ------------------------------------------------------------------------
// EPSG:3857 ("Popular Visualisation Pseudo-Mercator"), IOGP guidance note 7-2 §1.3.3.2:
//   E = R·λ,  N = R·ln(tan(π/4 + φ/2)),  R = a = 6 378 137 m; inverse φ = π/2 − 2·atan(e^(−N/R)).
namespace {
constexpr double kMercatorR = 6378137.0;
constexpr double kMercatorMaxLat = 85.05112877980659;  // where N = π·R: the world is square
constexpr double kMercatorMaxXy = kPi * kMercatorR;

Result<Xy> mercator_forward(LonLat p) {
    if (p.lat_deg < -kMercatorMaxLat || p.lat_deg > kMercatorMaxLat) {
        return make_error(Err::GEO_OUT_OF_DOMAIN, {}, {}, "EPSG:3857, " + fmt_lonlat(p));
    }
    return Xy{kMercatorR * p.lon_deg * kDeg,
              kMercatorR * std::log(std::tan(kPi / 4.0 + p.lat_deg * kDeg / 2.0))};
}

Result<LonLat> mercator_reverse(Xy xy) {
    const double tol = 1e-6;  // metres of slack at the square's edge
    if (std::abs(xy.x_m) > kMercatorMaxXy + tol || std::abs(xy.y_m) > kMercatorMaxXy + tol) {
        return make_error(Err::GEO_OUT_OF_DOMAIN, {}, {}, "EPSG:3857, " + fmt_xy(xy));
    }
    const double lon = xy.x_m / kMercatorR / kDeg;
    const double lat = (kPi / 2.0 - 2.0 * std::atan(std::exp(-xy.y_m / kMercatorR))) / kDeg;
    return LonLat{std::max(-180.0, std::min(180.0, lon)), lat};
}
}  // namespace

// [SECTION] Lambert-93 --------------------------------------------------------------------------
// EPSG:2154 "RGF93 v1 / Lambert-93": EPSG method 9802 (Lambert Conic Conformal 2SP) on GRS80
// (a = 6 378 137 m, 1/f = 298.257 222 101), φ1 = 49° N, φ2 = 44° N, φ0 = 46.5° N, λ0 = 3° E,
// E0 = 700 000 m, N0 = 6 600 000 m. GeographicLib puts its own origin at the cone's central
// parallel, so northings are shifted by the northing of φ0.
namespace {
constexpr double kGrs80A = 6378137.0;
constexpr double kGrs80F = 1.0 / 298.257222101;
constexpr double kL93Lon0 = 3.0, kL93Lat0 = 46.5, kL93E0 = 700000.0, kL93N0 = 6600000.0;

struct Lambert93 {
    GeographicLib::LambertConformalConic lcc{kGrs80A, kGrs80F, 49.0, 44.0, 1.0};
    double y_lat0 = 0.0;
    Lambert93() {
        double x = 0.0, gamma = 0.0, k = 0.0;
        lcc.Forward(kL93Lon0, kL93Lat0, kL93Lon0, x, y_lat0, gamma, k);
    }
};
const Lambert93& lambert93() {
    static const Lambert93 l;  // constant parameters: the constructor cannot fail
    return l;
}

Result<Xy> lambert93_forward(LonLat p) {
    if (p.lat_deg <= -90.0) {  // the cone's apex is at the north pole; the south pole is at infinity
        return make_error(Err::GEO_OUT_OF_DOMAIN, {}, {}, "EPSG:2154, " + fmt_lonlat(p));
    }
    const Lambert93& l = lambert93();
    double x = 0.0, y = 0.0, gamma = 0.0, k = 0.0;
    l.lcc.Forward(kL93Lon0, p.lat_deg, p.lon_deg, x, y, gamma, k);
    if (!std::isfinite(x) || !std::isfinite(y)) {
        return make_error(Err::GEO_OUT_OF_DOMAIN, {}, {}, "EPSG:2154, " + fmt_lonlat(p));
    }
    return Xy{x + kL93E0, y - l.y_lat0 + kL93N0};
}

Result<LonLat> lambert93_reverse(Xy xy) {
    const Lambert93& l = lambert93();
    double lat = 0.0, lon = 0.0, gamma = 0.0, k = 0.0;
    l.lcc.Reverse(kL93Lon0, xy.x_m - kL93E0, xy.y_m - kL93N0 + l.y_lat0, lat, lon, gamma, k);
    const Result<LonLat> r = check_lonlat(LonLat{lon, lat});
    if (!r.ok()) return make_error(Err::GEO_OUT_OF_DOMAIN, {}, {}, "EPSG:2154, " + fmt_xy(xy));
    return r;
}
}  // namespace

Result<Xy> project(Crs crs, LonLat p) {
    const Result<LonLat> valid = check_lonlat(p);
    if (!valid.ok()) return valid.error();
    return crs == Crs::Lambert93 ? lambert93_forward(p) : mercator_forward(p);
}

Result<LonLat> unproject(Crs crs, Xy xy) {
    if (!std::isfinite(xy.x_m) || !std::isfinite(xy.y_m)) {
        return make_error(Err::GEO_BAD_COORDINATE, {}, {}, fmt_xy(xy));
    }
    return crs == Crs::Lambert93 ? lambert93_reverse(xy) : mercator_reverse(xy);
}

// [SECTION] Distances ---------------------------------------------------------------------------
double distance_m_unchecked(LonLat a, LonLat b) {
    double s12 = 0.0;
    GeographicLib::Geodesic::WGS84().Inverse(a.lat_deg, a.lon_deg, b.lat_deg, b.lon_deg, s12);
    return s12;
}

Result<double> distance_m(LonLat a, LonLat b) {
    for (const LonLat p : {a, b}) {
        const Result<LonLat> valid = check_lonlat(p);
        if (!valid.ok()) return valid.error();
    }
    return distance_m_unchecked(a, b);
}

// [SECTION] BBox --------------------------------------------------------------------------------
void BBox::extend(LonLat p) {
    min_lon_deg = std::min(min_lon_deg, p.lon_deg);
    max_lon_deg = std::max(max_lon_deg, p.lon_deg);
    min_lat_deg = std::min(min_lat_deg, p.lat_deg);
    max_lat_deg = std::max(max_lat_deg, p.lat_deg);
}

void BBox::extend(const BBox& b) {
    if (b.empty()) return;
    extend(LonLat{b.min_lon_deg, b.min_lat_deg});
    extend(LonLat{b.max_lon_deg, b.max_lat_deg});
}

bool BBox::contains(LonLat p) const {
    return p.lon_deg >= min_lon_deg && p.lon_deg <= max_lon_deg && p.lat_deg >= min_lat_deg &&
           p.lat_deg <= max_lat_deg;
}

LonLat BBox::center() const {
    return LonLat{(min_lon_deg + max_lon_deg) / 2.0, (min_lat_deg + max_lat_deg) / 2.0};
}

// [SECTION] PointIndex --------------------------------------------------------------------------
// The tree ranks by chord length on the unit sphere (cheap, a true metric). The ellipsoid can
// reorder points whose spherical distances differ by less than ~0.6 %, so candidates are taken
// with that margin and re-ranked by geodesic distance: the answers are exact.
namespace {
using Vec3 = std::array<double, 3>;
constexpr double kSphereR = 6371008.8;  // mean Earth radius (IUGG), for the chord bounds only
constexpr double kMargin = 1.01;        // > the sphere/ellipsoid ratio spread (≤ 0.67 %)

Vec3 unit_vector(LonLat p) {
    const double lon = p.lon_deg * kDeg, lat = p.lat_deg * kDeg;
    return Vec3{std::cos(lat) * std::cos(lon), std::cos(lat) * std::sin(lon), std::sin(lat)};
}
double chord_for_metres(double d_m) {
    const double angle = d_m / kSphereR;
    return angle >= kPi ? 2.0 : 2.0 * std::sin(angle / 2.0);
}
double metres_for_chord(double chord) {
    return 2.0 * kSphereR * std::asin(std::min(1.0, chord / 2.0));
}
}  // namespace

double PointIndex::ChordDistance::operator()(const Vec3& a, const Vec3& b) const {
    const double dx = a[0] - b[0], dy = a[1] - b[1], dz = a[2] - b[2];
    return std::sqrt(dx * dx + dy * dy + dz * dz);
}

struct PointIndex::Tree {
    GeographicLib::NearestNeighbor<double, Vec3, ChordDistance> nn;
};

void PointIndex::build(const std::vector<LonLat>& points) {
    points_ = points;
    unit_.resize(points.size());
    for (size_t i = 0; i < points.size(); ++i) unit_[i] = unit_vector(points[i]);
    auto tree = std::make_shared<Tree>();
    if (!unit_.empty()) tree->nn.Initialize(unit_, ChordDistance());
    tree_ = std::move(tree);
}

void PointIndex::candidates(LonLat q, size_t k, double max_chord, std::vector<int>& ind) const {
    ind.clear();
    if (points_.empty() || k == 0 || !tree_) return;
    const int kk = k > static_cast<size_t>(std::numeric_limits<int>::max())
                       ? std::numeric_limits<int>::max()
                       : static_cast<int>(k);
    tree_->nn.Search(unit_, ChordDistance(), unit_vector(q), ind, kk, max_chord);
}

namespace {
void rank(const std::vector<LonLat>& pts, LonLat q, const std::vector<int>& ind, double max_m,
          std::vector<PointIndex::Hit>& out) {
    out.clear();
    for (int i : ind) {
        const auto idx = static_cast<size_t>(i);
        const double d = distance_m_unchecked(q, pts[idx]);
        if (d <= max_m) out.push_back({idx, d});
    }
    std::sort(out.begin(), out.end(), [](const PointIndex::Hit& a, const PointIndex::Hit& b) {
        return a.distance_m != b.distance_m ? a.distance_m < b.distance_m : a.index < b.index;
    });
}
}  // namespace

void PointIndex::nearest(LonLat q, size_t k, std::vector<Hit>& out) const {
    out.clear();
    if (k == 0 || points_.empty()) return;
    std::vector<int> ind;
    candidates(q, k, std::numeric_limits<double>::max(), ind);
    if (ind.empty()) return;
    // The k-th chord bounds the k-th geodesic distance up to the margin: every point that could
    // belong to the true k nearest lies within that radius.
    const double kth_chord = ChordDistance()(unit_vector(q), unit_[static_cast<size_t>(ind.back())]);
    const double bound_m = metres_for_chord(kth_chord) * kMargin;
    candidates(q, points_.size(), chord_for_metres(bound_m * kMargin), ind);
    rank(points_, q, ind, std::numeric_limits<double>::max(), out);
    if (out.size() > k) out.resize(k);
}

void PointIndex::within(LonLat q, double radius_m, std::vector<Hit>& out) const {
    out.clear();
    if (!(radius_m >= 0.0) || points_.empty()) return;
    std::vector<int> ind;
    candidates(q, points_.size(), chord_for_metres(radius_m * kMargin), ind);
    rank(points_, q, ind, radius_m, out);
}

}  // namespace px::geo
