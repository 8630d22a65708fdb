// har_browser.mjs — benchmark of the web audit in the browser: a 100 MB HAR (written by
// build/native/tests/har_bench, the same generator as the native benchmark) is handed to
// proxinum.auditHar as a Blob, as a dropped file would be, and read in 4 MiB chunks. Prints the
// throughput, the frames the page drew meanwhile (the page must not freeze), the longest gap
// between two frames, and the wasm heap afterwards. Debian's headless Chromium, SwiftShader.
//
//   node tests/bench/har_browser.mjs [MEGABYTES=100]
//
// Not part of tools/test: figures for the README, not assertions.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../../tools/serve.mjs';
import { launchChromium, root } from '../chromium.mjs';

const mb = Number(process.argv[2] || 100);
const dist = join(root, 'build/web/dist');
// A folder with the app and the HAR side by side, served from one origin.
const dir = mkdtempSync(join(tmpdir(), 'proxinum-harbench-'));
for (const f of readdirSync(dist)) symlinkSync(join(dist, f), join(dir, f));
execFileSync(join(root, 'build/native/tests/har_bench'), [String(mb), join(dir, 'with.har'), join(dir, 'without.har')],
             { stdio: 'ignore' });

const browser = await launchChromium();
const { server, url } = await serve(dir, 0);
const results = {};
try {
 for (const file of ['with.har', 'without.har']) {
  const runs = [];
  results[file] = runs;
  for (let run = 0; run < 3; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, screen: { width: 2560, height: 1600 } });
    const page = await context.newPage();
    await page.goto(url + 'index.html');
    await page.waitForFunction(() => window.proxinum && window.proxinum.ready, null, { timeout: 60000 });
    const r = await page.evaluate(async (file) => {
      const blob = await (await fetch(file)).blob();
      await proxinum.auditHar('warm.har', '{"log":{"entries":[]}}');  // the audit's data, fetched once
      // Time spent inside the wasm reader itself (px_har_feed), apart from the page's frames.
      let feedMs = 0;
      const ccall = Module.ccall;
      Module.ccall = function (name) {
        const t = performance.now();
        const r = ccall.apply(this, arguments);
        if (name === 'px_har_feed') feedMs += performance.now() - t;
        return r;
      };
      let frames = 0, last = performance.now(), maxGap = 0, running = true;
      const tick = () => {
        const now = performance.now();
        maxGap = Math.max(maxGap, now - last);
        last = now;
        frames++;
        if (running) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      const t0 = performance.now();
      const res = await proxinum.auditHar(file, blob);
      const ms = performance.now() - t0;
      running = false;
      Module.ccall = ccall;
      return { ok: res.ok, requests: res.audit && res.audit.requests, bytes: blob.size, ms, frames, maxGap, feedMs,
               heap: HEAPU8.length };
    }, file);
    runs.push(r);
    await context.close();
  }
 }
} finally {
  await browser.close();
  server.close();
}
for (const [file, runs] of Object.entries(results)) {
  const best = runs.reduce((a, b) => (a.ms < b.ms ? a : b));
  console.log(`${file === 'with.har' ? 'HAR with content' : 'HAR without content'}: ${(best.bytes / 1e6).toFixed(1)} MB, ${best.requests} requests, ok=${best.ok}`);
  console.log(`| browser read + audit, best of ${runs.length} | ${(best.bytes / 1e6 / (best.ms / 1000)).toFixed(0)} MB/s (${(best.ms / 1000).toFixed(2)} s) |`);
  console.log(`| the wasm reader alone (px_har_feed) | ${(best.bytes / 1e6 / (best.feedMs / 1000)).toFixed(0)} MB/s (${(best.feedMs / 1000).toFixed(2)} s) |`);
  console.log(`| frames drawn while reading | ${best.frames} (longest gap ${best.maxGap.toFixed(0)} ms) |`);
  console.log(`| wasm heap after the read | ${(best.heap / 1048576).toFixed(0)} MiB |`);
}
