// Fault drills (the "hardened" issue): storage unavailable or full mid-write, corrupt and newer
// stored entries, two tabs saving at once, report files that fail or come late, a report never
// opened before while offline, and hostile text everywhere text reaches the page. Each drill
// checks that the app keeps working, says what happened in the reader's language, and that
// nothing saved is lost or altered.
//
// Drills covered elsewhere and not repeated here:
// - a missing (404) and a truncated report file, a missing catalogue (404), an unknown report
//   link: catalogue.spec.ts;
// - a full storage message for scenarios, set-aside scenario entries surviving a save
//   (extended below with byte-for-byte checks): share.spec.ts;
// - a newer build's files replacing an older build's cache, with no mixed versions offline:
//   offline.spec.ts ("the generated worker … a new build replaces its cache");
// - a markup title in an imported report JSON (extended below to every text): import.spec.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  test, expect, openApp, openReport, openView, moveHeadlineSlider, serveDist, watchErrors, ROOT,
  type Page, chooseLanguage
} from './helpers';

const SCENARIOS = 'report-explorer.scenarios';
const IMPORTED = 'report-explorer.imported';
const EXAMPLE = readFileSync(join(ROOT, 'docs', 'example-report.json'), 'utf8');
const TITLE = 'Global Widget Market to 2030';

/** Every key of local storage and its text, exactly. */
async function dump(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i)!;
      out[k] = localStorage.getItem(k)!;
    }
    return out;
  });
}

/** Only the app's data (saved scenarios, imports): preferences are written on every change. */
function data(all: Record<string, string>) {
  return Object.fromEntries(Object.entries(all).filter(([k]) =>
    k === SCENARIOS || k.startsWith(IMPORTED)));
}

async function pick(page: Page, name: string, text: string | Buffer, mimeType = 'application/json') {
  await page.locator('#import-file').setInputFiles({ name, mimeType, buffer: Buffer.from(text) });
}

async function importReport(page: Page, name: string, report: object, title: string) {
  await pick(page, name, JSON.stringify(report));
  await page.getByTestId('confirm-import').click();
  await expect(page.getByTestId('import-status')).toContainText(`Imported “${title}”`);
}

async function openScenarios(page: Page) {
  await openReport(page, 'smartphone-leasing');
  await openView(page, 'scenarios');
}

async function saveScenario(page: Page, name: string) {
  await page.locator('#saved-name').fill(name);
  await page.getByTestId('save-scenario').click();
}

/** Seeds local storage once per test (before the app reads it), not again on reload. */
async function seed(page: Page, entries: Record<string, string>) {
  await page.addInitScript((e) => {
    if (sessionStorage.getItem('drill-seeded')) return;
    sessionStorage.setItem('drill-seeded', '1');
    for (const [k, v] of Object.entries(e)) localStorage.setItem(k, v);
  }, entries);
}

function scenarioEntry(name: string, rate = 0.15, report = 'smartphone-leasing') {
  return { version: 1, name, report, created: '2026-01-01', headline_rate: rate, values: {} };
}

function scenariosText(entries: object[]) {
  return JSON.stringify({ format: 'report-explorer/scenarios', version: 1, scenarios: entries });
}

const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);

/** No element, attribute or script from a payload made it into the document. */
async function expectNoPayloadElements(page: Page) {
  const found = await page.evaluate(() => ({
    img: document.querySelectorAll('img[src="x"], img[src$="/x"]').length,
    handlers: [...document.querySelectorAll('*')].filter((e) =>
      [...e.attributes].some((a) => a.name.startsWith('on'))).length,
    scripts: [...document.querySelectorAll('script')].filter((s) => s.textContent?.includes('__pwned')).length,
    javascriptLinks: document.querySelectorAll('[href^="javascript:" i], [src^="javascript:" i]').length,
    iframes: document.querySelectorAll('iframe, object, embed').length,
    bold: document.querySelectorAll('b.evil, marquee').length,
  }));
  expect(found).toEqual({ img: 0, handlers: 0, scripts: 0, javascriptLinks: 0, iframes: 0, bold: 0 });
  expect(await pwned(page)).toBeUndefined();
}

/** The page does not scroll sideways. */
async function expectNoHorizontalOverflow(page: Page, where: string) {
  const { scroll, client, wide } = await page.evaluate(() => {
    const client = document.documentElement.clientWidth;
    // The innermost elements reaching past the right edge, to name the culprit.
    const wide = [...document.querySelectorAll('body *')]
      .filter((e) => {
        if (e.getBoundingClientRect().right <= client + 1) return false;
        if ([...e.children].some((c) => c.getBoundingClientRect().right > client + 1)) return false;
        for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
          if (getComputedStyle(a).overflowX !== 'visible') return false; // scrolls or clips inside
        }
        return true;
      })
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}#${e.id}`);
    return { scroll: document.documentElement.scrollWidth, client, wide };
  });
  expect(scroll, `horizontal overflow: ${where}: ${wide.join(', ')}`).toBeLessThanOrEqual(client);
}

// ---- 1. Storage unavailable --------------------------------------------------------------------

test('1. storage unavailable: the app works, and saving or keeping says this browser will not keep it',
  async ({ page }) => {
    const errors = watchErrors(page);
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
      });
    });
    await openApp(page);
    await openReport(page, 'smartphone-leasing');
    await expect(page.getByTestId('headline')).toHaveText('US$2.5 bn (2025) → US$6.1 bn (2032)');
    await openView(page, 'scenarios');
    await moveHeadlineSlider(page);
    await saveScenario(page, 'Private');
    await expect(page.getByTestId('saved-status'))
      .toContainText('This browser gives the page no storage: scenarios last until the page closes.');
    // The scenario stays usable in the page.
    await expect(page.locator('[data-saved="Private"]')).toBeVisible();
    await page.locator('[data-saved="Private"] [data-action="compare"]').click();
    await expect(page.getByTestId('compare-summary')).toContainText('2032');

    // In Chinese.
    await chooseLanguage(page, 'zh-Hans');
    await saveScenario(page, '私密');
    await expect(page.getByTestId('saved-status')).toContainText('此浏览器不允许该页面使用存储');

    // Keeping an import.
    await chooseLanguage(page, 'en');
    await page.getByRole('link', { name: /Back to library/ }).click();
    await expect(page.locator('.card')).toHaveCount(3);
    await pick(page, 'widgets.json', EXAMPLE);
    await page.getByTestId('confirm-import').click();
    await expect(page.getByTestId('import-status'))
      .toContainText('This browser gives the page no storage (private mode?), so imported reports cannot be kept.');
    // Everything else still works.
    await openReport(page, 'china-call-center');
    await expect(page.locator('#view-panel .view-body > *').first()).toBeVisible();
    expect(errors).toEqual([]);
  });

// ---- 2. Quota exceeded in the middle of a write ------------------------------------------------

/** setItem throws QuotaExceededError for keys matching `window.__quotaKeys` (a regex source);
 *  every call is recorded in `window.__setCalls`. */
async function quotaTrap(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __quotaKeys?: string; __setCalls: string[] };
    w.__setCalls = [];
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      w.__setCalls.push(key);
      if (w.__quotaKeys && new RegExp(w.__quotaKeys).test(key)) {
        throw new DOMException(`Setting the value of '${key}' exceeded the quota.`, 'QuotaExceededError');
      }
      return real.call(this, key, value);
    };
  });
}

const fillStorageFor = (page: Page, keys: string) =>
  page.evaluate((k) => { (window as unknown as { __quotaKeys?: string }).__quotaKeys = k; }, keys);

