// The UI benchmark (fast-views issue, item 5): what a reader downloads and waits for, measured
// in the machine's Chromium against the built dist/ (served by scripts/serve-dist.mjs under a
// sub-path, no compression), each run in a fresh browser context (empty cache) with the
// service worker blocked (so every visit is a first visit and nothing is precached behind it).
//
//   1. First-visit bytes: every response until the library is idle (no request for 500 ms),
//      as sent and as gzip -9 of the file, in total and per kind of file.
//   2. Bytes to open each view: every response from a click until idle again — opening each
//      bundled report (its overview), each of its other views in tab order, the import panel
//      (a report JSON and a CSV picked) and a Monte Carlo run. Counting every response keeps
//      this right whether the views come in the one wasm or in chunks fetched on first use.
//   3. Load → first chart at 1× and 4× CPU (CDP Emulation.setCPUThrottlingRate): navigation
//      start of a report's overview link (`?r=<id>`) to the frame that paints the first chart
//      SVG with data drawn (a series path or a mark with a `d`): the report's first screen drawn
//      at build time where the build has one (scripts/first-screens.mjs), else the app's; and
//      to the frame that paints the app's own chart, the app shown (it answers a hover).
//   4. Slider input → next paint at 4×, by keyboard (ArrowRight), with long tasks: presses one
//      at a time (what one input costs), then back to back (whether the view keeps up).
//   5. Hover → callout at 4×: the pointer onto a chart mark → its callout painted.
//
// "Painted" is taken in the page: a MutationObserver sees the change (the chart drawn, the
// DOM changed after the input, the callout showing the hovered mark's label), then a message
// posted from the next requestAnimationFrame callback runs after that frame's rendering; its
// performance.now() is the end. Input times are the events' own timeStamps (so time the event
// waited behind a busy main thread counts). The Event Timing API (durationThreshold 16 ms) and
// long tasks are recorded beside it as a cross-check.
//
// Figures are printed, never asserted (the machine is shared and noisy). Exits 1, naming what
// failed, when something does not work: a selector the benchmark relies on finds nothing
// (a renamed class or test id), a view does not open, an input changes nothing, a page error.
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { Failure, fail, freePort, intEnv, median, serveDist, pct, runBench } from './bench-common.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The build to measure: dist/, or another one (BENCH_DIST=path) to compare two builds in one session. */
const DIST = process.env.BENCH_DIST ? resolve(process.env.BENCH_DIST) : join(ROOT, 'dist');
const PREFIX = '/bench/';
const THROTTLE = 4;
const TIMEOUT = 60_000;
/** No request for this long counts as idle (Playwright's "networkidle" uses the same). */
const QUIET_MS = 500;
const VIEWPORT = { width: 1440, height: 900 };

const RUNS = intEnv('BENCH_RUNS', 5, 1);
const INTERACTION_RUNS = intEnv('BENCH_INTERACTION_RUNS', 3, 1);
const INPUTS = intEnv('BENCH_INPUTS', 30, 1);
const HOVERS = intEnv('BENCH_HOVERS', 20, 1);
const PORT = intEnv('BENCH_PORT', 0, 0);
/** Added round-trip latency in ms (CDP network emulation), for every page; 0: none. */
const LATENCY = intEnv('BENCH_LATENCY', 0, 0);
/**
 * Only some parts (to compare builds quickly): `loads` (3 alone), `sliders` (4 alone),
 * `interactions` (4 and 5); unset or empty: every part.
 */
const ONLY = process.env.BENCH_ONLY ?? '';
if (!['', 'loads', 'sliders', 'interactions'].includes(ONLY)) fail(`BENCH_ONLY=${ONLY}: expected loads, sliders or interactions`);
const PARTS = {
  bytes: ONLY === '',
  loads: ONLY === '' || ONLY === 'loads',
  sliders: ONLY !== 'loads',
  hovers: ONLY === '' || ONLY === 'interactions',
};

// What the timings drive. Selectors are those of the end-to-end tests (tests/e2e/).
const MARKET = 'smartphone-leasing';
const PLAN = 'parent-child-community';
const SLIDERS = [
  { label: 'Scenarios: headline CAGR', report: MARKET, view: 'scenarios', slider: '#headline-cagr-slider' },
  { label: 'Scenarios: geography segment (North America growth)', report: MARKET, view: 'scenarios', dimension: 'geography', slider: '#geography-north-america-growth-slider' },
  { label: 'Scenarios: Monte Carlo range width', report: MARKET, view: 'scenarios', slider: '#mc-width-slider' },
  { label: 'KPI board: projector rate', report: PLAN, view: 'kpis', slider: '#projector-rate-slider' },
];
const HOVER_CHARTS = [
  { label: 'Overview: headline chart', report: MARKET, view: 'overview', chart: 'headline' },
  { label: 'Scenarios: scenario chart', report: MARKET, view: 'scenarios', chart: 'scenario' },
];
const IMPORTS = [
  { label: 'import panel: pick a report JSON → preview', name: 'example.json', mimeType: 'application/json', file: join(ROOT, 'docs', 'example-report.json') },
  { label: 'import panel: pick a CSV → preview', name: 'series.csv', mimeType: 'text/csv', file: join(ROOT, 'tests', 'fixtures', 'import', 'owid_long.csv') },
];

