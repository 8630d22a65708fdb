// map_renderer.cpp — WebGL2 drawing of the map (map_renderer.h).
//
// Index: [SECTION] Shaders · Buffers · Draw
#include "render/map_renderer.h"

#include <GLES3/gl3.h>

#include <algorithm>  // std::min, std::max
#include <cmath>      // std::hypot, std::abs
#include <cstddef>    // offsetof
#include <cstdio>     // std::fprintf

extern const char* const px_text_fill_vert_glsl;  // generated from shaders/ (CMakeLists.txt)
extern const char* const px_text_fill_frag_glsl;
extern const char* const px_text_points_vert_glsl;
extern const char* const px_text_points_frag_glsl;
extern const char* const px_text_flows_vert_glsl;
extern const char* const px_text_flows_frag_glsl;

namespace px {

// [SECTION] Shaders -------------------------------------------------------------------------------
namespace {
// Compiling and linking are asynchronous in the browser's GPU process: begin_init() only issues
// them, finish_init() asks for the result (which waits), so the CPU work in between — decoding the
// atlas — overlaps the shader compilation.
unsigned start_program(const char* vert, const char* frag) {
    const GLuint p = glCreateProgram();
    for (auto [type, source] : {std::pair<GLenum, const char*>{GL_VERTEX_SHADER, vert}, std::pair<GLenum, const char*>{GL_FRAGMENT_SHADER, frag}}) {
        const GLuint s = glCreateShader(type);
        glShaderSource(s, 1, &source, nullptr);
        glCompileShader(s);
        glAttachShader(p, s);
        glDeleteShader(s);  // freed with the program
    }
    glLinkProgram(p);
    return p;
}

bool program_ok(unsigned p, const char* name) {
    GLint ok = 0;
    glGetProgramiv(p, GL_LINK_STATUS, &ok);
    if (!ok) {
        char log[1024];
        glGetProgramInfoLog(p, sizeof log, nullptr, log);
        std::fprintf(stderr, "map: program %s: %s\n", name, log);
    }
    return ok != 0;
}
constexpr uint32_t kCommuneColor = 0xD0910000u;  // bleu France #000091, alpha 0xD0 (R,G,B,A bytes)
}  // namespace

void MapRenderer::begin_init() {
    fill_program_ = start_program(px_text_fill_vert_glsl, px_text_fill_frag_glsl);
    points_program_ = start_program(px_text_points_vert_glsl, px_text_points_frag_glsl);
    flows_program_ = start_program(px_text_flows_vert_glsl, px_text_flows_frag_glsl);
}

bool MapRenderer::finish_init() {
    if (!program_ok(fill_program_, "fill") || !program_ok(points_program_, "points") ||
        !program_ok(flows_program_, "flows")) {
        return false;
    }
    for (auto [prog, u] : {std::pair{fill_program_, &fill_u_}, std::pair{points_program_, &points_u_},
                           std::pair{flows_program_, &flows_u_}}) {
        u->center = glGetUniformLocation(prog, "u_center");
        u->scale = glGetUniformLocation(prog, "u_scale");
        u->viewport_center = glGetUniformLocation(prog, "u_viewport_center");
        u->framebuffer = glGetUniformLocation(prog, "u_framebuffer");
        u->color = glGetUniformLocation(prog, "u_color");
        u->point_scale = glGetUniformLocation(prog, "u_point_scale");
    }
    flows_u_width_ = glGetUniformLocation(flows_program_, "u_width");
    flows_u_pixel_ratio_ = glGetUniformLocation(flows_program_, "u_pixel_ratio");
    points_u_shape_ = glGetUniformLocation(points_program_, "u_shape");
    valid_ = true;
    return true;
}

// [SECTION] Buffers -------------------------------------------------------------------------------
void MapRenderer::set_atlas(const Atlas& atlas) {
    // Land: every vertex in world units (float is 2.4 m at the equator: enough to zoom 15).
    std::vector<float> world(atlas.vertices.size() * 2);
    for (size_t i = 0; i < atlas.vertices.size(); ++i) {
        const MapView::Vec2 w = MapView::world_of(atlas.vertices[i]);
        world[2 * i] = static_cast<float>(w.x);
        world[2 * i + 1] = static_cast<float>(w.y);
    }
    // Natural Earth cuts polygons at ±180°: an edge from −180° to +180° would cross the whole map.
    const auto wraps = [&](uint32_t a, uint32_t b) { return std::abs(world[2 * a] - world[2 * b]) > 0.5f; };
    std::vector<uint32_t> borders;
    for (const Atlas::Ring& b : atlas.borders) {
        for (uint32_t k = 1; k < b.count; ++k) {
            if (wraps(b.first + k - 1, b.first + k)) continue;
            borders.push_back(b.first + k - 1);
            borders.push_back(b.first + k);
        }
    }
    std::vector<uint32_t> triangles;
    triangles.reserve(atlas.indices.size());
    for (size_t t = 0; t + 2 < atlas.indices.size(); t += 3) {
        const uint32_t a = atlas.indices[t], b = atlas.indices[t + 1], c = atlas.indices[t + 2];
        if (wraps(a, b) || wraps(b, c) || wraps(a, c)) continue;
        triangles.insert(triangles.end(), {a, b, c});
    }
    glGenVertexArrays(1, &land_vao_);
    glBindVertexArray(land_vao_);
    glGenBuffers(1, &land_vbo_);
    glBindBuffer(GL_ARRAY_BUFFER, land_vbo_);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(world.size() * sizeof(float)), world.data(), GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
    glGenBuffers(1, &land_ibo_);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, land_ibo_);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(triangles.size() * sizeof(uint32_t)),
                 triangles.data(), GL_STATIC_DRAW);
    land_index_count_ = static_cast<int>(triangles.size());

    glGenVertexArrays(1, &border_vao_);
    glBindVertexArray(border_vao_);
    glBindBuffer(GL_ARRAY_BUFFER, land_vbo_);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
    glGenBuffers(1, &border_ibo_);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, border_ibo_);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(borders.size() * sizeof(uint32_t)),
                 borders.data(), GL_STATIC_DRAW);
    border_index_count_ = static_cast<int>(borders.size());

    // Communes: one point per placed commune, smallest drawn last (on top of larger ones).
    placed_communes_.clear();
    for (size_t i = 0; i < atlas.communes.size(); ++i) {
        if (atlas.communes[i].placed()) placed_communes_.push_back(static_cast<uint32_t>(i));
    }
    std::sort(placed_communes_.begin(), placed_communes_.end(), [&](uint32_t a, uint32_t b) {
        return atlas.communes[a].population > atlas.communes[b].population;
    });
    std::vector<float> inst(placed_communes_.size() * 3);
    for (size_t k = 0; k < placed_communes_.size(); ++k) {
        const Atlas::Commune& c = atlas.communes[placed_communes_[k]];
        const MapView::Vec2 w = MapView::world_of(c.pos);
        inst[3 * k] = static_cast<float>(w.x);
        inst[3 * k + 1] = static_cast<float>(w.y);
        inst[3 * k + 2] = commune_radius_css(c.population);
    }
    point_count_ = static_cast<int>(placed_communes_.size());
    glGenVertexArrays(1, &points_vao_);
    glBindVertexArray(points_vao_);
    glGenBuffers(1, &instance_vbo_);
    glBindBuffer(GL_ARRAY_BUFFER, instance_vbo_);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(inst.size() * sizeof(float)), inst.data(), GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 3 * sizeof(float), nullptr);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 1, GL_FLOAT, GL_FALSE, 3 * sizeof(float), reinterpret_cast<void*>(2 * sizeof(float)));
    glGenBuffers(1, &color_vbo_);
    glBindBuffer(GL_ARRAY_BUFFER, color_vbo_);
    const std::vector<uint32_t> colors(placed_communes_.size(), kCommuneColor);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(colors.size() * sizeof(uint32_t)), colors.data(),
                 GL_DYNAMIC_DRAW);
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, 0, nullptr);
    glBindVertexArray(0);
}