test('2a. quota exceeded while saving a scenario: a clear message, storage exactly as before, the scenario stays',
  async ({ page }) => {
    const errors = watchErrors(page);
    await quotaTrap(page);
    await openApp(page);
    await openScenarios(page);
    await saveScenario(page, 'Kept');
    await expect(page.getByTestId('saved-status')).toContainText('Saved “Kept”.');
    const before = await dump(page);

    await fillStorageFor(page, `^${SCENARIOS.replace('.', '\\.')}$`);
    await page.locator('#headline-cagr-field').fill('19');
    await page.locator('#headline-cagr-field').press('Tab');
    await saveScenario(page, 'Too much');
    await expect(page.getByTestId('saved-status')).toContainText(
      'Browser storage is full: “Too much” is kept in this page only.');
    expect(await dump(page)).toEqual(before);
    // Still in the page, and loadable.
    await page.locator('[data-saved="Kept"] [data-action="load"]').click();
    await expect(page.locator('#headline-cagr-field')).toHaveValue('13.6');
    await page.locator('[data-saved="Too much"] [data-action="load"]').click();
    await expect(page.locator('#headline-cagr-field')).toHaveValue('19');
    // "Kept" saved again, now at 19: this page's version, not storage's, from now on.
    await saveScenario(page, 'Kept');
    await expect(page.getByTestId('saved-status')).toContainText(
      'Browser storage is full: “Kept” is kept in this page only.');

    // In Chinese too.
    await chooseLanguage(page, 'zh-Hans');
    await saveScenario(page, '太多');
    await expect(page.getByTestId('saved-status')).toContainText('浏览器存储已满：“太多”仅保留在此页面中。');
    expect(data(await dump(page))).toEqual(data(before));
    // That save read storage again; "Kept" is still this page's version.
    await page.locator('#headline-cagr-field').fill('11');
    await page.locator('#headline-cagr-field').press('Tab');
    await page.locator('[data-saved="Kept"] [data-action="load"]').click();
    await expect(page.locator('#headline-cagr-field')).toHaveValue('19');

    // Room again: the next save keeps every scenario of the page.
    await fillStorageFor(page, '');
    await chooseLanguage(page, 'en');
    await saveScenario(page, 'Later');
    await expect(page.getByTestId('saved-status')).toContainText('Saved “Later”.');
    const stored = JSON.parse((await dump(page))[SCENARIOS]).scenarios.map((s: { name: string }) => s.name);
    expect(stored.sort()).toEqual(['Kept', 'Later', 'Too much', '太多'].sort());
    const kept = JSON.parse((await dump(page))[SCENARIOS]).scenarios.find((s: { name: string }) => s.name === 'Kept');
    expect(kept.headline_rate).toBeCloseTo(0.19, 10);
    expect(errors).toEqual([]);
  });

test('2b. quota exceeded after the report is written but before the list: no half-written import is left',
  async ({ page }) => {
    const errors = watchErrors(page);
    await quotaTrap(page);
    await openApp(page);
    await importReport(page, 'widgets.json', JSON.parse(EXAMPLE), TITLE);
    const before = await dump(page);
    expect(Object.keys(data(before)).sort()).toEqual([IMPORTED, `${IMPORTED}.imported-example-widgets`]);

    // The list key is full: the report's own key is written first, then the list fails.
    await fillStorageFor(page, `^${IMPORTED.replace('.', '\\.')}$`);
    await page.evaluate(() => { (window as unknown as { __setCalls: string[] }).__setCalls = []; });
    const second = JSON.parse(EXAMPLE);
    second.id = 'second';
    second.meta.title.en = 'Second widgets';
    await pick(page, 'second.json', JSON.stringify(second));
    await page.getByTestId('confirm-import').click();
    const status = page.getByTestId('import-status');
    await expect(status).toContainText('storage for the app is full, so “Second widgets” was not kept');
    const calls = await page.evaluate(() => (window as unknown as { __setCalls: string[] }).__setCalls);
    expect(calls).toEqual([`${IMPORTED}.imported-second`, IMPORTED]);
    expect(await dump(page)).toEqual(before); // the report key written first was taken back
    await expect(page.getByTestId('imported').locator('.card')).toHaveCount(1);
    // The preview is still there to try again once there is room.
    await expect(page.getByTestId('import-preview')).toBeVisible();

    // In Chinese.
    await chooseLanguage(page, 'zh-Hans');
    await page.getByTestId('confirm-import').click();
    await expect(status).toContainText('此设备为本应用保留的存储空间已满');
    expect(data(await dump(page))).toEqual(data(before));

    await fillStorageFor(page, '');
    await page.getByTestId('confirm-import').click();
    await expect(page.getByTestId('imported').locator('.card')).toHaveCount(2);
    await page.reload();
    await expect(page.getByTestId('imported').locator('.card')).toHaveCount(2);
    expect(errors).toEqual([]);
  });

// ---- 3. Corrupt and newer stored entries -------------------------------------------------------

test('3a. corrupt and newer saved scenarios: named and set aside, kept byte for byte, the others survive',
  async ({ page }) => {
    const broken = { name: 'Broken', report: 'smartphone-leasing', created: 42, values: 'nope' };
    const future = { name: 'Future', report: 'smartphone-leasing', created: '2030-01-01', version: 9, values: { x: [1] } };
    const text = scenariosText([scenarioEntry('Good'), broken, future]);
    await seed(page, { [SCENARIOS]: text });
    await openApp(page);
    const notices = page.getByTestId('notices');
    await expect(notices).toContainText('2 saved entries could not be read and were set aside');
    await expect(notices).toContainText('Broken');
    await expect(notices).toContainText('Future');
    // Reading changed nothing.
    expect((await dump(page))[SCENARIOS]).toBe(text);
    await openScenarios(page);
    await expect(page.locator('[data-saved="Good"]')).toBeVisible();
    await expect(page.locator('[data-saved="Broken"]')).toHaveCount(0);
    await saveScenario(page, 'Another');
    await expect(page.getByTestId('saved-status')).toContainText('Saved “Another”.');
    const stored = (await dump(page))[SCENARIOS];
    // The set-aside entries are written back exactly as they were.
    expect(stored).toContain(JSON.stringify(broken));
    expect(stored).toContain(JSON.stringify(future));
    expect(JSON.parse(stored).scenarios.map((s: { name: string }) => s.name))
      .toEqual(['Good', 'Another', 'Broken', 'Future']);
  });

test('3b. saved scenarios that are not readable at all: named, never overwritten, a save says it stays in the page',
  async ({ page }) => {
    const errors = watchErrors(page);
    const text = '{"format": "report-explorer/scenarios", "version": 1, "scenarios": [';
    await seed(page, { [SCENARIOS]: text });
    await openApp(page);
    await expect(page.getByTestId('notices')).toContainText(SCENARIOS);
    await openScenarios(page);
    await saveScenario(page, 'Here only');
    await expect(page.getByTestId('saved-status')).toContainText(
      'The saved scenarios in this browser could not be read and are left as they are: “Here only” is kept in this page only.');
    await expect(page.locator('[data-saved="Here only"]')).toBeVisible();
    expect((await dump(page))[SCENARIOS]).toBe(text);
    await chooseLanguage(page, 'zh-Hant');
    // The JSON reader's own description reads in Chinese too, with its place.
    await expect(page.getByTestId('notices')).toContainText(
      `${SCENARIOS}: 不是 JSON 檔案：列表沒有結束（第 1 行，第 ${text.length} 欄）`);
    await expect(page.getByTestId('notices')).not.toContainText('EOF');
    await saveScenario(page, '僅此頁');
    await expect(page.getByTestId('saved-status')).toContainText('僅保留在此頁面中');
    expect((await dump(page))[SCENARIOS]).toBe(text);
    expect(errors).toEqual([]);
  });

test('3c. a corrupt and a newer imported report, and a newer or corrupt list: named, kept as they are, the others open',
  async ({ page }) => {
    const errors = watchErrors(page);
    const good = JSON.parse(EXAMPLE);
    good.id = 'imported-good';
    const truncated = JSON.stringify({ ...good, id: 'imported-cut' }).slice(0, 200);
    const newer = { ...good, id: 'imported-newer', format_version: 2 };
    const index = JSON.stringify({
      format: 'report-explorer/imported', version: 1,
      reports: [
        { id: 'imported-good', file: 'good.json', imported: '2026-01-01' },
        { id: 'imported-cut', file: 'cut.json', imported: '2026-01-02' },
        { id: 'imported-newer', file: 'newer.json', imported: '2026-01-03' },
      ],
    });
    const seeded = {
      [IMPORTED]: index,
      [`${IMPORTED}.imported-good`]: JSON.stringify(good),
      [`${IMPORTED}.imported-cut`]: truncated,
      [`${IMPORTED}.imported-newer`]: JSON.stringify(newer),
    };
    await seed(page, seeded);
    await page.goto('./');
    const section = page.getByTestId('imported');
    await expect(section.locator('.card')).toHaveCount(3);
    const cut = section.locator('.card[data-report="imported-cut"]');
    await expect(cut).toContainText('cut.json');
    await expect(cut.locator('.reason')).toContainText(/line \d+, column \d+/);
    await expect(section.locator('.card[data-report="imported-newer"] .reason')).toContainText('format_version');
    expect(data(await dump(page))).toEqual(seeded);
    // The good one opens.
    await section.locator('.card[data-report="imported-good"]').getByRole('link', { name: 'Open report' }).click();
    await expect(page.locator('article.report[data-report="imported-good"] h1')).toHaveText(TITLE);
    await page.reload();
    expect(data(await dump(page))).toEqual(seeded);
    expect(errors).toEqual([]);
  });