// ---- cleanup, also on Ctrl-C / kill ----
let server = null;
let browser = null;
async function cleanup() {
  if (browser) await browser.close().catch(() => {});
  if (server) await server.stop().catch(() => {});
}

// ---- helpers ----
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));


const gzCache = new Map();
function gzipSize(file) {
  if (!gzCache.has(file)) gzCache.set(file, gzipSync(readFileSync(file), { level: 9 }).length);
  return gzCache.get(file);
}

/** The file in dist/ a URL maps to (as serve-dist.mjs resolves it), or null. */
function fileFor(url) {
  const u = new URL(url);
  if (!u.pathname.startsWith(PREFIX)) return null;
  const rel = decodeURIComponent(u.pathname.slice(PREFIX.length)) || 'index.html';
  let file = normalize(join(DIST, rel));
  if (!file.startsWith(DIST) || !existsSync(file)) return null;
  if (statSync(file).isDirectory()) file = join(file, 'index.html');
  return existsSync(file) ? file : null;
}

function kindOf(name) {
  const ext = extname(name.split('?')[0]).toLowerCase();
  if (name === '' || ext === '.html') return 'html';
  return { '.js': 'js', '.mjs': 'js', '.wasm': 'wasm', '.css': 'css', '.json': 'json' }[ext] ?? 'other';
}
const KINDS = ['html', 'js', 'wasm', 'css', 'json', 'other'];

const ms = (x) => (x === undefined || Number.isNaN(x) ? '—' : `${Math.round(x)} ms`);
const kb = (bytes) => (bytes / 1024).toFixed(1);
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

// ---- in-page instrumentation (runs before the app, in every page) ----
function instrument() {
  const b = { chart: null, app: null, watch: null, burst: null, lastKey: null, long: [], events: [], errors: [] };
  window.__bench = b;
  const visible = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  // The message posted from the next frame's rAF callback runs after that frame's rendering.
  const afterNextPaint = (done) => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => done(performance.now());
    ch.port2.postMessage(null);
  });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.long.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) { b.errors.push(`longtask observer: ${e}`); }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.events.push({ name: e.name, start: e.startTime, duration: e.duration, id: e.interactionId });
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  } catch (e) { b.errors.push(`event observer: ${e}`); }

  // A chart with its data drawn: a visible chart SVG holding a series path or a mark with a shape.
  const chartDrawn = () => [...document.querySelectorAll('[data-chart] svg')].some((svg) => visible(svg)
    && [...svg.querySelectorAll('path[data-series], path.mk')].some((p) => (p.getAttribute('d') ?? '').length > 2));
  // The app's own chart, the app shown: a report's first screen drawn at build time (in #boot)
  // has given way, so the chart answers a hover and the sliders are there.
  const appChartDrawn = () => !document.getElementById('boot') && chartDrawn();
  const calloutShown = (w) => {
    const tip = w.figure?.querySelector('.tip-text');
    return !!tip && visible(tip) && tip.textContent.trim() === w.label;
  };
  const check = () => {
    if (b.chart === null && chartDrawn()) {
      b.chart = { dom: performance.now(), painted: null };
      afterNextPaint((t) => {
        b.chart.painted = t;
        // Tells the benchmark (a CDP binding: a message, no script of Playwright's in the page).
        window.__benchChartPainted?.('');
      });
    }
    if (b.app === null && appChartDrawn()) {
      b.app = { dom: performance.now(), painted: null };
      afterNextPaint((t) => {
        b.app.painted = t;
        window.__benchAppPainted?.('');
      });
    }
    // Back-to-back inputs: each ends at the paint after the first DOM change that follows it.
    const fresh = b.burst?.inputs.filter((x) => x.dom === null) ?? [];
    if (fresh.length) {
      const dom = performance.now();
      for (const x of fresh) x.dom = dom;
      const burst = b.burst;
      afterNextPaint((t) => {
        for (const x of fresh) x.end = t;
        if (burst.inputs.length >= burst.expect && burst.inputs.every((x) => x.end !== null)) window.__benchBurstEnded?.('');
      });
    }
    const w = b.watch;
    if (w && w.start !== null && w.dom === null) {
      // An input: any DOM change after it (the app's answer). A hover: its mark's callout.
      if (w.kind === 'input' || (w.kind === 'hover' && calloutShown(w))) {
        w.dom = performance.now();
        afterNextPaint((t) => {
          w.end = t;
          window.__benchWatchEnded?.('');
        });
      }
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });

  // Armed from Node before each action; started by the action's own event (capture phase, so
  // before the app's handlers).
  // A key press's input starts at its keydown (the reader's key), as Event Timing counts it.
  addEventListener('keydown', (e) => {
    b.lastKey = e.timeStamp;
    const w = b.watch;
    if (w?.kind === 'input' && w.start === null) w.keydown = e.timeStamp;
  }, true);
  addEventListener('input', (e) => {
    const w = b.watch;
    if (w?.kind === 'input' && w.start === null && e.target?.matches?.(w.selector)) w.start = w.keydown ?? e.timeStamp;
    if (b.burst && e.target?.matches?.(b.burst.selector)) b.burst.inputs.push({ start: b.lastKey ?? e.timeStamp, dom: null, end: null });
  }, true);
  addEventListener('mouseover', (e) => {
    const w = b.watch;
    const mark = e.target?.closest?.('[data-chart] svg [aria-label]');
    if (w?.kind === 'hover' && w.start === null && mark) {
      w.start = e.timeStamp;
      w.label = mark.getAttribute('aria-label').trim();
      w.figure = mark.closest('[data-chart]');
      queueMicrotask(check);
    }
  }, true);
}

