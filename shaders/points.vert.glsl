#version 300 es
// points.vert.glsl — communes as point sprites: one vertex per commune at its Web Mercator world
// position, gl_PointSize from its radius (CSS px × u_point_scale). Point sprites rather than
// instanced quads: SwiftShader (the software WebGL2 of CI and of machines without a GPU) draws
// instances one by one, ~25 µs each, and 35,000 communes took 0.9 s per frame that way.
precision highp float;
layout(location = 0) in vec2 a_world;
layout(location = 1) in float a_radius;  // CSS pixels at the France-wide zoom
layout(location = 2) in vec4 a_color;
uniform vec2 u_center;
uniform float u_scale;
uniform vec2 u_viewport_center;
uniform vec2 u_framebuffer;
uniform float u_point_scale;  // devicePixelRatio × zoom growth
out vec4 v_color;
out float v_radius_px;
void main() {
    float r = max(a_radius * u_point_scale, 0.8);
    vec2 px = u_viewport_center + (a_world - u_center) * u_scale;
    vec2 ndc = px / u_framebuffer * 2.0 - 1.0;
    gl_Position = vec4(ndc.x, -ndc.y, 0.0, 1.0);
    gl_PointSize = 2.0 * r + 2.0;  // +1 px each side for the anti-aliased edge
    v_color = a_color;
    v_radius_px = r;
}
