#version 300 es
// points.frag.glsl — an anti-aliased disc; discs wider than 5 px get a thin darker rim, so that
// overlapping communes stay distinct without relying on colour alone.
precision mediump float;
in vec4 v_color;
in float v_radius_px;
out vec4 o_color;
void main() {
    float half_size = v_radius_px + 1.0;
    float d = length(gl_PointCoord * 2.0 - 1.0) * half_size;  // distance from the centre, px
    float alpha = clamp(v_radius_px - d + 0.5, 0.0, 1.0);
    if (alpha <= 0.0) discard;
    float rim = v_radius_px > 2.5 ? clamp(d - (v_radius_px - 1.2), 0.0, 1.0) : 0.0;
    vec3 rgb = mix(v_color.rgb, v_color.rgb * 0.55, rim);
    o_color = vec4(rgb, v_color.a * alpha);
}
