// Links and history, the first screen before the wasm, and the presentation mode.
import { test, expect, openApp, openReport, openView, shot, watchErrors, PHONE, DESKTOP, type Page, chooseLanguage } from './helpers';

const SMARTPHONE = 'smartphone-leasing';
const card = (page: Page, id: string) => page.locator(`.card[data-report="${id}"] a.open-report`);
const tab = (page: Page, view: string) => page.locator(`[role=tab][data-view="${view}"]`);
const field = (page: Page) => page.locator('#headline-cagr-field');

/** Moves the headline slider by keyboard and returns the field's new value. */
async function nudgeSlider(page: Page, steps = 5): Promise<string> {
  const before = await field(page).inputValue();
  await page.locator('#headline-cagr-slider').focus();
  for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowRight');
  await expect(field(page)).not.toHaveValue(before);
  return field(page).inputValue();
}

test('cards, tabs, Back to library and the brand are links to the state, relative to the page', async ({ page, context }) => {
  await openApp(page);
  await expect(card(page, SMARTPHONE)).toHaveAttribute('href', `?r=${SMARTPHONE}&v=overview&l=en`);
  await expect(page.locator('.app-header a.brand')).toHaveAttribute('href', '?l=en');
  await openReport(page, SMARTPHONE);
  await expect(page.locator('nav.crumbs a')).toHaveAttribute('href', '?l=en');
  // Every tab links to its view with the rest of the state as it is now.
  for (const view of ['overview', 'segments', 'scenarios', 'dynamics', 'contents']) {
    const href = await tab(page, view).getAttribute('href');
    expect(href).toMatch(new RegExp(`^\\?r=${SMARTPHONE}&v=${view}&l=en(&|$)`));
  }
  await openView(page, 'scenarios');
  const value = await nudgeSlider(page);
  const segmentsHref = await tab(page, 'segments').getAttribute('href');
  expect(segmentsHref).toMatch(/[?&]g=/);
  // A new page at the tab's address (as "open in new tab" would) shows that view, slider kept.
  const other = await context.newPage();
  await other.goto(new URL(segmentsHref!, page.url()).href);
  await expect(other.locator('[role=tab][data-view="segments"]')).toHaveAttribute('aria-selected', 'true');
  await other.locator('[role=tab][data-view="scenarios"]').click();
  await expect(other.locator('#headline-cagr-field')).toHaveValue(value);
  await other.close();
  // The card's address opens the report on its own, too.
  const fresh = await context.newPage();
  await fresh.goto(new URL(`?r=${SMARTPHONE}&v=overview&l=en`, page.url()).href);
  await expect(fresh.locator(`article.report[data-report="${SMARTPHONE}"]`)).toBeVisible();
  await fresh.close();
});

test('middle-click and ctrl-click open a new page and leave this one as it was', async ({ page, context }) => {
  const errors = watchErrors(page);
  await openApp(page);
  await expect(page).toHaveURL(/\?l=en$/); // the library's own state, written once
  const here = page.url();
  const [popup] = await Promise.all([context.waitForEvent('page'), card(page, SMARTPHONE).click({ button: 'middle' })]);
  await popup.waitForLoadState();
  await expect(popup.locator(`article.report[data-report="${SMARTPHONE}"]`)).toBeVisible();
  await expect(page.locator('.card')).toHaveCount(3);
  expect(page.url()).toBe(here);
  await popup.close();

  await openReport(page, SMARTPHONE);
  await expect(tab(page, 'overview')).toHaveAttribute('aria-selected', 'true');
  const [second] = await Promise.all([context.waitForEvent('page'), tab(page, 'dynamics').click({ modifiers: ['Control'] })]);
  await second.waitForLoadState();
  await expect(second.locator('[role=tab][data-view="dynamics"]')).toHaveAttribute('aria-selected', 'true');
  await expect(tab(page, 'overview')).toHaveAttribute('aria-selected', 'true');
  await expect(tab(page, 'dynamics')).toHaveAttribute('aria-selected', 'false');
  await second.close();
  expect(errors).toEqual([]);
});