void MapRenderer::set_commune_colors(const std::vector<uint32_t>& rgba) {
    if (!valid_ || color_vbo_ == 0) return;
    std::vector<uint32_t> per_instance(placed_communes_.size(), kCommuneColor);
    for (size_t k = 0; k < placed_communes_.size(); ++k) {
        if (placed_communes_[k] < rgba.size()) per_instance[k] = rgba[placed_communes_[k]];
    }
    glBindBuffer(GL_ARRAY_BUFFER, color_vbo_);
    glBufferSubData(GL_ARRAY_BUFFER, 0, static_cast<GLsizeiptr>(per_instance.size() * sizeof(uint32_t)),
                    per_instance.data());
}

void MapRenderer::set_overlay(const MapOverlay& overlay) {
    if (!valid_) return;
    // Flows: two vertices per sample (both sides of the line), two triangles per segment.
    struct FlowVertex {
        float world[2], next[2], side, along;
        uint32_t rgba;
        float dash;
    };
    constexpr int kSamples = 64;
    std::vector<FlowVertex> verts;
    std::vector<uint32_t> idx;
    std::vector<geo::LonLat> path;
    std::vector<MapView::Vec2> w;
    for (const MapFlow& f : overlay.flows) {
        flow_path(f, kSamples, path);
        w.clear();
        for (const geo::LonLat& p : path) w.push_back(MapView::world_of(p));
        const auto base = static_cast<uint32_t>(verts.size());
        double along = 0;
        for (size_t k = 0; k < w.size(); ++k) {
            if (k > 0) along += std::hypot(w[k].x - w[k - 1].x, w[k].y - w[k - 1].y) * 256.0;
            const bool last = k + 1 == w.size();
            const MapView::Vec2& other = last ? w[k - 1] : w[k + 1];
            for (float side : {-1.0f, 1.0f}) {
                verts.push_back({{static_cast<float>(w[k].x), static_cast<float>(w[k].y)},
                                 {static_cast<float>(other.x), static_cast<float>(other.y)},
                                 last ? -side : side, static_cast<float>(along),
                                 jurisdiction_rgba(f.jurisdiction), jurisdiction_dash_px(f.jurisdiction)});
            }
            if (!last) {
                const auto v = base + static_cast<uint32_t>(2 * k);
                for (uint32_t i : {v, v + 1, v + 2, v + 1, v + 3, v + 2}) idx.push_back(i);
            }
        }
    }
    if (flows_vao_ == 0) {
        glGenVertexArrays(1, &flows_vao_);
        glGenBuffers(1, &flows_vbo_);
        glGenBuffers(1, &flows_ibo_);
    }
    glBindVertexArray(flows_vao_);
    glBindBuffer(GL_ARRAY_BUFFER, flows_vbo_);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(verts.size() * sizeof(FlowVertex)), verts.data(), GL_STATIC_DRAW);
    const auto stride = static_cast<GLsizei>(sizeof(FlowVertex));
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(FlowVertex, world)));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(FlowVertex, next)));
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 1, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(FlowVertex, side)));
    glEnableVertexAttribArray(3);
    glVertexAttribPointer(3, 1, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(FlowVertex, along)));
    glEnableVertexAttribArray(4);
    glVertexAttribPointer(4, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<void*>(offsetof(FlowVertex, rgba)));
    glEnableVertexAttribArray(5);
    glVertexAttribPointer(5, 1, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(FlowVertex, dash)));
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, flows_ibo_);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(idx.size() * sizeof(uint32_t)), idx.data(), GL_STATIC_DRAW);
    flow_index_count_ = static_cast<int>(idx.size());

    // Markers: point sprites drawn as diamonds by the points program (u_shape = 1).
    struct MarkerVertex {
        float world[2], radius;
        uint32_t rgba;
    };
    std::vector<MarkerVertex> marks;
    for (const MapMarker& m : overlay.markers) {
        const MapView::Vec2 mw = MapView::world_of(m.pos);
        marks.push_back({{static_cast<float>(mw.x), static_cast<float>(mw.y)}, 5.0f, 0xFF009FE6u});  // #E69F00 orange (Okabe–Ito)
    }
    if (markers_vao_ == 0) {
        glGenVertexArrays(1, &markers_vao_);
        glGenBuffers(1, &markers_vbo_);
    }
    glBindVertexArray(markers_vao_);
    glBindBuffer(GL_ARRAY_BUFFER, markers_vbo_);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(marks.size() * sizeof(MarkerVertex)), marks.data(), GL_STATIC_DRAW);
    const auto mstride = static_cast<GLsizei>(sizeof(MarkerVertex));
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, mstride, reinterpret_cast<void*>(offsetof(MarkerVertex, world)));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 1, GL_FLOAT, GL_FALSE, mstride, reinterpret_cast<void*>(offsetof(MarkerVertex, radius)));
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, mstride, reinterpret_cast<void*>(offsetof(MarkerVertex, rgba)));
    marker_count_ = static_cast<int>(marks.size());
    glBindVertexArray(0);
}

