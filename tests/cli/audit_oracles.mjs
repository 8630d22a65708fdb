// audit_oracles.mjs — the CLI's web audit against the reference implementations, on many
// generated inputs and on real HAR files captured by others:
//   - `proxinum ecoindex` against npm ecoindex 2.0.1 (CC-BY-NC-ND: a test oracle only, never shipped);
//   - `proxinum co2` against npm @tgwf/co2 0.19.0 (CO2.js, SWD v4, its default);
//   - `proxinum entity` against npm third-party-web 0.30.0's getEntity;
//   - `proxinum audit` on the HARs shipped in npm pagexray 0.5.0 and json-caching-proxy 1.6.1
//     (installed by tools/setup from the lockfile, never committed): request counts, bytes and
//     the Ecoindex recomputed here from the raw entries, entities by getEntity.
// usage: node tests/cli/audit_oracles.mjs build/native/proxinum
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const nm = path.join(root, 'tools/node_modules');
const require = createRequire(path.join(nm, 'x.js'));
const exe = process.argv[2];
const eco = await import(path.join(nm, 'ecoindex/dist/index.js'));
const { co2 } = require('@tgwf/co2');
const { getEntity } = require('third-party-web');

let failures = 0, checks = 0;
function check(ok, what) {
  checks++;
  if (!ok) {
    failures++;
    if (failures <= 30) console.error('FAIL', what);
  }
}
const run = (args) => execFileSync(exe, args, { encoding: 'utf8', env: { ...process.env, LANG: 'C' }, maxBuffer: 1 << 28 });

// A seeded generator, so that a failure can be replayed.
let seed = 20261124;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (a) => a[Math.floor(rand() * a.length)];

// 1. Ecoindex ---------------------------------------------------------------------------------
{
  const q = eco.getQuantiles();
  const cases = [[0, 0, 0], [2479, 281, 8037.54], [594601, 3920, 223212.26], [600, 40, 1024]];
  for (let i = 0; i < 20; i++) cases.push([q.dom[i], q.req[i], q.size[i]]);  // band edges
  for (let i = 0; i < 260; i++) {
    const scale = pick([100, 1000, 5000, 700000]);
    cases.push([Math.floor(rand() * scale), Math.floor(rand() * scale / 8), Math.round(rand() * scale * 3 * 100) / 100]);
  }
  for (const [dom, req, kb] of cases) {
    const got = JSON.parse(run(['ecoindex', '--dom', String(dom), '--requests', String(req), '--size-kb', String(kb)]));
    const score = eco.computeEcoIndex(dom, req, kb);
    const grade = eco.getEcoIndexGrade(score) || 'G';  // the package says false at exactly 0
    const what = `ecoindex ${dom} ${req} ${kb}: ${JSON.stringify(got)} vs ${score} ${grade}`;
    check(Math.abs(got.score - score) <= 0.005 + 1e-9, what);
    check(got.grade === grade, what);
    check(Math.abs(got.ghg - Number(eco.computeGreenhouseGasesEmissionfromEcoIndex(score))) <= 0.01 + 1e-9, what);
    check(Math.abs(got.water - Number(eco.computeWaterConsumptionfromEcoIndex(score))) <= 0.01 + 1e-9, what);
  }
  console.log(`ecoindex: ${cases.length} inputs`);
}

// 2. CO2 --------------------------------------------------------------------------------------
{
  const model = new co2({ model: 'swd', version: 4, rating: true });
  const cases = [[0, false], [1, false], [100000, false], [1000000, true]];
  for (let i = 0; i < 200; i++) cases.push([Math.floor(rand() ** 3 * 2e8), rand() < 0.3]);
  for (const [bytes, green] of cases) {
    const args = ['co2', '--bytes', String(bytes)];
    if (green) args.push('--green');
    const got = JSON.parse(run(args));
    const ref = model.perVisit(bytes, green);
    const total = typeof ref === 'number' ? ref : ref.total;
    const what = `co2 ${bytes} ${green}: ${JSON.stringify(got)} vs ${JSON.stringify(ref)}`;
    check(Math.abs(got.grams - total) <= 5e-7 + 1e-9 * total, what);
    if (typeof ref !== 'number' && bytes >= 1) check(got.rating === ref.rating, what);
  }
  console.log(`co2: ${cases.length} inputs`);
}

// 3. getEntity --------------------------------------------------------------------------------
{
  const entities = JSON.parse(readFileSync(path.join(nm, 'third-party-web/dist/entities-nostats.json'), 'utf8'));
  const urls = ['https://localhost/', 'http://192.168.1.1:8080/x', 'data:image/png;base64,AAAA', 'about:blank',
                'https://WWW.GOOGLE-ANALYTICS.COM/', 'https://www.service-public.gouv.fr/', 'no url at all',
                'https://a.b.c.hotjar.com:443/x?u=https://facebook.com', 'ftp://x.y', 'https://xn--bcher-kva.example/',
                'https://' + 'a'.repeat(10001) + '.com/', 'https://fonts.googleapis.com./css'];
  for (const e of entities) {
    for (const d of e.domains) {
      const host = d.startsWith('*.') ? d.slice(2) : d;
      urls.push(`https://${host}/`);
      if (d.startsWith('*.')) urls.push(`https://sub${Math.floor(rand() * 9)}.${host}/a.js?x=1`);
      if (rand() < 0.2) urls.push(`http://a.b.${host}:8080/p`);
      if (rand() < 0.05) urls.push(`https://${host.toUpperCase()}/`);
    }
  }
  const csv = readFileSync(path.join(nm, 'third-party-web/dist/domain-map.csv'), 'utf8').split('\n');
  for (let i = 0; i < 4000; i++) {
    const host = pick(csv).split(',')[0];
    if (host) urls.push(`https://${host}/${pick(['', 'x.js', 'a/b?c=d'])}`);
  }
  let matched = 0, supplement = 0;
  for (let i = 0; i < urls.length; i += 500) {
    const batch = urls.slice(i, i + 500);
    const lines = run(['entity', ...batch]).trim().split('\n');
    check(lines.length === batch.length, `entity batch ${i}: ${lines.length} lines`);
    batch.forEach((u, k) => {
      const got = JSON.parse(lines[k]);
      const ref = getEntity(u);
      const what = `entity ${u.slice(0, 120)}: ${lines[k]} vs ${ref && ref.name}`;
      if (got.source === 'proxinum') {
        supplement++;
        check(!ref, what);  // the supplement only answers where third-party-web is silent
      } else if (!ref) {
        check(got.entity === null, what);
      } else {
        matched++;
        check(got.entity === ref.name && got.company === ref.company && got.category === ref.category, what);
      }
    });
  }
  console.log(`entity: ${urls.length} URLs, ${matched} matched by third-party-web, ${supplement} by the supplement`);
}