// ---- network accounting per browser context ----
/** Records every finished response of `context` with its sizes; `idle()` waits for quiet. */
function trackNetwork(context) {
  const net = { inflight: 0, last: Date.now(), log: [], pending: [] };
  context.on('request', () => { net.inflight++; net.last = Date.now(); });
  const settle = (req, failed) => {
    net.inflight = Math.max(0, net.inflight - 1);
    net.last = Date.now();
    net.pending.push((async () => {
      const url = req.url();
      if (!/^https?:/.test(url)) return;
      const resp = failed ? null : await req.response().catch(() => null);
      const sizes = failed ? null : await req.sizes().catch(() => null);
      net.log.push({
        url,
        status: resp?.status() ?? 0,
        failed: failed ? (req.failure()?.errorText ?? 'failed') : null,
        body: Math.max(0, sizes?.responseBodySize ?? 0),
        headers: Math.max(0, sizes?.responseHeadersSize ?? 0),
      });
    })());
  };
  context.on('requestfinished', (r) => settle(r, false));
  context.on('requestfailed', (r) => settle(r, true));
  net.idle = async (what) => {
    const until = Date.now() + TIMEOUT;
    while (net.inflight > 0 || Date.now() - net.last < QUIET_MS) {
      if (Date.now() > until) fail(`${what}: the network did not go quiet within ${TIMEOUT / 1000} s (${net.inflight} request(s) in flight)`);
      await sleep(50);
    }
    await Promise.all(net.pending);
  };
  /** The responses since `mark` (an index into the log), summarised. */
  net.since = (mark) => summarise(net.log.slice(mark));
  return net;
}

function summarise(entries) {
  const files = [];
  const seen = new Set();
  for (const e of entries) {
    if (seen.has(e.url)) continue;
    seen.add(e.url);
    const name = new URL(e.url).pathname.slice(PREFIX.length);
    const file = e.status === 200 ? fileFor(e.url) : null;
    files.push({ ...e, name: name || '(index)', kind: kindOf(name), sent: e.body + e.headers, gz: file ? gzipSize(file) : 0 });
  }
  const byKind = Object.fromEntries(KINDS.map((k) => [k, { files: 0, sent: 0, gz: 0 }]));
  for (const f of files) {
    byKind[f.kind].files++;
    byKind[f.kind].sent += f.sent;
    byKind[f.kind].gz += f.gz;
  }
  return {
    files,
    byKind,
    sent: files.reduce((s, f) => s + f.sent, 0),
    gz: files.reduce((s, f) => s + f.gz, 0),
    bad: files.filter((f) => f.failed || f.status >= 400),
  };
}

// ---- pages ----
/** The page's bindings (see `freshPage`). */
const BINDINGS = ['__benchChartPainted', '__benchAppPainted', '__benchWatchEnded', '__benchBurstEnded'];

/** A fresh context (empty cache, service worker blocked) and page, instrumented, at `rate`× CPU. */
async function freshPage(rate) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: VIEWPORT, locale: 'en-US' });
  await context.addInitScript(instrument);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  const cdp = await context.newCDPSession(page);
  // The page tells the benchmark when a measured paint has happened through CDP bindings:
  // a function on the page's global object that sends a message to this session, with no
  // script of Playwright's in the page (polling with `waitForFunction` ran Playwright's
  // injected script there, 25–45 ms at 4× during a load). `told(name)` resolves at the next call.
  const waiting = new Map();
  cdp.on('Runtime.bindingCalled', (e) => {
    const resolve = waiting.get(e.name);
    waiting.delete(e.name);
    resolve?.();
  });
  await cdp.send('Runtime.enable');
  for (const name of BINDINGS) await cdp.send('Runtime.addBinding', { name });
  const told = (name) => new Promise((resolve) => waiting.set(name, resolve));
  const throttle = (r) => cdp.send('Emulation.setCPUThrottlingRate', { rate: r });
  if (rate !== 1) await throttle(rate);
  if (LATENCY) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: LATENCY, downloadThroughput: -1, uploadThroughput: -1 });
  }
  const net = trackNetwork(context);
  const checkErrors = (what) => {
    if (errors.length) fail(`${what}: error in the page: ${errors.slice(0, 3).join(' | ')}`);
  };
  return { context, page, net, told, throttle, checkErrors, close: () => context.close().catch(() => {}) };
}

