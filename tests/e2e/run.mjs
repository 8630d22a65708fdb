// run.mjs — end-to-end tests of the web app in Debian's headless Chromium (playwright-core).
//
//   node tests/e2e/run.mjs          (tools/test runs it after the build)
//
// Each case opens the real page, waits for window.proxinum.ready, checks that the canvas shows
// a real picture (not a blank canvas), saves a screenshot under build/e2e/, and fails if any
// request went to another origin, if a cookie was set, or if the page logged an error:
//   http-1x    build/web/dist served on 127.0.0.1, 1280×800, devicePixelRatio 1; resize; page API
//   http-2x    the same at devicePixelRatio 2 (HiDPI), 1024×600, on a touch screen: drag, pinch
//   file       proxinum.html copied ALONE into an empty folder and opened from file://
// Never downloads a browser: Chromium comes from Debian (tools/setup installs it).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from '../../tools/serve.mjs';
import { launchChromium, root } from '../chromium.mjs';

const dist = join(root, 'build/web/dist');
const shots = join(root, 'build/e2e');
mkdirSync(shots, { recursive: true });

const READY_TIMEOUT_MS = 60_000;
const PICTURE_TIMEOUT_MS = 15_000;

// The CLI and the page are built from the same core: they must report the same version.
const cliVersion = execFileSync(join(root, 'build/native/proxinum'), ['--version'], { encoding: 'utf8' })
  .trim().replace(/^proxinum /, '');

const failures = [];
function check(name, cond, what) {
  if (!cond) failures.push(`${name}: ${what}`);
  return cond;
}

// Statistics of a screenshot, decoded by the browser itself in a blank page (no network).
async function pictureStats(browser, png) {
  const page = await browser.newPage();
  try {
    return await page.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bmp.width, bmp.height);
      const ctx = canvas.getContext('2d');
      ctx.drawImage(bmp, 0, 0);
      const d = ctx.getImageData(0, 0, bmp.width, bmp.height).data;
      const counts = new Map();
      let dark = 0;
      for (let i = 0; i < d.length; i += 4) {
        const key = (d[i] >> 3) << 10 | (d[i + 1] >> 3) << 5 | (d[i + 2] >> 3);
        counts.set(key, (counts.get(key) || 0) + 1);
        if (d[i] + d[i + 1] + d[i + 2] < 200) dark++;
      }
      const pixels = d.length / 4;
      const dominant = Math.max(...counts.values());
      return { width: bmp.width, height: bmp.height, colours: counts.size,
               dominantShare: dominant / pixels, darkShare: dark / pixels };
    }, png.toString('base64'));
  } finally {
    await page.close();
  }
}

async function runCase(browser, { name, url, allowed, viewport, dpr, extra, touch = false }) {
  const context = await browser.newContext({
    viewport, deviceScaleFactor: dpr, hasTouch: touch,
    screen: { width: 2560, height: 1600 },  // larger than the viewport: no fullscreen request
  });
  const requests = [];
  const problems = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });

  const t0 = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => window.proxinum && window.proxinum.ready === true,
                             null, { timeout: READY_TIMEOUT_MS });
  const readyMs = Date.now() - t0;
  const api = await page.evaluate(() => ({ version: proxinum.version, lens: proxinum.lens, lang: proxinum.lang }));
  // A Content-Security-Policy forbids other origins (the served page: its own folder only; the
  // single file: no connection at all); a violation would log an error, which fails the case.
  const csp = await page.evaluate(() => (document.querySelector('meta[http-equiv="Content-Security-Policy"]') || {}).content || '');
  check(name, /connect-src '(self|none)'/.test(csp) && !/unsafe-eval'/.test(csp.replace(/wasm-unsafe-eval/g, '')),
        `no Content-Security-Policy limiting connections, or one allowing eval: "${csp}"`);
  // No inline script but the page's own (by hash in proxinum.html): an injected onerror= cannot run.
  check(name, /script-src [^;]+/.test(csp) && !/script-src[^;]*'unsafe-inline'/.test(csp),
        `the Content-Security-Policy lets inline scripts run: "${csp}"`);
  check(name, api.version === cliVersion, `proxinum.version ${api.version} ≠ CLI ${cliVersion}`);
  check(name, api.lens === 'carte' && api.lang === 'fr', `starts on ${api.lens}/${api.lang}, expected carte/fr`);

  // HiDPI: the canvas backing store is its CSS size × devicePixelRatio.
  const size = await page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { w: c.width, h: c.height, cssW: c.clientWidth, cssH: c.clientHeight, dpr: devicePixelRatio };
  });
  check(name, size.cssW === viewport.width && size.cssH === viewport.height,
        `canvas CSS size ${size.cssW}×${size.cssH} does not fill the ${viewport.width}×${viewport.height} window`);
  check(name, size.w === Math.round(size.cssW * dpr) && size.h === Math.round(size.cssH * dpr),
        `canvas backing store ${size.w}×${size.h}, expected ${size.cssW * dpr}×${size.cssH * dpr}`);

  // The browser presents the WebGL frame asynchronously (the GPU process may lag on a loaded
  // machine): look again for up to PICTURE_TIMEOUT_MS before calling the screen blank.
  const isPicture = (st) => st.colours >= 40 && st.dominantShare < 0.9 && st.darkShare > 0.002;
  let stats;
  const tShot = Date.now();
  do {
    const png = await page.screenshot({ path: join(shots, `${name}.png`) });
    stats = await pictureStats(browser, png);
  } while (!isPicture(stats) && Date.now() - tShot < PICTURE_TIMEOUT_MS);
  const pictureMs = Date.now() - tShot;
  check(name, stats.colours >= 40, `only ${stats.colours} colours: a blank or flat canvas`);
  check(name, stats.dominantShare < 0.9, `one colour covers ${(stats.dominantShare * 100).toFixed(1)} % of the screen`);
  if (!check(name, stats.darkShare > 0.002, `almost no dark pixels (${(stats.darkShare * 100).toFixed(2)} %): no text drawn`)) {
    copyFileSync(join(shots, `${name}.png`), join(shots, `${name}-failed.png`));  // kept for a look
  }

  if (extra) await extra(page, name);

  const cookies = await context.cookies();
  check(name, cookies.length === 0, `${cookies.length} cookie(s) set`);
  const foreign = requests.filter((u) => !allowed(u));
  check(name, foreign.length === 0, `requests to other origins:\n    ${foreign.join('\n    ')}`);
  for (const p of problems) failures.push(`${name}: ${p}`);
  console.log(`e2e ${name}: ready in ${readyMs} ms, ${requests.length} request(s), ` +
              `${foreign.length} foreign, ${stats.colours} colours (screenshot took ${pictureMs} ms), ` +
              `screenshot build/e2e/${name}.png`);
  await context.close();
}

const nextFrames = (page, n = 3) => page.evaluate((k) => new Promise((res) => {
  const step = () => (k-- <= 0 ? res() : requestAnimationFrame(step)); step();
}), n);

