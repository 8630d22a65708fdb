// startup.mjs — benchmark of the web app's first load: gzip size of what the browser downloads,
// and the time from navigation start to the first complete frame (window.proxinum.ready, marked
// as performance mark "proxinum-ready"), in Debian's headless Chromium on SwiftShader.
//
//   node tests/bench/startup.mjs [RUNS]      (default 7 runs, a fresh browser context each)
//
// Prints a Markdown table for the README. Not part of tools/test: figures, not assertions.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from '../../tools/serve.mjs';
import { launchChromium, root } from '../chromium.mjs';

const dist = join(root, 'build/web/dist');
const runs = Number(process.argv[2] || 7);

const gz = (f) => gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
const raw = (f) => readFileSync(join(dist, f)).length;
const kb = (n) => (n / 1024).toFixed(1);
const firstLoad = ['index.html', 'proxinum.js', 'proxinum.wasm'];

const browser = await launchChromium();
const { server, url } = await serve(dist, 0);

const lastMarks = {};
async function timeToReady(pageUrl) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 },
                                               screen: { width: 2560, height: 1600 } });
    const page = await context.newPage();
    await page.goto(pageUrl);
    await page.waitForFunction(() => window.proxinum && window.proxinum.ready, null, { timeout: 60000 });
    const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
    times.push(marks['proxinum-ready']);
    if (i === runs - 1) lastMarks[pageUrl] = marks;
    await context.close();
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], min: times[0], max: times[times.length - 1] };
}

const served = await timeToReady(url + 'index.html');
const single = await timeToReady(pathToFileURL(join(dist, 'proxinum.html')).href);
await browser.close();
server.close();

const total = firstLoad.reduce((s, f) => s + gz(f), 0);
const ms = (t) => `${t.median.toFixed(0)} ms (min ${t.min.toFixed(0)}, max ${t.max.toFixed(0)})`;
console.log(`| measure | value |`);
console.log(`|---|---|`);
console.log(`| first load, gzip (index.html + proxinum.js + proxinum.wasm) | ${kb(total)} KB |`);
const atlasGz = gzipSync(readFileSync(join(root, 'assets/atlas.bin')), { level: 9 }).length;
console.log(`| proxinum.wasm: code + embedded atlas, gzip | ${kb(gz('proxinum.wasm'))} KB (${kb(raw('proxinum.wasm'))} KB raw) |`);
console.log(`| the atlas alone (assets/atlas.bin), gzip | ${kb(atlasGz)} KB (${kb(readFileSync(join(root, 'assets/atlas.bin')).length)} KB raw) |`);
console.log(`| app code: wasm without the atlas (difference) + proxinum.js, gzip | ≈ ${kb(gz('proxinum.wasm') - atlasGz + gz('proxinum.js'))} KB |`);
console.log(`| proxinum.html (single file), gzip | ${kb(gz('proxinum.html'))} KB (${kb(raw('proxinum.html'))} KB raw) |`);
console.log(`| navigation → first complete frame, served (median of ${runs}) | ${ms(served)} |`);
console.log(`| navigation → first complete frame, proxinum.html from file:// (median of ${runs}) | ${ms(single)} |`);
for (const [u, m] of Object.entries(lastMarks)) {
  console.log(`\nstartup marks (last run, ms after navigation) for ${u.startsWith('file:') ? 'proxinum.html' : 'index.html'}:`);
  for (const [k, v] of Object.entries(m).sort((a, b) => a[1] - b[1])) console.log(`  ${k.padEnd(26)} ${v.toFixed(0)}`);
}
console.log(`\nmachine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Chromium ${browser.version()} headless, SwiftShader WebGL2`);
