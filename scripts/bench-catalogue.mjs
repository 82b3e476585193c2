// Benchmark of the library with the bundled 3 reports (A) and with a publisher's catalogue of
// 1,000 reports (B): first-visit transfer (gzip -9 of every file fetched until the library has
// painted), library paint time, open-a-report time and search time, also at 4× CPU throttling.
//
//   scripts/bench-catalogue.sh [RUNS]      # default 5 runs per timing; needs a built dist/
//
// Figures are printed, never asserted (the machine is shared and noisy). Exits 1 only when
// something does not work (a page does not paint, a report does not open, a search does not
// find its report, the catalogue script fails). Uses the machine's Chromium, not Playwright's.
import { chromium } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { Failure, fail, freePort, median, runBench } from './bench-common.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Math.max(1, Number(process.argv[2] ?? 5) || 5);
const GENERATED = 997;
const OPEN_ID = 'smartphone-leasing';
const OPEN_QUERY = 'smartphone leasing';
const SEARCH_QUERY = 'market 0777';
const SEARCH_ID = 'generated-0777';
const THROTTLE = 4;
const TIMEOUT = 60_000;
const PUBLISHERS = ['Even Insights', 'Odd Research', 'Northwind Analytics', 'Contoso Market Data'];


// ---- cleanup, also on Ctrl-C / kill ----
const tempDirs = [];
const servers = [];
let browser = null;
/** Closes the browser, stops the servers, removes the temp dirs. */
async function cleanup() {
  if (browser) await browser.close().catch(() => {});
  for (const s of servers) await s.stop().catch(() => {});
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
}
/** Last resort if the process exits some other way: synchronous kills and removals. */
function onExit() {
  for (const s of servers) s.kill();
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
}

