// A phone and the first screen of a report, as a new reader meets them: nothing wider than the
// screen, a one-row header with its settings in a disclosure, the headline figure and chart
// without scrolling, a clamped title, a touch hint and a tap that shows the callout, the plan's
// chart, cards that print their headline once and toggles that say their state.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Page, chooseLanguage } from './helpers';
import { REPORTS, SHOTS, DESKTOP } from './helpers';

const PHONES = [{ width: 390, height: 844 }, { width: 360, height: 780 }] as const;
const LANGS = ['en', 'zh-Hant'] as const;

/** How far the page is wider than its window (0 when nothing overflows). */
async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The widest elements, to name what overflows when something does. */
async function widest(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const w = document.documentElement.clientWidth;
    // Inside a box that scrolls or clips (tabs, tables), being wide is fine.
    const clipped = (e: Element) => {
      for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible') return true;
      }
      return false;
    };
    return [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > w + 0.5 && !clipped(e))
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}#${e.id}.${e.className} in ${e.parentElement?.className} → ${Math.round(e.getBoundingClientRect().right)}`);
  });
}

async function view(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/phone-${name}.png` });
}

async function open(page: Page, id: string) {
  await page.locator(`.card[data-report="${id}"] a.open-report`).click();
  await expect(page.locator(`article.report[data-report="${id}"]`)).toBeVisible();
}

/** The overview's headline chart: the forecast's, or the plan's projection. */
function headlineChart(page: Page) {
  return page.locator('#view-panel figure.chart').first();
}

for (const size of PHONES) {
  for (const lang of LANGS) {
    test(`${size.width}×${size.height}, ${lang}: no page is wider than the screen`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize(size);
      await page.goto(`./?l=${lang}`);
      await expect(page.locator('.card')).toHaveCount(3);
      expect(await overflow(page), (await widest(page)).join('\n')).toBeLessThanOrEqual(0);
      for (const [id, views] of Object.entries(REPORTS)) {
        await open(page, id);
        for (const v of views) {
          const tab = page.locator(`[role=tab][data-view="${v}"]`);
          await tab.click();
          await expect(tab).toHaveAttribute('aria-selected', 'true');
          await expect(page.locator('#view-panel .view-body > *').first()).toBeVisible();
          expect(await overflow(page), `${id}/${v}: ${(await widest(page)).join('\n')}`).toBeLessThanOrEqual(0);
          // Every table is in a box that scrolls it sideways; the box is a named keyboard stop
          // exactly while its table is larger than it (a stop with nothing to scroll is noise).
          // Each is looked at on screen: a box far off screen is not drawn yet.
          const tables = page.locator('#view-panel table');
          for (let i = 0; i < await tables.count(); i++) {
            const table = tables.nth(i);
            await table.scrollIntoViewIfNeeded();
            await expect.poll(() => table.evaluate((t) => {
              const box = t.closest('.table-scroll');
              if (!box) return 'a table outside a scroll box';
              const scrolls = box.scrollWidth > box.clientWidth || box.scrollHeight > box.clientHeight;
              const stop = box.getAttribute('tabindex') === '0';
              const named = box.getAttribute('role') === 'region' && !!box.getAttribute('aria-label');
              if (named !== stop) return stop ? 'a keyboard stop without a name' : 'a named region that is no stop';
              if (scrolls === stop) return '';
              return scrolls ? 'a table that scrolls in a box no keyboard can reach' : 'a keyboard stop with nothing to scroll';
            }), { message: `${id}/${v}: table ${i}'s box` }).toBe('');
          }
        }
        await page.locator('nav.crumbs a').click();
        await expect(page.locator('.card')).toHaveCount(3);
      }
    });
  }
}