// The map: opens on France; picks Châtellerault through the page API; mouse wheel, drag and
// keyboard move it.
async function mapChecks(page, name) {
  await page.evaluate(() => proxinum.setLens('carte'));  // also closes the welcome card
  await nextFrames(page);
  const v0 = await page.evaluate(() => proxinum.map.view());
  check(name, v0.lon > -2 && v0.lon < 6 && v0.lat > 44 && v0.lat < 49 && v0.zoom > 4 && v0.zoom < 7,
        `the map does not open on France: ${JSON.stringify(v0)}`);
  check(name, await page.evaluate(() => proxinum.map.flyTo(0.5452, 46.8171, 10)) === true, 'flyTo refused');
  await nextFrames(page);
  const picked = await page.evaluate(() => {
    const p = proxinum.map.project(0.5452, 46.8171);
    return proxinum.map.pick(p.x, p.y);
  });
  check(name, picked && picked.insee === '86066' && picked.name === 'Châtellerault',
        `pick at Châtellerault gave ${JSON.stringify(picked)}`);
  check(name, await page.evaluate(() => proxinum.map.pick(1, 1)) === null, 'pick outside the map found a commune');
  let threw = false;
  try { await page.evaluate(() => proxinum.map.flyTo('a', 1, 2)); } catch { threw = true; }
  check(name, threw, 'flyTo accepted a non-number');

  // Mouse: the wheel zooms in, a drag pans.
  await page.mouse.move(630, 400);
  const z0 = (await page.evaluate(() => proxinum.map.view())).zoom;
  await page.mouse.wheel(0, -120);
  await nextFrames(page, 4);
  const z1 = (await page.evaluate(() => proxinum.map.view())).zoom;
  check(name, z1 > z0, `the wheel did not zoom in (${z0} → ${z1})`);
  const c0 = await page.evaluate(() => proxinum.map.view());
  await page.mouse.down();
  for (let k = 1; k <= 6; k++) { await page.mouse.move(630 + 25 * k, 400); await nextFrames(page, 1); }
  await page.mouse.up();
  await nextFrames(page);
  const c1 = await page.evaluate(() => proxinum.map.view());
  check(name, c1.lon < c0.lon, `dragging east did not move the view west (${c0.lon} → ${c1.lon})`);
  // Keyboard: after a click on the map, '+' zooms in by one level.
  await page.mouse.click(630, 400);
  await nextFrames(page);
  const z2 = (await page.evaluate(() => proxinum.map.view())).zoom;
  await page.keyboard.press('Equal');
  await nextFrames(page, 4);
  const z3 = (await page.evaluate(() => proxinum.map.view())).zoom;
  check(name, Math.abs(z3 - z2 - 1) < 1e-6, `'+' did not zoom in by one level (${z2} → ${z3})`);
  await page.evaluate(() => proxinum.map.flyTo(0.5452, 46.8171, 9));
  await nextFrames(page, 4);
  await page.screenshot({ path: join(shots, `${name}-chatellerault.png`) });

  // Overlay: flows from Niort to providers, coloured by jurisdiction, and markers; a bad
  // overlay is refused with the field's JSON Pointer.
  const niort = [-0.4594, 46.3239];
  const good = await page.evaluate((from) => proxinum.map.setOverlay({
    flows: [{ from, to: [-122.08, 37.42], jurisdiction: 'us', label: 'Messagerie' },
            { from, to: [3.17, 50.69], jurisdiction: 'fr', label: 'Hébergement' },
            { from, to: [-6.26, 53.35], jurisdiction: 'eu', label: 'Visio' },
            { from, to: [139.69, 35.69], jurisdiction: 'other' },
            { from, to: [166.46, -22.27] }],
    markers: [{ lon: -0.46, lat: 46.33, label: 'Atelier numérique' }, { lon: -0.35, lat: 46.28 }] }), niort);
  check(name, good.ok === true && good.errors.length === 0, `setOverlay refused a good overlay: ${JSON.stringify(good)}`);
  const bad = await page.evaluate(() => proxinum.map.setOverlay({ flows: [{ from: [0, 0], to: [1, 1], jurisdiction: 'mars' }] }));
  check(name, bad.ok === false && bad.errors[0].pointer === '/flows/0/jurisdiction',
        `setOverlay accepted a bad overlay or did not say where: ${JSON.stringify(bad)}`);
  const syntax = await page.evaluate(() => proxinum.map.setOverlay('{"flows": [}'));
  check(name, syntax.ok === false && syntax.errors[0].id === 'JSON_SYNTAX' && syntax.errors[0].line === 1,
        `a JSON syntax error was not reported with its place: ${JSON.stringify(syntax)}`);
  // Choropleth: communes coloured by a value, unknown codes reported, bad input refused.
  const values = { '86066': 31003, '86194': 88000, '79191': 59854, '86001': 400, '99999': 1 };
  const colored = await page.evaluate((v) => proxinum.map.setCommuneValues(v, { title: 'Essai', classes: 3 }), values);
  check(name, colored.ok === true && colored.withValue === 4 && colored.unknownCodes.join() === '99999',
        `setCommuneValues: ${JSON.stringify(colored)}`);
  const badValues = await page.evaluate(() => proxinum.map.setCommuneValues({ '86066': 'beaucoup' }));
  check(name, badValues.ok === false && badValues.errors[0].pointer === '/values/86066',
        `setCommuneValues accepted a non-number: ${JSON.stringify(badValues)}`);
  check(name, (await page.evaluate(() => proxinum.map.setCommuneValues(null))).ok === true, 'clearing the values failed');
  await page.evaluate(() => proxinum.map.flyTo(10, 40, 1.6));
  await nextFrames(page, 4);
  await page.screenshot({ path: join(shots, `${name}-flows.png`) });
}

// Touch: one finger drags the map, two fingers pinch-zoom it (CDP multi-touch events).
async function touchChecks(page, name) {
  await page.evaluate(() => { proxinum.setLens('carte'); proxinum.map.flyTo(2.2, 46.6, 5.5); });
  await nextFrames(page);
  const cdp = await page.context().newCDPSession(page);
  const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
  const v0 = await page.evaluate(() => proxinum.map.view());
  await touch('touchStart', [[600, 400]]);
  for (let k = 1; k <= 6; k++) { await touch('touchMove', [[600 + 20 * k, 400]]); await nextFrames(page, 1); }
  await touch('touchEnd', []);
  await nextFrames(page, 3);
  const v1 = await page.evaluate(() => proxinum.map.view());
  check(name, v1.lon < v0.lon - 0.1, `a one-finger drag did not pan the map (${v0.lon} → ${v1.lon})`);
  await touch('touchStart', [[600, 400], [660, 400]]);
  for (let k = 1; k <= 6; k++) { await touch('touchMove', [[600 - 15 * k, 400], [660 + 15 * k, 400]]); await nextFrames(page, 1); }
  await touch('touchEnd', []);
  await nextFrames(page, 3);
  const v2 = await page.evaluate(() => proxinum.map.view());
  // The fingers moved from 60 px apart to 240 px: two zoom levels.
  check(name, Math.abs(v2.zoom - v1.zoom - 2) < 0.05, `pinching did not zoom by 2 levels (${v1.zoom} → ${v2.zoom})`);
}

