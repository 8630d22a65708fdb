// map_renderer.cpp — WebGL2 drawing of the map (map_renderer.h).
//
// Index: [SECTION] Shaders · Buffers · Draw
#include "render/map_renderer.h"

#include <GLES3/gl3.h>

#include <algorithm>  // std::min, std::max
#include <cmath>      // std::sqrt
#include <cstdio>     // std::fprintf

extern const char* const px_text_fill_vert_glsl;  // generated from shaders/ (CMakeLists.txt)
extern const char* const px_text_fill_frag_glsl;
extern const char* const px_text_points_vert_glsl;
extern const char* const px_text_points_frag_glsl;

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
}

bool MapRenderer::finish_init() {
    if (!program_ok(fill_program_, "fill") || !program_ok(points_program_, "points")) return false;
    for (auto [prog, u] : {std::pair{fill_program_, &fill_u_}, std::pair{points_program_, &points_u_}}) {
        u->center = glGetUniformLocation(prog, "u_center");
        u->scale = glGetUniformLocation(prog, "u_scale");
        u->viewport_center = glGetUniformLocation(prog, "u_viewport_center");
        u->framebuffer = glGetUniformLocation(prog, "u_framebuffer");
        u->color = glGetUniformLocation(prog, "u_color");
        u->point_scale = glGetUniformLocation(prog, "u_point_scale");
    }
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
    std::vector<uint32_t> borders;
    for (const Atlas::Ring& b : atlas.borders) {
        for (uint32_t k = 1; k < b.count; ++k) {
            borders.push_back(b.first + k - 1);
            borders.push_back(b.first + k);
        }
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
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(atlas.indices.size() * sizeof(uint32_t)),
                 atlas.indices.data(), GL_STATIC_DRAW);
    land_index_count_ = static_cast<int>(atlas.indices.size());

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
        glBindVertexArray(points_vao_);
        glDrawArrays(GL_POINTS, 0, point_count_);
    }
    glBindVertexArray(0);
    glUseProgram(0);
}

void MapRenderer::shutdown() {
    const GLuint buffers[] = {land_vbo_, land_ibo_, border_ibo_, instance_vbo_, color_vbo_};
    glDeleteBuffers(5, buffers);
    const GLuint vaos[] = {land_vao_, border_vao_, points_vao_};
    glDeleteVertexArrays(3, vaos);
    glDeleteProgram(fill_program_);
    glDeleteProgram(points_program_);
    valid_ = false;
}

}  // namespace px
