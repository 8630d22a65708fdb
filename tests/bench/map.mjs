// map.mjs — Proxinum's map against MapLibre GL JS, side by side in the same headless Chromium
// run: the same data (countries + one point per commune), the same window, France in view.
//
//   node tests/bench/map.mjs [RUNS]      (after ./tools/build; default 5 runs each)
//
// Measured for each: navigation → first complete map (Proxinum: window.proxinum.ready;
// MapLibre: its "idle" event, everything loaded and drawn), and the CPU time of one frame
// (Proxinum: its whole frame, UI included, from proxinum.stats(); MapLibre: its _render call on
// forced repaints). MapLibre 5.24.1 (UMD build) reads GeoJSON: the communes exported by
// `proxinum layer communes`, the countries converted from the same world-atlas TopoJSON with
// topojson-client. Everything is served from 127.0.0.1; no tiles, no network.
// Prints a Markdown table for the README. Not part of tools/test: figures, not assertions.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { serve } from '../../tools/serve.mjs';
import { launchChromium, root, toolsRequire } from '../chromium.mjs';

const topojson = toolsRequire('topojson-client');
const runs = Number(process.argv[2] || 5);
const modules = join(root, 'tools/node_modules');

// The MapLibre page and its data, in build/bench/ next to a copy of Proxinum's dist.
const dir = join(root, 'build/bench');
mkdirSync(dir, { recursive: true });
for (const f of ['index.html', 'proxinum.js', 'proxinum.wasm']) copyFileSync(join(root, 'build/web/dist', f), join(dir, f));
copyFileSync(join(modules, 'maplibre-gl/dist/maplibre-gl.js'), join(dir, 'maplibre-gl.js'));
copyFileSync(join(modules, 'maplibre-gl/dist/maplibre-gl.css'), join(dir, 'maplibre-gl.css'));
writeFileSync(join(dir, 'communes.geojson'),
              execFileSync(join(root, 'build/native/proxinum'), ['layer', 'communes'], { maxBuffer: 1 << 28 }));
const topo = JSON.parse(readFileSync(join(modules, 'world-atlas/countries-50m.json'), 'utf8'));
writeFileSync(join(dir, 'countries.geojson'), JSON.stringify(topojson.feature(topo, topo.objects.countries)));
writeFileSync(join(dir, 'maplibre.html'), `<!doctype html>
<html><head><meta charset="utf-8"><link rel="icon" href="data:,"><link rel="stylesheet" href="maplibre-gl.css">
<style>html,body,#map{margin:0;height:100%}</style></head><body><div id="map"></div>
<script src="maplibre-gl.js"></script><script>
const map = new maplibregl.Map({ container: 'map', center: [2.2, 46.2], zoom: 4.9, attributionControl: false,
  style: { version: 8, sources: {
      countries: { type: 'geojson', data: 'countries.geojson' },
      communes: { type: 'geojson', data: 'communes.geojson' } },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': '#d6e4f0' } },
      { id: 'land', type: 'fill', source: 'countries', paint: { 'fill-color': '#f6f4ee' } },
      { id: 'borders', type: 'line', source: 'countries', paint: { 'line-color': '#8c8780', 'line-width': 1 } },
      { id: 'communes', type: 'circle', source: 'communes', paint: { 'circle-color': '#000091', 'circle-opacity': 0.8,
        'circle-radius': ['min', 6, ['+', 0.5, ['*', 0.1, ['sqrt', ['/', ['get', 'population'], 100]]]]] } } ] } });
map.once('idle', () => { performance.mark('maplibre-idle'); window.mapIdle = true; });
window.benchMap = map;
</script></body></html>`);

const browser = await launchChromium();
const { server, url } = await serve(dir, 0);
const viewport = { width: 1280, height: 800 };
const median = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
const waitFrames = (page, n) => page.evaluate((k) => new Promise((res) => {
  const step = () => (k-- <= 0 ? res() : requestAnimationFrame(step)); step();
}), n);

async function proxinumRun() {
  const context = await browser.newContext({ viewport, screen: { width: 2560, height: 1600 } });
  const page = await context.newPage();
  await page.goto(url + 'index.html');
  await page.waitForFunction(() => window.proxinum && proxinum.ready, null, { timeout: 60000 });
  const first = await page.evaluate(() => performance.getEntriesByName('proxinum-ready')[0].startTime);
  await page.evaluate(() => { proxinum.setLens('carte'); proxinum.map.flyTo(2.2, 46.6, 5.3); });
  await waitFrames(page, 300);  // every frame is a full redraw: map layers and the UI
  const stats = await page.evaluate(() => proxinum.stats());
  await context.close();
  return { first, median: stats.median_ms, p95: stats.p95_ms };
}

async function maplibreRun() {
  const context = await browser.newContext({ viewport, screen: { width: 2560, height: 1600 } });
  const page = await context.newPage();
  await page.goto(url + 'maplibre.html');
  await page.waitForFunction(() => window.mapIdle === true, null, { timeout: 120000 });
  const first = await page.evaluate(() => performance.getEntriesByName('maplibre-idle')[0].startTime);
  const times = await page.evaluate(() => new Promise((res) => {
    const map = window.benchMap, t = [];
    const orig = map._render.bind(map);
    map._render = (arg) => { const t0 = performance.now(); const r = orig(arg); t.push(performance.now() - t0); return r; };
    let n = 0;
    const step = () => { if (n++ < 300) { map.triggerRepaint(); requestAnimationFrame(step); } else res(t); };
    step();
  }));
  await context.close();
  times.sort((a, b) => a - b);
  return { first, median: times[Math.floor(times.length / 2)], p95: times[Math.floor(times.length * 0.95)] };
}

const px = [], ml = [];
for (let i = 0; i < runs; i++) {
  px.push(await proxinumRun());
  ml.push(await maplibreRun());
}
await browser.close();
server.close();

const row = (label, a, b, unit, digits) => {
  const ma = median(a), mb = median(b);
  console.log(`| ${label} | ${ma.toFixed(digits)} ${unit} | ${mb.toFixed(digits)} ${unit} | ${(ma / mb).toFixed(2)} |`);
};
console.log(`| measure (median of ${runs} runs) | Proxinum | MapLibre GL JS 5.24.1 | ratio |`);
console.log('|---|---|---|---|');
row('navigation → first complete map', px.map((r) => r.first), ml.map((r) => r.first), 'ms', 0);
row('CPU per frame, median', px.map((r) => r.median), ml.map((r) => r.median), 'ms', 2);
row('CPU per frame, 95th percentile', px.map((r) => r.p95), ml.map((r) => r.p95), 'ms', 2);
console.log(`\nmachine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Chromium headless, SwiftShader WebGL2, ${viewport.width}×${viewport.height}`);
