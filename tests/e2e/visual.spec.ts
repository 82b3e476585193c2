// Screenshot baselines: the main views at phone and desktop width in the light and dark theme,
// compared with the committed images (tests/e2e/visual.spec.ts-snapshots/) with a small
// tolerance, so a visual regression fails a test. After a deliberate visual change, look at the
// new images and update them: `npx playwright test tests/e2e/visual.spec.ts --update-snapshots`.
import { test, expect, DESKTOP, type Page } from './helpers';

const PHONE_390 = { width: 390, height: 844 };
const VIEWS: [string, string][] = [
  ['library', ''],
  ['smartphone-overview', '?r=smartphone-leasing'],
  ['smartphone-segments', '?r=smartphone-leasing&v=segments'],
  ['smartphone-scenarios', '?r=smartphone-leasing&v=scenarios'],
  ['call-center-overview', '?r=china-call-center'],
  ['plan-overview', '?r=parent-child-community'],
  ['plan-kpis', '?r=parent-child-community&v=kpis'],
];

async function settle(page: Page, query: string) {
  await page.goto(`./${query}`);
  if (query) await expect(page.locator('article.report')).toBeVisible();
  else await expect(page.locator('.card')).toHaveCount(3);
  await expect(page.locator('#view-panel svg, .card').first()).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
}

for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE_390]] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test.describe(`${label}, ${theme} theme`, () => {
      test.use({ viewport, colorScheme: theme });
      for (const [name, query] of VIEWS) {
        test(`${name} looks as it did`, async ({ page }) => {
          await settle(page, query);
          await expect(page).toHaveScreenshot(`${name}-${label}-${theme}.png`, {
            animations: 'disabled',
            caret: 'hide',
            // Anti-aliasing differs by a few pixels between runs; a layout change moves far more.
            maxDiffPixelRatio: 0.01,
          });
        });
      }
    });
  }
}
