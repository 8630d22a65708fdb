#version 300 es
// points.frag.glsl — an anti-aliased disc (u_shape 0: communes) or diamond (u_shape 1: markers,
// so that a catalog entry is told from a commune by its shape, not only its colour); shapes
// wider than 5 px get a thin darker rim.
precision mediump float;
in vec4 v_color;
in float v_radius_px;
uniform float u_shape;
out vec4 o_color;
void main() {
    float half_size = v_radius_px + 1.0;
    vec2 q = (gl_PointCoord * 2.0 - 1.0) * half_size;  // pixels from the centre
    float d = u_shape > 0.5 ? (abs(q.x) + abs(q.y)) * 0.75 : length(q);
    float alpha = clamp(v_radius_px - d + 0.5, 0.0, 1.0);
    if (alpha <= 0.0) discard;
    float rim = v_radius_px > 2.5 ? clamp(d - (v_radius_px - 1.2), 0.0, 1.0) : 0.0;
    vec3 rgb = mix(v_color.rgb, v_color.rgb * 0.45, rim);
    o_color = vec4(rgb, v_color.a * alpha);
}