test('phone header: one row, and the settings button opens the panel with language, theme and type', async ({ page }) => {
  for (const size of PHONES) {
    await page.setViewportSize(size);
    await page.goto('./?l=en');
    await expect(page.locator('.card')).toHaveCount(3);
    const header = page.locator('header.app-header');
    const box = await header.boundingBox();
    expect(box!.height).toBeLessThanOrEqual(64);
    const button = page.getByTestId('settings-button');
    await expect(button).toHaveText(/Settings/);
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(button).toHaveAttribute('aria-controls', 'settings-panel');
    await expect(page.locator('#language')).toBeHidden();
    await button.click();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    const panel = page.locator('#settings-panel');
    await expect(panel).toBeVisible();
    await expect(panel.locator('#language')).toBeVisible();
    await expect(panel.getByTestId('theme-toggle')).toBeVisible();
    await expect(panel.getByTestId('large-type')).toBeVisible();
    // The header itself stays one row with the panel open (the panel drops below it).
    expect((await header.boundingBox())!.height).toBeLessThanOrEqual(64);
    await view(page, `settings-open-${size.width}`);
    await panel.locator('#language').selectOption('zh-Hant');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
    await expect(button).toHaveText(/設定/);
    await button.click();
    await expect(panel).toBeHidden();
  }
  // On a desktop the preferences sit inline and the button is not needed.
  await page.setViewportSize(DESKTOP);
  await expect(page.getByTestId('settings-button')).toBeHidden();
  await expect(page.locator('#language')).toBeVisible();
});

for (const size of [DESKTOP, PHONES[0]]) {
  for (const lang of ['en', 'zh-Hans'] as const) {
    test(`first screen at ${size.width}×${size.height}, ${lang}: headline figure and the top of its chart without scrolling`, async ({ page }) => {
      await page.setViewportSize(size);
      await page.goto(`./?l=${lang}`);
      await expect(page.locator('.card')).toHaveCount(3);
      for (const id of Object.keys(REPORTS)) {
        await open(page, id);
        const headline = page.getByTestId('headline');
        await expect(headline).toBeVisible();
        const h = (await headline.boundingBox())!;
        expect(h.y + h.height, `${id}: headline figure`).toBeLessThanOrEqual(size.height);
        // The chart's drawing starts on the first screen, with room to see it begin.
        const body = (await headlineChart(page).locator('.chart-body').boundingBox())!;
        expect(body.y + 40, `${id}: top of the headline chart`).toBeLessThanOrEqual(size.height);
        await view(page, `first-screen-${id}-${lang}-${size.width}`);
        await page.locator('nav.crumbs a').click();
        await expect(page.locator('.card')).toHaveCount(3);
      }
    });
  }
}

test('a long title is clamped, with the whole title in its tooltip and on focus', async ({ page }) => {
  for (const size of [PHONES[0], PHONES[1]]) {
    await page.setViewportSize(size);
    await page.goto('./?l=en');
    await open(page, 'smartphone-leasing');
    const title = page.getByTestId('report-title');
    const full = 'Modular Smartphone Leasing Market Forecasts to 2032 - Global Analysis By Type, Leasing Model, Operating System, Pricing, Application, and By Geography';
    await expect(title).toHaveAttribute('title', full);
    await expect(title).toHaveText(full); // all of it is there for assistive technology
    const lines = (e: Element) => Math.round(e.clientHeight / parseFloat(getComputedStyle(e).lineHeight));
    const clamped = await title.evaluate(lines);
    expect(clamped).toBeGreaterThanOrEqual(2);
    expect(clamped).toBeLessThanOrEqual(3);
    // A click (or a tab) focuses the title and shows all of it.
    await title.click();
    await expect(title).toBeFocused();
    expect(await title.evaluate(lines)).toBeGreaterThan(clamped);
    await title.blur();
    expect(await title.evaluate(lines)).toBe(clamped);
  }
  // On a desktop it takes two lines at most.
  await page.setViewportSize(DESKTOP);
  const title = page.getByTestId('report-title');
  expect(await title.evaluate((e) => Math.round(e.clientHeight / parseFloat(getComputedStyle(e).lineHeight)))).toBeLessThanOrEqual(2);
});

