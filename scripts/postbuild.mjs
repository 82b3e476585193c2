// Runs after `trunk build` on the output directory: `node scripts/postbuild.mjs dist`.
// Node built-ins only. Idempotent: running it twice on the same build yields the same files.
//
// 1. index.html gets a strict Content-Security-Policy as the first element of <head>:
//    <meta http-equiv="Content-Security-Policy" content="…">, with the sha256 of every inline
//    <script> Trunk left in the page (and of every inline <style>, if any). Inline event
//    handlers or style="" attributes would need 'unsafe-…' and fail the build instead.
// 2. sw.js is generated from scripts/sw.template.js: cache name = hash of this build's file
//    names and contents; precache list = every file of the build except sw.js, as URLs relative
//    to sw.js, plus './' for the index.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const SW_NAME = 'sw.js';

/** The policy, directive by directive. Hashes are appended to script-src / style-src. */
export function cspContent({ scriptHashes = [], styleHashes = [] } = {}) {
  const q = (h) => `'${h}'`;
  return [
    "default-src 'self'",
    ["script-src 'self' 'wasm-unsafe-eval'", ...scriptHashes.map(q)].join(' '),
    ["style-src 'self'", ...styleHashes.map(q)].join(' '),
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * The CSP hash source of an inline element's text, as the browser computes it: sha256 over the
 * UTF-8 bytes of the element's text. The HTML parser turns CRLF and CR into LF before anything
 * else, so the hash is taken over the text normalised the same way.
 */
export function cspHash(text) {
  const normalised = text.replace(/\r\n?/g, '\n');
  return 'sha256-' + createHash('sha256').update(normalised, 'utf8').digest('base64');
}

// With the line break and indent the insertion adds, so stripping restores the page exactly.
const CSP_META_RE = /\n?[ \t]*<meta\s+http-equiv=["']?Content-Security-Policy["']?[^>]*>/gi;

/** Removes any CSP meta a previous run wrote (so a second run is a no-op). */
export function stripCspMeta(html) {
  return html.replace(CSP_META_RE, '');
}

/** Inline <script> (no src) and <style> texts, exactly as they stand in the page. */
export function inlineTexts(html) {
  const scripts = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (/\bsrc\s*=/i.test(m[1])) continue;
    // Data blocks (the single file's reports) are never executed: no hash needed.
    if (/\btype\s*=\s*["']?application\/json/i.test(m[1])) continue;
    scripts.push(m[2]);
  }
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)].map((m) => m[1]);
  return { scripts, styles };
}

/** Things a hash cannot allow without 'unsafe-hashes'/'unsafe-inline': refuse them. */
export function assertNoInlineAttributes(html, file) {
  const tags = html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '');
  const bad = tags.match(/<[a-z][^>]*\s(on[a-z]+|style)\s*=/i)
    || tags.match(/\b(href|src)\s*=\s*["']?\s*javascript:/i);
  if (bad) throw new Error(`${file}: inline attribute not allowed under the CSP: ${bad[0].slice(0, 120)}`);
}

/** Writes the policy meta as the first element of <head>; returns the new page and policy. */
export function withCsp(html, file = 'index.html') {
  html = stripCspMeta(html);
  assertNoInlineAttributes(html, file);
  const { scripts, styles } = inlineTexts(html);
  const policy = cspContent({ scriptHashes: scripts.map(cspHash), styleHashes: styles.map(cspHash) });
  const head = html.match(/<head\b[^>]*>/i);
  if (!head) throw new Error(`${file}: no <head>`);
  const at = head.index + head[0].length;
  const meta = `\n  <meta http-equiv="Content-Security-Policy" content="${policy}">`;
  const out = html.slice(0, at) + meta + html.slice(at);
  // The charset declaration must stay within the first 1024 bytes of the document.
  const charset = out.match(/<meta\s+charset=[^>]*>/i);
  if (charset && Buffer.byteLength(out.slice(0, charset.index + charset[0].length)) > 1024) {
    throw new Error(`${file}: the CSP meta pushes <meta charset> past the first 1024 bytes`);
  }
  return { html: out, policy, scripts: scripts.length, styles: styles.length };
}

/** Every regular file under dir (dot-files aside), as '/'-separated paths relative to dir, sorted. */
export function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      if (name.startsWith('.')) continue; // Trunk's .stage/ and the like are not part of the build
      const p = join(d, name);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else if (s.isFile()) out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** Hash of the build: every file's name and content (sw.js excluded: it is the output). */
export function buildHash(dir, files) {
  const h = createHash('sha256');
  for (const f of files) {
    const content = createHash('sha256').update(readFileSync(join(dir, f))).digest('hex');
    h.update(`${f}\0${content}\n`);
  }
  return h.digest('hex').slice(0, 16);
}

export function serviceWorker(dir, template = readFileSync(join(HERE, 'sw.template.js'), 'utf8')) {
  const files = listFiles(dir).filter((f) => f !== SW_NAME);
  if (!files.includes('index.html')) throw new Error(`${dir}: no index.html`);
  const build = buildHash(dir, files);
  const urls = ['./', ...files.map((f) => './' + f.split('/').map(encodeURIComponent).join('/'))];
  for (const ph of ['__BUILD_HASH__', '__PRECACHE_LIST__']) {
    if (!template.includes(ph)) throw new Error(`sw template lacks ${ph}`);
  }
  const list = '[\n' + urls.map((u) => `  ${JSON.stringify(u)},`).join('\n') + '\n]';
  const code = template.replace('__BUILD_HASH__', build).replace('__PRECACHE_LIST__', list);
  return { code, build, urls };
}

/** Where scripts/first-screens.mjs writes a report's first screens, relative to the build. */
export const FIRST_SCREENS = 'reports/first';

/** A first screen's file name: <id>.<lang>.<layout>.html (scripts/first-screens.mjs). */
const FIRST_SCREEN_NAME = /^(.+)\.(en|zh-Hans|zh-Hant)\.(narrow|wide)\.html$/;

/** Report id → the content hash of its file, from the catalogue's first page (none if unreadable:
 *  then no screen is current). */
function catalogueHashes(dir) {
  try {
    const entries = JSON.parse(readFileSync(join(dir, 'reports/index.json'), 'utf8')).entries ?? [];
    return new Map(entries.map((e) => [e.id, e.hash]));
  } catch {
    return new Map();
  }
}

/**
 * Deletes every first screen drawn at build time (FIRST_SCREENS/<id>.<lang>.<layout>.html) that
 * no longer shows its report as the catalogue's first page lists it: a report removed, moved to
 * a later page, or whose file changed since (its hash in the catalogue is not the one the
 * screen was drawn from, `data-first-hash`). Run whenever the catalogue is rewritten
 * (scripts/catalogue.sh), so a publisher's changed figures never show from an old drawing.
 * Returns the paths deleted, relative to the build.
 */
export function dropStaleFirstScreens(dir) {
  const firstDir = join(dir, FIRST_SCREENS);
  let names;
  try {
    names = readdirSync(firstDir);
  } catch {
    return [];
  }
  const hashes = catalogueHashes(dir);
  const dropped = [];
  for (const name of names) {
    const file = join(firstDir, name);
    const m = name.match(FIRST_SCREEN_NAME);
    const drawn = m && readFileSync(file, 'utf8').match(/^<article\b[^>]*\sdata-first-hash="([0-9a-f]+)"/);
    if (!m || !drawn || hashes.get(m[1]) !== drawn[1]) {
      rmSync(file);
      dropped.push(`${FIRST_SCREENS}/${name}`);
    }
  }
  return dropped;
}

const FIRST_SCREENS_META_RE = /[ \t]*<meta name="report-explorer:first-screens"[^>]*>\n?/g;

/**
 * Names in the page, for boot.js, the reports that have first screens (FIRST_SCREENS), each with
 * the content hash of the report file in the catalogue (`id:hash`), before boot.js (it reads the
 * list as it runs): it asks for a report's screen only when there is one, so a report without
 * costs no request and no 404, and it shows a screen only when the screen names that hash, so
 * one left on a host from an older file is not shown. Run after dropStaleFirstScreens.
 */
export function withFirstScreensMeta(html, dir) {
  html = html.replace(FIRST_SCREENS_META_RE, '');
  let names = [];
  try {
    names = readdirSync(join(dir, FIRST_SCREENS));
  } catch {
    // None drawn.
  }
  const hashes = catalogueHashes(dir);
  const ids = [...new Set(names.map((n) => n.match(FIRST_SCREEN_NAME)?.[1]))]
    .filter((id) => id && hashes.has(id)).sort();
  if (!ids.length) return html;
  const boot = /[ \t]*<script\b[^>]*\bsrc="\.\/boot-[0-9a-f]+\.js"/i;
  if (!boot.test(html)) throw new Error('index.html has no boot.js script');
  const attr = (t) => t.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const content = ids.map((id) => attr(`${id}:${hashes.get(id)}`)).join(' ');
  return html.replace(boot, (tag) => `  <meta name="report-explorer:first-screens" content="${content}">\n${tag}`);
}

function main() {
  const dir = resolve(process.argv[2] ?? 'dist');
  const dropped = dropStaleFirstScreens(dir);
  if (dropped.length) console.log(`postbuild: deleted ${dropped.length} first screen(s) drawn from an older report file: ${dropped.join(', ')}`);
  const indexPath = join(dir, 'index.html');
  const page = withCsp(withFirstScreensMeta(readFileSync(indexPath, 'utf8'), dir), indexPath);
  writeFileSync(indexPath, page.html);
  // After index.html has its final bytes: they are part of the build hash.
  const sw = serviceWorker(dir);
  writeFileSync(join(dir, SW_NAME), sw.code);
  console.log(`postbuild: CSP in index.html (${page.scripts} inline script hash(es), ${page.styles} style hash(es))`);
  console.log(`postbuild: ${SW_NAME} precaches ${sw.urls.length} URLs, cache version ${sw.build}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
