// map_view.h — the map's camera: Web Mercator "world units" (the whole world is the unit square,
// x east from −180°, y south from +85.05°), a zoom level as in web maps (the world is
// 256 × 2^zoom CSS pixels wide), and the conversions between lon/lat, world units and screen
// pixels. Pure arithmetic: the renderer (src/render) and the UI (src/ui/map.cpp) share it, and it
// is unit-tested natively.
//
//   px::MapView v;  v.viewport = {0, 0, 1280, 800};  v.pixel_ratio = 2;
//   v.fit({-5.2, 41.3, 9.6, 51.1});                      // metropolitan France, with a margin
//   px::MapView::Vec2 s = v.screen_of(v.world_of({2.35, 48.85}));   // Paris on screen
//   v.zoom_around(s, +1.0);                              // one zoom level in, Paris stays put
//
// Screen pixels here are framebuffer pixels (CSS px × pixel_ratio), as everywhere in the UI.
#pragma once

#include "core/geo.h"  // px::geo::LonLat, BBox

namespace px {

// Which layers the map draws (the UI's layer panel edits it, the renderer reads it).
struct MapLayers {
    bool countries = true;
    bool borders = true;
    bool communes = true;
    bool flows = true;    // overlay (map_overlay.h)
    bool markers = true;  // overlay
};

// Radius in CSS pixels of a commune's disc at the France-wide zoom, from its population: the
// area grows with the population, from 1.3 px to 14 px (the renderer and the legend share it).
float commune_radius_css(unsigned population);

struct MapView {
    struct Vec2 {
        double x = 0, y = 0;
    };
    struct Rect {  // framebuffer pixels
        double x = 0, y = 0, w = 1, h = 1;
    };

    static constexpr double kMinZoom = 0.0;
    static constexpr double kMaxZoom = 15.0;
    static constexpr double kMaxLatDeg = 85.05112877980659;

    Vec2 center{0.5, 0.5};  // world units
    double zoom = 1.0;
    Rect viewport;            // the part of the canvas the map owns (between the panels)
    double pixel_ratio = 1.0;  // devicePixelRatio

    // World size in framebuffer pixels.
    double world_px() const;
    static Vec2 world_of(geo::LonLat p);  // latitude clamped to ±kMaxLatDeg
    static geo::LonLat lonlat_of(Vec2 w);
    Vec2 screen_of(Vec2 world) const;
    Vec2 world_of_screen(Vec2 screen) const;
    // Metres on the ground per framebuffer pixel at the viewport's centre.
    double metres_per_px() const;
    // Framebuffer pixels per CSS pixel of a commune's radius at this zoom: discs shrink when
    // zoomed out (35,000 of them over France) and grow when zoomed in.
    double point_scale() const;

    void pan_px(double dx, double dy);              // drag by (dx, dy) framebuffer pixels
    void zoom_around(Vec2 screen, double delta);     // keeps the world point under `screen` fixed
    void set(geo::LonLat c, double z);               // fly to (instantly)
    void fit(const geo::BBox& box, double margin_px = 24.0);
    void clamp();                                    // zoom in range, centre inside the world
};

}  // namespace px
