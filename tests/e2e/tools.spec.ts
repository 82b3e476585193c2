// Scenario power tools on the smartphone report: the tornado (sensitivity) and the seeded
// Monte Carlo fan (uncertainty).
import { readFileSync } from 'node:fs';
import { test, expect, openApp, watchErrors, readText, type Page } from './helpers';

async function openScenarios(page: Page) {
  await openApp(page);
  await page.locator('.card[data-report="smartphone-leasing"] a.open-report').click();
  await expect(page.locator('article.report[data-report="smartphone-leasing"]')).toBeVisible();
  await page.locator('[role=tab][data-view="scenarios"]').click();
  await expect(page.locator('[role=tab][data-view="scenarios"]')).toHaveAttribute('aria-selected', 'true');
}

/** "US$1.51 bn" → 1.51 */
function amount(text: string): number {
  return Number(text.replace(/[^0-9.]/g, ''));
}

/** Records, in the page, whether a progress bar of the Monte Carlo ever appeared. */
async function watchProgress(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __sawProgress: boolean; __progressMax: string | null; __obs?: MutationObserver };
    w.__sawProgress = false;
    w.__progressMax = null;
    w.__obs?.disconnect();
    const check = () => {
      const p = document.querySelector('[data-testid="mc-progress"]');
      if (p) {
        w.__sawProgress = true;
        w.__progressMax = p.getAttribute('max');
      }
    };
    w.__obs = new MutationObserver(check);
    w.__obs.observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}

async function sawProgress(page: Page) {
  return page.evaluate(() => (window as unknown as { __sawProgress: boolean }).__sawProgress);
}

/** Clicks Run and waits until the run has shown its progress and finished. */
async function runOnce(page: Page) {
  await watchProgress(page);
  await page.getByTestId('mc-run').click();
  await expect.poll(() => sawProgress(page)).toBe(true);
  await expect(page.getByTestId('mc-progress')).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByTestId('mc-run')).toBeEnabled();
}

async function fanTable(page: Page) {
  return readText(page.getByTestId('mc-result').getByTestId('chart-table').locator('tbody'));
}

test('tornado: headline growth on top, and a wider move widens its swing', async ({ page }) => {
  const errors = watchErrors(page);
  await openScenarios(page);
  const tornado = page.getByTestId('tornado');
  await expect(tornado).toBeVisible();
  const first = page.getByTestId('tornado-row').first();
  await expect(first).toHaveAttribute('data-key', 'headline');
  await expect(first).toHaveText('Headline growth');
  await expect(page.getByTestId('tools-target')).toHaveValue('headline');

  // The table view: same numbers, with the moved inputs (13.6% ± 2 points).
  await tornado.locator('.table-toggle').click();
  const row = tornado.getByTestId('chart-table').locator('tbody tr').first();
  await expect(row.locator('th')).toHaveText('Headline growth');
  await expect(row.locator('td').nth(0)).toHaveText(/^11\.\d+% – 15\.\d+%$/);
  await expect(row.locator('td').nth(1)).toContainText('(scenario)');
  const swing2 = amount(await readText(row.locator('td').nth(3)));
  expect(swing2).toBeGreaterThan(1);

  // Focus on a bar: the readout names the assumption, its range and the values.
  await tornado.locator('rect.tornado-high').first().focus();
  await expect(tornado.getByTestId('readout')).toContainText('Headline growth, ');
  await expect(tornado.getByTestId('readout')).toContainText('(scenario)');

  // N = 5 points.
  const field = page.locator('#tornado-points-field');
  await field.fill('5');
  await field.press('Tab');
  await expect(row.locator('td').nth(0)).toHaveText(/^8\.\d+% – 18\.\d+%$/);
  await expect.poll(async () => amount(await readText(row.locator('td').nth(3)))).toBeGreaterThan(swing2 * 2);

  // A segment target lists the segment's own assumptions too (at most 12 rows).
  await page.getByTestId('dimension-picker').selectOption('type');
  await page.getByTestId('tools-target').selectOption('seg:type:camera-modules');
  await expect(page.getByTestId('tornado-row').first()).toHaveAttribute('data-key', 'headline');
  await expect(page.getByTestId('tornado-row')).toHaveCount(12);
  await expect(page.getByTestId('tornado-omitted')).toContainText('1 more');
  // Rows use the sliders' words: a top-down segment's growth is relative growth.
  await expect(page.locator('[data-testid="tornado-row"][data-key="type.camera-modules.growth"]'))
    .toHaveText('Camera Modules — relative growth');
  await expect(page.locator('[data-testid="tornado-row"][data-key="type.camera-modules.share"]'))
    .toHaveText('Camera Modules — base share');
  expect(errors).toEqual([]);
});

