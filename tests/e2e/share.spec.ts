import { test, expect, type Page } from './helpers';
import { openApp, readText } from './helpers';

async function openScenarios(page: Page) {
  await openApp(page);
  await page.locator('.card[data-report="smartphone-leasing"] a.open-report').click();
  await page.locator('[role=tab][data-view="scenarios"]').click();
}

async function setField(page: Page, id: string, value: string) {
  const field = page.locator(`#${id}-field`);
  await field.fill(value);
  await field.press('Tab');
}

test('a shared link reproduces the view and its numbers in a fresh browser', async ({ page, browser }) => {
  await openScenarios(page);
  await setField(page, 'headline-cagr', '20');
  await page.getByTestId('dimension-picker').selectOption('geography');
  await setField(page, 'geography-north-america-growth', '25');
  const row = page.getByTestId('difference-table').locator('tr[data-year="2032"]');
  await expect(row).toContainText('US$8.96 bn');
  await expect(page).toHaveURL(/[?&]g=0\.2(&|$)/);
  await expect(page).toHaveURL(/a\.geography=north-america/);
  const url = page.url();
  expect(url.length).toBeLessThan(2000);
  const segmentRow = await page.locator('[data-assumption="geography-north-america-growth"] input[type=text]').inputValue();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url);
  await expect(other.locator('[role=tab][data-view="scenarios"]')).toHaveAttribute('aria-selected', 'true');
  await expect(other.locator('#headline-cagr-field')).toHaveValue('20');
  await expect(other.getByTestId('difference-table').locator('tr[data-year="2032"]')).toContainText('US$8.96 bn');
  await expect(other.locator('[data-assumption="geography-north-america-growth"] input[type=text]')).toHaveValue(segmentRow);
  await expect(other.getByTestId('scenario-status')).toContainText('Modified assumptions');
  await fresh.close();
});

test('malformed link parameters are ignored with a notice; the rest applies', async ({ page }) => {
  await page.goto('./?r=smartphone-leasing&v=scenarios&g=abc&zz=1&l=zh-Hans');
  await expect(page.getByTestId('notices')).toBeVisible();
  await expect(page.getByTestId('notices')).toContainText('zz');
  // Sentences in the reader's language, not parameter names.
  await expect(page.getByTestId('notices')).toContainText('此链接有部分内容无法使用：增长率“abc”不是数字，因此显示已发布的数值。');
  await expect(page.getByTestId('notices')).not.toContainText('`g`');
  await expect(page.locator('[role=tab][data-view="scenarios"]')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.locator('#headline-cagr-field')).toHaveValue('13.6');
});

test('the URL is replaced, not pushed, while a slider moves', async ({ page }) => {
  await openScenarios(page);
  const before = await page.evaluate(() => history.length);
  await page.locator('#headline-cagr-slider').focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/[?&]g=/);
  expect(await page.evaluate(() => history.length)).toBe(before);
});

test('saved scenarios: save, reload, restore, rename, duplicate, delete, compare', async ({ page }) => {
  await openScenarios(page);
  await setField(page, 'headline-cagr', '18');
  await page.locator('#saved-name').fill('Bullish');
  await page.getByTestId('save-scenario').click();
  await expect(page.getByTestId('saved-status')).toContainText('Saved');
  // Back to the published numbers, reload from scratch, restore the saved one.
  await page.goto('./');
  await page.locator('.card[data-report="smartphone-leasing"] a.open-report').click();
  await page.locator('[role=tab][data-view="scenarios"]').click();
  await expect(page.locator('#headline-cagr-field')).toHaveValue('13.6');
  const item = page.locator('[data-saved="Bullish"]');
  await expect(item).toBeVisible();
  await item.locator('[data-action="load"]').click();
  await expect(page.locator('#headline-cagr-field')).toHaveValue('18');
  // Compare with the published scenario: the end-year difference is shown.
  await item.locator('[data-action="compare"]').click();
  await expect(page.getByTestId('compare-summary')).toContainText('2032');
  await expect(page.getByTestId('compare-table').locator('tbody tr')).toHaveCount(8);
  // Duplicate, rename, delete.
  await item.locator('[data-action="duplicate"]').click();
  await expect(page.locator('[data-saved="Bullish (2)"]')).toBeVisible();
  await page.locator('#saved-name').fill('Very bullish');
  await page.locator('[data-saved="Bullish (2)"] [data-action="rename"]').click();
  await expect(page.locator('[data-saved="Very bullish"]')).toBeVisible();
  await page.locator('[data-saved="Very bullish"] [data-action="delete"]').click();
  await expect(page.locator('[data-saved="Very bullish"]')).toHaveCount(0);
  await expect(page.locator('[data-saved="Bullish"]')).toBeVisible();
});

