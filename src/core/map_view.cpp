// map_view.cpp — camera arithmetic of map_view.h (spherical Web Mercator, EPSG:3857 normalised).
#include "core/map_view.h"

#include <algorithm>  // std::min, std::max
#include <cmath>      // std::log, std::tan, std::atan, std::exp, std::pow, std::cos, std::log2, std::sqrt

namespace px {

namespace {
constexpr double kPi = 3.14159265358979323846;
constexpr double kEarthCircumferenceM = 2.0 * kPi * 6378137.0;  // of the EPSG:3857 sphere
}  // namespace

float commune_radius_css(unsigned population) {
    const float r = 1.3f + 0.28f * std::sqrt(static_cast<float>(population) / 100.0f);
    return std::min(r, 14.0f);
}

double MapView::world_px() const { return 256.0 * std::pow(2.0, zoom) * pixel_ratio; }

MapView::Vec2 MapView::world_of(geo::LonLat p) {
    const double lat = std::max(-kMaxLatDeg, std::min(kMaxLatDeg, p.lat_deg)) * kPi / 180.0;
    return Vec2{(p.lon_deg + 180.0) / 360.0, 0.5 - std::log(std::tan(kPi / 4.0 + lat / 2.0)) / (2.0 * kPi)};
}

geo::LonLat MapView::lonlat_of(Vec2 w) {
    const double lon = w.x * 360.0 - 180.0;
    const double lat = (2.0 * std::atan(std::exp((0.5 - w.y) * 2.0 * kPi)) - kPi / 2.0) * 180.0 / kPi;
    return geo::LonLat{lon, lat};
}

MapView::Vec2 MapView::screen_of(Vec2 w) const {
    const double s = world_px();
    return Vec2{viewport.x + viewport.w / 2.0 + (w.x - center.x) * s,
                viewport.y + viewport.h / 2.0 + (w.y - center.y) * s};
}

MapView::Vec2 MapView::world_of_screen(Vec2 p) const {
    const double s = world_px();
    return Vec2{center.x + (p.x - viewport.x - viewport.w / 2.0) / s,
                center.y + (p.y - viewport.y - viewport.h / 2.0) / s};
}

double MapView::metres_per_px() const {
    const double lat = lonlat_of(center).lat_deg * kPi / 180.0;
    return kEarthCircumferenceM * std::cos(lat) / world_px();
}

double MapView::point_scale() const {
    const double growth = std::pow(2.0, (zoom - 7.0) / 2.0);
    return pixel_ratio * std::max(0.35, std::min(2.5, growth));
}

void MapView::pan_px(double dx, double dy) {
    const double s = world_px();
    center.x -= dx / s;
    center.y -= dy / s;
    clamp();
}

void MapView::zoom_around(Vec2 screen, double delta) {
    const Vec2 before = world_of_screen(screen);
    zoom += delta;
    clamp();
    const Vec2 after = world_of_screen(screen);
    center.x += before.x - after.x;
    center.y += before.y - after.y;
    clamp();
}

void MapView::set(geo::LonLat c, double z) {
    center = world_of(c);
    zoom = z;
    clamp();
}

void MapView::fit(const geo::BBox& box, double margin_px) {
    if (box.empty()) return;
    const Vec2 a = world_of({box.min_lon_deg, box.max_lat_deg});
    const Vec2 b = world_of({box.max_lon_deg, box.min_lat_deg});
    center = Vec2{(a.x + b.x) / 2.0, (a.y + b.y) / 2.0};
    const double w = std::max(b.x - a.x, 1e-9), h = std::max(b.y - a.y, 1e-9);
    const double avail_w = std::max(1.0, viewport.w - 2.0 * margin_px * pixel_ratio);
    const double avail_h = std::max(1.0, viewport.h - 2.0 * margin_px * pixel_ratio);
    const double world = std::min(avail_w / w, avail_h / h);  // wanted world_px()
    zoom = std::log2(world / (256.0 * pixel_ratio));
    clamp();
}

void MapView::clamp() {
    if (!(zoom >= kMinZoom)) zoom = kMinZoom;  // also catches NaN
    if (zoom > kMaxZoom) zoom = kMaxZoom;
    if (!(center.x >= 0.0)) center.x = 0.0;
    if (center.x > 1.0) center.x = 1.0;
    if (!(center.y >= 0.0)) center.y = 0.0;
    if (center.y > 1.0) center.y = 1.0;
}

}  // namespace px
