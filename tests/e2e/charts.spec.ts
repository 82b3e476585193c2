// Charts with a finish: lines named at their ends, markers only where they carry information,
// legends that list only what is drawn, one colour per meaning across views, the Monte Carlo
// fan's keys and paths field, the tornado at phone width, goal seek for a target already
// passed, and the currency picker before anything is typed. Screenshots of every chart at
// phone and desktop width, light and dark, English and Chinese (tests/e2e/screenshots/charts/).
import {
  test, expect, openApp, openReport, openView, watchErrors, chooseLanguage, PHONE, DESKTOP, SHOTS, type Page
} from './helpers';

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Clicks Run and waits until the run has finished (no progress bar, Run enabled again). */
async function run(page: Page, timeout = 20_000) {
  await page.getByTestId('mc-run').click();
  await expect(page.getByTestId('mc-run')).toBeEnabled({ timeout });
  await expect(page.getByTestId('mc-progress')).toHaveCount(0, { timeout });
}

test('the headline chart names its lines at their ends; derived years carry no marker but stay focusable', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  await openReport(page, 'smartphone-leasing');
  const chart = page.locator('[data-chart="headline"]');
  // The title says what the chart shows; the series' name is the subtitle.
  await expect(chart.locator('h3')).toHaveText('The market grows from US$2.5 bn in 2025 to US$6.1 bn in 2032');
  await expect(chart.getByTestId('chart-subtitle')).toContainText('Global modular smartphone leasing market');
  await expect(chart.locator('text.end-label[data-series="published"]')).toHaveText(['Published path']);
  // Reported 2025 and 2032 are markers; the seven derived years are invisible hit targets.
  await expect(chart.locator('path.mk')).toHaveCount(2);
  await expect(chart.locator('path.mk[aria-label*="(derived)"]')).toHaveCount(0);
  const hits = chart.locator('path.hit');
  await expect(hits).toHaveCount(7);
  await expect(hits.first()).toHaveAttribute('aria-label', /2024: .*\(derived\)/);
  await expect(hits.first()).toHaveAttribute('tabindex', '0');
  await hits.nth(3).focus();
  await expect(chart.getByTestId('readout')).toContainText('(derived)');
  // Legend notes only for what is drawn: no bounds, no hollow "derived" circle here.
  await expect(chart.locator('.legend-note .g-dashed')).toHaveCount(1);
  await expect(chart.locator('.legend-note .g-reported')).toHaveCount(1);
  await expect(chart.locator('.legend-note .g-bound')).toHaveCount(0);
  await expect(chart.locator('.legend-note .g-derived')).toHaveCount(0);
  await expect(chart.locator('.legend-note .g-scenario')).toHaveCount(0);
  await expect(chart.getByRole('button', { name: 'Source bounds' })).toHaveCount(0);
  // A report with bounds keys them.
  await page.getByRole('link', { name: /Back to library/ }).click();
  await openReport(page, 'china-call-center');
  const china = page.locator('[data-chart="headline"]');
  await expect(china.locator('.legend-note .g-bound')).toHaveCount(1);
  await expect(china.getByRole('button', { name: 'Source bounds' })).toHaveCount(1);
  await expect(china.locator('.legend-note .g-derived')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the published path keeps one colour on every view; the scenario another; bands a third', async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page);
  await openReport(page, 'smartphone-leasing');
  const published = page.locator('[data-chart="headline"] path.line[data-series="published"]');
  await expect(published).toHaveClass(/\bs0\b/);
  await openView(page, 'scenarios');
  const field = page.locator('#headline-cagr-field');
  await field.fill('20');
  await field.press('Tab');
  const chart = page.locator('[data-chart="scenario"]');
  await expect(chart.locator('h3')).toHaveText('In your scenario, the market grows from US$2.5 bn in 2025 to US$8.96 bn in 2032');
  await expect(chart.locator('path.line[data-series="published"]')).toHaveClass(/\bs0\b/);
  await expect(chart.locator('path.line[data-series="scenario"]')).toHaveClass(/\bs1\b/);
  await expect(chart.locator('path.band[data-series="preset-range"]')).toHaveClass(/\bs4\b/);
  // Both lines are named at their ends, apart.
  const labels = chart.locator('text.end-label');
  await expect(chart.locator('text.end-label[data-series="scenario"]').first()).toBeVisible();
  const boxes = await labels.evaluateAll((els) => els.map((e) => {
    const r = e.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height, s: e.getAttribute('data-series') };
  }));
  for (const a of boxes) for (const b of boxes) {
    if (a !== b && a.s !== b.s) expect(overlap(a, b), `${a.s} / ${b.s}`).toBe(false);
  }
  // The scenario's own points are markers; a legend note keys them.
  await expect(chart.locator('path.mk[aria-label*="(scenario)"]').first()).toBeVisible();
  await expect(chart.locator('.legend-note .g-scenario')).toHaveCount(1);

  // The Monte Carlo fan: band and median have their own keys; the scenario is drawn on it.
  await run(page);
  const fan = page.getByTestId('mc-result');
  await expect(fan.locator('path.line[data-series="published"]')).toHaveClass(/\bs0\b/);
  await expect(fan.locator('path.line[data-series="scenario"]')).toHaveClass(/\bs1\b/);
  await expect(fan.locator('path.band[data-series="band"]')).toHaveClass(/\bs4\b/);
  const band = fan.locator('.legend-item', { hasText: /percentile/ }).locator('.swatch');
  const median = fan.locator('.legend-item', { hasText: /median/i }).locator('.swatch');
  await expect(band).toHaveClass(/sw-band/);
  await expect(median).toHaveClass(/sw-line/);
  expect(await band.getAttribute('class')).not.toEqual(await median.getAttribute('class'));
  await expect(fan.locator('.legend-item', { hasText: 'Your scenario' })).toHaveCount(1);
});