test('on a touch screen the chart says "Tap a point", and a tap shows the callout', async ({ browser }) => {
  const context = await browser.newContext({ viewport: PHONES[0], hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto('./?l=en');
  await expect(page.locator('.card')).toHaveCount(3);
  await open(page, 'china-call-center');
  const chart = page.locator('[data-chart="headline"]');
  const readout = chart.getByTestId('readout');
  await expect(readout.locator('.hint-touch')).toHaveText('Tap a point to read its value and source.');
  await expect(readout.locator('.hint-touch')).toBeVisible();
  await expect(readout.locator('.hint-hover')).toBeHidden();
  expect(await readout.evaluate((e) => (e as HTMLElement).innerText)).toBe('Tap a point to read its value and source.');
  const mark = chart.locator('path.mk.filled').first();
  await mark.scrollIntoViewIfNeeded();
  await mark.tap();
  await expect(readout).toContainText('2011: ¥70.1 bn (reported)');
  await expect(chart.locator('.tip-box')).toHaveCount(1);
  await expect(chart.locator('.tip-text')).toContainText('¥70.1 bn');
  await chart.screenshot({ path: `${SHOTS}/phone-tap-callout.png` });
  // The long legend is folded behind "+N more" on the phone, and opens on a tap.
  const more = chart.getByTestId('legend-more');
  await expect(more).toHaveText(/^\+\d+ more$/);
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  const hiddenBefore = await chart.locator('.legend-extra').evaluateAll((es) => es.filter((e) => (e as HTMLElement).offsetParent === null).length);
  expect(hiddenBefore).toBeGreaterThan(0);
  await more.tap();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  await expect(more).toHaveText('Fewer');
  await expect(chart.locator('.legend-extra').first()).toBeVisible();
  await context.close();
  // With a mouse, the hint names hover and focus.
  const desk = await browser.newContext({ viewport: DESKTOP });
  const p2 = await desk.newPage();
  await p2.goto('./?l=en');
  await expect(p2.locator('.card')).toHaveCount(3);
  await open(p2, 'china-call-center');
  const r2 = p2.locator('[data-chart="headline"]').getByTestId('readout');
  await expect(r2.locator('.hint-hover')).toBeVisible();
  await expect(r2.locator('.hint-touch')).toBeHidden();
  expect(await r2.evaluate((e) => (e as HTMLElement).innerText)).toBe('Hover over or tab to a point to read its value and source.');
  await expect(p2.getByTestId('legend-more')).toBeHidden();
  await desk.close();
});

test('the plan overview charts its projection against the target, and its headline says the target', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await page.goto('./?l=en');
  await open(page, 'parent-child-community');
  const headline = page.getByTestId('headline');
  await expect(headline).toHaveText('≥ 3 m users in 3 years');
  await expect(page.locator('.headline-value .badge')).toHaveText('reported');
  await expect(page.locator('#headline-figures-h, #headline-h').first()).toContainText('Active users within 3 years');
  const chart = page.locator('[data-chart="plan-projection"]');
  await expect(chart).toBeVisible();
  await expect(chart.locator('.legend-item')).toHaveCount(2); // the projection and the target
  await expect(chart.locator('figcaption h3')).toHaveText('Active users over 36 months');
  // Every mark names where it comes from: the projection is our assumption, the target the plan's.
  await expect(chart.locator('[aria-label*="(assumption)"]').first()).toBeAttached();
  await expect(chart.locator('[aria-label*="(reported)"]').first()).toBeAttached();
  await chart.getByRole('button', { name: 'Show table' }).click();
  await expect(chart.getByTestId('chart-table').locator('tbody tr')).toHaveCount(37);
  await expect(headline).not.toContainText('→');
  await view(page, 'plan-overview-desktop');
  await chooseLanguage(page, 'zh-Hant');
  await expect(headline).toHaveText('≥ 300萬用戶 3年內');
});

test('library cards print their headline once', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await page.goto('./?l=en');
  await expect(page.locator('.card')).toHaveCount(3);
  for (const card of await page.locator('.card').all()) {
    const headline = (await card.getByTestId('card-headline').textContent())!.trim();
    const text = (await card.textContent())!;
    expect(text.split(headline).length - 1, headline).toBe(1);
    // No second line of the same figures.
    await expect(card.locator('.headline-figures')).toHaveCount(0);
  }
  await view(page, 'library-desktop');
});