/** Waits for `selector` (a CSS selector the benchmark relies on) to be visible, or fails naming it. */
async function need(page, selector, what, timeout = 30_000) {
  try {
    await page.locator(selector).first().waitFor({ state: 'visible', timeout });
  } catch {
    const n = await page.locator(selector).count().catch(() => 0);
    fail(`${what}: selector ${selector} ${n ? 'matched but is not visible' : 'matches nothing'} after ${timeout / 1000} s ` +
      '(renamed class, id or test id? the benchmark uses the end-to-end tests\' selectors)');
  }
  return page.locator(selector).first();
}

async function waitLibrary(page, what) {
  await need(page, '.card[data-report] a.open-report', `${what}: library cards`);
  await need(page, '[data-testid=library-status]', `${what}: library status line`);
}

/** Waits until `view` is the selected tab and the view panel shows something. */
async function waitView(page, view, what) {
  await need(page, `#tab-${view}[aria-selected=true]`, `${what}: tab ${view} selected`);
  await need(page, '#view-panel', `${what}: view panel`);
  try {
    await page.waitForFunction(() => {
      const p = document.querySelector('#view-panel');
      return !!p && [...p.querySelectorAll('*')].some((e) => e.getClientRects().length > 0);
    }, null, { timeout: TIMEOUT });
  } catch {
    fail(`${what}: #view-panel shows nothing for view ${view}`);
  }
}

// ---- 1 and 2: bytes ----
async function firstVisitBytes() {
  const p = await freshPage(1);
  try {
    await p.page.goto(server.url);
    await waitLibrary(p.page, 'first visit');
    await p.net.idle('first visit');
    p.checkErrors('first visit');
    const cards = await p.page.locator('.card[data-report]').evaluateAll((cs) => cs.map((c) => c.getAttribute('data-report')));
    return { visit: p.net.since(0), cards };
  } finally {
    await p.close();
  }
}

/** For one report: open it from the library, then each other view in tab order. */
async function viewBytes(id) {
  const p = await freshPage(1);
  const rows = [];
  try {
    await p.page.goto(server.url);
    await waitLibrary(p.page, `${id}: library`);
    await p.net.idle(`${id}: library`);
    let mark = p.net.log.length;
    await (await need(p.page, `.card[data-report="${id}"] a.open-report`, `${id}: card`)).click();
    await need(p.page, `article.report[data-report="${id}"]`, `${id}: report page`);
    const views = await p.page.locator('[role=tab][data-view]').evaluateAll((ts) => ts.map((t) => t.getAttribute('data-view')));
    if (!views.length) fail(`${id}: no view tabs ([role=tab][data-view])`);
    await waitView(p.page, views[0], id);
    await p.net.idle(`${id}: open`);
    rows.push({ report: id, action: `open report (${views[0]})`, ...p.net.since(mark) });
    for (const view of views.slice(1)) {
      mark = p.net.log.length;
      await (await need(p.page, `#tab-${view}`, `${id}: tab ${view}`)).click();
      await waitView(p.page, view, `${id}: ${view}`);
      await p.net.idle(`${id}: ${view}`);
      rows.push({ report: id, action: view, ...p.net.since(mark) });
      if (view === 'scenarios' && id === MARKET) {
        // The Monte Carlo tool, first run (its default number of paths).
        mark = p.net.log.length;
        await (await need(p.page, '[data-testid=mc-run]', `${id}: Monte Carlo run button`)).click();
        await need(p.page, '[data-testid=mc-result]', `${id}: Monte Carlo result`);
        await p.page.locator('[data-testid=mc-progress]').waitFor({ state: 'detached', timeout: TIMEOUT })
          .catch(() => fail(`${id}: the Monte Carlo run did not finish within ${TIMEOUT / 1000} s`));
        await p.net.idle(`${id}: Monte Carlo`);
        rows.push({ report: id, action: 'Monte Carlo: Run → fan drawn', ...p.net.since(mark) });
      }
    }
    p.checkErrors(id);
    return { views, rows };
  } finally {
    await p.close();
  }
}

async function importBytes(imp) {
  if (!existsSync(imp.file)) fail(`${imp.label}: ${imp.file} is missing`);
  const p = await freshPage(1);
  try {
    await p.page.goto(server.url);
    await waitLibrary(p.page, imp.label);
    await p.net.idle(imp.label);
    const mark = p.net.log.length;
    const input = p.page.locator('#import-file');
    if (!(await input.count())) fail(`${imp.label}: selector #import-file matches nothing`);
    await input.setInputFiles({ name: imp.name, mimeType: imp.mimeType, buffer: readFileSync(imp.file) });
    await need(p.page, '[data-testid=import-preview]', imp.label);
    await p.net.idle(imp.label);
    p.checkErrors(imp.label);
    return { report: 'library', action: imp.label, ...p.net.since(mark) };
  } finally {
    await p.close();
  }
}