test('Back and Forward move across views and reports and restore a changed slider', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  const start = await page.evaluate(() => history.length);
  await openReport(page, SMARTPHONE);
  await openView(page, 'segments');
  await openView(page, 'scenarios');
  const value = await nudgeSlider(page);
  // Moving the slider replaced the entry; each place added one.
  expect(await page.evaluate(() => history.length)).toBe(start + 3);
  await page.locator('nav.crumbs a').click();
  await expect(page.locator('.card')).toHaveCount(3);
  await openReport(page, 'china-call-center');
  await openView(page, 'dynamics');

  await page.goBack();
  await expect(tab(page, 'overview')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('article.report[data-report="china-call-center"]')).toBeVisible();
  await page.goBack();
  await expect(page.locator('.card')).toHaveCount(3);
  await page.goBack();
  await expect(page.locator(`article.report[data-report="${SMARTPHONE}"]`)).toBeVisible();
  await expect(tab(page, 'scenarios')).toHaveAttribute('aria-selected', 'true');
  await expect(field(page)).toHaveValue(value);
  // Another value here, then back to segments and forward again: the newer value returns.
  await page.locator('#headline-cagr-field').fill('21');
  await page.locator('#headline-cagr-field').press('Tab');
  await expect(page).toHaveURL(/[?&]g=0\.21(&|$)/);
  await page.goBack();
  await expect(tab(page, 'segments')).toHaveAttribute('aria-selected', 'true');
  await page.goBack();
  await expect(tab(page, 'overview')).toHaveAttribute('aria-selected', 'true');
  await page.goForward();
  await page.goForward();
  await expect(tab(page, 'scenarios')).toHaveAttribute('aria-selected', 'true');
  await expect(field(page)).toHaveValue('21');
  await page.goForward();
  await expect(page.locator('.card')).toHaveCount(3);
  await page.goForward();
  await expect(page.locator('article.report[data-report="china-call-center"]')).toBeVisible();
  await page.goForward();
  await expect(tab(page, 'dynamics')).toHaveAttribute('aria-selected', 'true');
  expect(errors).toEqual([]);
});

test('the title names the view and report in the interface language; <html lang> follows it', async ({ page }) => {
  await openApp(page);
  await expect(page).toHaveTitle('Report Explorer');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const libraryDescription = await page.locator('meta[name="description"]').getAttribute('content');
  expect(libraryDescription).toMatch(/Market-research reports/);
  await openReport(page, SMARTPHONE);
  await expect(page).toHaveTitle(/^Overview · Modular Smartphone Leasing.* — Report Explorer$/);
  await openView(page, 'segments');
  await expect(page).toHaveTitle(/^Segments · Modular Smartphone Leasing.* — Report Explorer$/);
  const description = await page.locator('meta[name="description"]').getAttribute('content');
  expect(description).not.toBe(libraryDescription);
  expect(description!.length).toBeGreaterThan(20);
  await chooseLanguage(page, 'zh-Hans');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page).toHaveTitle(/^细分市场 · .+ — 报告浏览器$/);
  await chooseLanguage(page, 'zh-Hant');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  await expect(page).toHaveTitle(/^細分市場 · .+ — 報告瀏覽器$/);
  await page.locator('nav.crumbs a').click();
  await expect(page).toHaveTitle('報告瀏覽器');
});

test('a language chosen is in the address at once: a reload right after keeps it', async ({ page }) => {
  await openApp(page);
  await openReport(page, SMARTPHONE);
  await expect(page).toHaveURL(/[?&]l=en\b/);
  await chooseLanguage(page, 'zh-Hant');
  // No wait: the address already says the language (a slider's moves wait for it to rest).
  expect(page.url()).toMatch(/[?&]l=zh-Hant\b/);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  await expect(page).toHaveTitle(/^概覽 · .+ — 報告瀏覽器$/);
});

test('a bad link is explained in a sentence in the reader\'s language', async ({ page }) => {
  await page.goto(`./?r=${SMARTPHONE}&v=scenarios&g=abc&l=en`);
  await expect(page.getByTestId('notices')).toContainText(
    "Part of this link could not be used: the growth rate “abc” is not a number, so the published value is shown.");
  await expect(field(page)).toHaveValue('13.6');
  // The notice, already shown, follows a language chosen afterwards.
  await chooseLanguage(page, 'zh-Hans');
  await expect(page.getByTestId('notices')).toContainText('此链接有部分内容无法使用：增长率“abc”不是数字，因此显示已发布的数值。');
  await expect(page.getByTestId('notices')).not.toContainText('Part of this link');
  await page.goto(`./?r=${SMARTPHONE}&v=scenarios&g=abc&l=zh-Hant`);
  await expect(page.getByTestId('notices')).toContainText('成長率「abc」不是數字，因此顯示已發布的數值。');
});