// The diagnostic through the page API: an inventory and a catalog go in, and the report is the
// very same JSON as `proxinum score` gives for the workspace the page hands back.
async function diagnosticChecks(page, name) {
  const sample = readFileSync(join(root, 'docs/samples/boutique-plateformes.json'), 'utf8');
  const loaded = await page.evaluate((t) => proxinum.loadWorkspace(t), sample);
  check(name, loaded.ok === true, `loadWorkspace refused the sample: ${JSON.stringify(loaded)}`);
  const csv = readFileSync(join(root, 'docs/samples/catalogue-exemple.csv'));
  const imported = await page.evaluate((b) => proxinum.importFile('catalogue-exemple.csv', new Uint8Array(b)), [...csv]);
  check(name, imported.ok === true && imported.providers === 3 && imported.format === 'csv',
        `importFile refused the sample catalog: ${JSON.stringify(imported)}`);
  const before = await page.evaluate(() => proxinum.getWorkspace());
  const bad = await page.evaluate(() => proxinum.importFile('bad.csv', 'nom;code_insee\nA;99999\n;79191\n'));
  check(name, bad.ok === false && bad.errors.length === 2 && bad.errors[0].line === 2 && bad.errors[1].line === 3,
        `a bad catalog was not refused row by row: ${JSON.stringify(bad)}`);
  const badWs = await page.evaluate(() => proxinum.loadWorkspace('{"format": "proxinum-workspace", "version": 1, "services": [{"category": "mail"}]}'));
  check(name, badWs.ok === false && badWs.errors[0].pointer === '/services/0/category',
        `a bad workspace was not refused with its field: ${JSON.stringify(badWs)}`);
  check(name, (await page.evaluate(() => proxinum.getWorkspace())) === before, 'a refused import changed the workspace');
  const report = await page.evaluate(() => proxinum.report());
  const dir = mkdtempSync(join(tmpdir(), 'proxinum-ws-'));
  writeFileSync(join(dir, 'workspace.json'), before);
  const cli = JSON.parse(execFileSync(join(root, 'build/native/proxinum'), ['score', join(dir, 'workspace.json')],
                                      { encoding: 'utf8', env: { ...process.env, LANG: 'fr_FR.UTF-8', LC_ALL: '' } }));
  check(name, JSON.stringify(report) === JSON.stringify(cli),
        `the page's report differs from the CLI's for the same workspace:\n${JSON.stringify(report).slice(0, 400)}\n${JSON.stringify(cli).slice(0, 400)}`);
  check(name, report.grade === 'G' && report.alternatives.some((a) => a.catalog === 'catalogue-exemple'),
        `unexpected report: grade ${report.grade}, ${report.alternatives.length} alternatives`);
  check(name, await page.evaluate(() => proxinum.setLens('diagnostic')) === true, 'setLens("diagnostic") refused');
  await nextFrames(page, 4);
  await page.screenshot({ path: join(shots, `${name}-diagnostic.png`) });
}

// The welcome card's "Voir un exemple", by keyboard: the example shop opens in the diagnostic.
// English texts are loaded when English is chosen (messages-en.bin served, or inflated from
// proxinum.html): the mirror then speaks English; back to French after.
async function englishChecks(page, name) {
  const lens = await page.evaluate(() => proxinum.lens);
  await page.evaluate(() => { proxinum.setLang('en'); proxinum.setLens('carte'); return proxinum.languageLoaded(); });
  await nextFrames(page, 3);
  const h2 = await page.evaluate(() => (document.querySelector('#px-mirror h2') || {}).textContent || '');
  check(name, h2.startsWith('Map'), `the English texts did not arrive: the mirror says "${h2}"`);
  await page.evaluate((l) => { proxinum.setLens(l); proxinum.setLang('fr'); }, lens);
  await nextFrames(page, 3);
}

async function exampleChecks(page, name) {
  await page.keyboard.press('Tab');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await nextFrames(page, 3);
  check(name, await page.evaluate(() => proxinum.lens) === 'diagnostic', '"Voir un exemple" did not open the diagnostic');
  const r = await page.evaluate(() => proxinum.report());
  check(name, r.grade === 'G' && r.organisation.name.startsWith('Exemple'),
        `"Voir un exemple" did not load the example shop: ${JSON.stringify(r).slice(0, 200)}`);
  await page.screenshot({ path: join(shots, `${name}-example.png`) });
  await auditChecks(page, name, { compareBig: false });  // the audit's data comes from the page itself
  await printChecks(page, name);  // under the single file's stricter policy
  await englishChecks(page, name);
}

// The web audit: HAR files streamed through the page API give the same JSON as the CLI; a bad
// one is refused with its byte offset and leaves the last audit as it was.
async function auditChecks(page, name, { compareBig = true } = {}) {
  const cli = (file) => JSON.parse(execFileSync(join(root, 'build/native/proxinum'), ['audit', file],
                                                { encoding: 'utf8', env: { ...process.env, LANG: 'fr_FR.UTF-8', LC_ALL: '' } }));
  const small = join(root, 'tests/fixtures/har/mairie.har');
  let got;
  if (compareBig) {
    got = await page.evaluate((b) => proxinum.auditHar('mairie.har', new Uint8Array(b)), [...readFileSync(small)]);
  } else {
    // As a user would: the file dropped on the page (a .har goes to the audit).
    await page.evaluate((b) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(b)], 'mairie.har', { type: 'application/json' }));
      document.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, [...readFileSync(small)]);
    await page.waitForFunction(() => proxinum.audit() !== null, null, { timeout: 15000 }).catch(() => {});
    got = { ok: true, audit: await page.evaluate(() => proxinum.audit()) };
  }
  check(name, got.ok === true, `auditHar refused mairie.har: ${JSON.stringify(got).slice(0, 300)}`);
  check(name, JSON.stringify(got.audit) === JSON.stringify(cli(small)),
        `the page's audit differs from the CLI's:\n${JSON.stringify(got.audit).slice(0, 300)}\n${JSON.stringify(cli(small)).slice(0, 300)}`);
  check(name, await page.evaluate(() => proxinum.lens) === 'audit', 'reading a HAR did not open the audit lens');
  const before = await page.evaluate(() => JSON.stringify(proxinum.audit()));
  const truncated = join(root, 'tests/fixtures/har/truncated.har');
  const bad = await page.evaluate((b) => proxinum.auditHar('truncated.har', new Uint8Array(b)), [...readFileSync(truncated)]);
  check(name, bad.ok === false && /truncated\.har:@700/.test(bad.errors[0].message),
        `a truncated HAR was not refused at its byte: ${JSON.stringify(bad)}`);
  check(name, await page.evaluate(() => JSON.stringify(proxinum.audit())) === before, 'a refused HAR changed the audit');
  const opts = await page.evaluate(() => proxinum.setAuditOptions({ dom: 1200, green: true, ours: ['google-analytics.com'] }));
  const after = await page.evaluate(() => proxinum.audit());
  check(name, opts.ok && after.trackers === 0 && after.co2.green === true && after.pages[0].domSource === 'user',
        `setAuditOptions was not applied: ${JSON.stringify(after).slice(0, 300)}`);
  await page.evaluate(() => proxinum.setAuditOptions({ dom: 0, green: false, ours: [] }));
  // Cancel: a 60 MB HAR made in the page, stopped after its first chunks; the audit stays.
  const cancelled = await page.evaluate(async () => {
    const entry = '{"request":{"method":"GET","url":"https://cdn.example.org/a.js"},"response":{"status":200,' +
                  '"content":{"size":5000,"mimeType":"application/javascript","text":"' + 'x'.repeat(5000) + '"}}}';
    const text = '{"log":{"version":"1.2","entries":[' + Array(12000).fill(entry).join(',') + ']}}';
    const p = proxinum.auditHar('gros.har', text);
    setTimeout(() => proxinum.cancelAudit(), 0);
    return p;
  });
  check(name, cancelled.ok === false && cancelled.cancelled === true, `cancelAudit did not stop the reading: ${JSON.stringify(cancelled).slice(0, 200)}`);
  check(name, await page.evaluate(() => JSON.stringify(proxinum.audit())) === before, 'a cancelled HAR changed the audit');
  if (compareBig) {
    // A real 7.9 MB Chrome export (npm json-caching-proxy's test fixture), read in two chunks.
    const big = join(root, 'tools/node_modules/json-caching-proxy/test/test.har');
    const res = await page.evaluate(async (b) => {
      const r = await proxinum.auditHar('test.har', new Uint8Array(b));
      return r.ok ? JSON.stringify(r.audit) : JSON.stringify(r);
    }, [...readFileSync(big)]);
    check(name, res === JSON.stringify(cli(big)), `the page's audit of test.har differs from the CLI's: ${res.slice(0, 300)}`);
  }
  await nextFrames(page, 4);
  await page.screenshot({ path: join(shots, `${name}-audit.png`) });
}