// [SECTION] Draw ----------------------------------------------------------------------------------
void MapRenderer::draw(const MapView& view, const MapLayers& layers, int fb_w, int fb_h) const {
    if (!valid_) return;
    glViewport(0, 0, fb_w, fb_h);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glDisable(GL_SCISSOR_TEST);
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    const float center[2] = {static_cast<float>(view.center.x), static_cast<float>(view.center.y)};
    const float vp_center[2] = {static_cast<float>(view.viewport.x + view.viewport.w / 2.0),
                                static_cast<float>(view.viewport.y + view.viewport.h / 2.0)};
    const float scale = static_cast<float>(view.world_px());
    const auto common = [&](const Uniforms& u) {
        glUniform2fv(u.center, 1, center);
        glUniform1f(u.scale, scale);
        glUniform2fv(u.viewport_center, 1, vp_center);
        glUniform2f(u.framebuffer, static_cast<float>(fb_w), static_cast<float>(fb_h));
    };
    glUseProgram(fill_program_);
    common(fill_u_);
    if (layers.countries && land_index_count_ > 0) {
        glUniform4f(fill_u_.color, 0.965f, 0.957f, 0.933f, 1.0f);  // warm paper
        glBindVertexArray(land_vao_);
        glDrawElements(GL_TRIANGLES, land_index_count_, GL_UNSIGNED_INT, nullptr);
    }
    if (layers.borders && border_index_count_ > 0) {
        glUniform4f(fill_u_.color, 0.55f, 0.53f, 0.50f, 1.0f);
        glBindVertexArray(border_vao_);
        glDrawElements(GL_LINES, border_index_count_, GL_UNSIGNED_INT, nullptr);
    }
    if (layers.communes && point_count_ > 0) {
        glUseProgram(points_program_);
        common(points_u_);
        glUniform1f(points_u_.point_scale, static_cast<float>(view.point_scale()));
        glUniform1f(points_u_shape_, 0.0f);
        glBindVertexArray(points_vao_);
        glDrawArrays(GL_POINTS, 0, point_count_);
    }
    if (layers.flows && flow_index_count_ > 0) {
        glUseProgram(flows_program_);
        common(flows_u_);
        glUniform1f(flows_u_width_, static_cast<float>(2.5 * view.pixel_ratio));
        glUniform1f(flows_u_pixel_ratio_, static_cast<float>(view.pixel_ratio));
        glBindVertexArray(flows_vao_);
        glDrawElements(GL_TRIANGLES, flow_index_count_, GL_UNSIGNED_INT, nullptr);
    }
    if (layers.markers && marker_count_ > 0) {
        glUseProgram(points_program_);
        common(points_u_);
        glUniform1f(points_u_.point_scale, static_cast<float>(view.pixel_ratio));  // fixed size
        glUniform1f(points_u_shape_, 1.0f);
        glBindVertexArray(markers_vao_);
        glDrawArrays(GL_POINTS, 0, marker_count_);
    }
    glBindVertexArray(0);
    glUseProgram(0);
}

void MapRenderer::shutdown() {
    const GLuint buffers[] = {land_vbo_, land_ibo_, border_ibo_, instance_vbo_, color_vbo_, flows_vbo_, flows_ibo_,
                              markers_vbo_};
    glDeleteBuffers(8, buffers);
    const GLuint vaos[] = {land_vao_, border_vao_, points_vao_, flows_vao_, markers_vao_};
    glDeleteVertexArrays(5, vaos);
    glDeleteProgram(fill_program_);
    glDeleteProgram(points_program_);
    glDeleteProgram(flows_program_);
    valid_ = false;
}

}  // namespace px
