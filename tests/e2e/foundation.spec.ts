import { test, expect, chooseLanguage } from './helpers';
import { openApp, shot, watchErrors, PHONE, DESKTOP } from './helpers';

for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
  test.describe(`at ${label} width`, () => {
    test.use({ viewport });

    test('library lists the three bundled reports from a sub-path', async ({ page }) => {
      const errors = watchErrors(page);
      await openApp(page);
      await expect(page).toHaveURL(/\/a\/b\/(\?l=en)?$/);
      // The catalogue lists reports by file name.
      const titles = await page.locator('.card h2').allTextContents();
      expect(titles[0]).toContain('Call Center');
      expect(titles[1]).toContain('Parent');
      expect(titles[2]).toContain('Modular Smartphone Leasing');
      await expect(page.locator('.card').last()).toContainText('Stratistics');
      await shot(page, `library-${label}`);
      expect(errors).toEqual([]);
    });

    test('opening each report shows its headline read from the data', async ({ page }) => {
      const errors = watchErrors(page);
      await openApp(page);
      const expected: Record<string, RegExp> = {
        'smartphone-leasing': /^US\$2\.5\sbn \(2025\) → US\$6\.1\sbn \(2032\)$/,
        'china-call-center': /^¥70\.1\sbn \(2011\) → ≥\s¥100\sbn \(2014\)$/,
        'parent-child-community': /^≥\s3\sm users in 3 years$/,
      };
      for (const [id, headline] of Object.entries(expected)) {
        await page.locator(`.card[data-report="${id}"] a.open-report`).click();
        await expect(page.getByTestId('headline')).toHaveText(headline);
        await shot(page, `overview-${id}-${label}`);
        await page.getByRole('link', { name: /Back to library/ }).click();
        await expect(page.locator('.card')).toHaveCount(3);
      }
      expect(errors).toEqual([]);
    });
  });
}

test('the smartphone overview names the stated-vs-implied gap and charts the headline', async ({ page }) => {
  await openApp(page);
  await page.locator('.card[data-report="smartphone-leasing"] a.open-report').click();
  await expect(page.getByTestId('published-rate')).toContainText('13.6% a year');
  const check = page.locator('[data-check="check.stated_vs_implied.differs"]');
  await expect(check).toContainText('13%');
  await expect(check).toContainText('US$5.88 bn');
  const chart = page.locator('[data-chart="headline"]');
  // Reported values are filled markers; derived years carry no marker, only an invisible,
  // focusable hit target each; the forecast is a dashed path.
  await expect(chart.locator('path.mk.filled')).toHaveCount(2);
  await expect(chart.locator('path.mk.hollow')).toHaveCount(0);
  await expect(chart.locator('path.hit[tabindex="0"]')).toHaveCount(7);
  await expect(chart.locator('path.line.dashed[data-series="published-forecast"]')).toHaveAttribute('d', /^M/);
  await chart.getByRole('button', { name: 'Show table' }).click();
  const rows = chart.locator('table tbody tr');
  await expect(rows).toHaveCount(9); // 2024–2032
  await expect(rows.first()).toContainText('2024');
  await expect(rows.first()).toContainText('derived');
  await expect(rows.nth(1)).toContainText('US$2.5 bn (reported)');
  await expect(rows.last()).toContainText('US$6.1 bn (reported)');
});

test('switching the interface language keeps the open report', async ({ page }) => {
  await openApp(page);
  await page.locator('.card[data-report="china-call-center"] a.open-report').click();
  await chooseLanguage(page, 'zh-Hans');
  await expect(page.getByTestId('headline')).toHaveText('701亿元（2011）→ ≥ 1,000亿元（2014）');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.locator('h1')).toContainText('呼叫中心');
});
