#version 300 es
// flows.vert.glsl — geodesic flow lines with a width in pixels: each sample of a line is two
// vertices (a_side = ±1) pushed apart along the screen-space normal of the segment it starts.
precision highp float;
layout(location = 0) in vec2 a_world;       // this sample, Web Mercator world units
layout(location = 1) in vec2 a_next;        // the next sample (the previous one for the last)
layout(location = 2) in float a_side;       // -1 or +1 (negated for the last sample)
layout(location = 3) in float a_along;      // distance along the line, CSS px at zoom 0
layout(location = 4) in vec4 a_color;
layout(location = 5) in float a_dash;       // 0 solid, else the dash period in CSS px
uniform vec2 u_center;
uniform float u_scale;
uniform vec2 u_viewport_center;
uniform vec2 u_framebuffer;
uniform float u_width;        // framebuffer px
uniform float u_pixel_ratio;
out vec4 v_color;
out float v_along_px;
out float v_dash_px;
vec2 to_px(vec2 w) { return u_viewport_center + (w - u_center) * u_scale; }
void main() {
    vec2 p = to_px(a_world);
    vec2 d = to_px(a_next) - p;
    vec2 n = length(d) > 0.0 ? normalize(vec2(-d.y, d.x)) : vec2(0.0, 1.0);
    vec2 px = p + n * a_side * u_width * 0.5;
    vec2 ndc = px / u_framebuffer * 2.0 - 1.0;
    gl_Position = vec4(ndc.x, -ndc.y, 0.0, 1.0);
    v_color = a_color;
    v_along_px = a_along * u_scale / 256.0;  // CSS px at zoom 0 → framebuffer px now
    v_dash_px = a_dash * u_pixel_ratio;
}
