// The limits the app promises: a 50-year forecast, 200 segments in a dimension, 10,000 Monte
// Carlo paths (a 100,000-row import is in import.spec.ts). Each completes, long work shows
// progress and can be cancelled, and no NaN or Infinity reaches the screen. Times are printed by
// scripts/bench-limits.sh, never asserted here.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, serveDist, watchErrors, ROOT, PHONE, readText, type Page } from './helpers';

const ID = 'limits-200-segments-50-years';

/** A copy of dist/ with the limits report added the way a publisher adds one, served. */
async function serveLimits() {
  const dir = mkdtempSync(join(tmpdir(), 'report-explorer-limits-'));
  cpSync(join(ROOT, 'dist'), dir, { recursive: true });
  const gen = spawnSync(process.execPath, ['scripts/limits-report.mjs', join(dir, 'reports', 'limits.json')], { cwd: ROOT, encoding: 'utf8' });
  expect(gen.status, gen.stderr).toBe(0);
  const cat = spawnSync('scripts/catalogue.sh', [dir], { cwd: ROOT, encoding: 'utf8' });
  expect(cat.status, cat.stderr).toBe(0);
  return serveDist('/limits/', dir);
}

async function expectFiniteText(page: Page, what: string) {
  // Every text of the view, on screen or below it (innerText would skip what is not rendered).
  const text = (await page.locator('#view-panel').textContent()) ?? '';
  expect(text, `${what}: no NaN or Infinity on screen`).not.toMatch(/NaN|Infinity|∞/);
}

test('50 years and 200 segments: every view opens, reconciles and fits a phone screen', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  const served = await serveLimits();
  try {
    await page.setViewportSize(PHONE);
    await page.goto(`${served.url}?r=${ID}`);
    await expect(page.locator(`article.report[data-report="${ID}"]`)).toBeVisible();
    const views = await page.locator('[role=tab]').evaluateAll((ts) => ts.map((t) => t.getAttribute('data-view')));
    expect(views).toEqual(['overview', 'segments', 'scenarios', 'contents']);
    for (const view of views) {
      await page.locator(`[role=tab][data-view="${view}"]`).click();
      await expect(page.locator(`[role=tab][data-view="${view}"]`)).toHaveAttribute('aria-selected', 'true');
      await expectFiniteText(page, view!);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${view}: wider than the screen`).toBeLessThanOrEqual(1);
    }

    // Segments: every segment in the table, the shares adding up to the whole in the last year.
    await page.locator('[role=tab][data-view="segments"]').click();
    await expect(page.getByTestId('year-picker')).toHaveValue('2074');
    const rows = page.getByTestId('segment-table').locator('tbody tr');
    await expect(rows).toHaveCount(200);
    await expect(page.getByTestId('reconciliation')).toContainText('0%');
    // The stacked area is one band per segment with one mark each (its last year), not a
    // focusable mark for each of 10,200 points.
    const stacked = page.locator('[data-chart="segments-stacked"]');
    await expect(stacked.locator('path.area')).toHaveCount(200);
    // (Assumed values carry no visible marker: each mark is an invisible, focusable target.)
    await expect(stacked.locator('path.mk, path.hit')).toHaveCount(200);
    await page.screenshot({ path: 'tests/e2e/screenshots/limits-segments-phone.png' });

    // Scenarios: the first 24 segments' sliders, then all of them on request; a change on the
    // 150th segment moves its CAGR and keeps it shown when the list is cut again.
    await page.locator('[role=tab][data-view="scenarios"]').click();
    const boxes = page.locator('#view-panel fieldset.member-assumptions');
    await expect(boxes).toHaveCount(24);
    await expect(page.getByTestId('segments-cut')).toContainText('Showing the first 24 of 200 segments');
    await page.getByTestId('show-all-segments').click();
    await expect(boxes).toHaveCount(200);
    await expect(page.getByTestId('segments-cut')).toHaveCount(0);
    const box = page.locator('fieldset[data-member="segment-150"]');
    const cagr = await readText(box.getByTestId('segment-cagr'));
    await box.locator('#product-segment-150-growth-field').fill('25');
    await box.locator('#product-segment-150-growth-field').press('Enter');
    await expect(box.getByTestId('segment-cagr')).not.toHaveText(cagr);
    await expectFiniteText(page, 'scenarios after a change');
    await expect(page).toHaveURL(/segment-150/);
    await page.reload();
    await expect(page.locator(`article.report[data-report="${ID}"]`)).toBeVisible();
    await expect(boxes).toHaveCount(25); // the first 24 and the one the reader changed
    await expect(page.locator('fieldset[data-member="segment-150"]')).toBeVisible();
    expect(errors).toEqual([]);
  } finally {
    await served.stop();
  }
});

test('10,000 Monte Carlo paths over 50 years: progress, cancel, a finite fan', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  const served = await serveLimits();
  try {
    await page.goto(`${served.url}?r=${ID}&v=scenarios&n=10000`);
    await expect(page.getByTestId('mc-paths')).toHaveValue('10,000');
    // Cancelled part-way: the progress goes, no fan is drawn.
    await page.getByTestId('mc-run').click();
    const progress = page.getByTestId('mc-progress');
    await expect(progress).toBeVisible();
    const first = Number(await progress.getAttribute('value'));
    // The run is chunked: the bar moves while the page keeps painting.
    await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: 60_000 }).toBeGreaterThan(first);
    await page.getByTestId('mc-cancel').click();
    await expect(progress).toHaveCount(0);
    await expect(page.getByTestId('mc-result')).toHaveCount(0);
    // The whole run.
    await page.getByTestId('mc-run').click();
    await expect(page.getByTestId('mc-meta')).toHaveText('Seed 1, 10,000 paths.', { timeout: 150_000 });
    const result = page.getByTestId('mc-result');
    await expect(result.locator('path.band')).toHaveCount(1);
    await result.locator('.table-toggle').click();
    const table = await readText(result.getByTestId('chart-table'));
    expect(table).toContain('2074');
    expect(table).not.toMatch(/NaN|Infinity|∞/);
    await expectFiniteText(page, 'monte carlo');
    // A tornado for one segment over its 400 assumptions shows the largest and says how many
    // more there are.
    await page.getByTestId('tools-target').selectOption('seg:product:segment-001');
    await expect(page.getByTestId('tornado-omitted')).toContainText('more assumptions with smaller swings');
    await expectFiniteText(page, 'tornado');
    expect(errors).toEqual([]);
  } finally {
    await served.stop();
  }
});
