import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Page } from './helpers';
import { openApp, REPORTS, shot, DESKTOP, PHONE } from './helpers';

const LANGS = ['en', 'zh-Hans', 'zh-Hant'] as const;
const THEMES = ['light', 'dark'] as const;

async function axe(page: Page, where: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = bad.map((v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(summary, summary.join('\n')).toEqual([]);
}

for (const theme of THEMES) {
  for (const lang of LANGS) {
    test(`axe: every view of every report, ${lang}, ${theme} theme`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize(DESKTOP);
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(`./?l=${lang}`);
      await expect(page.locator('.card')).toHaveCount(3);
      await axe(page, `library ${lang} ${theme}`);
      await shot(page, `matrix/library-${lang}-${theme}-desktop`);
      for (const [id, views] of Object.entries(REPORTS)) {
        await page.locator(`.card[data-report="${id}"] a.open-report`).click();
        for (const view of views) {
          await page.locator(`[role=tab][data-view="${view}"]`).click();
          await expect(page.locator(`[role=tab][data-view="${view}"]`)).toHaveAttribute('aria-selected', 'true');
          await axe(page, `${id}/${view} ${lang} ${theme}`);
          await shot(page, `matrix/${id}-${view}-${lang}-${theme}-desktop`);
        }
        await page.locator('nav.crumbs a').click();
      }
    });
  }
}

for (const theme of THEMES) {
  test(`phone width: screenshots of every view in every language, ${theme} theme`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(PHONE);
    await page.emulateMedia({ colorScheme: theme });
    for (const lang of LANGS) {
      await page.goto(`./?l=${lang}`);
      await expect(page.locator('.card')).toHaveCount(3);
      await shot(page, `matrix/library-${lang}-${theme}-phone`);
      for (const [id, views] of Object.entries(REPORTS)) {
        await page.locator(`.card[data-report="${id}"] a.open-report`).click();
        for (const view of views) {
          await page.locator(`[role=tab][data-view="${view}"]`).click();
          await expect(page.locator(`[role=tab][data-view="${view}"]`)).toHaveAttribute('aria-selected', 'true');
          await shot(page, `matrix/${id}-${view}-${lang}-${theme}-phone`);
        }
        await page.locator('nav.crumbs a').click();
      }
    }
  });
}

test('theme toggle and larger type are kept across reloads', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openApp(page);
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByTestId('large-type').click();
  await expect(page.locator('html')).toHaveAttribute('data-type', 'large');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('html')).toHaveAttribute('data-type', 'large');
  await expect(page.getByTestId('theme-toggle')).toHaveAttribute('aria-pressed', 'true');
});

test('the first visit follows the browser language', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-TW' });
  const page = await context.newPage();
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  // The app's heading (the first screen's, in #boot, has one per language until the app mounts).
  await expect(page.locator('#main h1')).toHaveText('報告庫');
  await expect(page.locator('#language')).toHaveValue('zh-Hant');
  await context.close();
});

// Lighthouse's heading-order audit (axe's rule of that name is "moderate", so the matrix above
// does not report it): someone moving through a page by its headings hears the levels, and a
// jump from h1 to h3 says a section is missing. Segments once put its charts' h3 titles right
// under the report's h1.
test('headings never skip a level: the library and every view of every report, phone and desktop', async ({ page }) => {
  test.setTimeout(90_000);
  const outline = () => page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((hs) => hs
    .filter((h) => h.checkVisibility())
    .map((h) => ({ level: Number(h.tagName[1]), text: (h.textContent ?? '').trim().slice(0, 50) })));
  const check = async (where: string) => {
    const hs = await outline();
    expect(hs.length, `${where}: no heading`).toBeGreaterThan(0);
    const skips = hs.flatMap((h, i) => {
      const before = i === 0 ? 0 : hs[i - 1].level;
      return h.level > before + 1 ? [`${where}: h${h.level} "${h.text}" after ${before ? `h${before} "${hs[i - 1].text}"` : 'the start'}`] : [];
    });
    expect(skips, skips.join('\n')).toEqual([]);
  };
  for (const size of [PHONE, DESKTOP]) {
    await page.setViewportSize(size);
    await openApp(page);
    await check(`library ${size.width}px`);
    for (const [id, views] of Object.entries(REPORTS)) {
      await page.locator(`.card[data-report="${id}"] a.open-report`).click();
      for (const view of views) {
        await page.locator(`[role=tab][data-view="${view}"]`).click();
        await expect(page.locator(`[role=tab][data-view="${view}"]`)).toHaveAttribute('aria-selected', 'true');
        await expect(page.locator('#view-panel .view-body > *').first()).toBeVisible();
        await check(`${id}/${view} ${size.width}px`);
      }
      await page.locator('nav.crumbs a').click();
    }
  }
});