// Injection (issue 8): names that would run as HTML or as a spreadsheet formula stay text. The
// page shows them (diagnostic lens), no dialog opens, no image is requested, and the workspace
// hands them back byte for byte.
async function injectionChecks(page, name) {
  const evil = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '=HYPERLINK("http://x.invalid","clic")'];
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; d.dismiss().catch(() => {}); });
  const ws = JSON.parse(readFileSync(join(root, 'docs/samples/boutique-plateformes.json'), 'utf8'));
  ws.organisation.name = evil[1];
  ws.services[0].product = evil[0];
  ws.services[1].product = evil[2];
  const loaded = await page.evaluate((t) => proxinum.loadWorkspace(t), JSON.stringify(ws));
  check(name, loaded.ok === true, `a workspace with hostile names was refused: ${JSON.stringify(loaded)}`);
  const csv = 'nom;type;categories;code_insee;pays_groupe;hebergement;labels;site\n' +
              `"${evil[1].replace(/"/g, '""')}";prestataire;messagerie;79191;FR;FR;;\n` +
              `${evil[2].replace(/"/g, '""').replace(/^/, '"').concat('"')};prestataire;site web;79191;FR;FR;;\n`;
  const imported = await page.evaluate((t) => proxinum.importFile('hostile.csv', t), csv);
  check(name, imported.ok === true, `a catalog with hostile names was refused: ${JSON.stringify(imported)}`);
  await page.evaluate(() => proxinum.setLens('diagnostic'));
  await nextFrames(page, 6);
  const back = JSON.parse(await page.evaluate(() => proxinum.getWorkspace()));
  check(name, back.organisation.name === evil[1] && back.services[0].product === evil[0] && back.services[1].product === evil[2],
        'hostile names did not come back byte for byte');
  check(name, back.catalogs.some((c) => c.providers.some((p) => p.name === evil[1])) &&
              back.catalogs.some((c) => c.providers.some((p) => p.name === evil[2])),
        'hostile catalog names did not come back byte for byte');
  check(name, dialogs === 0, `${dialogs} dialog(s) opened: a name ran as code`);
  check(name, await page.evaluate(() => document.querySelectorAll('img, script:not([id])').length) <= 1,
        'an element was added to the page by a name');
  // The accessible mirror shows the names as text.
  const mirror = await page.evaluate(() => {
    const m = document.getElementById('px-mirror');
    return { text: m.textContent, elements: m.querySelectorAll('img, script, [onerror]').length,
             live: m.getAttribute('aria-live'), rows: m.querySelector('table') ? m.querySelector('table').querySelectorAll('tbody tr').length : 0 };
  });
  check(name, mirror.live === 'polite' && mirror.text.includes(evil[1]) && mirror.text.includes(evil[0]) && mirror.elements === 0,
        `the accessible mirror does not show the hostile names as text: ${JSON.stringify(mirror).slice(0, 300)}`);
  check(name, mirror.rows === back.services.length, `the mirror lists ${mirror.rows} services, expected ${back.services.length}`);
  await page.screenshot({ path: join(shots, `${name}-injection.png`) });
}

// The report (workspace menu "Imprimer le rapport" and "Exporter"): the page makes the CLI's
// documents byte for byte, the printable page passes axe-core with no serious or critical
// violation (in the same headless Chromium), and hostile names stay text in it.
const axeSource = readFileSync(join(root, 'tools/node_modules/axe-core/axe.min.js'), 'utf8');
async function axeViolations(browser, html) {
  const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: true });  // the report forbids scripts: axe needs one
  const page = await context.newPage();
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; d.dismiss().catch(() => {}); });
  try {
    await page.setContent(html);
    const injected = await page.evaluate(() => document.querySelectorAll('img, script, iframe, [onerror], [onmouseover]').length);
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () => {
      const r = await axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help }));
    });
    return { violations: result, injected, dialogs };
  } finally {
    await context.close();
  }
}
async function reportChecks(page, name) {
  const browser = page.context().browser();
  const today = (() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  })();
  const cli = (...args) => execFileSync(join(root, 'build/native/proxinum'), args,
                                        { encoding: 'utf8', env: { ...process.env, LANG: 'fr_FR.UTF-8', LC_ALL: '' } });
  for (const sample of ['docs/samples/boutique-plateformes.json', 'docs/samples/mairie-territoire.json', 'tests/fixtures/hostile/espace-hostile.json']) {
    const file = join(root, sample);
    const loaded = await page.evaluate((t) => proxinum.loadWorkspace(t), readFileSync(file, 'utf8'));
    if (!check(name, loaded.ok === true, `${sample} refused: ${JSON.stringify(loaded)}`)) continue;
    const docs = await page.evaluate(async () => ({
      html: await proxinum.reportDocument('html'), csv: await proxinum.reportDocument('csv'),
      json: await proxinum.reportDocument('json'), geojson: await proxinum.reportDocument('geojson') }));
    check(name, docs.html === cli('report', file, '--date', today), `${sample}: the page's HTML report differs from the CLI's`);
    check(name, docs.csv === cli('report', file, '--format', 'csv'), `${sample}: the page's CSV differs from the CLI's`);
    check(name, docs.json + '\n' === cli('report', file, '--format', 'json'), `${sample}: the page's JSON differs from the CLI's`);
    check(name, docs.geojson + '\n' === cli('report', file, '--format', 'geojson'), `${sample}: the page's GeoJSON differs from the CLI's`);
    const axe = await axeViolations(browser, docs.html);
    const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    check(name, bad.length === 0, `${sample}: axe-core finds ${bad.length} serious or critical violation(s): ${JSON.stringify(bad)}`);
    check(name, axe.injected === 0 && axe.dialogs === 0, `${sample}: the report holds ${axe.injected} active element(s), ${axe.dialogs} dialog(s)`);
    console.log(`e2e ${name}: report of ${sample}: ${docs.html.length} bytes, axe-core: ${axe.violations.length} violation(s) ` +
                `(${axe.violations.map((v) => v.id + '/' + v.impact).join(', ') || 'none'})`);
    writeFileSync(join(shots, `${name}-report-${sample.split('/').pop().replace('.json', '')}.html`), docs.html);
  }
  await printChecks(page, name);
}
// "Imprimer le rapport": a hidden frame holds the report and asks the browser to print it.
async function printChecks(page, name) {
  await page.evaluate(() => { const old = document.getElementById('px-print'); if (old) old.remove(); Module.pxReport(1); });
  const printed = await page.waitForFunction(() => {
    const f = document.getElementById('px-print');
    return f && f.contentDocument && f.contentDocument.querySelector('h1') ? f.contentDocument.querySelector('h1').textContent : null;
  }, null, { timeout: 10000 }).then((h) => h.jsonValue()).catch(() => null);
  check(name, printed === 'Diagnostic de proximité numérique', `the print frame does not hold the report (h1: ${printed})`);
}

