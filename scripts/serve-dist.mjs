// A tiny static server for dist/: `node scripts/serve-dist.mjs DIR PORT PREFIX [--gzip]`.
// Serves DIR under PREFIX (e.g. /a/b/) on 127.0.0.1 only, with no SPA fallback (like a plain
// CDN), and prints the URL. Used by `scripts/serve.sh` and the end-to-end tests (uncompressed),
// and by `scripts/lighthouse.sh` with --gzip: text, JSON and wasm gzip-compressed (level 9) for a
// client that accepts it, as a host does.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, normalize, extname, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const gzip = args.includes('--gzip');
const [dir = 'dist', port = '8080', rawPrefix = '/'] = args.filter((a) => a !== '--gzip');
const compressible = new Set(['.html', '.js', '.wasm', '.css', '.json', '.svg', '.webmanifest']);
/** gzip bodies by path, with the mtime they were made from. */
const gzipped = new Map();
const root = resolve(dir);
const prefix = rawPrefix.endsWith('/') ? rawPrefix : rawPrefix + '/';
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.webmanifest': 'application/manifest+json',
};

createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (!url.pathname.startsWith(prefix)) { res.writeHead(404).end('not found'); return; }
  let rel = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
  const file = normalize(join(root, rel));
  if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
  try {
    const s = await stat(file);
    const path = s.isDirectory() ? join(file, 'index.html') : file;
    let body = await readFile(path);
    const headers = { 'content-type': types[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
    if (gzip && compressible.has(extname(path))) {
      headers.vary = 'accept-encoding';
      if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        const mtime = (await stat(path)).mtimeMs;
        let hit = gzipped.get(path);
        if (!hit || hit.mtime !== mtime) gzipped.set(path, hit = { mtime, body: gzipSync(body, { level: 9 }) });
        body = hit.body;
        headers['content-encoding'] = 'gzip';
      }
    }
    res.writeHead(200, headers);
    res.end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
}).listen(Number(port), '127.0.0.1', () => {
  console.log(`Serving ${root} at http://127.0.0.1:${port}${prefix}${gzip ? ' (gzip)' : ''}`);
});