// 4. Real HAR files ---------------------------------------------------------------------------
{
  const files = [
    'pagexray/test/files/domains/run.sitespeed.io.har',            // Chrome DevTools, with bodies
    'pagexray/test/files/www.nytimes.com.har',                      // WebPageTest, 2 pages
    'pagexray/test/files/en.wikipedia.org.spdy-wpt.har',            // WebPageTest, 6 pages, _bytesIn
    'pagexray/test/files/http/http1.1-firefox.har',                 // Firefox 43
    'pagexray/test/files/http/http2-chrome.har',                    // Browsertime (Chrome 48)
    'pagexray/test/files/redirect/frontendredirect.har',            // 3 pages
    'json-caching-proxy/test/test.har',                             // Chrome, 7.9 MB with bodies
  ];
  const bytesOf = (e) => {
    const r = e.response;
    if (typeof r._transferSize === 'number' && r._transferSize >= 0) return r._transferSize;
    if (e._bytesIn !== undefined && /^\d+$/.test(String(e._bytesIn))) return Number(e._bytesIn);
    if (r.headersSize >= 0 || r.bodySize >= 0) return Math.max(r.headersSize, 0) + Math.max(r.bodySize, 0);
    return Math.max(r.content && r.content.size || 0, 0);
  };
  for (const f of files) {
    const har = JSON.parse(readFileSync(path.join(nm, f), 'utf8'));
    let got = JSON.parse(run(['audit', path.join(nm, f)]));
    // No main HTML in the file: the DOM count comes from the user, as in the UI.
    if (got.ecoindex === null) {
      check(got.pages.every((p) => p.domSource === ''), `${f}: DOM source`);
      got = JSON.parse(run(['audit', path.join(nm, f), '--dom', '800']));
      check(got.pages.every((p) => p.domSource === 'user' && p.dom === 800), `${f}: --dom`);
    }
    const entries = har.log.entries;
    const what = (w) => `${f}: ${w}`;
    check(got.requests === entries.length, what(`requests ${got.requests} vs ${entries.length}`));
    const bytes = entries.reduce((s, e) => s + bytesOf(e), 0);
    check(got.bytes === bytes, what(`bytes ${got.bytes} vs ${bytes}`));
    const pages = har.log.pages || [];
    check(got.pages.length === Math.max(pages.length, 1), what('pages'));
    // Every request is first party, ours or in exactly one third party.
    const counted = got.firstPartyRequests + got.thirdParties.reduce((s, t) => s + t.requests, 0);
    const hostless = entries.filter((e) => !/^[a-z][a-z0-9+.-]*:\/\/[^/?#]/i.test(e.request.url)).length;
    check(counted + hostless === entries.length, what(`parties ${counted} + ${hostless} vs ${entries.length}`));
    // Each third party's entity is getEntity's (or the supplement's where it is silent).
    for (const t of got.thirdParties) {
      const e = entries.find((x) => {
        const r = getEntity(x.request.url);
        return (t.entity === null ? !r : (r && r.name === t.entity)) && x.request.url.toLowerCase().includes(t.domain);
      });
      check(e !== undefined || t.source === 'proxinum', what(`third party ${t.domain} / ${t.entity}`));
    }
    // Per page: the Ecoindex recomputed here from the raw entries and the CLI's DOM count.
    got.pages.forEach((p, i) => {
      const mine = entries.filter((e) => pages.length === 0 || e.pageref === pages[i].id);
      const http = mine.filter((e) => /^https?:\/\//i.test(e.request.url));
      check(p.requests === mine.length, what(`page ${i} requests`));
      if (p.dom !== null) {
        const kb = http.reduce((s, e) => s + bytesOf(e), 0) / 1000;
        const ref = eco.computeEcoIndex(p.dom, http.length, kb);
        check(Math.abs(p.ecoindex.score - ref) <= 0.005 + 1e-9, what(`page ${i} ecoindex ${p.ecoindex.score} vs ${ref}`));
      }
    });
    console.log(`${f}: ${entries.length} requests, ${got.thirdParties.length} third parties, ` +
                `ecoindex ${got.ecoindex.score} ${got.ecoindex.grade} (${got.ecoindex.basis}, DOM ${got.pages[0].domSource})`);
  }
}

console.log(`${checks} checks, ${failures} failures`);
process.exit(failures ? 1 : 0);