// The territory lens: the sample workspace's self-assessment, footprint and summary give the same
// JSON as the CLI; summaries imported into the observatory give the CLI's indicators, a bad file
// is refused by name while the others count, and a dropped summary goes to the observatory.
async function territoryChecks(page, name) {
  const cli = (...args) => execFileSync(join(root, 'build/native/proxinum'), args,
                                        { encoding: 'utf8', env: { ...process.env, LANG: 'fr_FR.UTF-8', LC_ALL: '' } });
  const sample = join(root, 'docs/samples/mairie-territoire.json');
  await page.evaluate(() => proxinum.territory.load());  // the grid's words come after the first picture
  const loaded = await page.evaluate((t) => proxinum.loadWorkspace(t), readFileSync(sample, 'utf8'));
  check(name, loaded.ok === true, `the territory sample was refused: ${JSON.stringify(loaded)}`);
  check(name, await page.evaluate(() => proxinum.setLens('territoire')) === true, 'setLens("territoire") refused');
  await nextFrames(page, 6);
  await page.screenshot({ path: join(shots, `${name}-territory.png`) });
  // As a user would: open the first commitment, then the footprint tab, with the mouse (pressed
  // over a few frames: ImGui's tabs select on a press it sees).
  const press = async (x, y) => {
    await page.mouse.move(x, y);
    await nextFrames(page, 2);
    await page.mouse.down();
    await nextFrames(page, 2);
    await page.mouse.up();
    await nextFrames(page, 4);
  };
  await press(150, 340);
  await page.screenshot({ path: join(shots, `${name}-territory-open.png`) });
  await press(148, 166);
  await page.mouse.move(640, 400);
  await nextFrames(page, 4);
  await page.screenshot({ path: join(shots, `${name}-footprint.png`) });
  const score = await page.evaluate(() => proxinum.territory.score());
  const want = JSON.parse(cli('territory', 'score', sample, '--compare', join(root, 'docs/samples/autoevaluation-2025.json')));
  check(name, JSON.stringify(score) === JSON.stringify(want),
        `the page's territory score differs from the CLI's:\n${JSON.stringify(score).slice(0, 300)}\n${JSON.stringify(want).slice(0, 300)}`);
  const fp = await page.evaluate(() => proxinum.territory.footprint());
  check(name, JSON.stringify(fp) === JSON.stringify(JSON.parse(cli('footprint', sample))),
        `the page's footprint differs from the CLI's:\n${JSON.stringify(fp).slice(0, 300)}`);
  const summary = await page.evaluate(() => proxinum.territory.summary());
  check(name, summary === cli('summary', sample, '--year', '2026').trim(),
        `the page's summary differs from the CLI's:\n${summary}`);
  check(name, !/Chauray|Exemple|Agence|Microsoft|Accueil/.test(summary), 'the summary carries a name or a note');
  const dir = join(root, 'tests/fixtures/summaries');
  const good = ['niort-1', 'niort-2', 'niort-3', 'niort-4', 'niort-5', 'niort-6', 'chauray-1', 'chauray-2'];
  const files = [...good, 'bad-totals', 'bad-personal'].map((n) => ({ name: `${n}.json`, text: readFileSync(join(dir, `${n}.json`), 'utf8') }));
  const got = await page.evaluate((f) => proxinum.territory.importSummaries(f), files);
  check(name, got.accepted === 8 && got.refused.length === 2 &&
              /bad-totals\.json:1:[0-9]+: totaux incohérents/.test(got.refused[0].message) &&
              /bad-personal\.json:1:[0-9]+: champ non prévu dans un résumé anonyme : name/.test(got.refused[1].message),
        `importSummaries: ${JSON.stringify(got).slice(0, 400)}`);
  const agg = JSON.parse(cli('aggregate', ...good.map((n) => join(dir, `${n}.json`))));
  const obs = await page.evaluate(() => proxinum.territory.observatory('json'));
  check(name, JSON.stringify(obs.areas) === JSON.stringify(agg.areas) && JSON.stringify(obs.masked) === JSON.stringify(agg.masked) &&
              obs.contributions === 8, `the observatory differs from the CLI's aggregate:\n${JSON.stringify(obs).slice(0, 300)}`);
  const csv = await page.evaluate(() => proxinum.territory.observatory('csv'));
  const csvCli = cli('aggregate', '--format', 'csv', ...good.map((n) => join(dir, `${n}.json`)));
  check(name, csv === csvCli, `the observatory's CSV differs from the CLI's:\n${JSON.stringify(csv).slice(0, 400)}\n${JSON.stringify(csvCli).slice(0, 400)}`);
  // A summary dropped on the page goes to the observatory: the same file again is a duplicate.
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'niort-1-encore.json', { type: 'application/json' }));
    document.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, readFileSync(join(dir, 'niort-1.json'), 'utf8'));
  await nextFrames(page, 6);
  check(name, (await page.evaluate(() => proxinum.territory.observatory('json'))).contributions === 8,
        'a dropped duplicate summary was counted');
  await nextFrames(page, 4);
  await page.screenshot({ path: join(shots, `${name}-observatory.png`) });
}

