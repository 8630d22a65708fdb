// map_renderer.h — the WebGL2 map: filled countries, their borders and the communes as discs
// sized by population, drawn under the ImGui panels. Shaders are shaders/*.glsl (GLSL ES 3.00),
// embedded at build time.
//
//   px::MapRenderer map;
//   map.begin_init();                             // issues shader compilation (asynchronous)
//   ...other start-up work...
//   if (!map.finish_init()) { ...no WebGL2 shaders... }
//   map.set_atlas(atlas);                         // builds the GPU buffers, once
//   each frame: map.draw(view, layers, fb_w, fb_h);   // no allocation, 3 draw calls (land,
//                                                     // borders, communes as point sprites)
//   map.shutdown();
//
// GPU buffers are built when their data changes (set_atlas, set_commune_colors), never per frame.
// Does NOT handle input, picking or labels: src/ui/map.cpp does, over core's MapView and Places.
#pragma once

#include <cstdint>  // uint32_t
#include <vector>   // std::vector

#include "core/atlas.h"     // px::Atlas
#include "core/map_overlay.h"  // px::MapOverlay
#include "core/map_view.h"     // px::MapView, px::MapLayers

namespace px {

class MapRenderer {
public:
    void begin_init();   // starts compiling the shaders
    bool finish_init();  // false (and a message on stderr) when they do not link
    void set_atlas(const Atlas& atlas);
    // One RGBA colour per commune (0xAABBGGRR little-endian bytes R,G,B,A), e.g. a choropleth.
    void set_commune_colors(const std::vector<uint32_t>& rgba);
    // Flows (geodesic lines, coloured and dashed by jurisdiction) and markers (diamonds).
    void set_overlay(const MapOverlay& overlay);
    void draw(const MapView& view, const MapLayers& layers, int fb_w, int fb_h) const;
    void shutdown();
    bool valid() const { return valid_; }

private:
    bool valid_ = false;
    unsigned fill_program_ = 0, points_program_ = 0;
    unsigned land_vao_ = 0, land_vbo_ = 0, land_ibo_ = 0;
    unsigned border_vao_ = 0, border_ibo_ = 0;
    unsigned points_vao_ = 0, instance_vbo_ = 0, color_vbo_ = 0;
    int land_index_count_ = 0, border_index_count_ = 0, point_count_ = 0;
    unsigned flows_program_ = 0, flows_vao_ = 0, flows_vbo_ = 0, flows_ibo_ = 0;
    unsigned markers_vao_ = 0, markers_vbo_ = 0;
    int flow_index_count_ = 0, marker_count_ = 0;
    int flows_u_width_ = -1, flows_u_pixel_ratio_ = -1, points_u_shape_ = -1;
    std::vector<uint32_t> placed_communes_;  // point → commune index
    struct Uniforms {
        int center = -1, scale = -1, viewport_center = -1, framebuffer = -1, color = -1, point_scale = -1;
    } fill_u_, points_u_, flows_u_;
};

}  // namespace px
