// A report link's first screen drawn at build time (scripts/first-screens.mjs): shown by
// boot.js while the program downloads, in the reader's language and layout; the app mounts
// behind it and takes the page over, in one frame and with nothing moved, once it has drawn
// the report itself — or at once when the screen no longer shows what it opens.
import AxeBuilder from '@axe-core/playwright';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, serveDist, shot, watchErrors, PHONE, DESKTOP, REPORTS, ROOT, type Page } from './helpers';

const SMARTPHONE = 'smartphone-leasing';
const TITLE = /^Modular Smartphone Leasing Market Forecasts to 2032/;
const first = (page: Page) => page.locator(`#boot article[data-first-report="${SMARTPHONE}"]`);
const PARTS = ['h1', '.headline-value', '[data-chart] svg', '.tabs', '.report-bar'];

/** Holds every request matching `pattern` until `release()` (or the page goes). */
async function hold(page: Page, pattern: string | RegExp) {
  let release!: () => void;
  const held = new Promise<void>((ok) => { release = ok; });
  await page.route(pattern, async (route) => {
    await held;
    await route.continue().catch(() => {});
  });
  return release;
}

/** Whether boot.js has decided about the first screen (shown and painted, or not shown). */
const decided = (page: Page) => page.evaluate(() => document.documentElement.classList.contains('js')
  && !document.documentElement.classList.contains('first-screen-pending'));
/** Whether the page shows a first screen (`html.first-screen`, exactly). */
const shownClass = (page: Page) => page.evaluate(() => document.documentElement.classList.contains('first-screen'));

/** The boxes of the report's first-screen parts under `root` (#boot or #main). */
function boxes(page: Page, root: string) {
  return page.evaluate(({ root, parts }) => parts.map((p) => {
    const r = document.querySelector(`${root} ${p}`)!.getBoundingClientRect();
    return [p, Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)];
  }), { root, parts: PARTS });
}