// ---- 3: load → first chart ----
async function loadToChart(id, rate) {
  const p = await freshPage(rate);
  try {
    // The page says when its chart has painted, through a binding (see `freshPage`).
    const chart = p.told('__benchChartPainted');
    const app = p.told('__benchAppPainted');
    await p.page.goto(`${server.url}?r=${encodeURIComponent(id)}`, { waitUntil: 'commit' });
    let timer;
    try {
      await Promise.race([Promise.all([chart, app]), new Promise((_, reject) => { timer = setTimeout(reject, TIMEOUT); })]);
    } catch {
      p.checkErrors(`${id}: load`);
      fail(`${id}: no chart ([data-chart] svg with a path[data-series] or path.mk) painted within ${TIMEOUT / 1000} s of loading ?r=${id}`);
    } finally {
      clearTimeout(timer);
    }
    p.checkErrors(`${id}: load`);
    return await p.page.evaluate(() => ({
      chart: window.__bench.chart.painted,
      app: window.__bench.app.painted,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    }));
  } finally {
    await p.close();
  }
}

// ---- 4 and 5: interactions at 4× ----
/** Opens `report`'s `view` by its link, unthrottled (only the interaction is timed). */
async function openForInteraction(report, view) {
  const p = await freshPage(1);
  await p.page.goto(`${server.url}?r=${encodeURIComponent(report)}&v=${encodeURIComponent(view)}`);
  await need(p.page, `article.report[data-report="${report}"]`, `${report}: report page`);
  await waitView(p.page, view, `${report}: ${view}`);
  await p.net.idle(`${report}: ${view}`);
  return p;
}

const pageNow = (page) => page.evaluate(() => performance.now());

/** Long tasks and Event Timing entries (≥ 16 ms) since `t0`. */
async function sinceT0(page, t0) {
  return page.evaluate((t) => ({
    long: window.__bench.long.filter((l) => l.start >= t).map((l) => l.duration),
    events: window.__bench.events.filter((e) => e.start >= t),
  }), t0);
}

/** Runs one armed watch: `action` must cause its event; returns the ms from event to paint. */
async function watched({ page, told }, watch, action, what) {
  // Told through a binding, like the load's chart: no polling in the page while it answers.
  const done = told('__benchWatchEnded');
  await page.evaluate((w) => { window.__bench.watch = { ...w, keydown: null, start: null, dom: null, end: null }; }, watch);
  await action();
  let timer;
  try {
    await Promise.race([done, new Promise((_, reject) => { timer = setTimeout(reject, 10_000); })]);
  } catch {
    const w = await page.evaluate(() => ({ start: window.__bench.watch.start, dom: window.__bench.watch.dom, label: window.__bench.watch.label }));
    if (w.start === null) fail(`${what}: the action caused no ${watch.kind === 'input' ? 'input' : 'mouseover on a labelled chart mark'} event`);
    fail(watch.kind === 'input'
      ? `${what}: the input changed nothing in the page within 10 s`
      : `${what}: no callout (.tip-text reading "${w.label}") within 10 s of hovering the mark`);
  } finally {
    clearTimeout(timer);
  }
  return page.evaluate(() => window.__bench.watch.end - window.__bench.watch.start);
}

async function sliderRun(s) {
  const what = s.label;
  const p = await openForInteraction(s.report, s.view);
  try {
    if (s.dimension) {
      const picker = await need(p.page, '[data-testid=dimension-picker]', `${what}: dimension picker`);
      await picker.selectOption(s.dimension).catch(() => fail(`${what}: the dimension picker has no option "${s.dimension}"`));
      await p.net.idle(what);
    }
    const slider = await need(p.page, s.slider, what);
    if ((await slider.getAttribute('type')) !== 'range') fail(`${what}: ${s.slider} is not an input[type=range]`);
    await slider.scrollIntoViewIfNeeded();
    await slider.focus();
    await sleep(200);
    await p.throttle(THROTTLE);
    const t0 = await pageNow(p.page);
    const samples = [];
    let key = 'ArrowRight';
    for (let i = 0; i < INPUTS; i++) {
      // At an end of its range a slider no longer moves: turn round.
      const at = await slider.evaluate((e) => ({ v: Number(e.value), min: Number(e.min), max: Number(e.max) }));
      if (key === 'ArrowRight' && at.v >= at.max) key = 'ArrowLeft';
      else if (key === 'ArrowLeft' && at.v <= at.min) key = 'ArrowRight';
      samples.push(await watched(p, { kind: 'input', selector: s.slider }, () => p.page.keyboard.press(key), `${what}, input ${i + 1}`));
      await sleep(100);
    }
    await sleep(300);
    const { long, events } = await sinceT0(p.page, t0);
    // Event Timing: one figure per keyboard interaction (its longest entry).
    const perInteraction = new Map();
    for (const e of events) if (e.id) perInteraction.set(e.id, Math.max(perInteraction.get(e.id) ?? 0, e.duration));
    const burst = await burstRun(p, slider, s.slider, what);
    p.checkErrors(what);
    return { samples, long, interactions: [...perInteraction.values()], burst };
  } finally {
    await p.close();
  }
}

/**
 * The same number of key presses back to back (each sent as soon as the page took the last,
 * like a held key or a drag): each press's keydown → the paint after the first DOM change that
 * follows it, and the long tasks meanwhile. Shows whether the view keeps up or queues.
 */
