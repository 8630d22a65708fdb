#version 300 es
// flows.frag.glsl — solid or dashed lines: the jurisdiction is told by the colour AND the dash
// pattern, never by colour alone.
precision mediump float;
in vec4 v_color;
in float v_along_px;
in float v_dash_px;
out vec4 o_color;
void main() {
    if (v_dash_px > 0.0 && mod(v_along_px, v_dash_px) > v_dash_px * 0.6) discard;
    o_color = v_color;
}