for (const [what, list] of [
  ['newer', JSON.stringify({ format: 'report-explorer/imported', version: 7, reports: [{ id: 'imported-x', file: 'x.json', imported: '2030-01-01', tags: ['new'] }] })],
  ['corrupt', '{"format":"report-explorer/imported","version":1,"reports":[{"id":'],
] as const) {
  test(`3d. a ${what} list of imported reports is left as it is and nothing is kept over it`, async ({ page }) => {
    const errors = watchErrors(page);
    const seeded = { [IMPORTED]: list, [`${IMPORTED}.imported-x`]: EXAMPLE };
    await seed(page, seeded);
    await openApp(page);
    await expect(page.locator('.import [role=alert]').first())
      .toContainText('The list of imported reports on this device could not be read, and is left as it is:');
    if (what === 'newer') await expect(page.locator('.import')).toContainText('newer version of the app (version 7)');
    await pick(page, 'widgets.json', EXAMPLE);
    await page.getByTestId('confirm-import').click();
    await expect(page.getByTestId('import-status')).toContainText('widgets.json could not be imported');
    expect(data(await dump(page))).toEqual(seeded);
    await openReport(page, 'smartphone-leasing');
    expect(errors).toEqual([]);
  });
}

test('3e. in Chinese, why the list of imported reports cannot be read is said in Chinese, in the script shown',
  async ({ page }) => {
    const errors = watchErrors(page);
    const list = JSON.stringify({ format: 'report-explorer/imported', version: 7, reports: [] });
    const seeded = { [IMPORTED]: list };
    await seed(page, seeded);
    await openApp(page);
    await chooseLanguage(page, 'zh-Hans');
    const alert = page.locator('.import [role=alert]').first();
    await expect(alert).toContainText('无法读取此设备上的已导入报告列表');
    await expect(alert.locator('.reason')).toHaveText('已导入报告列表由较新版本的应用写入（版本 7）');
    // Importing over it is refused with the same reason, in Chinese.
    await pick(page, 'widgets.json', EXAMPLE);
    await page.getByTestId('confirm-import').click();
    await expect(page.getByTestId('import-status')).toContainText('无法导入 widgets.json');
    await expect(page.getByTestId('import-status')).toContainText('已导入报告列表由较新版本的应用写入（版本 7）');
    await expect(page.getByTestId('import-status')).not.toContainText('newer version');
    // The reason follows the language, as every other text does.
    await chooseLanguage(page, 'zh-Hant');
    await expect(alert.locator('.reason')).toHaveText('已匯入報告列表由較新版本的應用程式寫入（版本 7）');
    expect(data(await dump(page))).toEqual(seeded);
    expect(errors).toEqual([]);
  });

// ---- 4. Two tabs ------------------------------------------------------------------------------

test('4. two tabs saving at once: both saves survive, each list follows the other, a removal stays removed',
  async ({ context }) => {
    const a = await context.newPage();
    const b = await context.newPage();
    for (const p of [a, b]) {
      await openApp(p);
      await openScenarios(p);
    }
    const names = async (p: Page) =>
      JSON.parse((await dump(p))[SCENARIOS] ?? '{"scenarios":[]}').scenarios.map((s: { name: string }) => s.name).sort();

    await saveScenario(a, 'From A');
    await expect(a.getByTestId('saved-status')).toContainText('Saved “From A”.');
    // B saved with the list it read before A's save: A's entry must not be lost.
    await saveScenario(b, 'From B');
    await expect(b.getByTestId('saved-status')).toContainText('Saved “From B”.');
    expect(await names(a)).toEqual(['From A', 'From B']);
    // Each tab's list shows the other's save.
    await expect(a.locator('[data-saved="From B"]')).toBeVisible();
    await expect(b.locator('[data-saved="From A"]')).toBeVisible();

    // A removes B's scenario; B's next save does not bring it back.
    await a.locator('[data-saved="From B"] [data-action="delete"]').click();
    await expect(b.locator('[data-saved="From B"]')).toHaveCount(0);
    await saveScenario(b, 'Second from B');
    await expect(b.getByTestId('saved-status')).toContainText('Saved “Second from B”.');
    expect(await names(b)).toEqual(['From A', 'Second from B']);
    await expect(a.locator('[data-saved="Second from B"]')).toBeVisible();
    await expect(a.locator('[data-saved="From B"]')).toHaveCount(0);

    // Both save at the same instant: each may read the list before the other's save reached it.
    await Promise.all([saveScenario(a, 'Race A'), saveScenario(b, 'Race B')]);
    await expect.poll(() => names(a)).toEqual(['From A', 'Race A', 'Race B', 'Second from B']);
    await expect.poll(() => names(b)).toEqual(['From A', 'Race A', 'Race B', 'Second from B']);

    // The race made certain: A saves, then a tab whose copy had not caught up with that save
    // writes over it (its copy plus its own entry, under its own token, as the app writes).
    const behind = JSON.parse((await dump(b))[SCENARIOS]);
    await saveScenario(a, 'Late A');
    await expect(a.getByTestId('saved-status')).toContainText('Saved “Late A”.');
    behind.scenarios.push({ version: 1, name: 'Behind', report: 'smartphone-leasing', created: '2026-12-03', values: {} });
    behind.writes = [...(behind.writes ?? []), 'behind.1'];
    behind.written = Date.now();
    await b.evaluate(([k, v]) => localStorage.setItem(k, v), [SCENARIOS, JSON.stringify(behind)]);
    // A hears of that write and puts its save back; both entries stay, in storage and in A's list.
    const all = ['Behind', 'From A', 'Late A', 'Race A', 'Race B', 'Second from B'];
    await expect.poll(() => names(a)).toEqual(all);
    await expect(a.locator('[data-saved="Behind"]')).toBeVisible();
    await expect(a.locator('[data-saved="Late A"]')).toBeVisible();
    // A removal made knowingly (B's copy has A's repair) stays a removal.
    await expect.poll(() => names(b)).toEqual(all);
    await expect(b.locator('[data-saved="Late A"]')).toBeVisible();
    await b.locator('[data-saved="Late A"] [data-action="delete"]').click();
    // (A repairing would have written "Late A" back in the same task that shows the removal.)
    await expect(a.locator('[data-saved="Late A"]')).toHaveCount(0);
    expect(await names(a)).toEqual(all.filter((n) => n !== 'Late A'));
  });

test('4b. two tabs keeping imports: the second tab neither drops nor overwrites the first one\'s', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  for (const p of [a, b]) await openApp(p);
  await importReport(a, 'widgets.json', JSON.parse(EXAMPLE), TITLE);
  // B read the list before A kept its import, and imports the same report.
  await importReport(b, 'widgets.json', JSON.parse(EXAMPLE), TITLE);
  const stored = await dump(b);
  expect(JSON.parse(stored[IMPORTED]).reports.map((r: { id: string }) => r.id))
    .toEqual(['imported-example-widgets', 'imported-example-widgets-2']);
  expect(Object.keys(data(stored)).sort()).toEqual([IMPORTED, `${IMPORTED}.imported-example-widgets`,
    `${IMPORTED}.imported-example-widgets-2`]);
  // A removes its import; B's next one does not bring it back.
  await a.getByTestId('imported').locator('.card').first().getByTestId('remove-imported').click();
  await expect(a.getByTestId('import-status')).toContainText(`Removed “${TITLE}”`);
  const third = JSON.parse(EXAMPLE);
  third.id = 'third';
  third.meta.title.en = 'Third';
  await importReport(b, 'third.json', third, 'Third');
  expect(JSON.parse((await dump(b))[IMPORTED]).reports.map((r: { id: string }) => r.id))
    .toEqual(['imported-example-widgets-2', 'imported-third']);
});