async function burstRun({ page, told }, slider, selector, what) {
  // The keys worked out beforehand (turning round at an end), so that every press moves it.
  const at = await slider.evaluate((e) => ({ v: Number(e.value), min: Number(e.min), max: Number(e.max), step: Number(e.step) || 1 }));
  const last = Math.round((at.max - at.min) / at.step);
  if (last < 1) fail(`${what}: ${selector} has no room to move (min ${at.min}, max ${at.max})`);
  let pos = Math.round((at.v - at.min) / at.step);
  let dir = pos < last ? 1 : -1;
  const keys = [];
  for (let i = 0; i < INPUTS; i++) {
    if (pos + dir < 0 || pos + dir > last) dir = -dir;
    pos += dir;
    keys.push(dir > 0 ? 'ArrowRight' : 'ArrowLeft');
  }
  // Told through a binding once every press has painted, as the paced presses are.
  const done = told('__benchBurstEnded');
  await page.evaluate(([sel, n]) => { window.__bench.burst = { selector: sel, inputs: [], expect: n }; }, [selector, INPUTS]);
  const t0 = await pageNow(page);
  for (const key of keys) await page.keyboard.press(key);
  let timer;
  try {
    await Promise.race([done, new Promise((_, reject) => { timer = setTimeout(reject, 30_000); })]);
  } catch {
    const got = await page.evaluate(() => window.__bench.burst.inputs.map((x) => x.end !== null));
    fail(`${what}: back-to-back presses: ${got.length} of ${INPUTS} input events, ${got.filter(Boolean).length} answered within 30 s`);
  } finally {
    clearTimeout(timer);
  }
  await sleep(300);
  const inputs = await page.evaluate(() => {
    const xs = window.__bench.burst.inputs;
    window.__bench.burst = null;
    return xs;
  });
  const { long } = await sinceT0(page, t0);
  return {
    samples: inputs.map((x) => x.end - x.start),
    total: Math.max(...inputs.map((x) => x.end)) - inputs[0].start,
    long,
  };
}

async function hoverRun(h) {
  const what = h.label;
  const p = await openForInteraction(h.report, h.view);
  try {
    const figure = await need(p.page, `[data-chart="${h.chart}"]`, what);
    await figure.scrollIntoViewIfNeeded();
    await sleep(200);
    // Marks whose centre is theirs to hover (not under another mark), in viewport coordinates.
    const marks = await figure.locator('svg [aria-label]').evaluateAll((els) => els.map((e) => {
      const r = e.getBoundingClientRect();
      const x = r.x + r.width / 2;
      const y = r.y + r.height / 2;
      const hit = document.elementFromPoint(x, y);
      return { x, y, label: e.getAttribute('aria-label'), ok: r.width > 0 && (hit === e || e.contains(hit)) };
    }).filter((m) => m.ok));
    if (!marks.length) fail(`${what}: no hoverable mark (svg [aria-label]) in [data-chart="${h.chart}"]`);
    await p.throttle(THROTTLE);
    const t0 = await pageNow(p.page);
    const samples = [];
    for (let i = 0; i < HOVERS; i++) {
      // Off the chart first, so each hover is a callout appearing (and none covers the next mark).
      await p.page.mouse.move(2, 2);
      await p.page.locator(`[data-chart="${h.chart}"] .tip-text`).waitFor({ state: 'detached', timeout: 10_000 })
        .catch(() => fail(`${what}: the callout did not go when the pointer left the chart`));
      await sleep(100);
      const m = marks[Math.floor((i * marks.length) / HOVERS) % marks.length];
      samples.push(await watched(p, { kind: 'hover' }, () => p.page.mouse.move(m.x, m.y), `${what}, hover "${m.label}"`));
    }
    const { long } = await sinceT0(p.page, t0);
    p.checkErrors(what);
    return { samples, long, marks: marks.length };
  } finally {
    await p.close();
  }
}