test('a Chinese amount in a check sentence, the goal seek\'s answer or the report\'s own summary stays whole on one line', async ({ page }) => {
  await page.setViewportSize(PHONES[1]);
  let amounts = 0;
  for (const id of Object.keys(REPORTS)) {
    for (const lang of ['zh-Hans', 'zh-Hant']) {
      await page.goto(`./?r=${id}&l=${lang}`);
      await expect(page.locator('.check-list li, #checks p').first()).toBeVisible();
      const found = await page.locator('.check-list li, [data-testid="goal-answer"] p, .overview-notes p').evaluateAll((items) => items.flatMap((el) => {
        // Every amount with a Chinese magnitude or currency word ("58.8億美元", "0美元", "70万").
        const words = [...(el.textContent ?? '').matchAll(/\d[\d.,]*(?:[亿億万萬]|美元|元)+/g)].map((m) => m[0]);
        const spans = [...el.querySelectorAll('.amount')];
        return words.map((w) => {
          // The span holding exactly this amount (a sign before it is the span's too).
          const span = spans.find((s) => (s.textContent ?? '').replace(/^[−+-]/, '') === w);
          return {
            w,
            whole: !!span,
            nowrap: span ? getComputedStyle(span).whiteSpace === 'nowrap' : false,
            lines: span ? new Set([...span.getClientRects()].map((r) => Math.round(r.top))).size : 0,
          };
        });
      }));
      for (const a of found) expect(a, `${id} ${lang}: ${a.w}`).toEqual({ w: a.w, whole: true, nowrap: true, lines: 1 });
      amounts += found.length;
    }
  }
  // The checks and answers do quote amounts (this test reads them, it does not pass on none).
  expect(amounts).toBeGreaterThan(4);
  await page.goto('./?r=smartphone-leasing&l=zh-Hant');
  await page.locator('.check-list').scrollIntoViewIfNeeded();
  await view(page, 'checks-zh-Hant-360');
});

test('toggles show their state in words and in aria-pressed', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('./?l=en');
  await expect(page.locator('.card')).toHaveCount(3);
  const theme = page.getByTestId('theme-toggle');
  await expect(theme).toHaveText('Dark theme: off');
  await expect(theme).toHaveAttribute('aria-pressed', 'false');
  await theme.click();
  await expect(theme).toHaveText('Dark theme: on');
  await expect(theme).toHaveAttribute('aria-pressed', 'true');
  const large = page.getByTestId('large-type');
  await expect(large).toHaveText('Larger type: off');
  await large.click();
  await expect(large).toHaveText('Larger type: on');
  await expect(large).toHaveAttribute('aria-pressed', 'true');
  // Larger type keeps a centred column, scaled.
  const main = (await page.locator('main').boundingBox())!;
  expect(main.x).toBeGreaterThan(0);
  expect(Math.abs(main.x - (DESKTOP.width - main.x - main.width))).toBeLessThanOrEqual(2);
  await open(page, 'smartphone-leasing');
  await view(page, 'large-type-dark-desktop');
  // Legend items and the table toggle say their state too.
  const chart = page.locator('[data-chart="headline"]');
  const item = chart.locator('.legend-item').first();
  await expect(item).toHaveAttribute('aria-pressed', 'true');
  await item.click();
  await expect(item).toHaveAttribute('aria-pressed', 'false');
  const table = chart.locator('.table-toggle');
  await expect(table).toHaveText('Show table');
  await expect(table).toHaveAttribute('aria-expanded', 'false');
  await table.click();
  await expect(table).toHaveText('Hide table');
  await expect(table).toHaveAttribute('aria-expanded', 'true');
  // Larger type on a phone: nothing wider than the screen.
  await page.setViewportSize(PHONES[1]);
  for (const v of REPORTS['smartphone-leasing']) {
    await page.locator(`[role=tab][data-view="${v}"]`).click();
    expect(await overflow(page), `${v}: ${(await widest(page)).join('\n')}`).toBeLessThanOrEqual(0);
  }
  await page.locator('[role=tab][data-view="overview"]').click();
  await view(page, 'large-type-dark-360');
  await page.getByTestId('large-type').evaluate((e) => (e as HTMLElement).click());
  await page.getByTestId('theme-toggle').evaluate((e) => (e as HTMLElement).click());
});

