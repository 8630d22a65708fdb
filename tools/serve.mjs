// serve.mjs — a small static file server for build/web/dist, on 127.0.0.1 only.
//   node tools/serve.mjs DIR [PORT]        prints the URL, serves until Ctrl+C
//   import { serve } from './serve.mjs'     used by tests/e2e (PORT 0 picks a free port)
// It serves files and nothing else: no directory listing, no path outside DIR, correct MIME
// types (application/wasm for streaming compilation), no caching headers games.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8', '.geojson': 'application/geo+json',
};

export function serve(dir, port = 8080, host = '127.0.0.1') {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) { res.writeHead(403).end(); return; }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] || 'application/octet-stream',
        'Content-Length': body.length,
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('introuvable / not found\n');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok({ server, url: `http://${host}:${server.address().port}/` }));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, port] = process.argv.slice(2);
  if (!dir) { console.error('usage: node tools/serve.mjs DIR [PORT]'); process.exit(2); }
  const { url } = await serve(dir, Number(port ?? 8080)).catch((e) => {
    console.error(`serve: ${e.message}`); process.exit(1);
  });
  console.log(`Proxinum est servi sur / is served at ${url}  (Ctrl+C pour arrêter / to stop)`);
}