test.describe('a report link\'s first screen, drawn at build time', () => {
  test.use({ serviceWorkers: 'block' });

  test('shows the report while the program downloads, then the app takes over with nothing moved', async ({ page }) => {
    const errors = watchErrors(page);
    for (const size of [DESKTOP, PHONE]) {
      await page.setViewportSize(size);
      const asked: string[] = [];
      page.on('request', (r) => { if (r.url().includes('/reports/first/')) asked.push(r.url()); });
      const release = await hold(page, '**/*_bg.wasm');
      await page.goto(`./?r=${SMARTPHONE}`);
      // The report as the app draws it: title, tabs, headline and its chart, in this layout.
      await expect(first(page)).toBeVisible();
      await expect(first(page).locator('h1')).toHaveText(TITLE);
      await expect(first(page).locator('.headline-value')).toHaveText('US$2.5 bn (2025) → US$6.1 bn (2032)');
      await expect(first(page).locator('[data-chart] svg path[data-series]').first()).toBeVisible();
      await expect(first(page).locator('[role=tab]')).toHaveText(['Overview', 'Segments', 'Scenarios', 'Dynamics', 'Contents']);
      expect(asked.map((u) => u.split('/reports/first/')[1]))
        .toEqual([`${SMARTPHONE}.en.${size === PHONE ? 'narrow' : 'wide'}.html`]);
      // Its controls wait for the program (inert: no focus, no click); its links are links.
      for (const control of await first(page).locator('button, select, input').all()) {
        await expect(control).toHaveAttribute('inert', '');
      }
      await expect(first(page).locator('[role=tab]', { hasText: 'Segments' }))
        .toHaveAttribute('href', new RegExp(`^\\?r=${SMARTPHONE}&v=segments&`));
      // And it says the rest is coming.
      await expect(page.getByTestId('boot-status')).toHaveText('Loading Report Explorer…');
      await shot(page, `first-screen-${size.width}`);
      const before = await boxes(page, '#boot');

      release();
      await expect(page.locator('#boot')).toHaveCount(0);
      await expect(page.locator('html')).not.toHaveClass(/first-screen/);
      await expect(page.locator(`article.report[data-report="${SMARTPHONE}"] [data-chart] svg`).first()).toBeVisible();
      // The app's own first screen lands on the same pixels.
      expect(await boxes(page, '#main')).toEqual(before);
      // …and it is the app: the rest of the overview follows.
      await expect(page.getByTestId('facts-table')).toBeVisible();
      await page.unroute('**/*_bg.wasm');
    }
    expect(errors).toEqual([]);
  });

  test('every report\'s, in every language and both themes, passes axe and is looked at', async ({ page }) => {
    test.setTimeout(180_000);
    await page.route('**/*_bg.wasm', () => { /* never answered: the first screen stays */ });
    for (const [size, theme] of [[DESKTOP, 'light'], [PHONE, 'dark']] as const) {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: theme });
      for (const id of Object.keys(REPORTS)) {
        for (const lang of ['en', 'zh-Hans', 'zh-Hant']) {
          await page.goto(`./?r=${id}&l=${lang}`);
          await expect(page.locator(`#boot article[data-first-report="${id}"] [data-chart] svg`).first()).toBeVisible();
          await expect(page.locator('html')).toHaveAttribute('lang', lang);
          const results = await new AxeBuilder({ page })
            .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
            .analyze();
          const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => `${id} ${lang} ${theme}: ${v.id} ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
          expect(bad, bad.join('\n')).toEqual([]);
          await shot(page, `matrix/first-screen-${id}-${lang}-${theme}-${size.width}`);
        }
      }
    }
  });

  test('in the reader\'s language, and the app stays hidden behind it until it has drawn the report', async ({ page }) => {
    const errors = watchErrors(page);
    await page.setViewportSize(DESKTOP);
    // The program runs; the report's file is held: the app mounts but cannot draw the report.
    const release = await hold(page, /reports\/smartphone-leasing\.json/);
    await page.goto(`./?r=${SMARTPHONE}&l=zh-Hant`);
    await expect(first(page).locator('h1')).toHaveText(/^模組化智慧型手機租賃市場預測/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
    // Mounted (its header is in the page), but not shown, nor its loading line.
    await expect(page.locator('body > header.app-header')).toHaveCount(1);
    await expect(page.locator('body > header.app-header')).toBeHidden();
    await expect(page.getByTestId('report-loading')).toBeHidden();
    await expect(first(page)).toBeVisible();
    release();
    await expect(page.locator('#boot')).toHaveCount(0);
    await expect(page.locator('body > header.app-header')).toBeVisible();
    await expect(page.getByTestId('report-title')).toHaveText(/^模組化智慧型手機租賃市場預測/);
    expect(errors).toEqual([]);
  });

  test('a notice the app raised while hidden goes into its live region once the app shows', async ({ page }) => {
    // The Chinese texts do not arrive: the app starts in English behind the screen and says so.
    await page.route(/lazy-split_texts_hans-[0-9a-f]+\.wasm$/, (r) => r.abort());
    // Whether the page still showed the first screen when the notice went in (a live region's
    // content already in place when it shows is not announced by screen readers).
    await page.addInitScript(() => {
      const seen: boolean[] = [];
      (window as unknown as { __noticeBehindScreen: boolean[] }).__noticeBehindScreen = seen;
      new MutationObserver(() => {
        if (!seen.length && document.querySelector('[data-testid="notices"]')) {
          seen.push(document.documentElement.classList.contains('first-screen'));
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const release = await hold(page, /reports\/smartphone-leasing\.json/);
    await page.goto(`./?r=${SMARTPHONE}&l=zh-Hans`);
    await expect(first(page)).toBeVisible();
    // The app has mounted behind the screen and holds the notice back; its live region is in
    // the page (empty, not hidden with the app), so what comes into it is announced.
    await expect(page.locator('body > .app-notices[role=status]')).toHaveCount(1);
    await expect(page.locator('body > .app-notices')).toHaveCSS('display', 'block');
    await expect(page.getByTestId('notices')).toHaveCount(0);
    release();
    await expect(page.locator('#boot')).toHaveCount(0);
    const notice = page.locator('body > .app-notices[role=status] [data-testid="notices"]');
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('简体中文');
    expect(await page.evaluate(() => (window as unknown as { __noticeBehindScreen: boolean[] }).__noticeBehindScreen))
      .toEqual([false]);
  });

  test('without a first screen too, a notice raised at start goes in after its region has painted', async ({ page }) => {
    await page.route(/lazy-split_texts_hans-[0-9a-f]+\.wasm$/, (r) => r.abort());
    // Frames painted between the region's arrival and the notice's (a region mounted with its
    // text already in it is not announced).
    await page.addInitScript(() => {
      const w = window as unknown as { __framesBeforeNotice: number[] };
      w.__framesBeforeNotice = [];
      let frames = -1;
      const count = () => { frames++; requestAnimationFrame(count); };
      new MutationObserver(() => {
        if (frames < 0 && document.querySelector('.app-notices')) { frames = 0; requestAnimationFrame(count); }
        if (!w.__framesBeforeNotice.length && document.querySelector('[data-testid="notices"]')) w.__framesBeforeNotice.push(frames);
      }).observe(document, { childList: true, subtree: true });
    });
    for (const query of ['?l=zh-Hans', `?r=${SMARTPHONE}&v=segments&l=zh-Hans`]) {
      await page.goto(`./${query}`);
      await expect(page.locator('body > .app-notices[role=status] [data-testid="notices"]')).toContainText('简体中文');
      const [frames] = await page.evaluate(() => (window as unknown as { __framesBeforeNotice: number[] }).__framesBeforeNotice);
      expect(frames, query).toBeGreaterThanOrEqual(1);
    }
  });

  test('a link with a scenario or another view has none; an unknown report, the loading line', async ({ page }) => {
    const asked: string[] = [];
    page.on('request', (r) => { if (r.url().includes('/reports/first/')) asked.push(r.url()); });
    await page.goto(`./?r=${SMARTPHONE}&v=scenarios&g=12`);
    await expect(page.getByTestId('report-title')).toHaveText(TITLE);
    await page.goto(`./?r=${SMARTPHONE}&v=segments`);
    await expect(page.getByTestId('report-title')).toHaveText(TITLE);
    await page.goto(`./?r=${SMARTPHONE}&y=2030`);
    await expect(page.getByTestId('report-title')).toHaveText(TITLE);
    expect(asked).toEqual([]);
    // The app's own links name the Monte Carlo's settings, which the overview does not draw.
    let release = await hold(page, '**/*_bg.wasm');
    await page.goto(`./?r=${SMARTPHONE}&v=overview&l=en&s=1&n=2000&w=1&t=0.02`);
    await expect(first(page)).toBeVisible();
    release();
    await expect(page.getByTestId('report-title')).toHaveText(TITLE);
    await page.unroute('**/*_bg.wasm');
    expect(asked).toHaveLength(1);
    // Other settings than the screen's links carry: not shown (its tabs would drop them), the
    // loading line instead, and the program not kept waiting.
    release = await hold(page, '**/*_bg.wasm');
    await page.goto(`./?r=${SMARTPHONE}&s=7&n=500`);
    // Decided as soon as the screen is here (well before boot.js's 3 s limit).
    await expect.poll(() => decided(page), { timeout: 1_500 }).toBe(true);
    await expect(page.getByTestId('boot-status')).toBeVisible();
    await expect(page.locator('#boot article')).toHaveCount(0);
    expect(await shownClass(page)).toBe(false);
    release();
    await expect(page.getByTestId('report-title')).toHaveText(TITLE);
    await page.unroute('**/*_bg.wasm');
    asked.length = 0;
    // A report the build drew none for: no request (no 404 in the console), the loading line,
    // then the app as before.
    const errors = watchErrors(page);
    await page.goto('./?r=no-such-report');
    await expect(page.getByTestId('report-error')).toBeVisible();
    expect(asked).toHaveLength(0);
    await expect(page.locator('#boot')).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('a screen drawn from an older report file is never shown as current', async ({ page }) => {
    const dir = mkdtempSync(join(tmpdir(), 'first-screen-'));
    let served: Awaited<ReturnType<typeof serveDist>> | null = null;
    try {
      cpSync(join(ROOT, 'dist'), dir, { recursive: true });
      const firstDir = join(dir, 'reports/first');
      const file = join(firstDir, `${SMARTPHONE}.en.wide.html`);
      const drawn = readFileSync(file, 'utf8');
      served = await serveDist('/stale/', dir);
      await page.setViewportSize(DESKTOP);

      // A screen an older build left on the host (its hash is not the page's): not shown.
      writeFileSync(file, drawn.replace(/data-first-hash="[0-9a-f]+"/, 'data-first-hash="0000000000000000"'));
      let release = await hold(page, '**/*_bg.wasm');
      await page.goto(`${served.url}?r=${SMARTPHONE}`);
      await expect.poll(() => decided(page), { timeout: 1_500 }).toBe(true);
      await expect(page.getByTestId('boot-status')).toHaveText('Loading Report Explorer…');
      await expect(page.locator('#boot article')).toHaveCount(0);
      expect(await shownClass(page)).toBe(false);
      release();
      await expect(page.getByTestId('report-title')).toHaveText(TITLE);
      await page.unroute('**/*_bg.wasm');

      // Page and screen agree, but the catalogue has moved on (the report's file changed since
      // they were built): the app takes the page over as soon as it has read the catalogue, even
      // while the report's file itself is still on its way.
      writeFileSync(file, drawn);
      const index = join(dir, 'reports/index.json');
      const catalogue = readFileSync(index, 'utf8');
      writeFileSync(index, catalogue.replace(/("id":"smartphone-leasing"[^}]*?"hash":")[0-9a-f]+"/, (_, head) => `${head}1111111111111111"`));
      release = await hold(page, '**/*_bg.wasm');
      const releaseReport = await hold(page, /reports\/smartphone-leasing\.json/);
      await page.goto(`${served.url}?r=${SMARTPHONE}`);
      await expect(first(page)).toBeVisible();
      release();
      await expect(page.getByTestId('report-loading')).toBeVisible();
      await expect(page.locator('#boot')).toHaveCount(0);
      releaseReport();
      await expect(page.getByTestId('report-title')).toHaveText(TITLE);

      // Rewriting the catalogue (scripts/catalogue.sh runs postbuild) deletes the screens drawn
      // from the older file, keeps the others, and the page's list and sw.js follow.
      const before = readdirSync(firstDir);
      const post = spawnSync(process.execPath, ['scripts/postbuild.mjs', dir], { cwd: ROOT, encoding: 'utf8' });
      expect(post.status, post.stderr).toBe(0);
      const left = readdirSync(firstDir);
      expect(left.filter((n) => n.startsWith(`${SMARTPHONE}.`))).toEqual([]);
      expect(left).toEqual(before.filter((n) => !n.startsWith(`${SMARTPHONE}.`)));
      expect(left.length).toBeGreaterThan(0);
      const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
      expect(sw).not.toContain(`${SMARTPHONE}.en.wide.html`);
      expect(sw).toContain(left[0]);
      const meta = readFileSync(join(dir, 'index.html'), 'utf8').match(/<meta name="report-explorer:first-screens" content="([^"]*)">/g);
      expect(meta).toHaveLength(1);
      expect(meta![0]).not.toContain(SMARTPHONE);
      expect(meta![0]).toMatch(/content="china-call-center:[0-9a-f]{16} parent-child-community:[0-9a-f]{16}"/);
    } finally {
      await served?.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