// Autosave: edit, reload, the work is still there; a corrupted stored workspace is set aside and
// reported, never silently dropped, and the previous save is used instead.
async function storageChecks(page, name) {
  const waitReady = () => page.waitForFunction(() => window.proxinum && window.proxinum.ready === true, null, { timeout: READY_TIMEOUT_MS });
  const waitSaved = (text) => page.waitForFunction(
    (b) => localStorage.getItem('proxinum.espace.' + localStorage.getItem('proxinum.espace.actif')) === b,
    text, { timeout: 5000 }).catch(() => {});
  const first = readFileSync(join(root, 'docs/samples/boutique-locale.json'), 'utf8');
  check(name, (await page.evaluate((t) => proxinum.loadWorkspace(t), first)).ok, 'boutique-locale.json refused');
  await waitSaved(await page.evaluate(() => proxinum.getWorkspace()));
  const sample = readFileSync(join(root, 'docs/samples/mairie-territoire.json'), 'utf8');
  check(name, (await page.evaluate((t) => proxinum.loadWorkspace(t), sample)).ok, 'mairie-territoire.json refused');
  const before = await page.evaluate(() => proxinum.getWorkspace());
  await waitSaved(before);
  await page.reload();
  await waitReady();
  const after = await page.evaluate(() => proxinum.getWorkspace());
  const st = await page.evaluate(() => proxinum.storage());
  check(name, after === before && st.restored, `the workspace did not come back after a reload (restored: ${st.restored})`);
  // Corrupt the slot in use: it is set aside and said; the previous save comes back.
  await page.evaluate(() => localStorage.setItem('proxinum.espace.' + localStorage.getItem('proxinum.espace.actif'),
                                                '{"format":"proxinum-workspace","version":2,"services":[{"category":'));
  await page.reload();
  await waitReady();
  const bad = await page.evaluate(() => ({ st: proxinum.storage(), ws: JSON.parse(proxinum.getWorkspace()),
                                           kept: Object.keys(localStorage).filter((k) => k.startsWith('proxinum.espace.ecarte.')) }));
  check(name, bad.st.alert && /illisible/.test(bad.st.message) && bad.st.aside.length === 1 && bad.kept.length === 1,
        `a corrupted stored workspace was not reported and kept aside: ${JSON.stringify(bad.st)}`);
  check(name, bad.ws.organisation.name === JSON.parse(first).organisation.name,
        `the previous save did not come back after the corrupted one: ${bad.ws.organisation.name}`);
  // The language chosen comes back after a reload (French by default).
  await page.evaluate(() => proxinum.setLang('en'));
  await page.reload();
  await waitReady();
  check(name, await page.evaluate(() => proxinum.lang) === 'en' && await page.evaluate(() => document.documentElement.lang) === 'en',
        'the language chosen was not remembered');
  await page.evaluate(() => proxinum.setLang('fr'));
  // Export then import gives the same workspace; a bad workspace file dropped changes nothing.
  const text = await page.evaluate(() => proxinum.getWorkspace());
  const again = await page.evaluate((t) => { const r = proxinum.loadWorkspace(t); return { ok: r.ok, back: proxinum.getWorkspace() }; }, text);
  check(name, again.ok && again.back === text, 'export then import did not give the same workspace');
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['{"format": "proxinum-workspace", "version": 2, "services": [{"category": "nope"}]}'], 'abime.json'));
    document.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await nextFrames(page, 6);
  check(name, await page.evaluate(() => proxinum.getWorkspace()) === text && await page.evaluate(() => proxinum.lens) === 'diagnostic',
        'a bad workspace file dropped changed the workspace or was not reported in the diagnostic');
  await page.screenshot({ path: join(shots, `${name}-storage.png`) });
}

// Page API and resizing, on the served page.
// Display: the dark and high-contrast themes and 200 % text are drawn (panels turn dark), and the
// choice is remembered in this browser.
async function displayChecks(page, name) {
  const browser = page.context().browser();
  const shot = async (suffix) => pictureStats(browser, await page.screenshot({ path: join(shots, `${name}-${suffix}.png`) }));
  await page.evaluate(() => proxinum.setLens('diagnostic'));
  await nextFrames(page, 4);
  const light = await shot('clair');
  check(name, await page.evaluate(() => proxinum.setDisplay({ theme: 'sombre', textSize: 2 })) === true, 'setDisplay refused the dark theme at 200 %');
  await nextFrames(page, 4);
  const dark = await shot('sombre-200');
  check(name, dark.darkShare > light.darkShare + 0.1, `the dark theme did not darken the panels (${light.darkShare.toFixed(2)} → ${dark.darkShare.toFixed(2)})`);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('proxinum.affichage')));
  check(name, stored && stored.theme === 'sombre' && stored.textSize === 2, `the display was not remembered: ${JSON.stringify(stored)}`);
  check(name, await page.evaluate(() => proxinum.setDisplay({ theme: 'contraste', textSize: 1.25 })) === true, 'setDisplay refused the high-contrast theme');
  await nextFrames(page, 4);
  const contrast = await shot('contraste');
  check(name, contrast.darkShare > light.darkShare + 0.1, 'the high-contrast theme is not dark');
  check(name, await page.evaluate(() => proxinum.setDisplay({ theme: 'violet' })) === false, 'setDisplay accepted an unknown theme');
  check(name, await page.evaluate(() => proxinum.setDisplay({ textSize: 3 })) === false, 'setDisplay accepted 300 %');
  await page.evaluate(() => proxinum.setDisplay({ theme: 'clair', textSize: 1 }));
  await nextFrames(page, 3);
}

// A keyboard-only path through a diagnostic, from the welcome card: name, commune, a service and
// its product, without the mouse; each step lands where the next one starts.
async function keyboardChecks(page, name) {
  const step = async (k) => {
    if (k.startsWith('type:')) await page.keyboard.type(k.slice(5), { delay: 20 });
    else await page.keyboard.press(k);
    await nextFrames(page, 3);
  };
  // Welcome card: the first entry point "Diagnostiquer mon organisation", then its first field.
  for (const k of ['Tab', 'Enter', 'type:Mairie de Test', 'Tab', 'Tab', 'type:niort', 'Tab', 'Enter']) await step(k);
  let ws = JSON.parse(await page.evaluate(() => proxinum.getWorkspace()));
  check(name, await page.evaluate(() => proxinum.lens) === 'diagnostic', 'the keyboard did not open the diagnostic');
  check(name, ws.organisation.name === 'Mairie de Test' && ws.organisation.insee === '79191',
        `name and commune not typed and chosen by keyboard: ${JSON.stringify(ws.organisation)}`);
  // "+ Ajouter un service" (focused once the commune is chosen), its category, then a product.
  for (const k of ['Enter', 'Enter', 'Enter', 'Tab', 'Enter', 'ArrowDown', 'Enter']) await step(k);
  ws = JSON.parse(await page.evaluate(() => proxinum.getWorkspace()));
  check(name, ws.services.length === 1 && ws.services[0].category === 'email' && ws.services[0].provider !== '' && ws.services[0].product !== '',
        `no service added and filled by keyboard: ${JSON.stringify(ws.services)}`);
  const r = await page.evaluate(() => proxinum.report());
  check(name, r.grade !== null && r.services.length === 1, `no score after the keyboard path: ${JSON.stringify(r).slice(0, 200)}`);
  await page.screenshot({ path: join(shots, `${name}-path.png`) });
}