test('4c. two tabs keeping imports at once: an import lost to a write from an older copy is listed again, a removal stays removed, each list follows the other',
  async ({ context }) => {
    const a = await context.newPage();
    const b = await context.newPage();
    for (const p of [a, b]) await openApp(p);
    const listed = async (p: Page) => JSON.parse((await dump(p))[IMPORTED] ?? '{"reports":[]}')
      .reports.map((r: { id: string }) => r.id);
    const card = (p: Page, id: string) => p.getByTestId('imported').locator(`[data-report="${id}"]`);
    const WIDGETS = 'imported-example-widgets';

    // A keeps an import; B's list shows it without a reload.
    await importReport(a, 'widgets.json', JSON.parse(EXAMPLE), TITLE);
    await expect(card(b, WIDGETS)).toBeVisible();

    // The race made certain: a tab whose copy had not caught up with A's import keeps one of
    // its own, as the app writes (the report's key, then the list it read plus its entry).
    const third = JSON.parse(EXAMPLE);
    third.id = 'imported-third';
    third.meta.title.en = 'Third';
    await b.evaluate(([k, list, key, text]) => {
      localStorage.setItem(key, text);
      localStorage.setItem(k, list);
    }, [IMPORTED, JSON.stringify({ format: 'report-explorer/imported', version: 1,
      reports: [{ id: 'imported-third', file: 'third.json', imported: '2026-12-04' }] }),
    `${IMPORTED}.imported-third`, JSON.stringify(third)]);
    // A hears of that write, finds its import's key still holding what it kept, and lists it
    // again; both lists show both.
    await expect.poll(() => listed(a)).toEqual(['imported-third', WIDGETS]);
    for (const p of [a, b]) {
      await expect(card(p, 'imported-third')).toBeVisible();
      await expect(card(p, WIDGETS)).toBeVisible();
    }

    // A removal made knowingly in B stays a removal (A kept that import, and hears of the list
    // without it), and A's list follows.
    await card(b, WIDGETS).getByTestId('remove-imported').click();
    await expect(b.getByTestId('import-status')).toContainText(`Removed “${TITLE}”`);
    await expect(card(a, WIDGETS)).toHaveCount(0);
    // (A repairing would have written it back in the same task that shows the removal.)
    expect(await listed(a)).toEqual(['imported-third']);
    expect(Object.keys(data(await dump(a))).sort()).toEqual([IMPORTED, `${IMPORTED}.imported-third`]);

    // A removes the other tab's import; a write from a copy that still lists it does not bring
    // it back.
    const stale = (await dump(b))[IMPORTED];
    await card(a, 'imported-third').getByTestId('remove-imported').click();
    await expect(card(b, 'imported-third')).toHaveCount(0);
    await b.evaluate(([k, v]) => localStorage.setItem(k, v), [IMPORTED, stale]);
    await expect.poll(() => listed(b)).toEqual([]);
    await expect(card(a, 'imported-third')).toHaveCount(0);
  });

// ---- 5. Report files and the catalogue over a bad network ---------------------------------------

