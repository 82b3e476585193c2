import { test, expect, type Page, openReport, openView, chooseLanguage } from './helpers';
import { openApp, shot, watchErrors, PHONE, DESKTOP } from './helpers';

const REPORTS = {
  'smartphone-leasing': ['overview', 'segments', 'scenarios', 'dynamics', 'contents'],
  'china-call-center': ['overview', 'scenarios', 'dynamics', 'contents'],
  'parent-child-community': ['overview', 'dynamics', 'contents', 'kpis'],
} as const;



/** Nothing may stick out sideways: a phone reader must never scroll the page horizontally. */
async function expectNoHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
}

for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
  test.describe(`every view at ${label} width`, () => {
    test.use({ viewport });
    for (const [id, views] of Object.entries(REPORTS)) {
      test(`${id}: only the views that apply, each rendering without errors`, async ({ page }) => {
        const errors = watchErrors(page);
        await openApp(page);
        await openReport(page, id);
        const tabs = await page.locator('[role=tab]').evaluateAll((ts) => ts.map((t) => t.getAttribute('data-view')));
        expect(tabs).toEqual([...views]);
        for (const view of views) {
          await openView(page, view);
          await expect(page.locator('#view-panel .view-body > *').first()).toBeVisible();
          await expectNoHorizontalOverflow(page);
          await shot(page, `${id}-${view}-${label}`);
        }
        expect(errors).toEqual([]);
      });
    }
  });
}

test('segments: dimensions, treemap for regions, sortable table that reconciles', async ({ page }) => {
  await openApp(page);
  await openReport(page, 'smartphone-leasing');
  await openView(page, 'segments');
  await expect(page.getByTestId('reconciliation')).toContainText('Top-down');
  await expect(page.getByTestId('assumption-note')).toContainText('model assumption');
  const table = page.getByTestId('segment-table');
  await expect(table.locator('tbody tr')).toHaveCount(6);
  // Largest type first by default: camera modules, as the source says.
  await expect(table.locator('tbody tr').first()).toHaveAttribute('data-member', 'camera-modules');
  await page.getByTestId('dimension-picker').selectOption('geography');
  await expect(page.locator('[data-chart="segments-treemap"]')).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(5 + 25);
  await expect(table.locator('tbody tr').first()).toHaveAttribute('data-member', 'asia-pacific');
  // The value column reads in one magnitude, its largest value's, so rows compare at a glance.
  const values = await table.locator('tbody tr td:first-of-type').evaluateAll((cells) => cells.map((c) => c.textContent ?? ''));
  expect(values).toHaveLength(30);
  for (const v of values) {
    expect(v).toMatch(/^US\$\d+(\.\d+)?\u00a0bn$/);
    expect(v, 'no segment reads as zero').not.toMatch(/^US\$0(\.0+)?\u00a0bn$/);
  }
  // Sort by CAGR: North America grows fastest.
  await table.getByRole('button', { name: /CAGR/ }).click();
  await expect(table.locator('tbody tr').first()).toHaveAttribute('data-member', 'north-america');
  // The stacked area's table view adds up to the headline in 2032.
  await page.getByTestId('year-picker').selectOption('2028');
  await expect(page.locator('[data-chart="segments-share"] h2')).toContainText('2028');
});

