// Benchmark of the limits the app promises (the "hardened" issue): a report with a 50-year
// forecast and 200 segments in a dimension (scripts/limits-report.mjs), 10,000 Monte Carlo
// paths and a 100,000-row CSV import. For each, at 1× and 4× CPU throttling (CDP): the time to
// complete and the longest main-thread task while it ran (a frozen page shows as one long task).
// Also slider input → next paint on the 200-segment view.
//
//   scripts/bench-limits.sh [RUNS]   # default 3 runs per figure; needs a built dist/
//
// Figures are printed, never asserted (the machine is shared and noisy). Exits 1 only when
// something does not work (a view does not open, a run does not finish, NaN on screen).
import { chromium } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, median, pct } from './bench-common.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Math.max(1, Number(process.argv[2] ?? 3) || 3);
const ID = 'limits-200-segments-50-years';
const TIMEOUT = 180_000;

const ms = (x) => `${Math.round(x)} ms`;

// A copy of dist/ with the limits report added the way a publisher adds one.
const dir = mkdtempSync(join(tmpdir(), 'report-explorer-limits-'));
let server = null;
let browser = null;
const cleanup = async () => {
  if (browser) await browser.close().catch(() => {});
  if (server) server.kill();
  rmSync(dir, { recursive: true, force: true });
};
process.on('SIGINT', () => cleanup().finally(() => process.exit(130)));