test.describe('5. report files that fail, and a slow network', () => {
  // Routes must see the page's requests (a service worker would answer them first).
  test.use({ serviceWorkers: 'block' });

  test('a report file that fails (500) or is not JSON: a message and a retry; the rest keeps working', async ({ page }) => {
    const errors = watchErrors(page);
    await page.route(/reports\/smartphone-leasing\.json/, (r) => r.fulfill({ status: 500, body: 'Internal Server Error' }));
    await page.route(/reports\/china-call-center\.json/, (r) =>
      r.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Sign in</title><p>Please sign in' }));
    await openApp(page);
    await openReportExpectingError(page, 'smartphone-leasing');
    const error = page.getByTestId('report-error');
    await expect(error).toContainText('The server answered 500 for smartphone-leasing.json.');
    await expect(error).toContainText('The other reports are not affected.');
    await chooseLanguage(page, 'zh-Hans');
    await page.getByTestId('retry').click();
    await expect(error).toContainText('服务器对 smartphone-leasing.json 的回应为 500。');
    await chooseLanguage(page, 'en');
    await page.unroute(/reports\/smartphone-leasing\.json/);
    await page.getByTestId('retry').click();
    await expect(page.locator('article.report[data-report="smartphone-leasing"]')).toBeVisible();

    await page.getByRole('link', { name: /Back to library/ }).click();
    await openReportExpectingError(page, 'china-call-center');
    await expect(error).toContainText('The file is damaged or not in the report format:');
    await expect(error).toContainText(/china-call-center\.json: .*line 1, column 1/);
    await page.locator('.report-error a.link').click();
    await openReport(page, 'parent-child-community');
    // Errors the test provoked are logged by the browser as failed loads; nothing else.
    expect(errors.filter((e) => !/Failed to load resource: the server responded with a status of 500/.test(e))).toEqual([]);
  });

  test('the catalogue fails (500): a message and a retry', async ({ page }) => {
    await page.route(/reports\/index\.json/, (r) => r.fulfill({ status: 500, body: 'oops' }));
    await page.goto('./');
    const error = page.getByTestId('catalogue-error');
    await expect(error).toContainText('The list of reports could not be loaded.');
    await expect(error).toContainText('The server answered 500 for reports/index.json.');
    // The header stays usable, and says it in Chinese.
    await chooseLanguage(page, 'zh-Hant');
    await page.getByTestId('catalogue-error').getByRole('button').first().click();
    await expect(error).toContainText('伺服器對 reports/index.json 的回應為 500。');
    await page.unroute(/reports\/index\.json/);
    await error.getByRole('button').first().click();
    await expect(page.locator('.card')).toHaveCount(3);
  });

  test('a slow report: the loading state shows, the header and library stay usable, a late answer does not take over',
    async ({ page }) => {
      const errors = watchErrors(page);
      let release!: () => void;
      const held = new Promise<void>((ok) => { release = ok; });
      await page.route(/reports\/smartphone-leasing\.json/, async (r) => {
        await Promise.race([held, new Promise((ok) => setTimeout(ok, 6_000))]);
        await r.continue().catch(() => {});
      });
      await openApp(page);
      await page.locator('.card[data-report="smartphone-leasing"] a.open-report').click();
      const loading = page.getByTestId('report-loading');
      await expect(loading).toHaveText('Loading the report…');
      // Switching language works while it loads.
      await chooseLanguage(page, 'zh-Hans');
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
      await expect(loading).toHaveText('正在载入报告…');
      await chooseLanguage(page, 'en');
      // Back to the library, and another report opens meanwhile.
      await page.locator('.app-header a.brand').click();
      await expect(page.locator('.card')).toHaveCount(3);
      await openReport(page, 'china-call-center');
      await expect(page).toHaveURL(/r=china-call-center/);
      // The abandoned report's file arrives late: the reader stays where they are.
      release();
      await page.waitForTimeout(1_500);
      await expect(page.locator('article.report[data-report="china-call-center"]')).toBeVisible();
      await expect(page.locator('article.report')).toHaveCount(1);
      await expect(page).toHaveURL(/r=china-call-center/);
      // And opening it now uses the file that came.
      await page.getByRole('link', { name: /Back to library/ }).click();
      await openReport(page, 'smartphone-leasing');
      expect(errors).toEqual([]);
    });
});

async function openReportExpectingError(page: Page, id: string) {
  await page.locator(`.card[data-report="${id}"] a.open-report`).click();
  await expect(page.getByTestId('report-error')).toBeVisible();
}

// ---- 6. Offline, a report never opened and not in the cache ------------------------------------

test('6. offline with a report that is not in the cache: a clear message and a retry, the rest works offline',
  async ({ page, context }) => {
    const served = await serveDist('/drills/offline/');
    try {
      await page.goto(served.url);
      await expect(page.locator('.card')).toHaveCount(3);
      await page.evaluate(async () => { await navigator.serviceWorker.ready; });
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      // sw.js precaches every bundled report: drop this one, as if it had been added later.
      const dropped = await page.evaluate(async () => {
        const scope = (await navigator.serviceWorker.getRegistration())?.scope ?? '';
        let n = 0;
        for (const name of (await caches.keys()).filter((k) => k.startsWith(`report-explorer|${scope}|`))) {
          const cache = await caches.open(name);
          for (const req of await cache.keys()) {
            if (req.url.includes('/reports/smartphone-leasing.json')) n += Number(await cache.delete(req));
          }
        }
        return n;
      });
      expect(dropped).toBe(1);
      await context.setOffline(true);
      await page.locator('.card[data-report="smartphone-leasing"] a.open-report').click();
      const error = page.getByTestId('report-error');
      await expect(error).toContainText('This report could not be opened.');
      await expect(error).toContainText(
        'smartphone-leasing.json could not be fetched: you may be offline, and this report has not been opened on this device before.');
      await expect(page.getByTestId('retry')).toBeVisible();
      await page.getByTestId('retry').click();
      await expect(error).toContainText('you may be offline');
      // The other reports, precached, open offline.
      await page.locator('.report-error a.link').click();
      await openReport(page, 'china-call-center');
      // Back online: the retry opens it.
      await context.setOffline(false);
      await page.getByRole('link', { name: /Back to library/ }).click();
      await page.locator('.card[data-report="smartphone-leasing"] a.open-report').click();
      await expect(page.getByTestId('report-error').or(page.locator('article.report[data-report="smartphone-leasing"]'))).toBeVisible();
      if (await page.getByTestId('retry').isVisible()) await page.getByTestId('retry').click();
      await expect(page.locator('article.report[data-report="smartphone-leasing"]')).toBeVisible();
    } finally {
      await context.setOffline(false);
      await served.stop();
    }
  });

// ---- 6b. A view's code that does not arrive ----------------------------------------------------

test.describe('6b. a view\'s chunk: on its way, and failing to load', () => {
  // Routes must see the page's requests (a service worker would answer them first).
  test.use({ serviceWorkers: 'block' });

  test('a loading line while the chunk is on its way, then the view', async ({ page }) => {
    const errors = watchErrors(page);
    let release!: () => void;
    const held = new Promise<void>((ok) => { release = ok; });
    const DYNAMICS = /lazy-split_view_dynamics-[0-9a-f]+\.wasm$/;
    let fetched = 0;
    await page.route(DYNAMICS, async (r) => { fetched++; await held; await r.continue(); });
    await openApp(page);
    await openReport(page, 'smartphone-leasing');
    await openView(page, 'dynamics');
    const loading = page.getByTestId('view-loading');
    await expect(loading).toHaveText('Loading this view…');
    await expect(loading).toHaveAttribute('role', 'status');
    await chooseLanguage(page, 'zh-Hant');
    await expect(loading).toHaveText('正在載入此檢視…');
    release();
    await expect(loading).toHaveCount(0);
    await expect(page.locator('#view-panel .view-body > *').first()).toBeVisible();
    // Loaded once: the view opens again from the loaded chunk, with no second fetch.
    await openView(page, 'overview');
    await openView(page, 'dynamics');
    await expect(page.locator('#view-panel .view-body > *').first()).toBeVisible();
    await expect(loading).toHaveCount(0);
    expect(fetched).toBe(1);
    expect(errors).toEqual([]);
  });

  test('a message in the reader\'s language and a retry; the rest of the app keeps working', async ({ page }) => {
    const errors = watchErrors(page);
    // Segments is not in the first visit's module: its chunk (lazy-split_view_segments-<hash>.wasm)
    // is fetched when the tab is first opened. First the network fails, then the host answers 500.
    const SEGMENTS = /lazy-split_view_segments-[0-9a-f]+\.wasm$/;
    let failures = 0;
    await page.route(SEGMENTS, (r) => (failures++ === 0 ? r.abort() : r.fulfill({ status: 500, body: 'oops' })));
    await openApp(page);
    await openReport(page, 'smartphone-leasing');
    await openView(page, 'segments');
    const error = page.getByTestId('view-error');
    await expect(error).toContainText('This view could not be loaded');
    await expect(error).toHaveAttribute('role', 'alert');
    expect(failures).toBe(1);

    // The header, the other views and their sliders keep working.
    await chooseLanguage(page, 'zh-Hans');
    await expect(error).toContainText('无法加载此视图');
    await expect(page.getByTestId('view-retry')).toHaveText('重试');
    await chooseLanguage(page, 'en');
    await openView(page, 'scenarios');
    await moveHeadlineSlider(page);
    await openView(page, 'overview');
    await expect(page.locator('#view-panel .view-body > *').first()).toBeVisible();

    // Back to Segments: it tries again and fails again (500), still with the message.
    await openView(page, 'segments');
    await expect(error).toBeVisible();
    await page.getByTestId('view-retry').click();
    await expect(error).toBeVisible();
    expect(failures).toBeGreaterThanOrEqual(2);

    // The host is back: Retry opens the view, in place.
    await page.unroute(SEGMENTS);
    await page.getByTestId('view-retry').click();
    await expect(error).toHaveCount(0);
    await expect(page.locator('#view-panel .view-body > *').first()).toBeVisible();
    await expect(page.locator('[role=tab][data-view="segments"]')).toHaveAttribute('aria-selected', 'true');
    // The failed fetches are logged by the browser and the chunk loader; nothing else (no panic).
    expect(errors.filter((e) => !/Failed to load resource|Failed to fetch|HTTP status code is not ok|network error/i.test(e)))
      .toEqual([]);
  });
});

// ---- 6c. The import's code that does not arrive -----------------------------------------------

test.describe('6c. the import\'s chunk: on its way, and failing to load', () => {
  // Routes must see the page's requests (a service worker would answer them first).
  test.use({ serviceWorkers: 'block' });
  // Reading a given file and its preview are not in the first visit's module: their chunk
  // (lazy-split_import-<hash>.wasm) is fetched the first time a file is given.
  const IMPORT = /lazy-split_import-[0-9a-f]+\.wasm$/;
  const CSV = 'Year,Sales (USD m)\n2019,10\n2020,12\n2021,15\n';

  test('the Reading line while the chunk is on its way, then the preview; fetched once', async ({ page }) => {
    const errors = watchErrors(page);
    let release!: () => void;
    const held = new Promise<void>((ok) => { release = ok; });
    let fetched = 0;
    await page.route(IMPORT, async (r) => { fetched++; await held; await r.continue(); });
    await openApp(page);
    expect(fetched).toBe(0);
    await pick(page, 'widgets.json', EXAMPLE);
    const loading = page.locator('.import p.loading');
    await expect(loading).toHaveText('Reading widgets.json…');
    await expect(loading).toHaveAttribute('role', 'status');
    await chooseLanguage(page, 'zh-Hant');
    await expect(loading).toHaveText('正在讀取 widgets.json…');
    await chooseLanguage(page, 'en');
    release();
    await expect(loading).toHaveCount(0);
    await expect(page.getByTestId('import-preview')).toContainText('Preview: widgets.json');
    await expect(page.getByTestId('import-preview')).toContainText(TITLE);
    // A table next, from the chunk already here: at once, and no second fetch.
    await page.getByRole('button', { name: 'Cancel' }).click();
    await pick(page, 'sales.csv', CSV, 'text/csv');
    await expect(page.getByTestId('import-preview')).toContainText('Preview: sales.csv');
    await expect(page.locator('#csv-time')).toHaveValue('0');
    await page.getByTestId('confirm-import').click();
    await expect(page.getByTestId('imported').locator('.card')).toHaveCount(1);
    expect(fetched).toBe(1);
    expect(errors).toEqual([]);
  });

  test('a message in the reader\'s language and a retry that reads the same file; the rest keeps working', async ({ page }) => {
    const errors = watchErrors(page);
    let failures = 0;
    await page.route(IMPORT, (r) => (failures++ === 0 ? r.abort() : r.fulfill({ status: 500, body: 'oops' })));
    await openApp(page);
    await pick(page, 'sales.csv', CSV, 'text/csv');
    const error = page.getByTestId('import-unloaded');
    await expect(error).toContainText('The file could not be read');
    await expect(error).toHaveAttribute('role', 'alert');
    await expect(page.locator('.import p.loading')).toHaveCount(0);
    await expect(page.getByTestId('import-preview')).toHaveCount(0);
    expect(failures).toBe(1);
    await chooseLanguage(page, 'zh-Hans');
    await expect(error).toContainText('无法读取文件');
    await expect(page.getByTestId('import-retry')).toHaveText('重试');
    await chooseLanguage(page, 'en');

    // The library and the reports keep working.
    await openReport(page, 'smartphone-leasing');
    await page.getByRole('link', { name: /Back to library/ }).click();
    await expect(page.locator('.card')).toHaveCount(3);

    // Try again: fails again (500), still with the message.
    await expect(error).toBeVisible();
    await page.getByTestId('import-retry').click();
    await expect(error).toBeVisible();
    await expect.poll(() => failures).toBeGreaterThanOrEqual(2);

    // The host is back: Try again reads the same file, and the preview shows.
    await page.unroute(IMPORT);
    await page.getByTestId('import-retry').click();
    await expect(error).toHaveCount(0);
    await expect(page.getByTestId('import-preview')).toContainText('Preview: sales.csv');
    await page.getByTestId('confirm-import').click();
    await expect(page.getByTestId('import-status')).toContainText('Imported “sales”');
    await expect(page.getByTestId('imported').locator('.card')).toHaveCount(1);
    // The failed fetches are logged by the browser and the chunk loader; nothing else (no panic).
    expect(errors.filter((e) => !/Failed to load resource|Failed to fetch|HTTP status code is not ok|network error/i.test(e)))
      .toEqual([]);
  });
});

// ---- 6d. The exports' code that does not arrive ----------------------------------------------

test.describe('6d. the export\'s chunk: failing to load', () => {
  // Routes must see the page's requests (a service worker would answer them first).
  test.use({ serviceWorkers: 'block' });
  // Making and offering a file (data or chart) is not in the first visit's module: its chunk
  // (lazy-split_export-<hash>.wasm) is fetched the first time a reader exports.
  const EXPORT = /lazy-split_export-[0-9a-f]+\.wasm$/;

  test('a message in the reader\'s language and a retry that makes the same file; the rest keeps working', async ({ page }) => {
    const errors = watchErrors(page);
    let failures = 0;
    await page.route(EXPORT, (r) => (failures++ === 0 ? r.abort() : r.fulfill({ status: 500, body: 'oops' })));
    await openApp(page);
    await openReport(page, 'smartphone-leasing');
    expect(failures).toBe(0);
    const status = page.getByTestId('export-status');
    const retry = page.getByTestId('export-retry');
    await expect(retry).toHaveCount(0);
    await page.getByTestId('export-view-csv').click();
    await expect(status).toContainText('Could not export: the part of the app that makes files did not arrive');
    await expect(retry).toHaveText('Try again');
    expect(failures).toBe(1);
    await chooseLanguage(page, 'zh-Hans');
    await expect(status).toContainText('无法导出：应用中生成文件的部分没有下载成功');
    await expect(retry).toHaveText('重试');
    await chooseLanguage(page, 'en');

    // The other views and their sliders keep working; the overview keeps its status line.
    await openView(page, 'scenarios');
    await moveHeadlineSlider(page);
    await openView(page, 'overview');
    await expect(status).toContainText('did not arrive');

    // Try again: fails again (500), still with the message.
    await retry.click();
    await expect.poll(() => failures).toBeGreaterThanOrEqual(2);
    await expect(status).toContainText('did not arrive');
    await expect(retry).toBeVisible();

    // The host is back: Try again makes the same file (this view as CSV), and the message goes.
    await page.unroute(EXPORT);
    const [file] = await Promise.all([page.waitForEvent('download'), retry.click()]);
    expect(file.suggestedFilename()).toMatch(/^smartphone-leasing.*\.csv$/);
    await expect(status).toContainText(`Downloaded ${file.suggestedFilename()}`);
    await expect(retry).toHaveCount(0);
    // A chart export now runs from the chunk already here.
    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('figure.chart').first().getByTestId('chart-svg').click(),
    ]);
    expect(svg.suggestedFilename()).toMatch(/\.svg$/);
    await expect(status).toContainText(`Downloaded ${svg.suggestedFilename()}`);
    // The failed fetches are logged by the browser and the chunk loader; nothing else (no panic).
    expect(errors.filter((e) => !/Failed to load resource|Failed to fetch|HTTP status code is not ok|network error/i.test(e)))
      .toEqual([]);
  });
});