test('monte carlo: an out-of-range number of paths is corrected in the field and used as shown', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await openReport(page, 'smartphone-leasing');
  await openView(page, 'scenarios');
  const paths = page.getByTestId('mc-paths');
  await paths.fill('99999');
  await paths.press('Tab');
  await expect(paths).toHaveValue('20,000');
  await expect(paths).toHaveAttribute('aria-invalid', 'false');
  await expect(page.locator('#mc-paths-msg')).toHaveText('99,999 is outside 100–20,000: set to 20,000, which the run uses.');
  // A bad seed says why; both messages follow a language chosen afterwards.
  await page.getByTestId('mc-seed').fill('abc');
  await page.getByTestId('mc-seed').press('Tab');
  await expect(page.locator('#mc-seed-msg')).toHaveText('Enter a whole number of 0 or more “abc”');
  await chooseLanguage(page, 'zh-Hans');
  await expect(page.locator('#mc-paths-msg')).toHaveText('99,999 超出 100–20,000，已改为 20,000，运行将使用该值。');
  await expect(page.locator('#mc-seed-msg')).toHaveText('请输入 0 或以上的整数 “abc”');
  await chooseLanguage(page, 'en');
  await expect(page.locator('#mc-paths-msg')).toHaveText('99,999 is outside 100–20,000: set to 20,000, which the run uses.');
  // A good seed clears the message (the field is built anew with the language: it shows 1).
  await page.getByTestId('mc-seed').fill('2');
  await page.getByTestId('mc-seed').press('Tab');
  await expect(page.locator('#mc-seed-msg')).toHaveText('');
  await page.getByTestId('mc-seed').fill('1');
  await page.getByTestId('mc-seed').press('Tab');
  await run(page, 90_000);
  await expect(page.getByTestId('mc-meta')).toHaveText('Seed 1, 20,000 paths.');
});

test('tornado at phone width: names never overlap values; a bar at its limit says so', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await openApp(page);
  await openReport(page, 'smartphone-leasing');
  await openView(page, 'scenarios');
  // The headline rate at its slider's top: it cannot move further up.
  const field = page.locator('#headline-cagr-field');
  await field.fill('999');
  await field.press('Tab');
  const tornado = page.getByTestId('tornado');
  await expect(tornado).toBeVisible();
  await expect(tornado.locator('rect.at-limit')).toHaveCount(1);
  await expect(tornado.locator('text.tornado-input.at-limit')).toContainText('at limit');
  const texts = await tornado.locator('svg text').evaluateAll((els) => els.map((e) => {
    const r = e.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height, cls: e.getAttribute('class') ?? '', t: e.textContent };
  }));
  const svg = await tornado.locator('svg').boundingBox();
  if (!svg) throw new Error('no tornado drawing');
  const names = texts.filter((b) => b.cls.includes('tornado-name') || b.cls.includes('tornado-base-label'));
  const values = texts.filter((b) => b.cls.includes('tornado-input'));
  expect(values.length).toBeGreaterThan(0);
  for (const v of values) {
    for (const n of names) expect(overlap(v, n), `${v.t} / ${n.t}`).toBe(false);
    for (const w of values) if (w !== v) expect(overlap(v, w), `${v.t} / ${w.t}`).toBe(false);
    expect(v.x).toBeGreaterThanOrEqual(svg.x - 1);
    expect(v.x + v.width).toBeLessThanOrEqual(svg.x + svg.width + 1);
  }
  await tornado.screenshot({ path: `${SHOTS}/charts/tornado-limit-phone.png` });
});