test('scenarios: keyboard and mouse move the headline rate; chart, table and difference agree with the engine', async ({ page }) => {
  await openApp(page);
  await openReport(page, 'smartphone-leasing');
  await openView(page, 'scenarios');
  const slider = page.locator('#headline-cagr-slider');
  const field = page.locator('#headline-cagr-field');
  await expect(field).toHaveValue('13.6');
  await expect(page.getByTestId('scenario-status')).toContainText('Published assumptions');

  // Keyboard: five steps of 0.1 points up.
  await slider.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  // The slider snaps to its 0.1-point grid: five steps up land near 14.1%.
  await expect.poll(async () => Number(await field.inputValue())).toBeGreaterThan(13.95);
  expect(Number(await field.inputValue())).toBeLessThan(14.25);
  await expect(page.getByTestId('scenario-status')).toContainText('Modified assumptions');

  // Exact entry: 20% a year → 2.5 × 1.2^7 = 8.957… bn in 2032.
  await field.fill('20');
  await field.press('Tab');
  const row2032 = page.getByTestId('difference-table').locator('tr[data-year="2032"]');
  await expect(row2032).toContainText('US$8.96 bn');
  await expect(row2032).toContainText('US$6.10 bn');
  await expect(page.getByTestId('end-summary')).toContainText('20%');
  // Each column reads in one magnitude with as many decimals on every row (6.10 over 6.22,
  // not 6.1), its percentages with two, so the figures line up (2026's +US$0.16 bn under
  // 2032's +US$2.86 bn, not "+US$160 m").
  const cells = await page.getByTestId('difference-table').locator('tbody tr').evaluateAll((rows) =>
    rows.map((r) => [...r.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())));
  expect(cells).toHaveLength(8);
  for (const [published, scenario, difference, pct] of cells) {
    expect(published).toMatch(/^US\$\d\.\d\d\u00a0bn$/);
    expect(scenario).toMatch(/^US\$\d\.\d\d\u00a0bn$/);
    expect(difference).toMatch(/^(\+US\$\d\.\d\d\u00a0bn|US\$0)$/);
    expect(pct).toMatch(/^(\+\d+\.\d\d%|0\.00%)$/);
  }
  expect(cells[1][2]).toBe('+US$0.16\u00a0bn');
  // The chart draws the scenario: its 2032 marker says the same value.
  const chart = page.locator('[data-chart="scenario"]');
  await expect(chart.locator('path.mk[aria-label*="2032: US$8.96\u00a0bn (scenario)"]')).toHaveCount(1);

  // Mouse: clicking near the left end of the track lowers the rate a lot.
  const box = await slider.boundingBox();
  if (!box) throw new Error('slider has no box');
  await page.mouse.click(box.x + 4, box.y + box.height / 2);
  const low = Number(await field.inputValue());
  expect(low).toBeLessThan(5);

  // Bad typing keeps the last value and says why.
  await field.fill('abc');
  await field.press('Tab');
  await expect(page.locator('#headline-cagr-msg')).toContainText('Not a number');
  await expect(field).not.toHaveValue('abc');

  // Presets and reset.
  await page.locator('[data-preset="base"]').click();
  await expect(field).toHaveValue('13');
  await page.getByTestId('reset').click();
  await expect(field).toHaveValue('13.6');
  await expect(page.getByTestId('scenario-status')).toContainText('Published assumptions');
});

test('scenarios: a segment assumption that contradicts the source is flagged live', async ({ page }) => {
  await openApp(page);
  await openReport(page, 'smartphone-leasing');
  await openView(page, 'scenarios');
  await expect(page.getByTestId('scenario-ok')).toBeVisible();
  await page.getByTestId('dimension-picker').selectOption('leasing-model');
  const field = page.locator('#leasing-model-short-term-leasing-growth-field');
  await field.fill('35');
  await field.press('Tab');
  await expect(page.locator('.scenario-checks [data-check="check.claim.fails"]')).toContainText('Long-Term Leasing');
  // The segments view now marks its values as the reader's scenario.
  await openView(page, 'segments');
  await page.getByTestId('dimension-picker').selectOption('leasing-model');
  await expect(page.getByTestId('segment-table').locator('tbody tr').first().locator('.badge')).toHaveText('scenario');
});

test('call-center: the fitted rate, the range the bounds allow, and the evidence', async ({ page }) => {
  await openApp(page);
  await openReport(page, 'china-call-center');
  // Least squares through 826亿 (2012) over 701亿, √(900·1000)亿 and 1000亿: 12.09%.
  await expect(page.getByTestId('published-rate')).toContainText('12.1% a year');
  // 826 → ≥ 1000 by 2014 needs 10.03%; 826 → < 1000 in 2013 allows up to 21.07%.
  await expect(page.getByTestId('rate-range')).toContainText('10.03% to 21.07%');
  const evidence = page.getByTestId('fit-evidence');
  await expect(evidence.locator('tbody tr')).toHaveCount(4);
  await expect(evidence.locator('tr[data-year="2013"]')).toContainText('≥ ¥90 bn, < ¥100 bn');
  await expect(page.getByTestId('series-note')).toContainText('is ours');
});

