#version 300 es
// fill.vert.glsl — countries (triangles) and borders (lines), in Web Mercator world units.
// u_center: world point at the viewport's centre; u_scale: framebuffer pixels per world unit.
precision highp float;
layout(location = 0) in vec2 a_world;
uniform vec2 u_center;
uniform float u_scale;
uniform vec2 u_viewport_center;  // framebuffer pixels
uniform vec2 u_framebuffer;      // framebuffer size in pixels
void main() {
    vec2 px = u_viewport_center + (a_world - u_center) * u_scale;
    vec2 ndc = px / u_framebuffer * 2.0 - 1.0;
    gl_Position = vec4(ndc.x, -ndc.y, 0.0, 1.0);
}
