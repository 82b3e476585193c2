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
  await expect(page.locator('h1')).toHaveText('報告庫');
  await expect(page.locator('#language')).toHaveValue('zh-Hant');
  await context.close();
});