test('a single-assumption tornado explains itself', async ({ page }) => {
  await openApp(page);
  await openReport(page, 'china-call-center');
  await openView(page, 'scenarios');
  await expect(page.getByTestId('tornado')).toBeVisible();
  await expect(page.getByTestId('tornado-single')).toContainText('Only one assumption moves');
});

test('goal seek: a target already passed says so instead of a negative rate', async ({ page }) => {
  await openApp(page);
  await openReport(page, 'smartphone-leasing');
  await page.locator('#goal-target').fill('2');
  await page.locator('#goal-target').press('Tab');
  const answer = page.getByTestId('goal-answer');
  await expect(page.getByTestId('goal-reached')).toHaveText('US$2 bn is already reached in 2025: no growth is needed.');
  await expect(answer).not.toContainText('−');
  await expect(answer).not.toContainText('-');
});

test('choosing another currency asks for the rate, with no error before anything is typed', async ({ page }) => {
  await openApp(page);
  await openReport(page, 'china-call-center');
  await page.locator('#fx-currency').selectOption('USD');
  await expect(page.getByTestId('fx-prompt')).toContainText('Type how many USD one CNY is worth');
  await expect(page.getByTestId('fx-error')).toHaveCount(0);
  await expect(page.locator('.fx .field-msg')).toHaveCount(0);
  await page.locator('#fx-rate').fill('abc');
  await page.locator('#fx-rate').press('Tab');
  await expect(page.getByTestId('fx-error')).toBeVisible();
  await page.locator('#fx-rate').fill('0.14');
  await page.locator('#fx-rate').press('Tab');
  await expect(page.getByTestId('fx-note')).toContainText('1 CNY = 0.14 USD');
  await expect(page.getByTestId('fx-prompt')).toHaveCount(0);
});

// Every chart at phone and desktop width, light and dark, in English and Chinese.
for (const theme of ['light', 'dark'] as const) {
  for (const lang of ['en', 'zh-Hans'] as const) {
    test(`screenshots of every chart, ${lang}, ${theme}`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.emulateMedia({ colorScheme: theme });
      for (const [size, vp] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
        await page.setViewportSize(vp);
        // The language from the link: on a phone the picker sits behind the Settings button.
        await openApp(page, lang === 'en' ? '' : `?l=${lang}`);
        const views: [string, string[]][] = [
          ['smartphone-leasing', ['overview', 'segments', 'scenarios']],
          ['china-call-center', ['overview', 'scenarios']],
          ['parent-child-community', ['kpis']],
        ];
        for (const [id, list] of views) {
          await openReport(page, id);
          for (const view of list) {
            await openView(page, view);
            if (view === 'scenarios') {
              const field = page.locator('#headline-cagr-field');
              await field.fill(id === 'smartphone-leasing' ? '18' : '12');
              await field.press('Tab');
              await page.getByTestId('mc-paths').fill('500');
              await page.getByTestId('mc-paths').press('Tab');
              await run(page);
            }
            const figures = page.locator('figure.chart');
            const n = await figures.count();
            for (let i = 0; i < n; i++) {
              const f = figures.nth(i);
              const name = await f.getAttribute('data-chart');
              await f.scrollIntoViewIfNeeded();
              await f.screenshot({ path: `${SHOTS}/charts/${id}-${name}-${lang}-${theme}-${size}.png` });
            }
          }
          await page.getByRole('link', { name: /Back to library|返回报告库/ }).first().click();
          await expect(page.locator('.card')).toHaveCount(3);
        }
      }
    });
  }
}