// ---- main ----
async function main() {
  const started = Date.now();
  if (!existsSync(join(DIST, 'index.html')) || !existsSync(join(DIST, 'reports', 'index.json'))) {
    fail('dist/ is not built (no dist/index.html or dist/reports/index.json): run scripts/build.sh or scripts/bench-ui.sh --build');
  }
  const load0 = loadavg();
  server = await serveDist({ root: ROOT, dist: DIST, port: PORT || await freePort(), prefix: PREFIX, portEnv: 'BENCH_PORT' });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
      // BENCH_CHROMIUM_ARGS: extra switches for an experiment (e.g. --js-flags=…), space-separated.
      ...(process.env.BENCH_CHROMIUM_ARGS ?? '').split(' ').filter(Boolean)],
  });

  const phases = [];
  let phaseStart = Date.now();
  const phase = (name) => { phases.push(`${name} ${((Date.now() - phaseStart) / 1000).toFixed(0)} s`); phaseStart = Date.now(); };

  // The library's cards name the reports the loads open.
  const first = PARTS.bytes || PARTS.loads ? await firstVisitBytes() : null;
  if (first && !first.cards.length) fail('the library shows no report card');
  const viewRows = [];
  if (PARTS.bytes) {
    for (const id of first.cards) viewRows.push(...(await viewBytes(id)).rows);
    for (const imp of IMPORTS) viewRows.push(await importBytes(imp));
    phase('bytes');
  }

  const loads = {}; // id → rate → { chart: [], app: [], fcp: [] }
  for (let run = 0; PARTS.loads && run < RUNS; run++) {
    for (const rate of [1, THROTTLE]) {
      for (const id of first.cards) {
        const r = await loadToChart(id, rate);
        const slot = ((loads[id] ??= {})[rate] ??= { chart: [], app: [], fcp: [] });
        slot.chart.push(r.chart);
        slot.app.push(r.app);
        if (r.fcp !== undefined) slot.fcp.push(r.fcp);
      }
    }
  }
  if (PARTS.loads) phase('loads');

  const sliders = (PARTS.sliders ? SLIDERS : []).map((s) => ({
    ...s, samples: [], longCounts: [], longest: 0, interactions: [],
    burst: { samples: [], totals: [], longCounts: [], longest: 0 },
  }));
  const hovers = (PARTS.hovers ? HOVER_CHARTS : []).map((h) => ({ ...h, samples: [], longCounts: [], longest: 0 }));
  for (let run = 0; run < INTERACTION_RUNS; run++) {
    for (const s of sliders) {
      const r = await sliderRun(s);
      s.samples.push(...r.samples);
      s.longCounts.push(r.long.length);
      s.longest = Math.max(s.longest, ...r.long);
      s.interactions.push(...r.interactions);
      s.burst.samples.push(...r.burst.samples);
      s.burst.totals.push(r.burst.total);
      s.burst.longCounts.push(r.burst.long.length);
      s.burst.longest = Math.max(s.burst.longest, ...r.burst.long);
    }
    for (const h of hovers) {
      const r = await hoverRun(h);
      h.samples.push(...r.samples);
      h.longCounts.push(r.long.length);
      h.longest = Math.max(h.longest, ...r.long);
      h.marks = r.marks;
    }
  }
  if (PARTS.sliders) phase(PARTS.hovers ? 'sliders and hovers' : 'sliders');

  // ---- report ----
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['-C', ROOT, 'log', '-1', '--format=%h %cs'], { encoding: 'utf8' }).trim();
    if (execFileSync('git', ['-C', ROOT, 'status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim()) commit += ' (with uncommitted changes)';
  } catch { /* not a git checkout */ }
  const built = statSync(join(DIST, 'index.html')).mtime.toISOString().slice(0, 16).replace('T', ' ');
  console.log(`Report Explorer UI benchmark — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  console.log(`  HEAD ${commit}; dist/ built ${built} UTC; Chromium ${browser.version()}; ${cpus().length} cores, load average ${load0.map((x) => x.toFixed(1)).join(' ')} at start`);
  console.log(`  Fresh browser context per run (empty cache), service worker blocked, ${VIEWPORT.width}×${VIEWPORT.height}; dist/ served uncompressed by scripts/serve-dist.mjs under ${PREFIX}${LATENCY ? `; ${LATENCY} ms round-trip latency added (CDP)` : ''}`);
  console.log('  "sent" = response headers + body as served; "gzip" = gzip -9 of the file (what a compressing host sends)');

  if (PARTS.bytes) {
    console.log('');
    console.log(`1. First visit: every response until the library is idle (no request for ${QUIET_MS} ms)`);
    console.log(`  ${pad('kind', 8)}${lpad('files', 6)}${lpad('sent KB', 11)}${lpad('gzip KB', 11)}`);
    for (const k of KINDS) {
      const x = first.visit.byKind[k];
      if (x.files) console.log(`  ${pad(k, 8)}${lpad(x.files, 6)}${lpad(kb(x.sent), 11)}${lpad(kb(x.gz), 11)}`);
    }
    console.log(`  ${pad('total', 8)}${lpad(first.visit.files.length, 6)}${lpad(kb(first.visit.sent), 11)}${lpad(kb(first.visit.gz), 11)}   (budget 180 KB gzip)`);
    for (const f of first.visit.files) {
      const st = f.failed ? ` [${f.failed}]` : f.status === 200 ? '' : ` [HTTP ${f.status}]`;
      console.log(`    ${pad(f.name, 44)}${lpad(kb(f.sent), 9)} KB ${lpad(kb(f.gz), 8)} KB gzip${st}`);
    }

    console.log('');
    console.log('2. Bytes to open each view: every response from the click until idle again (one run; the');
    console.log('   cache is warm from the steps before in the same context, so each view counts what it adds)');
    console.log(`  ${pad('report', 24)}${pad('action', 44)}${lpad('files', 6)}${lpad('sent KB', 10)}${lpad('gzip KB', 10)}  what`);
    for (const r of viewRows) {
      const what = r.files.map((f) => `${f.name}${f.failed ? ` [${f.failed}]` : f.status === 200 ? '' : ` [HTTP ${f.status}]`}`).join(', ') || '—';
      console.log(`  ${pad(r.report, 24)}${pad(r.action, 44)}${lpad(r.files.length, 6)}${lpad(kb(r.sent), 10)}${lpad(kb(r.gz), 10)}  ${what}`);
    }
  }

  if (PARTS.loads) {
    console.log('');
    console.log(`3. Load → first chart: navigation start of ?r=<id> (the overview) → the frame that paints the first chart`);
    console.log(`   with data drawn (a first screen drawn at build time counts); median (min–max) of ${RUNS} run(s); also the`);
    console.log(`   frame that paints the app's own chart (the app shown: hover and sliders work) and first contentful paint`);
    console.log(`  ${pad('figure', 56)}${pad('CPU 1×', 22)}${pad(`CPU ${THROTTLE}×`, 22)}runs`);
    const range = (xs) => (xs.length ? `${ms(median(xs))} (${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))})` : '—');
    for (const id of first.cards) {
      console.log(`  ${pad(`${id}: load → first chart`, 56)}${pad(range(loads[id][1].chart), 22)}${pad(range(loads[id][THROTTLE].chart), 22)}${RUNS}`);
    }
    for (const id of first.cards) {
      console.log(`  ${pad(`${id}: load → the app's own chart`, 56)}${pad(range(loads[id][1].app), 22)}${pad(range(loads[id][THROTTLE].app), 22)}${RUNS}`);
    }
    for (const id of first.cards) {
      console.log(`  ${pad(`${id}: load → first contentful paint`, 56)}${pad(range(loads[id][1].fcp), 22)}${pad(range(loads[id][THROTTLE].fcp), 22)}${RUNS}`);
    }
  }

  if (PARTS.sliders) {
    console.log('');
    console.log(`4. Slider input → next paint at ${THROTTLE}× CPU: ${INPUTS} ArrowRight steps (ArrowLeft back from the end) per run,`);
    console.log('   key press (keydown timeStamp) → the frame after the DOM changed; p50/p95/max over all inputs of all runs;');
    console.log('   long tasks per run (median) and the longest; Event Timing: interactions ≥ 16 ms and the longest');
    console.log(`  ${pad('slider', 54)}${lpad('p50', 8)}${lpad('p95', 8)}${lpad('max', 8)}${lpad('inputs', 8)}${lpad('long tasks', 12)}${lpad('longest', 9)}${lpad('ET ≥16ms', 10)}${lpad('ET max', 8)}  runs`);
    for (const s of sliders) {
      console.log(`  ${pad(s.label, 54)}${lpad(ms(pct(s.samples, 50)), 8)}${lpad(ms(pct(s.samples, 95)), 8)}${lpad(ms(Math.max(...s.samples)), 8)}`
        + `${lpad(s.samples.length, 8)}${lpad(median(s.longCounts), 12)}${lpad(s.longest ? ms(s.longest) : '—', 9)}`
        + `${lpad(s.interactions.length, 10)}${lpad(s.interactions.length ? ms(Math.max(...s.interactions)) : '—', 8)}  ${INTERACTION_RUNS}`);
    }

    console.log('');
    console.log(`   The same ${INPUTS} presses back to back (each sent as soon as the page took the last, like a held key):`);
    console.log('   each keydown → the paint after the first DOM change that follows it; all of them from first key to last paint');
    console.log(`  ${pad('slider, back to back', 54)}${lpad('p50', 8)}${lpad('p95', 8)}${lpad('max', 8)}${lpad('inputs', 8)}${lpad('long tasks', 12)}${lpad('longest', 9)}${lpad('all', 10)}  runs`);
    for (const s of sliders) {
      const x = s.burst;
      console.log(`  ${pad(s.label, 54)}${lpad(ms(pct(x.samples, 50)), 8)}${lpad(ms(pct(x.samples, 95)), 8)}${lpad(ms(Math.max(...x.samples)), 8)}`
        + `${lpad(x.samples.length, 8)}${lpad(median(x.longCounts), 12)}${lpad(x.longest ? ms(x.longest) : '—', 9)}${lpad(ms(median(x.totals)), 10)}  ${INTERACTION_RUNS}`);
    }
  }

  if (PARTS.hovers) {
    console.log('');
    console.log(`5. Hover → callout at ${THROTTLE}× CPU: pointer onto a mark (from off the chart) → the frame that paints its callout`);
    console.log(`  ${pad('chart', 54)}${lpad('p50', 8)}${lpad('p95', 8)}${lpad('max', 8)}${lpad('hovers', 8)}${lpad('long tasks', 12)}${lpad('longest', 9)}  marks  runs`);
    for (const h of hovers) {
      console.log(`  ${pad(h.label, 54)}${lpad(ms(pct(h.samples, 50)), 8)}${lpad(ms(pct(h.samples, 95)), 8)}${lpad(ms(Math.max(...h.samples)), 8)}`
        + `${lpad(h.samples.length, 8)}${lpad(median(h.longCounts), 12)}${lpad(h.longest ? ms(h.longest) : '—', 9)}  ${lpad(h.marks, 5)}  ${INTERACTION_RUNS}`);
    }
  }

  console.log('');
  console.log(`Total run time ${((Date.now() - started) / 1000).toFixed(0)} s (${phases.join(', ')}); load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} at the end`);
}

await runBench('bench-ui', { main, cleanup, onExit: () => server?.kill() });