test('monte carlo: seeded, repeatable, with progress and a stale note', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  await openScenarios(page);
  await expect(page.getByTestId('mc-seed')).toHaveValue('1');
  await expect(page.getByTestId('mc-paths')).toHaveValue('2,000');

  await page.getByTestId('mc-seed').fill('7');
  await page.getByTestId('mc-seed').press('Tab');
  await page.getByTestId('mc-paths').fill('1000');
  await page.getByTestId('mc-paths').press('Tab');
  await runOnce(page);
  const result = page.getByTestId('mc-result');
  await expect(result).toBeVisible();
  await expect(page.getByTestId('mc-meta')).toHaveText('Seed 7, 1,000 paths.');
  await expect(result.locator('path.band')).toHaveCount(1);
  expect((await result.locator('path.band').getAttribute('d'))?.length ?? 0).toBeGreaterThan(10);
  await expect(result.locator('path[data-series="p50"]')).toHaveCount(1);
  await expect(result.locator('path[data-series="published"]')).toHaveCount(1);
  await expect(page.getByTestId('mc-stale')).toHaveCount(0);

  // The table view: one row per year, the band as "p10 – p90".
  await result.locator('.table-toggle').click();
  const first = await fanTable(page);
  expect(first).toContain('2032');
  expect(first).toMatch(/US\$[\d.]+\sbn – US\$[\d.]+\sbn/);

  // Same seed, same paths: the same numbers.
  await runOnce(page);
  expect(await fanTable(page)).toEqual(first);

  // Another seed: other numbers.
  await page.getByTestId('mc-seed').fill('8');
  await page.getByTestId('mc-seed').press('Tab');
  await runOnce(page);
  await expect(page.getByTestId('mc-meta')).toHaveText('Seed 8, 1,000 paths.');
  expect(await fanTable(page)).not.toEqual(first);

  // A long run shows its progress and can be cancelled; the last fan stays.
  await page.getByTestId('mc-paths').fill('20000');
  await page.getByTestId('mc-paths').press('Tab');
  await page.getByTestId('mc-run').click();
  const progress = page.getByTestId('mc-progress');
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute('max', '20000');
  await expect(progress).toHaveAttribute('aria-label', 'Paths computed');
  await expect(page.getByTestId('mc-run')).toBeDisabled();
  await page.getByTestId('mc-cancel').click();
  await expect(progress).toHaveCount(0);
  await expect(page.getByTestId('mc-meta')).toHaveText('Seed 8, 1,000 paths.');

  // Out-of-range paths are clamped and explained.
  await page.getByTestId('mc-paths').fill('50');
  await page.getByTestId('mc-paths').press('Tab');
  await expect(page.locator('#mc-paths-msg')).toContainText('100');
  await expect(page.getByTestId('mc-paths')).toHaveValue('100');

  // Changing the scenario after a run marks the fan stale.
  const field = page.locator('#headline-cagr-field');
  await field.fill('20');
  await field.press('Tab');
  await expect(page.getByTestId('mc-stale')).toContainText('Run again to include your latest changes');
  expect(errors).toEqual([]);
});

/** The 2032 band of the fan's table view as [p10, p90] in billions. */
async function band2032(page: Page): Promise<[number, number]> {
  const row = (await fanTable(page)).split('\n').find((l) => l.startsWith('2032'));
  const [low, high] = (row ?? '').split('\t')[1].split(' – ');
  return [amount(low), amount(high)];
}

test('monte carlo ranges: centred on the scenario, widened by the width, in the link and the chart export', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await openScenarios(page);
  await expect(page.locator('#mc-width-field')).toHaveValue('1');
  await runOnce(page);
  const result = page.getByTestId('mc-result');
  await result.locator('.table-toggle').click();

  // The headline's range: 13.59% ± the gap to the 13% the source states.
  const ranges = page.getByTestId('mc-ranges');
  await expect(ranges.locator('caption')).toHaveText('Sampled ranges (× 1 the default widths)');
  const row = ranges.locator('tbody tr').first();
  await expect(row.locator('th')).toHaveText('Headline growth');
  await expect(row.locator('td').nth(0)).toHaveText('13.59%');
  await expect(row.locator('td').nth(1)).toHaveText('13% – 14.18%');
  await expect(row.locator('td').nth(2)).toHaveText('± the gap between the published rate, 13.59%, and the 13% the source also gives');
  // Centred on the published path: the band holds its 2032 value.
  const [lo1, hi1] = await band2032(page);
  expect(lo1).toBeLessThan(6.1);
  expect(hi1).toBeGreaterThan(6.1);

  // Twice as wide: stale until run again, in the URL, and a wider band.
  await page.locator('#mc-width-field').fill('2');
  await page.locator('#mc-width-field').press('Tab');
  await expect(page.getByTestId('mc-stale')).toBeVisible();
  await expect.poll(() => page.url()).toContain('w=2');
  await runOnce(page);
  await expect(page.getByTestId('mc-stale')).toHaveCount(0);
  await expect(ranges.locator('caption')).toHaveText('Sampled ranges (× 2 the default widths)');
  await expect(row.locator('td').nth(1)).toHaveText('12.41% – 14.77%');
  await expect(row.locator('td').nth(2)).toContainText('also gives, × 2');
  const [lo2, hi2] = await band2032(page);
  expect(hi2 - lo2).toBeGreaterThan((hi1 - lo1) * 1.5);

  // Move the headline: the range moves with it, and the fan draws the scenario's own path.
  const field = page.locator('#headline-cagr-field');
  await field.fill('20');
  await field.press('Tab');
  await runOnce(page);
  await expect(row.locator('td').nth(0)).toHaveText('20%');
  await expect(row.locator('td').nth(1)).toHaveText('18.82% – 21.18%');
  await expect(result.locator('path[data-series="scenario"]')).toHaveCount(1);

  // The chart's SVG carries the ranges under the drawing.
  const [d] = await Promise.all([page.waitForEvent('download'), result.getByTestId('chart-svg').click()]);
  const svg = readFileSync(await d.path(), 'utf8');
  expect(svg).toContain('Sampled ranges (× 2 the default widths)');
  expect(svg).toContain('Headline growth: 18.82% – 21.18% around 20%');

  // A link carries the width.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(page.url());
  await expect(other.locator('#mc-width-field')).toHaveValue('2');
  await fresh.close();
  expect(errors).toEqual([]);
});