// Several named workspaces: each keeps its own work; the open one comes back after a reload.
async function workspacesChecks(page, name) {
  const waitReady = () => page.waitForFunction(() => window.proxinum && window.proxinum.ready === true, null, { timeout: READY_TIMEOUT_MS });
  const waitSaved = (text) => page.waitForFunction((t) => {
    const id = proxinum.workspaces.list().find((w) => w.current).id, p = 'proxinum.espace.' + (id ? id + '.' : '');
    return localStorage.getItem(p + localStorage.getItem(p + 'actif')) === t;
  }, text, { timeout: 5000 }).catch(() => {});
  const list0 = await page.evaluate(() => proxinum.workspaces.list());
  check(name, list0.length === 1 && list0[0].current && list0[0].id === '', `one workspace expected at first: ${JSON.stringify(list0)}`);
  const a = await page.evaluate(() => proxinum.getWorkspace());
  const id = await page.evaluate(() => proxinum.workspaces.create('Mairie B'));
  check(name, /^e[0-9a-f]{8}$/.test(id || ''), `create refused: ${id}`);
  check(name, JSON.parse(await page.evaluate(() => proxinum.getWorkspace())).services.length === 0, 'a new workspace is not empty');
  check(name, await page.evaluate(() => proxinum.workspaces.create('mairie b')) === null, 'a second workspace with the same name was accepted');
  const sample = readFileSync(join(root, 'docs/samples/boutique-plateformes.json'), 'utf8');
  check(name, (await page.evaluate((t) => proxinum.loadWorkspace(t), sample)).ok, 'sample refused in the new workspace');
  const b = await page.evaluate(() => proxinum.getWorkspace());
  await waitSaved(b);
  check(name, await page.evaluate(() => proxinum.workspaces.open('')) === true, 'could not open the first workspace again');
  check(name, await page.evaluate(() => proxinum.getWorkspace()) === a, 'the first workspace did not keep its work');
  check(name, await page.evaluate((i) => proxinum.workspaces.open(i), id) === true, 'could not open the new workspace again');
  check(name, await page.evaluate(() => proxinum.getWorkspace()) === b, 'the new workspace did not keep its work');
  check(name, await page.evaluate(() => proxinum.workspaces.rename('Mairie B — 2027')) === true, 'rename refused');
  await page.reload();
  await waitReady();
  const after = await page.evaluate(() => ({ list: proxinum.workspaces.list(), ws: proxinum.getWorkspace() }));
  check(name, after.ws === b && after.list.length === 2 && after.list[1].current && after.list[1].name === 'Mairie B — 2027',
        `the open workspace or the list did not come back after a reload: ${JSON.stringify(after.list)}`);
  check(name, await page.evaluate((i) => proxinum.workspaces.remove(i), id) === false, 'the open workspace could be deleted');
  await page.evaluate(() => proxinum.workspaces.open(''));
  check(name, await page.evaluate((i) => proxinum.workspaces.remove(i), id) === true, 'delete refused');
  const end = await page.evaluate((i) => ({ list: proxinum.workspaces.list(), keys: Object.keys(localStorage).filter((k) => k.includes(i)) }), id);
  check(name, end.list.length === 1 && end.keys.length === 0, `a deleted workspace left something behind: ${JSON.stringify(end)}`);
  check(name, await page.evaluate(() => proxinum.getWorkspace()) === a, 'the first workspace changed along the way');
}

// The accessible mirror follows the lens: the web audit's third parties, the commune selected on
// the map, the territory's self-assessment.
async function mirrorChecks(page, name) {
  const mirror = () => page.evaluate(() => ({ h2: (document.querySelector('#px-mirror h2') || {}).textContent || '',
                                              rows: document.querySelectorAll('#px-mirror tbody tr').length,
                                              items: document.querySelectorAll('#px-mirror li').length }));
  await page.evaluate(() => proxinum.setLens('audit'));
  await nextFrames(page, 3);
  const audit = await page.evaluate(() => proxinum.audit());
  const a = await mirror();
  check(name, a.h2.startsWith('Audit web') && a.rows === Math.min(30, audit.thirdParties.length),
        `the mirror does not show the web audit: ${JSON.stringify(a)}`);
  await page.evaluate(() => { proxinum.setLens('carte'); proxinum.map.showTerritory('86066'); });
  await nextFrames(page, 3);
  const m = await mirror();
  check(name, m.h2 === 'Carte — Châtellerault', `the mirror does not show the selected commune: ${JSON.stringify(m)}`);
  await page.evaluate(() => proxinum.territory.load());
  await page.evaluate((t) => proxinum.loadWorkspace(t), readFileSync(join(root, 'docs/samples/mairie-territoire.json'), 'utf8'));
  await page.evaluate(() => proxinum.setLens('territoire'));
  await nextFrames(page, 3);
  const t = await mirror();
  check(name, t.h2.startsWith('Autoévaluation du territoire') && t.items === 9, `the mirror does not show the self-assessment: ${JSON.stringify(t)}`);
  // The map's mirror says what the map draws: the workspace's flows, then a choropleth's classes.
  await page.evaluate(() => { proxinum.setLens('carte'); proxinum.map.setCommuneValues({ 79191: 1, 86066: 2, 86194: 3, 17300: 4 },
                                                                                       { title: 'Essai miroir', classes: 2 }); });
  await nextFrames(page, 3);
  const services = await page.evaluate(async () => JSON.parse(await proxinum.reportDocument('geojson')).features
    .filter((f) => f.geometry.type !== 'Point').length);
  const c = await page.evaluate(() => [...document.querySelectorAll('#px-mirror caption')].map((e) => ({
    caption: e.textContent, rows: e.parentElement.querySelectorAll('tbody tr').length })));
  const flows = c.find((x) => x.caption === 'Flux de données tracés sur la carte');
  const classes = c.find((x) => x.caption === 'Essai miroir');
  check(name, services > 0 && flows && flows.rows === Math.min(30, services) && classes && classes.rows === 2,
        `the map's mirror does not say its flows (${services} placed services) and classes: ${JSON.stringify(c)}`);
  await page.evaluate(() => proxinum.map.setCommuneValues(null));
}

async function apiAndResize(page, name) {
  await mapChecks(page, name);
  await diagnosticChecks(page, name);
  await auditChecks(page, name);
  await mirrorChecks(page, name);
  await injectionChecks(page, name);
  await reportChecks(page, name);
  await territoryChecks(page, name);
  await storageChecks(page, name);
  await workspacesChecks(page, name);
  await displayChecks(page, name);
  check(name, await page.evaluate(() => proxinum.setLens('audit')) === true, 'setLens("audit") refused');
  check(name, await page.evaluate(() => proxinum.lens) === 'audit', 'lens did not change to audit');
  check(name, await page.evaluate(() => proxinum.setLens('nowhere')) === false, 'setLens accepted an unknown lens');
  check(name, await page.evaluate(() => proxinum.setLang('en')) === true, 'setLang("en") refused');
  check(name, await page.evaluate(() => document.documentElement.lang) === 'en', '<html lang> not updated');
  await englishChecks(page, name);
  await page.setViewportSize({ width: 1024, height: 600 });
  await page.waitForFunction(() => document.getElementById('canvas').width === Math.round(1024 * devicePixelRatio),
                             null, { timeout: 5000 }).catch(() => {});
  const w = await page.evaluate(() => document.getElementById('canvas').width);
  check(name, w === 1024, `after resizing the window to 1024 px the canvas is ${w} px wide`);
}

