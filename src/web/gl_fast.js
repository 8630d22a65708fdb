// gl_fast.js — Emscripten GL functions answered without a round trip to Chromium's GPU process
// (passed to emcc with --js-library; they replace those of Emscripten's library_webgl.js).
//
// Measured with tests/bench/map.mjs and a per-call timer on WebGL2RenderingContext: each frame,
// imgui_impl_opengl3 backs up the GL state it changes. Chromium answers most getParameter() queries
// from a client-side cache, but not GL_SCISSOR_BOX and the six blend-function/equation values:
// each of those waits until the GPU process has executed every command sent so far. With a
// software GPU (SwiftShader) that wait was ≈ 2.1 ms of a ≈ 2.5 ms frame. So this file keeps a
// shadow of those seven values, written by the only functions that change them (all GL calls of
// the app go through Emscripten), and glGetIntegerv answers them from it. Before the first
// glScissor call the scissor box is still asked of the browser (its default is the canvas size).
// glIsProgram is answered from Emscripten's program table for the same reason (imgui calls it
// each frame; glDeleteProgram clears the entry, so a program in the table is alive).
// Does NOT change what is drawn: every call still reaches WebGL.
mergeInto(LibraryManager.library, {
  // WebGL's initial values: blend ONE, ZERO for colour and alpha; equation FUNC_ADD for both.
  $pxGl: { scissor: null, blend: [1, 0, 1, 0], equation: [0x8006, 0x8006] },

  glScissor__sig: 'viiii',
  glScissor__deps: ['$pxGl'],
  glScissor: function (x, y, w, h) { pxGl.scissor = [x, y, w, h]; GLctx.scissor(x, y, w, h); },

  glBlendFunc__sig: 'vii',
  glBlendFunc__deps: ['$pxGl'],
  glBlendFunc: function (s, d) { pxGl.blend = [s, d, s, d]; GLctx.blendFunc(s, d); },

  glBlendFuncSeparate__sig: 'viiii',
  glBlendFuncSeparate__deps: ['$pxGl'],
  glBlendFuncSeparate: function (sr, dr, sa, da) { pxGl.blend = [sr, dr, sa, da]; GLctx.blendFuncSeparate(sr, dr, sa, da); },

  glBlendEquation__sig: 'vi',
  glBlendEquation__deps: ['$pxGl'],
  glBlendEquation: function (m) { pxGl.equation = [m, m]; GLctx.blendEquation(m); },

  glBlendEquationSeparate__sig: 'vii',
  glBlendEquationSeparate__deps: ['$pxGl'],
  glBlendEquationSeparate: function (r, a) { pxGl.equation = [r, a]; GLctx.blendEquationSeparate(r, a); },

  glGetIntegerv__sig: 'vii',
  glGetIntegerv__deps: ['$pxGl', '$emscriptenWebGLGet'],
  glGetIntegerv: function (name_, p) {
    var v = null;
    switch (name_) {
      case 0x0C10: v = pxGl.scissor; break;            // GL_SCISSOR_BOX
      case 0x80C9: v = [pxGl.blend[0]]; break;         // GL_BLEND_SRC_RGB
      case 0x80C8: v = [pxGl.blend[1]]; break;         // GL_BLEND_DST_RGB
      case 0x80CB: v = [pxGl.blend[2]]; break;         // GL_BLEND_SRC_ALPHA
      case 0x80CA: v = [pxGl.blend[3]]; break;         // GL_BLEND_DST_ALPHA
      case 0x8009: v = [pxGl.equation[0]]; break;      // GL_BLEND_EQUATION_RGB
      case 0x883D: v = [pxGl.equation[1]]; break;      // GL_BLEND_EQUATION_ALPHA
    }
    if (v === null || !p) {
      emscriptenWebGLGet(name_, p, {{{ cDefine('EM_FUNC_SIG_PARAM_I') }}});
      return;
    }
    for (var i = 0; i < v.length; i++) HEAP32[(p >> 2) + i] = v[i];
  },

  glIsProgram__sig: 'ii',
  glIsProgram: function (program) { return GL.programs[program] ? 1 : 0; },
});