test('scenarios: a share set is the share shown; relative growth shows the CAGR it leads to', async ({ page }) => {
  await openApp(page);
  await openReport(page, 'smartphone-leasing');
  await openView(page, 'scenarios');
  const camera = page.locator('fieldset[data-member="camera-modules"]');
  await expect(page.locator('label[for="type-camera-modules-growth-slider"]')).toHaveText('Camera Modules — relative growth');
  const headline = page.locator('#headline-cagr-field');
  await headline.fill('20');
  await headline.press('Tab');
  // Relative growth 13%, but at a 20% headline the segment grows 19.3% a year: shown, derived.
  await expect(camera.getByTestId('segment-cagr')).toContainText('CAGR 2025–2032: 19.3%');
  await expect(camera.getByTestId('segment-cagr').locator('.badge')).toHaveText('derived');
  const share = page.locator('#type-camera-modules-share-field');
  await share.fill('32');
  await share.press('Tab');
  // The others make room in proportion: display 20% × 68/70 = 19.4%.
  await expect(page.locator('#type-display-screen-modules-share-field')).toHaveValue('19.4');
  await openView(page, 'segments');
  await page.getByTestId('year-picker').selectOption('2025');
  await expect(page.getByTestId('segment-table').locator('tr[data-member="camera-modules"] td').nth(1)).toHaveText('32%');
});

test('call-center: a growth rate below the source bounds is flagged', async ({ page }) => {
  await openApp(page);
  await openReport(page, 'china-call-center');
  await expect(page.locator('[data-check="check.bound.holds"]')).toHaveCount(2);
  // The contradictions the source itself contains are listed with the checks.
  await expect(page.locator('[data-check="check.contents.repeated_title"]')).toHaveCount(2);
  for (const key of ['check.contents.misplaced_numbers', 'check.contents.year_outside_heading', 'check.contents.abbreviation',
    'check.listed.currency', 'check.trend.slows.fails', 'check.span.differs']) {
    await expect(page.locator(`.check-list [data-check="${key}"]`)).toHaveCount(1);
  }
  await openView(page, 'scenarios');
  const field = page.locator('#headline-cagr-field');
  await field.fill('2');
  await field.press('Tab');
  await expect(page.locator('.scenario-checks [data-check="check.bound.violated"]')).toHaveCount(2);
});

test('the scenario survives a language switch', async ({ page }) => {
  await openApp(page);
  await openReport(page, 'smartphone-leasing');
  await openView(page, 'scenarios');
  await page.locator('[data-preset="bull"]').click();
  const before = await page.locator('#headline-cagr-field').inputValue();
  await chooseLanguage(page, 'zh-Hant');
  await expect(page.locator('[role=tab][data-view="scenarios"]')).toHaveText('情境');
  await expect(page.locator('#headline-cagr-field')).toHaveValue(before);
  await expect(page.getByTestId('scenario-status')).toContainText('已修改假設');
  await shot(page, 'smartphone-leasing-scenarios-zh-Hant-desktop');
});