// Embed mode: a collectivité's page (another origin) frames embed.html with its parameters and
// drives it by postMessage; messages from elsewhere, or to a frame that names another origin, are
// ignored; a catalog from another site is refused before any request; nothing is stored.
async function embedCase(browser, appUrl) {
  const name = 'embed';
  const hostDir = mkdtempSync(join(tmpdir(), 'proxinum-host-'));
  const evilDir = mkdtempSync(join(tmpdir(), 'proxinum-evil-'));
  const host = await serve(hostDir, 0);
  const evil = await serve(evilDir, 0);
  const A = new URL(appUrl).origin, B = new URL(host.url).origin, C = new URL(evil.url).origin;
  writeFileSync(join(hostDir, 'x.csv'), 'nom;code_insee\nAilleurs;79191\n');
  writeFileSync(join(evilDir, 'evil.html'), '<!doctype html><link rel="icon" href="data:,"><title>x</title><script>setInterval(function () { try { ' +
    "parent.frames[0].postMessage({type: 'proxinum:setLens', lens: 'audit'}, '*'); } catch (e) {} }, 100);</script>");
  const good = `${A}/embed.html?lens=carte&territoire=79191&lang=en&catalogue=exemples/catalogue-exemple.csv&origine=${encodeURIComponent(B)}`;
  const other = `${A}/embed.html?territoire=200041317&catalogue=${encodeURIComponent(B + '/x.csv')}&origine=${encodeURIComponent(C)}`;
  writeFileSync(join(hostDir, 'index.html'), `<!doctype html><html lang="fr"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Mairie</title></head><body>
<h1>Mairie d'exemple</h1>
<iframe id="good" src="${good}" title="Proxinum" style="width:1024px;height:600px;border:0"></iframe>
<iframe id="other" src="${other}" title="Proxinum 2" style="width:1024px;height:600px;border:0"></iframe>
<iframe id="evil" src="${C}/evil.html" title="x" style="width:10px;height:10px;border:0"></iframe>
<script>window.got = []; addEventListener('message', function (e) { if (e.origin === '${A}') got.push(e.data); });</script>
</body></html>`);
  const context = await browser.newContext({ viewport: { width: 1100, height: 1300 } });
  const requests = [], problems = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  try {
    await page.goto(host.url);
    const frameOf = (id) => page.frames().find((f) => f.url().startsWith(A) && f.url().includes(id === 'good' ? 'lang=en' : 'territoire=200041317'));
    for (const id of ['good', 'other']) {
      await page.waitForFunction(() => true);
      const t0 = Date.now();
      while (!frameOf(id) && Date.now() - t0 < 10000) await page.waitForTimeout(100);
      await frameOf(id).waitForFunction(() => window.proxinum && proxinum.ready === true, null, { timeout: READY_TIMEOUT_MS });
    }
    const good1 = frameOf('good'), other1 = frameOf('other');
    await good1.waitForFunction(() => JSON.parse(proxinum.getWorkspace()).catalogs.length === 1, null, { timeout: 10000 }).catch(() => {});
    const s1 = await good1.evaluate(() => ({ lens: proxinum.lens, lang: proxinum.lang, view: proxinum.map.view(),
                                             ws: JSON.parse(proxinum.getWorkspace()) }));
    check(name, s1.lens === 'carte' && s1.lang === 'en', `embed parameters not honoured: ${s1.lens}/${s1.lang}`);
    check(name, Math.abs(s1.view.lon + 0.4588) < 0.05 && Math.abs(s1.view.lat - 46.3231) < 0.05 && s1.view.zoom > 9,
          `territoire=79191 did not centre the map on Niort: ${JSON.stringify(s1.view)}`);
    check(name, s1.ws.organisation.insee === '79191' && s1.ws.catalogs.length === 1 && s1.ws.catalogs[0].providers.length === 3,
          `the same-origin catalog or the commune was not taken: ${JSON.stringify(s1.ws).slice(0, 300)}`);
    await page.waitForFunction(() => got.some((m) => m.type === 'proxinum:ready'), null, { timeout: 5000 }).catch(() => {});
    check(name, await page.evaluate((v) => got.some((m) => m.type === 'proxinum:ready' && m.version === v), cliVersion),
          'the host page did not receive proxinum:ready');
    await page.waitForTimeout(600);  // the other origin's page keeps posting "setLens audit"
    check(name, await good1.evaluate(() => proxinum.lens) === 'carte', 'a message from a frame that is not the parent was obeyed');
    await page.evaluate((a) => document.getElementById('good').contentWindow.postMessage({ type: 'proxinum:setLens', lens: 'diagnostic' }, a), A);
    await page.waitForFunction(() => got.some((m) => m.type === 'proxinum:state' && m.lens === 'diagnostic'), null, { timeout: 5000 }).catch(() => {});
    check(name, await good1.evaluate(() => proxinum.lens) === 'diagnostic', 'the host page could not change the lens');
    check(name, await page.evaluate(() => got.some((m) => m.type === 'proxinum:state' && m.lens === 'diagnostic')),
          'the host page did not receive the new state');
    // The second frame names another origin (C): the host's messages are ignored, and its catalog,
    // on the host's site, is refused without being requested.
    await page.evaluate((a) => document.getElementById('other').contentWindow.postMessage({ type: 'proxinum:setLens', lens: 'territoire' }, a), A);
    await page.waitForTimeout(500);
    const s2 = await other1.evaluate(() => ({ lens: proxinum.lens, view: proxinum.map.view(), ws: JSON.parse(proxinum.getWorkspace()) }));
    check(name, s2.lens !== 'territoire', 'a frame obeyed a page whose origin is not the one it was given');
    check(name, s2.ws.catalogs.length === 0 && !requests.some((u) => u.endsWith('/x.csv')),
          'a catalog from another site was requested or taken');
    check(name, Math.abs(s2.view.lon + 0.45) < 0.3 && Math.abs(s2.view.lat - 46.33) < 0.3,
          `territoire=200041317 (CA du Niortais) did not fit the map on it: ${JSON.stringify(s2.view)}`);
    check(name, await good1.evaluate(() => localStorage.length) === 0, 'the embedded page stored something');
    await page.screenshot({ path: join(shots, `${name}.png`) });
    await good1.evaluate(() => proxinum.setLens('carte'));
    await nextFrames(good1, 4);
    await page.screenshot({ path: join(shots, `${name}-map.png`), clip: { x: 0, y: 0, width: 1100, height: 680 } });
  } finally {
    const foreign = requests.filter((u) => ![A, B, C].some((o) => u.startsWith(o + '/')) && !u.startsWith('data:') && !u.startsWith('blob:'));
    check(name, foreign.length === 0, `requests to other origins:\n    ${foreign.join('\n    ')}`);
    check(name, (await context.cookies()).length === 0, 'a cookie was set');
    for (const p of problems) failures.push(`${name}: ${p}`);
    console.log(`e2e ${name}: ${requests.length} request(s), host ${B}, app ${A}; screenshot build/e2e/${name}.png`);
    await context.close();
    host.server.close();
    evil.server.close();
  }
}

const browser = await launchChromium();
const { server, url } = await serve(dist, 0);
const origin = new URL(url).origin;
const sameOrigin = (u) => u.startsWith(origin + '/') || u.startsWith('data:') || u.startsWith('blob:');
try {
  await runCase(browser, { name: 'http-1x', url: url + 'index.html', allowed: sameOrigin,
                           viewport: { width: 1280, height: 800 }, dpr: 1, extra: apiAndResize });
  await runCase(browser, { name: 'http-2x', url: url + 'index.html', allowed: sameOrigin,
                           viewport: { width: 1024, height: 600 }, dpr: 2, touch: true, extra: touchChecks });
  await runCase(browser, { name: 'keyboard', url: url + 'index.html', allowed: sameOrigin,
                           viewport: { width: 1280, height: 800 }, dpr: 1, extra: keyboardChecks });
  await embedCase(browser, url);
  // The single file, alone in an empty folder: nothing next to it to load.
  const alone = mkdtempSync(join(tmpdir(), 'proxinum-e2e-'));
  copyFileSync(join(dist, 'proxinum.html'), join(alone, 'proxinum.html'));
  const fileUrl = pathToFileURL(join(alone, 'proxinum.html')).href;
  await runCase(browser, { name: 'file', url: fileUrl,
                           allowed: (u) => u === fileUrl || u.startsWith('data:') || u.startsWith('blob:'),
                           viewport: { width: 1280, height: 800 }, dpr: 1, extra: exampleChecks });
} catch (e) {
  failures.push(`unexpected: ${e.stack || e}`);
} finally {
  await browser.close();
  server.close();
}

if (failures.length) {
  console.error(`e2e: ${failures.length} failure(s)\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log('e2e: all cases passed');
