// The single-file build (scripts/build-single.sh; in tests: node scripts/single-file.mjs dist
// dist-single): one self-contained HTML file that opens from disk with no server.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test, expect, walkEveryView, watchErrors, ROOT } from './helpers';

const DIR = join(ROOT, 'dist-single');
const FILE = join(DIR, 'report-explorer.html');
const sha256 = (text: string) => 'sha256-' + createHash('sha256').update(text, 'utf8').digest('base64');

test('one file, nothing outside it, a strict policy with the hashes of its inline script and style', () => {
  expect(readdirSync(DIR)).toEqual(['report-explorer.html']);
  const html = readFileSync(FILE, 'utf8');
  // No reference to another file: every src/href in the markup is a data: URL or a fragment.
  const markup = html.replace(/<(script|style)\b([^>]*)>[\s\S]*?<\/\1>/g, '<$1$2></$1>');
  const refs = [...markup.matchAll(/\s(?:src|href)\s*=\s*["']?([^"'\s>]+)/gi)].map((m) => m[1]);
  for (const ref of refs) expect(ref).toMatch(/^(data:|#)/);
  const all = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  // The catalogue and every report travel as JSON data blocks (never executed, so no hash).
  const data = all.filter((m) => m[1].includes('type="application/json"'));
  expect(data.map((m) => m[1].match(/data-file="([^"]+)"/)![1]).sort()).toEqual([
    'reports/china-call-center.json', 'reports/index.json',
    'reports/parent-child-community.json', 'reports/smartphone-leasing.json']);
  for (const m of data) expect(() => JSON.parse(m[2])).not.toThrow();
  // Two scripts: boot.js (the first screen's language and failure message) and the module.
  const scripts = all.filter((m) => !m[1].includes('type="application/json"'));
  expect(scripts.map((m) => m[1])).toEqual(['', ' type="module"']);
  expect(scripts[0][2]).toContain('TrunkApplicationStarted');
  expect(scripts[1][2]).not.toMatch(/^\s*(import|export)\b/m);
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
  expect(styles).toHaveLength(1);
  const first = html.match(/<head>\s*(<[^>]+>)/)![1];
  const policy = first.match(/^<meta http-equiv="Content-Security-Policy" content="([^"]+)">$/)?.[1];
  expect(policy, `first element of <head>: ${first.slice(0, 200)}`).toBe(
    `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' '${sha256(scripts[0][2])}' '${sha256(scripts[1][2])}'; `
    + `style-src 'self' '${sha256(styles[0])}'; img-src 'self' data: blob:; connect-src 'self'; `
    + "object-src 'none'; base-uri 'none'; form-action 'none'");
});

test('opens from file:// and runs every view of every report, sliders included', async ({ page, guard }) => {
  test.setTimeout(60_000);
  const errors = watchErrors(page);
  const url = pathToFileURL(FILE).href;
  await page.goto(url);
  await expect(page.locator('.card')).toHaveCount(3);
  expect(await page.evaluate(() => location.protocol)).toBe('file:');
  await walkEveryView(page);
  // Nothing was fetched from a server: only the file itself (and data: URLs).
  const fetched = guard.requests.filter((u) => !u.startsWith('data:'));
  expect(new Set(fetched)).toEqual(new Set([url]));
  expect(errors).toEqual([]);
});

test('presents from file://, offline: arrows step the views, the slider stays live, Esc leaves', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(pathToFileURL(FILE).href);
  await expect(page.locator('.card')).toHaveCount(3);
  await page.locator('.card[data-report="smartphone-leasing"] a.open-report').click();
  await page.getByTestId('present').click();
  await expect(page.getByTestId('present-bar')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('[role=tab][data-view="scenarios"]')).toHaveAttribute('aria-selected', 'true');
  const field = page.locator('#headline-cagr-field');
  await page.locator('#headline-cagr-slider').focus();
  await page.keyboard.press('ArrowRight');
  await expect(field).not.toHaveValue('13.6');
  await expect(page.locator('[role=tab][data-view="scenarios"]')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('present-bar')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a card\'s or tab\'s relative link works from file:// too (as "open in new tab" would)', async ({ page, context }) => {
  await page.goto(pathToFileURL(FILE).href);
  await expect(page.locator('.card')).toHaveCount(3);
  await page.locator('.card[data-report="smartphone-leasing"] a.open-report').click();
  const href = await page.locator('[role=tab][data-view="segments"]').getAttribute('href');
  const other = await context.newPage();
  await other.goto(new URL(href!, page.url()).href);
  await expect(other.locator('[role=tab][data-view="segments"]')).toHaveAttribute('aria-selected', 'true');
  expect(other.url()).toMatch(/^file:.*report-explorer\.html\?r=smartphone-leasing&v=segments/);
});