// ---- helpers ----
/** Serves `dir` under `prefix` with scripts/serve-dist.mjs, like the end-to-end tests do. */
async function serveDist(dir, prefix) {
  const port = await freePort();
  const proc = spawn(process.execPath, ['scripts/serve-dist.mjs', dir, String(port), prefix],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((ok) => proc.once('exit', () => ok()));
  const server = {
    url: `http://127.0.0.1:${port}${prefix}`,
    dir,
    prefix,
    kill: () => { if (proc.exitCode === null && proc.signalCode === null) proc.kill(); },
    stop: async () => {
      server.kill();
      await exited;
    },
  };
  servers.push(server);
  await new Promise((ok, bad) => {
    let out = '';
    const timer = setTimeout(() => bad(new Failure(`serve-dist did not start: ${out}`)), 10_000);
    proc.stdout.on('data', (d) => { out += String(d); if (out.includes('Serving')) { clearTimeout(timer); ok(); } });
    proc.once('exit', (code) => { clearTimeout(timer); bad(new Failure(`serve-dist exited with ${code}: ${out}`)); });
  });
  return server;
}

const gzCache = new Map();
function gzipSize(file) {
  if (!gzCache.has(file)) gzCache.set(file, gzipSync(readFileSync(file), { level: 9 }).length);
  return gzCache.get(file);
}

/** The file on disk a URL of `server` maps to (as serve-dist.mjs resolves it), or null. */
function fileFor(server, url) {
  const u = new URL(url);
  if (!u.pathname.startsWith(server.prefix)) return null;
  const rel = decodeURIComponent(u.pathname.slice(server.prefix.length)) || 'index.html';
  const root = resolve(server.dir);
  let file = normalize(join(root, rel));
  if (!file.startsWith(root) || !existsSync(file)) return null;
  if (statSync(file).isDirectory()) file = join(file, 'index.html');
  return existsSync(file) ? file : null;
}

const fmtMs = (xs) => xs.length
  ? `${Math.round(median(xs))} ms (${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))})`
  : 'n/a';
const kb = (bytes) => (bytes / 1024).toFixed(1);

// ---- in-page instrumentation ----
// Runs before the app: records (performance.now, ms since navigation start) when the library
// first shows cards and its status line, and, for a "watch" armed before an action, when the
// action's input event happened and when its expected result appeared. Each "done" time is
// taken in the next animation frame (the frame that paints the change).
function instrument() {
  const b = { dom: null, painted: null, watch: null };
  window.__bench = b;
  const visible = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const frame = (set) => requestAnimationFrame(() => set(performance.now()));
  const check = () => {
    if (b.dom === null && document.querySelector('.card')
      && visible(document.querySelector('[data-testid=library-status]'))) {
      b.dom = performance.now();
      frame((t) => { b.painted = t; });
    }
    const w = b.watch;
    if (w && w.start !== null && w.dom === null) {
      let ok = false;
      if (w.kind === 'headline') {
        ok = !!document.querySelector(`article.report[data-report="${w.id}"]`)
          && visible(document.querySelector('[data-testid=headline]'));
      } else if (w.kind === 'status') {
        const s = document.querySelector('[data-testid=library-status]');
        ok = !!s && s.textContent.trim() === w.text && visible(document.querySelector(`.card[data-report="${w.id}"]`));
      }
      if (ok) {
        w.dom = performance.now();
        frame((t) => { w.end = t; });
      }
    }
  };
  const arm = (e) => {
    const w = b.watch;
    if (w && w.start === null && e.type === w.event) { w.start = performance.now(); queueMicrotask(check); }
  };
  addEventListener('click', arm, true);
  addEventListener('input', arm, true);
  new MutationObserver(check).observe(document, {
    subtree: true, childList: true, characterData: true, attributes: true,
  });
}

/** Arms a watch, runs `action`, and returns the ms from its input event to the painted result. */
async function timed(page, watch, action, what) {
  await page.evaluate((w) => {
    window.__bench.watch = { ...w, start: null, dom: null, end: null };
  }, watch);
  try {
    await action();
  } catch (e) {
    fail(`${what}: ${String(e?.message ?? e).split('\n')[0]}`);
  }
  try {
    await page.waitForFunction(() => window.__bench.watch?.end != null, null, { timeout: TIMEOUT });
  } catch {
    const status = await page.locator('[data-testid=library-status]').textContent().catch(() => null);
    fail(`${what}: no result within ${TIMEOUT / 1000} s (library status: ${JSON.stringify(status)})`);
  }
  const w = await page.evaluate(() => window.__bench.watch);
  return w.end - w.start;
}

/**
 * One first visit in a fresh context (nothing cached, no service worker): navigation → library
 * painted (with the responses until then), then for B a search, then opening OPEN_ID.
 */
async function visit(server, { big, throttle }) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1440, height: 900 } });
  const out = { responses: [], errors: [], consoleErrors: [] };
  try {
    await context.addInitScript(instrument);
    const page = await context.newPage();
    page.on('pageerror', (e) => out.errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') out.consoleErrors.push(m.text()); });
    let recording = true;
    context.on('response', (r) => { if (recording) out.responses.push({ url: r.url(), status: r.status() }); });
    if (throttle > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    }

    const t0 = Date.now();
    await page.goto(server.url);
    try {
      await page.waitForFunction(() => window.__bench.painted != null, null, { timeout: TIMEOUT });
    } catch {
      fail(`${server.url}: the library did not paint within ${TIMEOUT / 1000} s` +
        (out.errors.length ? ` (page errors: ${out.errors.join(' | ')})` : ''));
    }
    recording = false;
    out.wall = Date.now() - t0;
    out.paint = await page.evaluate(() => window.__bench.painted);
    out.status = (await page.locator('[data-testid=library-status]').textContent()).trim();
    out.cards = await page.locator('.card').count();

    if (big) {
      out.search = await timed(page, { kind: 'status', event: 'input', text: '1 of 1000 reports match', id: SEARCH_ID },
        () => page.locator('#library-search').fill(SEARCH_QUERY), `search "${SEARCH_QUERY}"`);
      await page.locator('#library-search').fill(OPEN_QUERY);
      await page.locator(`.card[data-report="${OPEN_ID}"] a.open-report`).waitFor({ timeout: TIMEOUT })
        .catch(() => fail(`search "${OPEN_QUERY}" did not show the card of ${OPEN_ID}`));
    }
    out.open = await timed(page, { kind: 'headline', event: 'click', id: OPEN_ID },
      () => page.locator(`.card[data-report="${OPEN_ID}"] a.open-report`).click(), `open ${OPEN_ID}`);
    out.headline = (await page.getByTestId('headline').textContent()).trim();
    if (out.errors.length) fail(`${server.url}: uncaught error in the page: ${out.errors.join(' | ')}`);
    return out;
  } finally {
    await context.close().catch(() => {});
  }
}