test.describe('the first screen, before the wasm', () => {
  test.use({ serviceWorkers: 'block' });

  test('shows the header and a loading line while the wasm is on its way, at the app header\'s height', async ({ page }) => {
    for (const size of [PHONE, DESKTOP]) {
      await page.setViewportSize(size);
      await page.route('**/*.wasm', () => { /* never answered */ });
      await page.goto('./');
      await expect(page.locator('#boot .app-header .brand')).toHaveText('Report Explorer');
      await expect(page.getByTestId('boot-status')).toHaveText('Loading Report Explorer…');
      await expect(page.getByTestId('boot-status')).toHaveAttribute('role', 'status');
      // A library visit reads the library's heading and sentences while the program loads.
      await expect(page.locator('#boot h1:visible')).toHaveText('Library');
      await expect(page.locator('#boot .intro:visible')).toHaveText([
        'Market-research reports you can explore: every figure says where it comes from, and every forecast is computed in your browser.',
        /^A report JSON file in the documented format/,
      ]);
      await expect(page.locator('#boot .import h2:visible')).toHaveText('Import your own report');
      const before = await page.locator('.app-header').boundingBox();
      const introBefore = await page.locator('#boot .import .intro:visible').boundingBox();
      await shot(page, `boot-loading-${size.width}`);
      await page.unroute('**/*.wasm');
      await page.goto('./');
      await expect(page.locator('.card')).toHaveCount(3);
      await expect(page.locator('#boot')).toHaveCount(0);
      const after = await page.locator('.app-header').boundingBox();
      expect(after!.height).toBeCloseTo(before!.height, 0);
      expect(after!.y).toBe(before!.y);
      // The app draws the same sentence in the same place: nothing jumps as it mounts.
      const introAfter = await page.locator('.import .intro').boundingBox();
      for (const k of ['x', 'y', 'width', 'height'] as const) expect(introAfter![k]).toBeCloseTo(introBefore![k], 0);
    }
  });

  test('a link to a report shows no library texts while the program loads', async ({ page }) => {
    await page.route('**/*.wasm', () => { /* never answered */ });
    await page.goto(`./?r=${SMARTPHONE}&l=en`);
    await expect(page.getByTestId('boot-status')).toHaveText('Loading Report Explorer…');
    await expect(page.locator('#boot .boot-library')).toBeHidden();
    await expect(page.locator('#boot .boot-text:visible')).toHaveCount(0);
    // The report's own first screen instead (first-screen.spec.ts).
    await expect(page.locator('#boot h1:visible')).toHaveText(/^Modular Smartphone Leasing/);
    // The link read as the app reads it: an encoded key still names a report, a value that
    // does not decode does not (the app shows the library then).
    await page.goto(`./?%72=${SMARTPHONE}`);
    await expect(page.locator('#boot .boot-library')).toBeHidden();
    await page.goto('./?r=%ZZ');
    await expect(page.locator('#boot h1:visible')).toHaveText('Library');
  });

  test('without JavaScript only the reason shows, not the library it cannot offer', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('./');
    await expect(page.locator('.boot-failed')).toContainText('Report Explorer needs JavaScript');
    await expect(page.locator('#boot .boot-library')).toBeHidden();
    await context.close();
  });

  test('in the reader\'s language from the link', async ({ page }) => {
    await page.route('**/*.wasm', () => { /* never answered */ });
    await page.goto('./?l=zh-Hans');
    await expect(page.getByTestId('boot-status')).toHaveText('正在加载报告浏览器…');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
    await expect(page.locator('#boot .brand')).toHaveText('报告浏览器');
    // Only this language's texts, from the first paint (CSS, not a script replacing English).
    await expect(page.locator('#boot h1:visible')).toHaveText('报告库');
    await expect(page.locator('#boot .import h2:visible')).toHaveText('导入您自己的报告');
    await expect(page.locator('#boot .boot-text:visible')).toHaveCount(4);
  });

  test('says why when the wasm request fails', async ({ page }) => {
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto('./');
    const status = page.getByTestId('boot-status');
    await expect(status).toHaveAttribute('data-problem', 'failed');
    await expect(status).toHaveAttribute('role', 'alert');
    await expect(status).toContainText('Report Explorer could not start');
    // What the library's first screen describes will not come: only the reason is shown.
    await expect(page.locator('#boot .boot-library')).toBeHidden();
    await shot(page, 'boot-failed');
    // Nor a report's first screen: its controls would never work, and the reason would be
    // below it, off a phone's screen.
    await page.goto(`./?r=${SMARTPHONE}`);
    await expect(status).toHaveAttribute('data-problem', 'failed');
    await expect(page.locator('#boot article.report')).toHaveCount(1);
    await expect(page.locator('#boot article.report')).toBeHidden();
    await expect(status).toBeInViewport();
  });

  test('says why when the browser has no WebAssembly', async ({ page }) => {
    await page.addInitScript(() => { delete (globalThis as { WebAssembly?: unknown }).WebAssembly; });
    await page.goto('./');
    const status = page.getByTestId('boot-status');
    await expect(status).toHaveAttribute('data-problem', 'noWasm');
    await expect(status).toContainText('it needs WebAssembly');
  });
});