test('charts: legend toggles a series, focus names value and provenance, table view matches', async ({ page }) => {
  await openApp(page);
  await openReport(page, 'china-call-center');
  const chart = page.locator('[data-chart="headline"]');
  // ≥ 900亿 and < 1000亿 in 2013 ("900多": both ends), ≥ 1000亿 in 2014.
  await expect(chart.locator('path.mk.bound')).toHaveCount(3);
  // The interval's top is exclusive ("900多": below 1000亿); a floor reads ≥.
  await expect(chart.locator('path.mk.bound[aria-label*="2013: <\u00a0¥100\u00a0bn (bound)"]')).toHaveCount(1);
  await expect(chart.locator('path.mk.bound[aria-label*="2013: ≥\u00a0¥90\u00a0bn (bound)"]')).toHaveCount(1);
  await expect(chart.locator('path.mk.bound[aria-label*="≤"]')).toHaveCount(0);
  await chart.locator('path.mk').first().focus();
  await expect(chart.getByTestId('readout')).toContainText('2011: ¥70.1 bn (reported)');
  // A callout at the point says the same, and goes when focus leaves.
  await expect(chart.locator('text.tip-text')).toContainText('2011: ¥70.1 bn (reported)');
  await page.keyboard.press('Tab');
  await expect(chart.locator('text.tip-text')).toContainText('2012');
  await chart.getByRole('button', { name: 'Source bounds' }).click();
  await expect(chart.getByRole('button', { name: 'Source bounds' })).toHaveAttribute('aria-pressed', 'false');
  await expect(chart.locator('path.mk.bound')).toHaveCount(0);
  await chart.getByRole('button', { name: 'Show table' }).click();
  await expect(chart.getByTestId('chart-table').locator('tbody tr').first()).toContainText('¥70.1 bn (reported)');
});

test('a new rate rewrites the chart in place: ticks and readout follow, the reader\'s choices on it stay', async ({ page }) => {
  await openApp(page);
  await openReport(page, 'china-call-center');
  const chart = page.locator('[data-chart="headline"]');
  await page.locator('#fx-currency').selectOption('USD');
  await page.locator('#fx-rate').fill('0.14');
  await page.locator('#fx-rate').press('Tab');
  await expect(page.getByTestId('headline')).toHaveText('US$9.81 bn (2011) → ≥ US$14 bn (2014)');
  // No-break spaces (toHaveText reads them as spaces): "≥" and "bn" stay on their figure's line.
  expect(await page.getByTestId('headline').textContent()).toBe('US$9.81\u00a0bn (2011) → ≥\u00a0US$14\u00a0bn (2014)');
  // The reader's choices on the chart: a series hidden, a point read.
  await chart.getByRole('button', { name: 'Source bounds' }).click();
  await expect(chart.locator('path.mk.bound')).toHaveCount(0);
  await chart.locator('path.mk').first().hover();
  await expect(chart.getByTestId('readout')).toContainText('2011: US$9.81 bn (reported)');
  await expect(chart.locator('text.tip-text')).toContainText('2011: US$9.81 bn (reported)');
  const ticks = await chart.locator('text.tick.y').allTextContents();
  // Marks the chart's element: a view built anew would not carry it.
  await chart.evaluate((e) => { (e as unknown as { kept: boolean }).kept = true; });
  await page.locator('#fx-rate').fill('0.2');
  await page.locator('#fx-rate').press('Tab');
  await expect(page.getByTestId('headline')).toHaveText('US$14 bn (2011) → ≥ US$20 bn (2014)');
  await expect(chart.getByTestId('readout')).toContainText('2011: US$14 bn (reported)');
  await expect(chart.locator('text.tick.y').last()).toContainText('US$');
  expect(await chart.locator('text.tick.y').allTextContents()).not.toEqual(ticks);
  await expect(chart.getByRole('button', { name: 'Source bounds' })).toHaveAttribute('aria-pressed', 'false');
  await expect(chart.locator('path.mk.bound')).toHaveCount(0);
  expect(await chart.evaluate((e) => (e as unknown as { kept?: boolean }).kept)).toBe(true);
});

test('tabs follow the WAI-ARIA keyboard pattern', async ({ page }) => {
  await openApp(page);
  await openReport(page, 'smartphone-leasing');
  await page.locator('[role=tab][data-view="overview"]').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('[role=tab][data-view="segments"]')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('[role=tab][data-view="segments"]')).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.locator('[role=tab][data-view="contents"]')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('[role=tab][data-view="overview"]')).toHaveAttribute('aria-selected', 'true');
});

