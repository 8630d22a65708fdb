// map_view_test.cpp — the map camera's arithmetic (core/map_view.h).
#include <doctest/doctest.h>

#include <cmath>  // std::abs, std::nan

#include "core/geo.h"
#include "core/map_view.h"

using px::MapView;

TEST_CASE("world units: lon/lat round trip, and agreement with EPSG:3857") {
    for (double lon : {-179.9, -1.5536, 0.0, 2.3522, 179.9}) {
        for (double lat : {-85.0, -20.88, 0.0, 46.817, 85.0}) {
            const MapView::Vec2 w = MapView::world_of({lon, lat});
            const px::geo::LonLat back = MapView::lonlat_of(w);
            CHECK(std::abs(back.lon_deg - lon) < 1e-9);
            CHECK(std::abs(back.lat_deg - lat) < 1e-9);
            px::geo::Xy m;
            REQUIRE(px::geo::project(px::geo::Crs::WebMercator, {lon, lat}).get(m) == px::Err::OK);
            const double half = 3.14159265358979323846 * 6378137.0;
            CHECK(std::abs(w.x - (m.x_m / (2 * half) + 0.5)) < 1e-12);
            CHECK(std::abs(w.y - (0.5 - m.y_m / (2 * half))) < 1e-12);
        }
    }
    CHECK(MapView::world_of({0, 89.9}).y == doctest::Approx(0.0).epsilon(1e-9));  // clamped at the edge
}

TEST_CASE("screen and world conversions are inverse; zoom keeps the cursor's point") {
    MapView v;
    v.viewport = {340, 28, 580, 735};
    v.pixel_ratio = 2;
    v.set({2.35, 48.85}, 6.3);
    const MapView::Vec2 paris = v.screen_of(MapView::world_of({2.35, 48.85}));
    CHECK(paris.x == doctest::Approx(340 + 290));
    CHECK(paris.y == doctest::Approx(28 + 367.5));
    const MapView::Vec2 cursor{500, 300};
    const MapView::Vec2 under = v.world_of_screen(cursor);
    v.zoom_around(cursor, 1.5);
    const MapView::Vec2 again = v.world_of_screen(cursor);
    CHECK(again.x == doctest::Approx(under.x).epsilon(1e-12));
    CHECK(again.y == doctest::Approx(under.y).epsilon(1e-12));
    CHECK(v.zoom == doctest::Approx(7.8));
    const MapView::Vec2 c0 = v.center;
    v.pan_px(100, -50);
    CHECK(v.screen_of(c0).x == doctest::Approx(v.screen_of(v.center).x + 100));
}

TEST_CASE("fit puts the box inside the viewport, with its margin") {
    MapView v;
    v.viewport = {0, 0, 1000, 600};
    px::geo::BBox france;
    france.extend(px::geo::LonLat{-5.2, 41.3});
    france.extend(px::geo::LonLat{9.6, 51.1});
    v.fit(france, 24);
    const MapView::Vec2 nw = v.screen_of(MapView::world_of({-5.2, 51.1}));
    const MapView::Vec2 se = v.screen_of(MapView::world_of({9.6, 41.3}));
    CHECK(nw.x >= 24 - 1e-6);
    CHECK(nw.y >= 24 - 1e-6);
    CHECK(se.x <= 1000 - 24 + 1e-6);
    CHECK(se.y <= 600 - 24 + 1e-6);
    CHECK((std::abs(nw.y - 24) < 1e-6 || std::abs(nw.x - 24) < 1e-6));  // tight on one axis
}

TEST_CASE("scale: metres per pixel, and clamping of bad values") {
    MapView v;
    v.viewport = {0, 0, 256, 256};
    v.set({0, 0}, 0);
    CHECK(v.metres_per_px() == doctest::Approx(2 * 3.14159265358979323846 * 6378137.0 / 256));
    v.zoom = std::nan("");
    v.center = {-1, 2};
    v.clamp();
    CHECK(v.zoom == MapView::kMinZoom);
    CHECK(v.center.x == 0.0);
    CHECK(v.center.y == 1.0);
    v.set({0, 0}, 99);
    CHECK(v.zoom == MapView::kMaxZoom);
    CHECK(px::commune_radius_css(0) == doctest::Approx(1.3f));
    CHECK(px::commune_radius_css(2'000'000) == doctest::Approx(14.0f));
    CHECK(px::commune_radius_css(10'000) > px::commune_radius_css(1'000));
}