test('a corrupt or newer saved entry is set aside and the others survive', async ({ page }) => {
  await page.addInitScript(() => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem('report-explorer.scenarios', JSON.stringify({
      format: 'report-explorer/scenarios', version: 1,
      scenarios: [
        { name: 'Good', report: 'smartphone-leasing', created: '2026-01-01', headline_rate: 0.15, values: {} },
        { name: 'Broken', report: 'smartphone-leasing', created: 42, values: 'nope' },
        { name: 'Future', report: 'smartphone-leasing', created: '2030-01-01', version: 9, values: {} },
      ],
    }));
  });
  await openScenarios(page);
  await expect(page.getByTestId('notices')).toContainText('set aside');
  await expect(page.locator('[data-saved="Good"]')).toBeVisible();
  await expect(page.locator('[data-saved="Broken"]')).toHaveCount(0);
  // Saving keeps the set-aside entries in storage.
  await page.locator('#saved-name').fill('Another');
  await page.getByTestId('save-scenario').click();
  const stored = await page.evaluate(() => localStorage.getItem('report-explorer.scenarios') ?? '');
  expect(stored).toContain('Broken');
  expect(stored).toContain('Future');
  expect(stored).toContain('Another');
});

test('full storage gives a clear message and keeps the scenario in the page', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = function (key: string) {
      if (key === 'report-explorer.scenarios') throw new DOMException('full', 'QuotaExceededError');
    };
  });
  await openScenarios(page);
  await page.locator('#saved-name').fill('Too much');
  await page.getByTestId('save-scenario').click();
  await expect(page.getByTestId('saved-status')).toContainText('storage is full');
  await expect(page.locator('[data-saved="Too much"]')).toBeVisible();
});

test('copy link copies the page URL', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openScenarios(page);
  await setField(page, 'headline-cagr', '16');
  await page.getByTestId('copy-link').click();
  await expect(page.getByText('Link copied.')).toBeVisible();
  // The link is the current state, even before the address bar has caught up.
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('g=0.16');
  await expect(page).toHaveURL(copied);
});

test('saved scenarios export to one file and import into another browser', async ({ page, browser }) => {
  await openScenarios(page);
  await setField(page, 'headline-cagr', '17');
  await page.locator('#saved-name').fill('Portable');
  await page.getByTestId('save-scenario').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-saved').click()]);
  const path = await download.path();
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await openScenarios(other);
  await other.locator('#import-saved').setInputFiles(path!);
  await expect(other.getByTestId('saved-status')).toContainText('Imported 1');
  await other.locator('[data-saved="Portable"] [data-action="load"]').click();
  await expect(other.locator('#headline-cagr-field')).toHaveValue('17');
  await fresh.close();
});

test('a link carries the Monte Carlo seed and size: the same link draws the same bands', async ({ page, browser }) => {
  const url = './?r=smartphone-leasing&v=scenarios&s=7&n=500&t=0.03';
  await page.goto(url);
  await expect(page.locator('#tornado-points-field')).toHaveValue('3');
  await page.getByTestId('mc-run').click();
  const fan = page.getByTestId('mc-result');
  await expect(fan).toBeVisible({ timeout: 30_000 });
  await fan.getByRole('button', { name: /Show table/ }).click();
  const first = await readText(fan.locator('table tbody'));

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(page.url());
  await other.getByTestId('mc-run').click();
  const fan2 = other.getByTestId('mc-result');
  await expect(fan2).toBeVisible({ timeout: 30_000 });
  await fan2.getByRole('button', { name: /Show table/ }).click();
  expect(await readText(fan2.locator('table tbody'))).toBe(first);
  await fresh.close();
});

test('a link that only sets the language raises no notice', async ({ page }) => {
  await page.goto('./?l=zh-Hans');
  await expect(page.locator('.card')).toHaveCount(3);
  await expect(page.getByTestId('notices')).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
});