test('dynamics: grouped cards, key players and a dated timeline', async ({ page }) => {
  await openApp(page);
  await openReport(page, 'smartphone-leasing');
  await openView(page, 'dynamics');
  // The view is a chunk of its own: its groups arrive after the tab is selected.
  await expect(page.getByTestId('dynamics-group').first()).toBeVisible();
  const kinds = await page.getByTestId('dynamics-group').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-kind')));
  expect(kinds.slice(0, 4)).toEqual(['driver', 'restraint', 'opportunity', 'threat']);
  await expect(page.getByTestId('key-players').locator('li')).toHaveCount(15);
  const dates = await page.getByTestId('timeline-item').evaluateAll((is) => is.map((i) => i.getAttribute('data-date')));
  expect(dates).toEqual(['2025-05', '2025-06', '2025-07', '2025-08']);
  await expect(page.getByTestId('timeline')).toContainText('Fairphone');
});

test('dynamics: key players named in the reader\'s Chinese script', async ({ page }) => {
  await openApp(page);
  await openReport(page, 'parent-child-community');
  await openView(page, 'dynamics');
  const players = page.getByTestId('key-players');
  await chooseLanguage(page, 'zh-Hant');
  await expect(players.locator('.player-name')).toContainText(['微信', 'QQ', '小紅書']);
  await expect(players).not.toContainText('小红书');
  await chooseLanguage(page, 'zh-Hans');
  await expect(players.locator('.player-name')).toContainText(['微信', 'QQ', '小红书']);
  await expect(players).not.toContainText('小紅書');
});

test('contents: chapter tree, listed tables, and a reconstructed table marked as a model estimate', async ({ page }) => {
  await openApp(page);
  await openReport(page, 'smartphone-leasing');
  await openView(page, 'contents');
  await expect(page.getByTestId('chapter')).toHaveCount(12);
  await expect(page.getByTestId('listed-item')).toHaveCount(25);
  const table3 = page.getByTestId('listed-item').nth(2);
  await expect(table3).toContainText('Camera Modules');
  await table3.getByTestId('open-estimate').click();
  const panel = table3.getByTestId('estimate-panel');
  await expect(panel).toContainText('Model estimate');
  const estimate = panel.getByTestId('estimate-table');
  await expect(estimate).toHaveAttribute('data-provenance', 'assumption');
  await expect(estimate.locator('thead')).toContainText('2024');
  await expect(estimate.locator('thead')).toContainText('2032');
  await shot(page, 'smartphone-leasing-contents-estimate-desktop');
  // The call-center report lists figures the model cannot rebuild.
  await page.getByRole('link', { name: /Back to library/ }).click();
  await openReport(page, 'china-call-center');
  await openView(page, 'contents');
  await expect(page.getByTestId('chapter')).toHaveCount(15);
  await expect(page.getByTestId('listed-item')).toHaveCount(18);
  await expect(page.getByTestId('listed-item').first()).toContainText('Not reconstructable');
});

