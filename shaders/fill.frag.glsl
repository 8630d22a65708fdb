#version 300 es
// fill.frag.glsl — one flat colour per draw (land, borders).
precision mediump float;
uniform vec4 u_color;
out vec4 o_color;
void main() { o_color = u_color; }