test('dynamics cards fill their rows at desktop width', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await page.goto('./?l=en');
  for (const id of ['smartphone-leasing', 'china-call-center', 'parent-child-community']) {
    await open(page, id);
    await page.locator('[role=tab][data-view="dynamics"]').click();
    const groups = page.locator('.dyn-groups');
    const right = (await groups.boundingBox())!;
    const boxes = await page.getByTestId('dynamics-card').evaluateAll((cs) => cs.map((c) => {
      const r = c.getBoundingClientRect();
      return { top: Math.round(r.top), right: r.right };
    }));
    // Cards on one line (same top) end at the container's right edge.
    const rows = new Map<number, number>();
    for (const b of boxes) rows.set(b.top, Math.max(rows.get(b.top) ?? 0, b.right));
    for (const [top, r] of rows) expect(r, `${id}: row at ${top}`).toBeGreaterThanOrEqual(right.x + right.width - 2);
    await view(page, `dynamics-${id}-desktop`);
    await page.locator('nav.crumbs a').click();
  }
});

for (const theme of ['light', 'dark'] as const) {
  test(`screenshots: the first screen of each report on a phone, ${theme} theme, English and Chinese`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.setViewportSize(PHONES[0]);
    await page.emulateMedia({ colorScheme: theme });
    for (const lang of ['en', 'zh-Hans'] as const) {
      await page.goto(`./?l=${lang}`);
      await expect(page.locator('.card')).toHaveCount(3);
      await view(page, `library-${lang}-${theme}`);
      for (const id of Object.keys(REPORTS)) {
        await open(page, id);
        await view(page, `${id}-${lang}-${theme}`);
        const last = REPORTS[id as keyof typeof REPORTS].at(-1)!;
        await page.locator(`[role=tab][data-view="${last}"]`).click();
        await page.locator('.tabs').evaluate((e) => { e.scrollLeft = e.scrollWidth; });
        await view(page, `${id}-${last}-${lang}-${theme}`);
        await page.locator('nav.crumbs a').click();
        await expect(page.locator('.card')).toHaveCount(3);
      }
    }
  });
}

for (const theme of ['light', 'dark'] as const) {
  test(`axe at phone width, settings open and a legend unfolded, ${theme} theme`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.setViewportSize(PHONES[0]);
    await page.emulateMedia({ colorScheme: theme });
    for (const lang of ['en', 'zh-Hans'] as const) {
      await page.goto(`./?l=${lang}`);
      await expect(page.locator('.card')).toHaveCount(3);
      for (const id of Object.keys(REPORTS)) {
        await open(page, id);
        await page.getByTestId('settings-button').click();
        await expect(page.locator('#settings-panel')).toBeVisible();
        const more = page.getByTestId('legend-more').first();
        if (await more.count()) await more.click();
        const results = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
          .analyze();
        const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${id} ${lang}: ${v.id} ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
        expect(bad, bad.join('\n')).toEqual([]);
        await page.getByTestId('settings-button').click();
        await page.locator('nav.crumbs a').click();
        await expect(page.locator('.card')).toHaveCount(3);
      }
    }
  });
}