try {
  cpSync(join(ROOT, 'dist'), dir, { recursive: true });
  const gen = spawnSync(process.execPath, ['scripts/limits-report.mjs', join(dir, 'reports', 'limits.json')], { cwd: ROOT, encoding: 'utf8' });
  if (gen.status !== 0) throw new Error(gen.stderr);
  const cat = spawnSync('scripts/catalogue.sh', [dir], { cwd: ROOT, encoding: 'utf8' });
  if (cat.status !== 0) throw new Error(`catalogue.sh failed: ${cat.stderr}`);
  const port = await freePort();
  server = spawn(process.execPath, ['scripts/serve-dist.mjs', dir, String(port), '/limits/'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((ok) => { let out = ''; server.stdout.on('data', (d) => { out += d; if (out.includes('Serving')) ok(); }); });
  const url = `http://127.0.0.1:${port}/limits/`;

  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });

  /** A fresh page with long-task and input→paint recorders, at `rate`× CPU throttling. */
  async function freshPage(rate) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__long = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push({ start: e.startTime, duration: e.duration }); })
        .observe({ type: 'longtask', buffered: true });
      window.__inputPaint = [];
      addEventListener('input', (e) => {
        const t = e.timeStamp;
        requestAnimationFrame(() => setTimeout(() => window.__inputPaint.push(performance.now() - t)));
      }, true);
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    page.on('pageerror', (e) => { throw new Error(`page error: ${e}`); });
    return { page, context };
  }
  const now = (page) => page.evaluate(() => performance.now());
  const longestSince = (page, t) => page.evaluate((t) => Math.max(0, ...window.__long.filter((l) => l.start + l.duration >= t).map((l) => l.duration)), t);
  async function noNaN(page, what) {
    const text = await page.locator('#view-panel').innerText();
    if (/NaN|Infinity/.test(text)) throw new Error(`${what}: NaN or Infinity on screen`);
  }

  const figures = {}; // name → { rate → [{ time, longest }] }
  const record = (name, rate, time, longest) => {
    ((figures[name] ??= {})[rate] ??= []).push({ time, longest });
  };
  const paints = {};

  for (const rate of [1, 4]) {
    for (let run = 0; run < RUNS; run++) {
      const { page, context } = await freshPage(rate);
      await page.goto(url);
      await page.locator(`.card[data-report="${ID}"] a.open-report`).waitFor({ timeout: TIMEOUT });
      let t = await now(page);
      await page.locator(`.card[data-report="${ID}"] a.open-report`).click();
      await page.locator(`article.report[data-report="${ID}"] svg`).first().waitFor({ timeout: TIMEOUT });
      record('open the 50-year, 200-segment report', rate, (await now(page)) - t, await longestSince(page, t));
      for (const view of ['segments', 'scenarios', 'contents']) {
        t = await now(page);
        await page.locator(`[role=tab][data-view="${view}"]`).click();
        await page.locator(`[role=tab][data-view="${view}"][aria-selected=true]`).waitFor({ timeout: TIMEOUT });
        await page.locator('#view-panel .dom > *').first().waitFor({ timeout: TIMEOUT });
        record(`open ${view} (200 segments × 51 years)`, rate, (await now(page)) - t, await longestSince(page, t));
        await noNaN(page, view);
      }
      // Sliders on the 200-segment dimension (Scenarios): ten keyboard steps on one segment's growth.
      await page.locator('[role=tab][data-view="scenarios"]').click();
      const slider = page.locator('#product-segment-001-growth-slider');
      {
        await page.evaluate(() => { window.__inputPaint = []; });
        t = await now(page);
        await slider.focus();
        for (let i = 0; i < 10; i++) { await page.keyboard.press('ArrowRight'); await page.waitForTimeout(50); }
        await page.waitForTimeout(500);
        const samples = await page.evaluate(() => window.__inputPaint);
        (paints[rate] ??= []).push(...samples);
        if (!samples.length) throw new Error('the segment slider did not move');
        record('segment slider, 10 steps (longest task)', rate, NaN, await longestSince(page, t));
      }
      // 10,000 Monte Carlo paths on the 50-year forecast.
      await page.locator('[role=tab][data-view="scenarios"]').click();
      await page.getByTestId('mc-paths').fill('10000');
      await page.getByTestId('mc-paths').press('Tab');
      t = await now(page);
      await page.getByTestId('mc-run').click();
      await page.getByTestId('mc-meta').filter({ hasText: '10,000 paths' }).waitFor({ timeout: TIMEOUT });
      await page.getByTestId('mc-progress').waitFor({ state: 'detached', timeout: TIMEOUT });
      record('Monte Carlo, 10,000 paths × 50 years', rate, (await now(page)) - t, await longestSince(page, t));
      await noNaN(page, 'monte carlo');
      // 100,000-row CSV import (250 series × 400 months).
      await page.getByRole('link', { name: /Back to library/ }).click();
      const rows = ['Entity,Month,Value'];
      for (let r = 0; r < 250; r++) for (let m = 0; m < 400; m++) {
        rows.push(`Region ${r},${1990 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')},${((r + m) % 97) + 1}`);
      }
      await page.locator('#import-file').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
      await page.getByTestId('import-preview').waitFor({ timeout: TIMEOUT });
      t = await now(page);
      await page.getByTestId('confirm-import').click();
      await page.getByTestId('import-status').filter({ hasText: 'Imported' }).waitFor({ timeout: TIMEOUT });
      record('import a 100,000-row CSV (after the preview)', rate, (await now(page)) - t, await longestSince(page, t));
      await context.close();
    }
  }

  console.log(`\nbench-limits: ${RUNS} run(s) per figure; median time, and the longest main-thread task (median / worst)`);
  console.log('figure'.padEnd(56) + 'rate  time       longest task');
  for (const [name, byRate] of Object.entries(figures)) {
    for (const [rate, xs] of Object.entries(byRate)) {
      const times = xs.map((x) => x.time).filter((x) => !Number.isNaN(x));
      const longs = xs.map((x) => x.longest);
      console.log(`${name.padEnd(56)}${(rate + '×').padEnd(6)}${(times.length ? ms(median(times)) : '—').padEnd(11)}${ms(median(longs))} / ${ms(Math.max(...longs))}`);
    }
  }
  for (const [rate, xs] of Object.entries(paints)) {
    if (xs.length) console.log(`segment slider input → paint at ${rate}×: p50 ${ms(pct(xs, 50))}, p95 ${ms(pct(xs, 95))} (${xs.length} inputs)`);
  }
  await cleanup();
} catch (e) {
  console.error(`bench-limits: FAILED: ${e.message ?? e}`);
  await cleanup();
  process.exit(1);
}