// ---- 6e. The presentation bar's code that does not arrive ------------------------------------

test.describe('6e. the presentation bar\'s chunk: failing to load', () => {
  // Routes must see the page's requests (a service worker would answer them first).
  test.use({ serviceWorkers: 'block' });
  // The bar over a presented view is not in the first visit's module: its chunk
  // (lazy-split_present-<hash>.wasm) is fetched the first time a reader presents.
  const PRESENT = /lazy-split_present-[0-9a-f]+\.wasm$/;

  test('a message in the reader\'s language and a retry; the keys still step and leave', async ({ page }) => {
    const errors = watchErrors(page);
    let failures = 0;
    await page.route(PRESENT, (r) => (failures++ === 0 ? r.abort() : r.fulfill({ status: 500, body: 'oops' })));
    await openApp(page);
    await openReport(page, 'smartphone-leasing');
    expect(failures).toBe(0);
    await page.getByTestId('present').click();
    await expect(page.locator('html')).toHaveAttribute('data-present', '');
    const error = page.getByTestId('present-error');
    await expect(error).toContainText('The presentation bar could not be loaded');
    await expect(error).toHaveAttribute('role', 'alert');
    await expect(page.getByTestId('present-bar')).toHaveCount(0);
    expect(failures).toBe(1);
    await page.locator('#language').evaluate((el: HTMLSelectElement) => {
      el.value = 'zh-Hans';
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await expect(error).toContainText('无法加载演示栏');
    await expect(page.getByTestId('present-retry')).toHaveText('重试');
    await page.locator('#language').evaluate((el: HTMLSelectElement) => {
      el.value = 'en';
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });

    // The keys are in the first visit: they still step through the views.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('[role=tab][data-view="segments"]')).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('#view-panel .view-body > *').first()).toBeVisible();

    // Try again: fails again (500), still with the message.
    await page.getByTestId('present-retry').click();
    await expect.poll(() => failures).toBeGreaterThanOrEqual(2);
    await expect(error).toBeVisible();

    // The host is back: Try again shows the bar, in place, at the view the keys reached.
    await page.unroute(PRESENT);
    await page.getByTestId('present-retry').click();
    await expect(error).toHaveCount(0);
    await expect(page.getByTestId('present-bar')).toBeVisible();
    await expect(page.getByTestId('present-step')).toHaveText('2 of 5');
    await page.getByTestId('present-leave').click();
    await expect(page.locator('html')).not.toHaveAttribute('data-present', '');
    await expect(page.getByTestId('present-bar')).toHaveCount(0);
    // Presenting again: the bar comes from the chunk already here.
    await page.getByTestId('present').click();
    await expect(page.getByTestId('present-bar')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.locator('html')).not.toHaveAttribute('data-present', '');
    // The failed fetches are logged by the browser and the chunk loader; nothing else (no panic).
    expect(errors.filter((e) => !/Failed to load resource|Failed to fetch|HTTP status code is not ok|network error/i.test(e)))
      .toEqual([]);
  });
});

// ---- 6f. A chart table's code that does not arrive --------------------------------------------

test.describe('6f. the chart table\'s chunk: failing to load', () => {
  // Routes must see the page's requests (a service worker would answer them first).
  test.use({ serviceWorkers: 'block' });
  // A chart's table view is drawn only when the reader asks for it: its chunk
  // (lazy-split_table-<hash>.wasm) is fetched the first time a table is shown.
  const TABLE = /lazy-split_table-[0-9a-f]+\.wasm$/;

  test('a message in the reader\'s language and a retry; the chart keeps working', async ({ page }) => {
    const errors = watchErrors(page);
    let failures = 0;
    await page.route(TABLE, (r) => (failures++ === 0 ? r.abort() : r.fulfill({ status: 500, body: 'oops' })));
    await openApp(page);
    await openReport(page, 'smartphone-leasing');
    expect(failures).toBe(0);
    const chart = page.locator('figure[data-chart="headline"]');
    await chart.getByRole('button', { name: 'Show table' }).click();
    const error = chart.getByTestId('table-error');
    await expect(error).toContainText('The table could not be loaded');
    await expect(error).toHaveAttribute('role', 'alert');
    await expect(chart.getByTestId('chart-table')).toHaveCount(0);
    expect(failures).toBe(1);
    // The chart itself, and its exports, keep working.
    await expect(chart.locator('svg').first()).toBeVisible();
    const [svg] = await Promise.all([page.waitForEvent('download'), chart.getByTestId('chart-svg').click()]);
    expect(svg.suggestedFilename()).toMatch(/\.svg$/);

    // Try again: fails again (500), still with the message.
    await chart.getByTestId('table-retry').click();
    await expect.poll(() => failures).toBeGreaterThanOrEqual(2);
    await expect(error).toBeVisible();

    // In another language (the overview is drawn again, its table closed): the same message.
    await chooseLanguage(page, 'zh-Hant');
    await chart.locator('.table-toggle').click();
    await expect(error).toContainText('無法載入表格');
    await expect(chart.getByTestId('table-retry')).toHaveText('重試');
    await chooseLanguage(page, 'en');
    await chart.getByRole('button', { name: 'Show table' }).click();
    await expect(error).toBeVisible();

    // The host is back: Try again draws the table, in place.
    await page.unroute(TABLE);
    await chart.getByTestId('table-retry').click();
    await expect(error).toHaveCount(0);
    await expect(chart.getByTestId('chart-table').locator('tbody tr').first()).toBeVisible();
    // Hidden and shown again: from the chunk already here.
    await chart.getByRole('button', { name: 'Hide table' }).click();
    await expect(chart.getByTestId('chart-table')).toHaveCount(0);
    await chart.getByRole('button', { name: 'Show table' }).click();
    await expect(chart.getByTestId('chart-table').locator('tbody tr').first()).toBeVisible();
    // The failed fetches are logged by the browser and the chunk loader; nothing else (no panic).
    expect(errors.filter((e) => !/Failed to load resource|Failed to fetch|HTTP status code is not ok|network error/i.test(e)))
      .toEqual([]);
  });
});

// ---- 6g. The texts of a language that do not arrive -------------------------------------------

test.describe('6g. a language\'s texts: only the reader\'s language is fetched, and failing to load', () => {
  // Routes must see the page's requests (a service worker would answer them first).
  test.use({ serviceWorkers: 'block' });
  // English is in the main module; each Chinese language's texts are a chunk of their own
  // (lazy-split_texts_hans-<hash>.wasm, lazy-split_texts_hant-<hash>.wasm).
  const HANS = /lazy-split_texts_hans-[0-9a-f]+\.wasm$/;
  const HANT = /lazy-split_texts_hant-[0-9a-f]+\.wasm$/;

  test('an English first visit fetches no Chinese texts; choosing a language fetches only its own, once', async ({ page }) => {
    const errors = watchErrors(page);
    const fetched: string[] = [];
    page.on('request', (r) => {
      if (HANS.test(r.url())) fetched.push('hans');
      if (HANT.test(r.url())) fetched.push('hant');
    });
    await page.addInitScript(() => localStorage.setItem('report-explorer.lang', 'en'));
    await openApp(page);
    await openReport(page, 'smartphone-leasing');
    expect(fetched).toEqual([]);
    await page.locator('#language').selectOption('zh-Hans');
    await expect(page.locator('[role=tab][data-view="overview"]')).toHaveText('概览');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
    expect(fetched).toEqual(['hans']);
    await page.locator('#language').selectOption('en');
    await page.locator('#language').selectOption('zh-Hans');
    await page.locator('#language').selectOption('zh-Hant');
    await expect(page.locator('[role=tab][data-view="overview"]')).toHaveText('概覽');
    expect(fetched).toEqual(['hans', 'hant']);
    expect(errors).toEqual([]);
  });

  test('a Chinese first visit fetches its texts beside the program, each file once; an English one none', async ({ browser }) => {
    for (const [locale, lang] of [['zh-CN', 'zh-Hans'], ['zh-TW', 'zh-Hant'], ['en-GB', 'en']]) {
      const context = await browser.newContext({ locale, serviceWorkers: 'block' });
      const page = await context.newPage();
      const errors = watchErrors(page);
      await openApp(page);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      const named = async (l: string) =>
        ((await page.locator(`meta[name="report-explorer:texts-${l}"]`).getAttribute('content')) ?? '')
          .split(' ').filter(Boolean).map((f) => f.replace(/^\.\//, ''));
      const hans = await named('zh-Hans');
      const hant = await named('zh-Hant');
      expect(hans.filter((f) => HANS.test(f))).toHaveLength(1);
      expect(hant.filter((f) => HANT.test(f))).toHaveLength(1);
      // Who asked for each file: the preload (`link`), then the app's fetch took its answer, so
      // one entry per file; a second (`fetch`) would mean it was downloaded twice.
      const loaded = await page.evaluate(() => (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .map((e) => ({ file: e.name.split('/').pop() ?? '', by: e.initiatorType })));
      const own = lang === 'zh-Hans' ? hans : lang === 'zh-Hant' ? hant : [];
      for (const file of own) expect(loaded.filter((e) => e.file === file), file).toEqual([{ file, by: 'link' }]);
      const others = [...hans, ...hant].filter((f) => !own.includes(f));
      expect(loaded.filter((e) => others.includes(e.file))).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  test('a language whose texts fail: the app stays in its language and says so; choosing it again retries', async ({ page }) => {
    const errors = watchErrors(page);
    let failures = 0;
    await page.route(HANS, (r) => { failures++; return r.abort(); });
    await page.addInitScript(() => localStorage.setItem('report-explorer.lang', 'en'));
    await openApp(page);
    await openReport(page, 'smartphone-leasing');
    await page.locator('#language').selectOption('zh-Hans');
    const notices = page.getByTestId('notices');
    await expect(notices).toContainText('The texts for 简体中文 did not arrive');
    expect(failures).toBe(1);
    // Nothing is half translated: the interface, its language menu and <html lang> stay English.
    await expect(page.locator('[role=tab][data-view="overview"]')).toHaveText('Overview');
    await expect(page.locator('#language')).toHaveValue('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    // The rest works: another view and its slider.
    await openView(page, 'scenarios');
    await moveHeadlineSlider(page);
    // The host is back: choosing the language again fetches its texts.
    await page.unroute(HANS);
    await page.locator('#language').selectOption('zh-Hans');
    await expect(page.locator('[role=tab][data-view="overview"]')).toHaveText('概览');
    await expect(page.locator('#language')).toHaveValue('zh-Hans');
    // The notice that they did not arrive no longer holds.
    await expect(notices).toHaveCount(0);
    expect(errors.filter((e) => !/Failed to load resource|Failed to fetch|HTTP status code is not ok|network error/i.test(e)))
      .toEqual([]);
  });

  test('a kept language whose texts fail at start: the app starts in English and says so', async ({ page }) => {
    const errors = watchErrors(page);
    await page.route(HANT, (r) => r.fulfill({ status: 500, body: 'oops' }));
    await page.addInitScript(() => localStorage.setItem('report-explorer.lang', 'zh-Hant'));
    await openApp(page);
    await expect(page.getByTestId('notices')).toContainText('The texts for 繁體中文 did not arrive');
    await expect(page.locator('#language')).toHaveValue('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await openReport(page, 'smartphone-leasing');
    await expect(page.locator('[role=tab][data-view="overview"]')).toHaveText('Overview');
    expect(errors.filter((e) => !/Failed to load resource|Failed to fetch|HTTP status code is not ok|network error/i.test(e)))
      .toEqual([]);
  });

  test('a kept Chinese whose texts fail at start stays the reader\'s: English is not kept over it, and the next visit is in Chinese',
    async ({ page }) => {
      const errors = watchErrors(page);
      let asked = 0;
      page.on('request', (r) => { if (HANS.test(r.url())) asked++; });
      await page.route(HANS, (r) => r.fulfill({ status: 500, body: 'oops' }));
      // The reader chose 简体中文 on an earlier visit (seeded once: a reload keeps what the app wrote).
      await seed(page, { 'report-explorer.lang': 'zh-Hans' });
      await openApp(page);
      await expect(page.getByTestId('notices')).toContainText('The texts for 简体中文 did not arrive');
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      const kept = () => page.evaluate(() => localStorage.getItem('report-explorer.lang'));
      expect(await kept()).toBe('zh-Hans');
      // Another preference written (the theme) still leaves the language as the reader kept it.
      await page.getByTestId('theme-toggle').click();
      await expect(page.locator('html')).toHaveAttribute('data-theme', /dark|light/);
      expect(await kept()).toBe('zh-Hans');
      // The address carries the reader's language, not the fallback: a reload tries it again.
      await expect.poll(() => new URL(page.url()).searchParams.get('l')).toBe('zh-Hans');
      // A reload while they still fail says so again, having asked for them as often as the first
      // visit did (the address's language is not asked for a second time).
      const first = asked;
      await page.reload();
      await expect(page.getByTestId('notices')).toContainText('The texts for 简体中文 did not arrive');
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      expect(asked - first).toBe(first);
      // The next visit, with the texts there, starts in Chinese.
      await page.unroute(HANS);
      await page.reload();
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
      await expect(page.locator('#language')).toHaveValue('zh-Hans');
      await expect(page.locator('.card')).toHaveCount(3);
      await expect(page.getByTestId('notices')).toHaveCount(0);
      // Choosing English is a choice: it is kept.
      await chooseLanguage(page, 'en');
      expect(await kept()).toBe('en');
      expect(errors.filter((e) => !/Failed to load resource|Failed to fetch|HTTP status code is not ok|network error/i.test(e)))
        .toEqual([]);
    });

  test('a link in a language: its texts come before the first render, with no English first', async ({ page }) => {
    const errors = watchErrors(page);
    await page.addInitScript(() => {
      localStorage.setItem('report-explorer.lang', 'en');
      // Every text the Overview tab shows, frame by frame, from the first render on.
      const seen: string[] = [];
      (window as unknown as { __tabTexts: string[] }).__tabTexts = seen;
      const look = () => {
        const tab = document.querySelector('[role=tab][data-view="overview"]');
        if (tab && !seen.includes(tab.textContent ?? '')) seen.push(tab.textContent ?? '');
        requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    await page.goto('./?r=smartphone-leasing&l=zh-Hant');
    await expect(page.locator('[role=tab][data-view="overview"]')).toHaveText('概覽');
    await expect(page.locator('#language')).toHaveValue('zh-Hant');
    expect(await page.evaluate(() => (window as unknown as { __tabTexts: string[] }).__tabTexts)).toEqual(['概覽']);
    expect(errors).toEqual([]);
  });
});

// ---- 8. A message shown, then another language chosen ------------------------------------------

// A message is kept as what happened (a file, a status, a name) and worded where it shows, so
// a language chosen after the failure applies to it at once: no retry needed.
test.describe('8. a message already shown follows the language the reader then chooses', () => {
  // Routes must see the page's requests (a service worker would answer them first).
  test.use({ serviceWorkers: 'block' });

  test('the catalogue failing: the reason, in the library and on a report link, follows the language', async ({ page }) => {
    await page.route(/reports\/index\.json/, (r) => r.fulfill({ status: 500, body: 'oops' }));
    await page.goto('./');
    const error = page.getByTestId('catalogue-error');
    await expect(error).toContainText('The server answered 500 for reports/index.json.');
    await chooseLanguage(page, 'zh-Hans');
    await expect(error).toContainText('无法载入报告列表。');
    await expect(error).toContainText('服务器对 reports/index.json 的回应为 500。');
    await expect(error).not.toContainText('The server answered');
    await chooseLanguage(page, 'en');
    await expect(error).toContainText('The server answered 500 for reports/index.json.');
    // A link to a report while the catalogue fails: the same reason, in the language of the moment.
    await page.goto('./?r=smartphone-leasing&l=en');
    const reportError = page.getByTestId('report-error');
    await expect(reportError).toContainText('The server answered 500 for reports/index.json.');
    await chooseLanguage(page, 'zh-Hant');
    await expect(reportError).toContainText('伺服器對 reports/index.json 的回應為 500。');
  });

  test('a scenario not saved because storage is full: the message follows the language', async ({ page }) => {
    const errors = watchErrors(page);
    await quotaTrap(page);
    await openApp(page);
    await openScenarios(page);
    await fillStorageFor(page, `^${SCENARIOS.replace('.', '\\.')}$`);
    await saveScenario(page, 'Too much');
    const status = page.getByTestId('saved-status');
    await expect(status).toHaveText('Browser storage is full: “Too much” is kept in this page only. Delete old scenarios or export them.');
    await chooseLanguage(page, 'zh-Hans');
    await expect(status).toHaveText('浏览器存储已满：“Too much”仅保留在此页面中。请删除旧情景或将其导出。');
    await page.locator('.saved').screenshot({ path: 'test-results/saved-full-zh-Hans.png' });
    await chooseLanguage(page, 'zh-Hant');
    await expect(status).toHaveText('瀏覽器儲存空間已滿：「Too much」僅保留在此頁面中。請刪除舊情境或將其匯出。');
    await chooseLanguage(page, 'en');
    await expect(status).toContainText('Browser storage is full: “Too much”');
    expect(errors).toEqual([]);
  });

  test('an import error: the message and its reason follow the language', async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page);
    await pick(page, 'header_only.csv', 'Year,Revenue\n', 'text/csv');
    const status = page.getByTestId('import-status');
    await expect(status).toContainText('header_only.csv could not be imported: Nothing you had imported before was changed.');
    await expect(status).toContainText('header_only.csv: the file has a header row but no data rows');
    await chooseLanguage(page, 'zh-Hans');
    await expect(status).toContainText('无法导入 header_only.csv：');
    await expect(status).toContainText('header_only.csv：文件只有标题行，没有数据行');
    await expect(status).not.toContainText('could not be imported');
    await page.getByTestId('import-status').screenshot({ path: 'test-results/import-error-zh-Hans.png' });
    await chooseLanguage(page, 'en');
    await expect(status).toContainText('the file has a header row but no data rows');
    // A kept import's message too: its title in the language of the moment.
    await pick(page, 'widgets.json', EXAMPLE);
    await page.getByTestId('confirm-import').click();
    await expect(status).toContainText(`Imported “${TITLE}”. It is kept on this device only.`);
    await chooseLanguage(page, 'zh-Hant');
    await expect(status).toContainText('已匯入「全球小部件市場（至2030年）」。它只保存在此裝置上。');
    expect(errors).toEqual([]);
  });
});

// ---- 7. Hostile input -------------------------------------------------------------------------

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=2</script>';
const JS_URL = 'javascript:window.__pwned=3';
const BOLD = '<b class="evil">bold</b><marquee>x</marquee>';
const LONG = 'W'.repeat(500);

function hostileReport() {
  const r = JSON.parse(EXAMPLE);
  r.id = 'hostile';
  r.meta.title.en = `${IMG}${SCRIPT}${LONG}`;
  r.meta.publisher.en = `${BOLD} ${JS_URL}`;
  r.meta.region.en = SCRIPT;
  r.meta.summary.en = `${IMG} ${JS_URL}`;
  r.meta.headline.en = BOLD;
  r.meta.source_file = JS_URL;
  r.series[0].name.en = `${IMG}${LONG}`;
  r.series[0].points[1].note.en = `${SCRIPT}${LONG}`;
  r.dimensions[0].name.en = IMG;
  r.dimensions[0].members[0].name.en = `${SCRIPT}${LONG}`;
  r.dimensions[0].members[1].name.en = JS_URL;
  r.contents.chapters[0].title.en = `${BOLD}${LONG}`;
  return r;
}

for (const size of [{ width: 390, height: 844 }, { width: 1440, height: 900 }]) {
  test(`7a. hostile texts in an imported report and a saved scenario, at ${size.width} px: text only, nothing runs, no overflow`,
    async ({ page }) => {
      const errors = watchErrors(page);
      await page.setViewportSize(size);
      await seed(page, {
        [SCENARIOS]: scenariosText([scenarioEntry(`${IMG}${LONG}`, 0.16, 'imported-hostile'), scenarioEntry(SCRIPT, 0.17, 'imported-hostile')]),
      });
      await openApp(page);
      const report = hostileReport();
      await pick(page, `${IMG}.json`, JSON.stringify(report));
      await expect(page.getByTestId('import-preview')).toContainText(`Preview: ${IMG}.json`);
      await expectNoHorizontalOverflow(page, 'preview');
      await page.getByTestId('confirm-import').click();
      const card = page.locator('.card[data-report="imported-hostile"]');
      await expect(card.locator('h2')).toHaveText(report.meta.title.en);
      await expectNoPayloadElements(page);
      await expectNoHorizontalOverflow(page, 'library');

      await card.getByRole('link', { name: 'Open report' }).click();
      await expect(page.locator('article.report h1')).toHaveText(report.meta.title.en);
      for (const view of ['overview', 'segments', 'scenarios', 'contents']) {
        await openView(page, view);
        await expect(page.locator('#view-panel .view-body > *').first()).toBeVisible();
        await expectNoPayloadElements(page);
        await expectNoHorizontalOverflow(page, view);
      }
      // The long saved name is shown in full (wrapped), the markup one as text.
      await openView(page, 'scenarios');
      await expect(page.locator('[data-saved] .saved-name').filter({ hasText: LONG })).toHaveText(`${IMG}${LONG}`);
      await expect(page.locator('[data-saved] .saved-name').filter({ hasText: '__pwned=2' })).toHaveText(SCRIPT);
      await page.locator('.saved-item').first().locator('[data-action="compare"]').click();
      await expect(page.getByTestId('compare-summary')).toBeVisible();
      await expectNoPayloadElements(page);
      await expectNoHorizontalOverflow(page, 'compare');
      expect(errors).toEqual([]);
    });
}

test('7b. hostile CSV: file name and headers shown as text, nothing runs, no overflow', async ({ page }) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page);
  const csv = `Year,"${IMG.replace(/"/g, '""')}${LONG}",${SCRIPT},${JS_URL}\n2019,1,2,3\n2020,2,3,4\n2021,3,4,5\n`;
  const name = `${IMG}${SCRIPT}.csv`;
  await pick(page, name, csv, 'text/csv');
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText(`Preview: ${name}`);
  await expect(preview.locator('.preview-table thead th')).toHaveText(['Year', `${IMG}${LONG}`, SCRIPT, JS_URL]);
  await expectNoPayloadElements(page);
  await expectNoHorizontalOverflow(page, 'CSV preview');
  await page.getByTestId('confirm-import').click();
  await expect(page.getByTestId('imported').locator('.card')).toHaveCount(1);
  await page.getByTestId('imported').locator('.card').getByRole('link', { name: 'Open report' }).click();
  await expect(page.locator('article.report')).toBeVisible();
  await expectNoPayloadElements(page);
  await expectNoHorizontalOverflow(page, 'CSV report');
  expect(errors).toEqual([]);
});

test('7c. hostile share links: report, view, dimension and member names shown as text, nothing runs', async ({ page }) => {
  const errors = watchErrors(page);
  const q = (s: string) => encodeURIComponent(s);
  await page.goto(`./?r=${q(`${SCRIPT}${IMG}`)}&v=${q(IMG)}`);
  const error = page.getByTestId('report-error');
  await expect(error).toContainText(`There is no report “${SCRIPT}${IMG}” in this library.`);
  await expectNoPayloadElements(page);
  await page.goto(`./?r=smartphone-leasing&v=segments&d=${q(IMG)}&a.${q(SCRIPT)}=${q(`${IMG}:g0.1`)}`
    + `&a.geography=${q(`${BOLD}:g0.2`)}&p=${q(JS_URL)}&l=${q(SCRIPT)}`);
  await expect(page.locator('article.report[data-report="smartphone-leasing"]')).toBeVisible();
  await expect(page.getByTestId('notices')).toContainText('__pwned');
  await expectNoPayloadElements(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`./?r=${q(LONG)}`);
  await expect(error).toContainText(LONG);
  await expectNoHorizontalOverflow(page, 'long report id');
  expect(errors).toEqual([]);
});