test('KPI board: targets, contradictions, projector and goal seek agree with the engine', async ({ page }) => {
  await openApp(page);
  await openReport(page, 'parent-child-community');
  await openView(page, 'kpis');
  await expect(page.getByTestId('kpi-row')).toHaveCount(41);
  // One of a count reads in the singular, more in the plural.
  await expect(page.locator('[data-kpi="product-iterations"] .kpi-target')).toHaveText('≥ 1 iteration');
  await expect(page.locator('[data-kpi="ad-impressions"] .kpi-target')).toHaveText('= 1 m impressions');
  // The plan contradicts itself on user growth, revenue growth and articles a month (targets
  // between sections), and with its own figures: a 5% share against 3 million users, a rating
  // rising past its scale, a market and a user base said to grow that its figures do not.
  await expect(page.getByTestId('kpi-contradiction')).toHaveCount(7);
  await expect(page.locator('[data-testid="kpi-contradiction"][data-check="check.conflicting_targets"]')).toHaveCount(3);
  await expect(page.locator('[data-testid="kpi-contradiction"][data-check="check.share_vs_level.differ"]')).toContainText('7.5 m users');
  await expect(page.locator('[data-testid="kpi-contradiction"][data-check="check.scale_overflow"]')).toContainText('within 2 months');
  await expect(page.locator('[data-testid="kpi-contradiction"][data-check="check.trend.rises.fails"]')).toHaveCount(2);
  await expect(page.getByTestId('projection-reach')).toContainText('36');
  await expect(page.getByTestId('goal-rate')).toContainText('9.91%');
  await expect(page.getByTestId('goal-start')).toContainText('97,048');
  // At 8% a month the target needs 45 months.
  const rate = page.locator('#projector-rate-field');
  await rate.fill('8');
  await rate.press('Tab');
  await expect(page.getByTestId('projection-reach')).toContainText('45');
  // A start typed with grouping commas is understood.
  const start = page.locator('#projector-start-field');
  await start.fill('200,000');
  await start.press('Tab');
  await expect(start).toHaveValue(/200/);
  await expect(page.locator('#projector-start-msg')).toHaveText('');
  await page.getByTestId('projector-reset').click();
  await expect(page.getByTestId('projection-reach')).toContainText('36');
  // In Chinese the plan's horizon follows the reach's sentence without a space after its full
  // stop ("在第36個月達到。在計劃期限內…").
  await chooseLanguage(page, 'zh-Hant');
  const reachLine = page.getByTestId('projection-reach').first().locator('xpath=..');
  await expect(reachLine.locator('.kpi-horizon-note')).not.toHaveText('');
  expect(await reachLine.textContent()).toMatch(/。\S/);
  expect(await reachLine.textContent()).not.toMatch(/。\s/);
});

test('goal seek from the overview: which growth reaches a target by a year', async ({ page }) => {
  await openApp(page);
  await openReport(page, 'smartphone-leasing');
  const answer = page.getByTestId('goal-answer');
  // Default: double the 2025 value (US$5 bn) by 2032 → (5/2.5)^(1/7) − 1 = 10.41%, read with
  // one decimal beside the 13.6% in force (two only where one would print both the same).
  await expect(answer).toContainText('10.4% a year');
  await expect(answer).toContainText('reached in 2031');
  await page.locator('#goal-target').fill('8');
  await page.locator('#goal-target').press('Tab');
  await page.locator('#goal-year').selectOption('2030');
  // (8/2.5)^(1/5) − 1 = 26.19% → 26.2%.
  await expect(answer).toContainText('26.2%');
  // In Chinese targets are typed in 亿 (10⁸), not bn: the same US$8 bn reads 80 and needs the
  // same growth; back in English it is 8 again.
  await chooseLanguage(page, 'zh-Hans');
  await expect(page.locator('#goal-target')).toHaveValue('80');
  await expect(answer).toContainText('26.2%');
  await chooseLanguage(page, 'en');
  await expect(page.locator('#goal-target')).toHaveValue('8');
  await expect(answer).toContainText('26.2%');
});

test('a currency conversion the reader sets applies everywhere and is marked as their assumption', async ({ page }) => {
  await openApp(page);
  await openReport(page, 'china-call-center');
  await expect(page.getByTestId('headline')).toHaveText('¥70.1 bn (2011) → ≥ ¥100 bn (2014)');
  await page.locator('#fx-currency').selectOption('USD');
  await page.locator('#fx-rate').fill('0.14');
  await page.locator('#fx-rate').press('Tab');
  await expect(page.getByTestId('headline')).toHaveText('US$9.81 bn (2011) → ≥ US$14 bn (2014)');
  await expect(page.getByTestId('fx-note')).toContainText('1 CNY = 0.14 USD');
  await expect(page.getByTestId('fx-note').locator('.badge')).toHaveText('assumption');
  await expect(page.locator('[data-chart="headline"] text.tick.y').last()).toContainText('US$');
  // The mark stays on every view.
  await openView(page, 'scenarios');
  await expect(page.getByTestId('fx-note')).toBeVisible();
  await page.locator('#fx-currency').selectOption('');
  await expect(page.getByTestId('fx-note')).toHaveCount(0);
  await openView(page, 'overview');
  await expect(page.getByTestId('headline')).toHaveText('¥70.1 bn (2011) → ≥ ¥100 bn (2014)');
});
