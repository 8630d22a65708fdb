// gl_calls.mjs — where a Proxinum frame's CPU time goes, WebGL call by call: every method of
// WebGL2RenderingContext is timed inside the page, frame by frame, on the map of France.
//
//   node tests/bench/gl_calls.mjs       (after ./tools/build)
//
// Prints the slowest frames: their CPU time, the part spent inside WebGL calls, and the calls that
// took it. This is how the synchronous GL state queries of imgui_impl_opengl3 were found
// (src/web/gl_fast.js). On a loaded machine the slowest frames left wait inside one ordinary call
// (bindVertexArray, scissor, bufferData…) for the GPU process; on an idle one the rare slow frames
// spend their time outside WebGL. Figures, not assertions: not part of tools/test.
import { join } from 'node:path';
import { serve } from '../../tools/serve.mjs';
import { launchChromium, root } from '../chromium.mjs';
const browser = await launchChromium();
const { server, url } = await serve(join(root, 'build/web/dist'), 0);
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.addInitScript(() => {
  const P = WebGL2RenderingContext.prototype;
  window.__cur = {}; window.__frames = []; window.__on = false;
  for (const k of Object.getOwnPropertyNames(P)) {
    const d = Object.getOwnPropertyDescriptor(P, k);
    if (!d || typeof d.value !== 'function') continue;
    const f = d.value;
    P[k] = function (...a) {
      if (!window.__on) return f.apply(this, a);
      const t = performance.now(); const r = f.apply(this, a); const dt = performance.now() - t;
      window.__cur[k] = (window.__cur[k] || 0) + dt; window.__cur.total = (window.__cur.total || 0) + dt;
      return r;
    };
  }
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => raf((ts) => {
    const t = performance.now(); window.__cur = {}; cb(ts);
    if (window.__on) window.__frames.push([performance.now() - t, window.__cur]);
  });
});
await page.goto(url + 'index.html');
await page.waitForFunction(() => window.proxinum && proxinum.ready, null, { timeout: 60000 });
await page.evaluate(() => { proxinum.setLens('carte'); proxinum.map.flyTo(2.2, 46.6, 5.5); });
await page.waitForTimeout(3000);
await page.evaluate(() => { window.__on = true; });
await page.waitForTimeout(8000);
const fr = await page.evaluate(() => { window.__on = false; return window.__frames; });
fr.sort((a, b) => b[0] - a[0]);
console.log('frames', fr.length);
for (const [t, c] of fr.slice(0, 12)) {
  const top = Object.entries(c).filter(([k]) => k !== 'total').sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, v]) => k + ' ' + v.toFixed(2)).join(', ');
  console.log(t.toFixed(2), 'gl', (c.total || 0).toFixed(2), top);
}
await browser.close(); server.close();