test('presentation: full screen, one view per screen, arrows step, the slider stays live, Esc leaves', async ({ page }) => {
  const errors = watchErrors(page);
  await page.setViewportSize(DESKTOP);
  await openApp(page);
  await openReport(page, SMARTPHONE);
  const start = await page.evaluate(() => history.length);
  await page.getByTestId('present').click();
  await expect(page.locator('html')).toHaveAttribute('data-present', '');
  await expect(page.getByTestId('present-bar')).toBeVisible();
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.locator('.tabs')).toBeHidden();
  await expect(page.getByTestId('present-step')).toHaveText('1 of 5');
  await shot(page, 'present-overview-1440');
  await page.keyboard.press('ArrowRight');
  await expect(tab(page, 'segments')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('present-step')).toHaveText('2 of 5');
  await page.keyboard.press('ArrowLeft');
  await expect(tab(page, 'overview')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(tab(page, 'scenarios')).toHaveAttribute('aria-selected', 'true');
  // Each step was a view change: Back would step too.
  expect(await page.evaluate(() => history.length)).toBeGreaterThan(start);
  // Arrow keys in the slider move the slider, not the presentation.
  const value = await nudgeSlider(page, 3);
  await expect(tab(page, 'scenarios')).toHaveAttribute('aria-selected', 'true');
  expect(Number(value)).toBeGreaterThan(13.6);
  await shot(page, 'present-scenarios-1440');
  // Large type, and still nothing wider than the screen (the sliders' rows shrink to fit).
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  // The bar's buttons step as well; at the last view Next is disabled.
  await page.getByTestId('present-next').click();
  await page.getByTestId('present-next').click();
  await expect(page.getByTestId('present-step')).toHaveText('5 of 5');
  await expect(page.getByTestId('present-next')).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(page.locator('html')).not.toHaveAttribute('data-present', '');
  await expect(page.locator('.app-header')).toBeVisible();
  await expect(page.getByTestId('present-bar')).toHaveCount(0);
  expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
  expect(errors).toEqual([]);
});

test('presentation: leaving full screen leaves the mode; Chinese texts; phone width', async ({ page }) => {
  await openApp(page, '?l=zh-Hans');
  await openReport(page, SMARTPHONE);
  await page.getByTestId('present').click();
  await expect(page.getByTestId('present-bar')).toContainText('演示中');
  await expect(page.getByTestId('present-step')).toHaveText('第 1 个，共 5 个');
  const full = await page.evaluate(() => document.fullscreenElement !== null);
  if (full) {
    await page.evaluate(() => document.exitFullscreen());
    await expect(page.locator('html')).not.toHaveAttribute('data-present', '');
  } else {
    // Refused: the presentation fills the window and says so.
    await expect(page.getByTestId('present-refused')).toBeVisible();
    await page.getByTestId('present-leave').click();
    await expect(page.locator('html')).not.toHaveAttribute('data-present', '');
  }
  await page.setViewportSize(PHONE);
  await page.getByTestId('present').click();
  await page.keyboard.press('ArrowRight');
  await expect(tab(page, 'segments')).toHaveAttribute('aria-selected', 'true');
  await shot(page, 'present-segments-zh-360');
  await page.getByTestId('present-leave').click();
  await expect(page.locator('.app-header')).toBeVisible();
});