/** First-visit files (until the library painted) with their gzip -9 size on disk. */
function firstVisit(server, responses) {
  const seen = new Set();
  const files = [];
  for (const { url, status } of responses) {
    if (!/^https?:/.test(url) || seen.has(url)) continue;
    seen.add(url);
    const file = fileFor(server, url);
    const name = new URL(url).pathname.slice(server.prefix.length) || '(index)';
    files.push({ name, status, gz: file && status === 200 ? gzipSize(file) : 0, raw: file ? statSync(file).size : 0 });
  }
  return { files, total: files.reduce((s, f) => s + f.gz, 0) };
}

// ---- main ----
async function main() {
  const started = Date.now();
  const dist = join(ROOT, 'dist');
  if (!existsSync(join(dist, 'index.html')) || !existsSync(join(dist, 'reports', 'index.json'))) {
    fail('dist/ is not built (no dist/index.html or dist/reports/index.json): run scripts/build.sh first');
  }
  const example = join(ROOT, 'docs', 'example-report.json');
  if (!existsSync(example)) fail('docs/example-report.json is missing');

  // A: as built. B: plus 997 generated reports, catalogued by the publisher's script.
  const dirA = mkdtempSync(join(tmpdir(), 'bench-catalogue-a-'));
  tempDirs.push(dirA);
  const dirB = mkdtempSync(join(tmpdir(), 'bench-catalogue-b-'));
  tempDirs.push(dirB);
  cpSync(dist, dirA, { recursive: true });
  cpSync(dist, dirB, { recursive: true });
  const template = JSON.parse(readFileSync(example, 'utf8'));
  for (let i = 0; i < GENERATED; i++) {
    const n = String(i).padStart(4, '0');
    const r = structuredClone(template);
    r.id = `generated-${n}`;
    r.meta.title.en = `Generated market ${n}`;
    r.meta.publisher = { ...r.meta.publisher, en: PUBLISHERS[i % PUBLISHERS.length] };
    writeFileSync(join(dirB, 'reports', `generated-${n}.json`), JSON.stringify(r, null, 1));
  }
  const tc = Date.now();
  const cat = spawnSync(join(ROOT, 'scripts', 'catalogue.sh'), [dirB], { cwd: ROOT, encoding: 'utf8' });
  if (cat.status !== 0) fail(`scripts/catalogue.sh failed (exit ${cat.status}):\n${cat.stdout}${cat.stderr}`);
  const catLine = cat.stdout.split('\n').find((l) => l.startsWith('catalogue:')) ?? cat.stdout.trim();
  if (!catLine.includes('catalogue: 1000 report(s)')) fail(`scripts/catalogue.sh did not catalogue 1000 reports: ${catLine}`);
  const catMs = Date.now() - tc;

  const a = await serveDist(dirA, '/bench/a/');
  const b = await serveDist(dirB, '/bench/b/');

  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });

  const sites = [
    { key: 'A', label: '3 reports', server: a, big: false, expectStatus: 'Showing 3 of 3 reports' },
    { key: 'B', label: '1000 reports', server: b, big: true, expectStatus: 'Showing 24 of 1000 reports' },
  ];
  const results = {};
  for (const throttle of [1, THROTTLE]) {
    for (let run = 0; run < RUNS; run++) {
      // Alternate A and B so drifting machine load hits both alike.
      for (const s of sites) {
        const v = await visit(s.server, { big: s.big, throttle });
        if (v.status !== s.expectStatus) fail(`${s.key}: library status "${v.status}", expected "${s.expectStatus}"`);
        const r = (results[`${s.key}${throttle}`] ??= { paint: [], open: [], search: [], wall: [], visits: [] });
        r.paint.push(v.paint);
        r.open.push(v.open);
        if (v.search !== undefined) r.search.push(v.search);
        r.wall.push(v.wall);
        r.visits.push(v);
      }
    }
  }

  // ---- report ----
  const fvA = firstVisit(a, results.A1.visits[0].responses);
  const fvB = firstVisit(b, results.B1.visits[0].responses);
  const diff = fvB.total - fvA.total;
  const line = (label, value) => console.log(`  ${label.padEnd(48)} ${value}`);
  console.log(`Report Explorer catalogue benchmark — ${RUNS} runs per timing, fresh browser context each run (no cache, service worker blocked)`);
  console.log(`  Chromium ${browser.version()}; B built by scripts/catalogue.sh in ${(catMs / 1000).toFixed(1)} s: ${catLine}`);
  console.log('');
  console.log('First visit (gzip -9 of each file fetched until the library painted)');
  line('A: 3 reports', `${kb(fvA.total)} KB (${fvA.files.length} files)`);
  line('B: 1000 reports', `${kb(fvB.total)} KB (${fvB.files.length} files)`);
  line('difference (requirement ≤ 30 KB)', `${diff >= 0 ? '+' : ''}${kb(diff)} KB — ${diff <= 30 * 1024 ? 'within' : 'OVER'} the requirement`);
  console.log('');
  console.log('Files fetched on the first visit of B (gzip -9 / on disk)');
  for (const f of fvB.files) {
    const gzA = fvA.files.find((x) => x.name === f.name)?.gz;
    const delta = gzA === undefined ? ' (B only)' : gzA !== f.gz ? ` (A: ${kb(gzA)} KB)` : '';
    const st = f.status === 200 ? '' : ` [HTTP ${f.status}]`;
    console.log(`  ${f.name.padEnd(48)} ${kb(f.gz).padStart(7)} KB / ${kb(f.raw).padStart(7)} KB${delta}${st}`);
  }
  for (const f of fvA.files) if (!fvB.files.some((x) => x.name === f.name)) console.log(`  (A only) ${f.name}`);
  console.log('');
  console.log('Timings: median (min–max) over runs, measured in the page (input event → next frame)');
  console.log(`  ${''.padEnd(48)} ${'CPU 1×'.padEnd(22)} CPU ${THROTTLE}×`);
  const row = (label, k, key) => console.log(`  ${label.padEnd(48)} ${fmtMs(results[`${k}1`][key]).padEnd(22)} ${fmtMs(results[`${k}${THROTTLE}`][key])}`);
  row('A: navigation → library painted', 'A', 'paint');
  row('B: navigation → library painted', 'B', 'paint');
  row(`A: open ${OPEN_ID} (click → headline)`, 'A', 'open');
  row(`B: open ${OPEN_ID} (click → headline)`, 'B', 'open');
  row(`B: search "${SEARCH_QUERY}" → 1 of 1000 match`, 'B', 'search');
  row('A: wall clock goto → painted (Node side)', 'A', 'wall');
  row('B: wall clock goto → painted (Node side)', 'B', 'wall');
  const consoleErrors = new Set();
  for (const r of Object.values(results)) for (const v of r.visits) for (const e of v.consoleErrors) consoleErrors.add(e);
  if (consoleErrors.size) {
    console.log('');
    console.log('Console errors seen (not counted as failures):');
    for (const e of consoleErrors) console.log(`  ${e.slice(0, 200)}`);
  }
  console.log('');
  console.log(`Headline shown for ${OPEN_ID}: ${results.A1.visits[0].headline}`);
  console.log(`Total run time ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

await runBench('bench-catalogue', { main, cleanup, onExit });
