// Reports as files: the library reads dist/reports/index.json, a report's file is fetched when
// it is opened, and a bad or missing file costs the reader that report only, with a message
// and a retry. A publisher's catalogue of 1,000 reports stays light on the first visit and
// searchable. Each test works on its own copy of dist/.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { test, expect, serveDist, watchErrors, ROOT, chooseLanguage, fullShot } from './helpers';

function copyOfDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'report-explorer-cat-'));
  cpSync(join(ROOT, 'dist'), dir, { recursive: true });
  return dir;
}

test('the wasm carries no report data; the build lists every report in the catalogue', () => {
  const dist = join(ROOT, 'dist');
  const wasm = readdirSync(dist).find((f) => f.endsWith('.wasm'))!;
  const bytes = readFileSync(join(dist, wasm)).toString('latin1');
  for (const text of ['Modular Smartphone Leasing', 'SMRC30744', 'Zhiyan Data', 'camera-modules']) {
    expect(bytes.includes(text), `${text} in ${wasm}`).toBe(false);
  }
  const index = JSON.parse(readFileSync(join(dist, 'reports', 'index.json'), 'utf8'));
  expect(index.total).toBe(3);
  expect(index.entries.map((e: { file: string }) => e.file).sort()).toEqual(
    ['china-call-center.json', 'parent-child-community.json', 'smartphone-leasing.json']);
  // The schema of the format is published beside the reports.
  const schema = JSON.parse(readFileSync(join(dist, 'reports', 'report.schema.json'), 'utf8'));
  expect(schema.title).toBe('Report');
});

test('a missing and a corrupt report file: a clear message and a retry, the rest keeps working', async ({ page }) => {
  const dir = copyOfDist();
  const smartphone = join(dir, 'reports', 'smartphone-leasing.json');
  const callCenter = join(dir, 'reports', 'china-call-center.json');
  const good = readFileSync(smartphone, 'utf8');
  unlinkSync(smartphone); // listed in the catalogue, gone from the host
  const cc = readFileSync(callCenter, 'utf8');
  writeFileSync(callCenter, cc.slice(0, cc.length / 2)); // truncated upload
  const served = await serveDist('/cat/missing/', dir);
  try {
    await page.goto(served.url);
    await expect(page.locator('.card')).toHaveCount(3);

    await page.locator('.card[data-report="smartphone-leasing"] a.open-report').click();
    const error = page.getByTestId('report-error');
    await expect(error).toContainText('This report could not be opened.');
    await expect(error).toContainText('The file smartphone-leasing.json is not on the server (404).');
    await expect(error).toContainText('The other reports are not affected.');

    // The file comes back (the upload finished): Try again opens the report.
    writeFileSync(smartphone, good);
    await page.getByTestId('retry').click();
    await expect(page.locator('article.report[data-report="smartphone-leasing"]')).toBeVisible();
    await expect(page.getByTestId('headline')).toHaveText('US$2.5 bn (2025) → US$6.1 bn (2032)');

    await page.getByRole('link', { name: /Back to library/ }).click();
    await page.locator('.card[data-report="china-call-center"] a.open-report').click();
    await expect(error).toContainText('The file is damaged or not in the report format:');
    await expect(error).toContainText(/china-call-center\.json: the file ends too early/);
    await expect(error).toContainText(/\(line \d+, column \d+\)/);
    await fullShot(page, 'tests/e2e/screenshots/report-file-error.png');

    // In Chinese too.
    await chooseLanguage(page, 'zh-Hans');
    await page.locator('.report-error a.link').click();
    await page.locator('.card[data-report="china-call-center"] a.open-report').click();
    await expect(error).toContainText('无法打开此报告。');
    // All of it in Chinese but the file's name: serde_json's own description too.
    await expect(error).toContainText(
      /文件已损坏或不符合报告格式：china-call-center\.json：文件在中途结束（文件可能不完整）：[^A-Za-z]+（第 \d+ 行，第 \d+ 列）/);
    await fullShot(page, 'tests/e2e/screenshots/report-file-error-zh-Hans.png');

    // The third report is untouched.
    await chooseLanguage(page, 'en');
    await page.getByRole('link', { name: /Back to library/ }).click();
    await page.locator('.card[data-report="parent-child-community"] a.open-report').click();
    await expect(page.locator('article.report[data-report="parent-child-community"]')).toBeVisible();
  } finally {
    await served.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a missing catalogue says so and offers a retry', async ({ page }) => {
  const dir = copyOfDist();
  const index = join(dir, 'reports', 'index.json');
  const text = readFileSync(index, 'utf8');
  unlinkSync(index);
  const served = await serveDist('/cat/none/', dir);
  try {
    await page.goto(served.url);
    const error = page.getByTestId('catalogue-error');
    await expect(error).toContainText('The list of reports could not be loaded.');
    await expect(error).toContainText('reports/index.json is not on the server (404)');
    writeFileSync(index, text);
    await error.getByRole('button', { name: 'Try again' }).click();
    await expect(page.locator('.card')).toHaveCount(3);
  } finally {
    await served.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a link to a report that is not in the catalogue says so; the library still works', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?r=no-such-report&v=segments');
  await expect(page.getByTestId('report-error')).toContainText('There is no report “no-such-report” in this library.');
  await page.getByRole('link', { name: /Back to library/ }).click();
  await expect(page.locator('.card')).toHaveCount(3);
  expect(errors).toEqual([]);
});

test('a report link asks for each file once: the catalogue preloaded by the page, the report as the app starts', async ({ page }) => {
  const errors = watchErrors(page);
  // The page's own requests (the service worker's precaching asks for every file again).
  const asked: string[] = [];
  page.on('request', (r) => asked.push(r.url()));
  await page.goto('./?r=smartphone-leasing');
  await expect(page.locator('article.report[data-report="smartphone-leasing"] [data-chart] svg').first()).toBeVisible();
  const catalogue = /\/reports\/index\.json$/;
  const report = /\/reports\/smartphone-leasing\.json\?v=[0-9a-f]{16}/;
  // The app's own fetches took the early answers instead of asking the host again.
  expect(asked.filter((u) => catalogue.test(u))).toHaveLength(1);
  expect(asked.filter((u) => report.test(u))).toHaveLength(1);
  // The catalogue is on its way before the program is.
  expect(asked.findIndex((u) => catalogue.test(u))).toBeLessThan(asked.findIndex((u) => /\.wasm$/.test(u)));
  expect(errors).toEqual([]);
});

test.describe('without the service worker (each load asks the host)', () => {
  test.use({ serviceWorkers: 'block' });

  test('the program downloads beside a report link\'s first files, and once a first screen in the page has painted', async ({ page }) => {
    const errors = watchErrors(page);
    const program = () => page.evaluate(() => ({
      asked: (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((e) => /_bg\.wasm$/.test(e.name))
        .map((e) => ({ by: e.initiatorType, at: e.startTime })),
      painted: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      catalogue: (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .find((e) => /\/reports\/index\.json$/.test(e.name))?.startTime ?? null,
    }));
    // A report's first screen is the program's when the build drew none for the link (here:
    // another view): boot.js preloads it, and the program's own fetch takes that answer (one
    // request, by the preload).
    await page.goto('./?r=smartphone-leasing&v=segments');
    await expect(page.locator('article.report[data-report="smartphone-leasing"] [data-chart] svg').first()).toBeVisible();
    const linked = await program();
    expect(linked.asked.map((a) => a.by)).toEqual(['link']);
    expect(linked.catalogue).not.toBeNull();
    expect(linked.catalogue!).toBeLessThanOrEqual(linked.asked[0].at);
    // One drawn at build time (first-screen.spec.ts) is in the page before the program: the
    // loader asks for the program once it has painted, so its download does not hold the
    // screen's small file back.
    await page.addInitScript(() => {
      new MutationObserver((_, o) => {
        if (document.querySelector('#boot article[data-first-report]')) {
          o.disconnect();
          (window as unknown as { firstIn: number }).firstIn = performance.now();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto('./?r=smartphone-leasing');
    await expect(page.locator('article.report[data-report="smartphone-leasing"] [data-chart] svg').first()).toBeVisible();
    const drawn = await program();
    const firstIn = await page.evaluate(() => (window as unknown as { firstIn?: number }).firstIn ?? null);
    expect(firstIn).not.toBeNull();
    expect(drawn.asked).toHaveLength(1);
    expect(drawn.asked[0].at).toBeGreaterThan(firstIn!);
    // The library's first screen is in the page: it paints before the program is asked for,
    // and the catalogue is asked for before both.
    await page.goto('./');
    await expect(page.locator('.card')).toHaveCount(3);
    const library = await program();
    expect(library.asked).toHaveLength(1);
    expect(library.painted).not.toBeNull();
    expect(library.asked[0].at).toBeGreaterThanOrEqual(library.painted!);
    expect(library.catalogue).not.toBeNull();
    expect(library.catalogue!).toBeLessThan(library.painted!);
    expect(errors).toEqual([]);
  });

  test('a library visit starts without paint timing, and when the paint is never reported', async ({ page }) => {
    const errors = watchErrors(page);
    // No PerformanceObserver at all: the loader asks for the program at once.
    await page.addInitScript(() => { delete (window as { PerformanceObserver?: unknown }).PerformanceObserver; });
    await page.goto('./');
    await expect(page.locator('.card')).toHaveCount(3);
    // An observer that never reports: the loader stops waiting after 3 s.
    const other = await page.context().newPage();
    const otherErrors = watchErrors(other);
    await other.addInitScript(() => { PerformanceObserver.prototype.observe = () => {}; });
    await other.goto('./');
    await expect(other.locator('.card')).toHaveCount(3, { timeout: 15_000 });
    expect(errors).toEqual([]);
    expect(otherErrors).toEqual([]);
  });

  test('the app mounts before the catalogue arrives: its own loading state, then the library or the report', async ({ page }) => {
    const errors = watchErrors(page);
    // Timers and frames stand still until resumed: the app must not wait on a timer to mount
    // (it used to wait up to 1 s for the catalogue).
    const now = Date.now();
    await page.clock.install({ time: now });
    await page.clock.pauseAt(now + 1000);
    let release = () => {};
    let held = Promise.resolve();
    await page.route('**/reports/index.json', async (route) => {
      await held;
      // The page may have moved on by then.
      await route.continue().catch(() => {});
    });
    // The app's own loading state: no first screen drawn at build time in front of it (that
    // one stays until the app has drawn the report: first-screen.spec.ts).
    await page.route('**/reports/first/**', (route) => route.fulfill({ status: 200, body: '' }));
    for (const [link, loading] of [['./', 'catalogue-loading'], ['./?r=smartphone-leasing', 'report-loading']]) {
      held = new Promise<void>((resolve) => { release = resolve; });
      await page.goto(link, { waitUntil: 'commit' });
      await expect(page.getByTestId(loading)).toBeVisible();
      await expect(page.locator('#boot')).toHaveCount(0);
      await expect(page.locator('.app-header .brand')).toHaveText('Report Explorer');
      release();
    }
    // The first screen draws without a timer or a frame; the rest of the overview follows the
    // paint.
    await expect(page.getByTestId('headline')).toBeVisible();
    await expect(page.locator('article.report[data-report="smartphone-leasing"] [data-chart] svg').first()).toBeVisible();
    await page.clock.resume();
    await expect(page.getByTestId('facts-table')).toBeVisible();
    await page.goto('./');
    await expect(page.locator('.card')).toHaveCount(3);
    expect(errors).toEqual([]);
  });
});

test('a catalogue of 1,000 reports: a light first visit, search across pages, any report opens', async ({ page }) => {
  test.setTimeout(180_000);
  const dir = copyOfDist();
  const before = gzipSync(readFileSync(join(dir, 'reports', 'index.json'))).length;
  // 997 more reports, made from the documented example, added the way a publisher would.
  const template = JSON.parse(readFileSync(join(ROOT, 'docs', 'example-report.json'), 'utf8'));
  for (let i = 0; i < 997; i++) {
    const n = String(i).padStart(4, '0');
    const r = structuredClone(template);
    r.id = `generated-${n}`;
    r.meta.title.en = `Generated market ${n}`;
    r.meta.publisher.en = i % 2 ? 'Odd Research' : 'Even Insights';
    writeFileSync(join(dir, 'reports', `generated-${n}.json`), JSON.stringify(r));
  }
  const run = spawnSync('scripts/catalogue.sh', [dir], { cwd: ROOT, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toContain('catalogue: 1000 report(s)');
  const after = gzipSync(readFileSync(join(dir, 'reports', 'index.json'))).length;
  expect(after - before, 'extra first-visit bytes (gzip)').toBeLessThanOrEqual(30 * 1024);

  const served = await serveDist('/cat/big/', dir);
  try {
    await page.goto(served.url);
    await expect(page.getByTestId('library-status')).toHaveText('Showing 24 of 1000 reports');
    await expect(page.locator('.card')).toHaveCount(24);
    await page.getByTestId('show-more').click();
    await expect(page.locator('.card')).toHaveCount(48);
    await page.getByTestId('show-more').click();
    await expect(page.locator('.card')).toHaveCount(72); // from the catalogue's second page

    // Search reaches every page of the catalogue.
    await page.locator('#library-search').fill('market 0777');
    await expect(page.getByTestId('library-status')).toHaveText('1 of 1000 reports match');
    await expect(page.locator('.card')).toHaveCount(1);
    await page.locator('#library-search').fill('odd research');
    await expect(page.getByTestId('library-status')).toHaveText('498 of 1000 reports match');
    await page.locator('#library-search').fill('zzz-nothing');
    await expect(page.locator('.no-match')).toContainText('No report matches.');
    await page.getByRole('button', { name: 'Clear search and filters' }).click();
    await expect(page.getByTestId('library-status')).toHaveText('Showing 24 of 1000 reports');

    // Filters narrow to the bundled reports in CNY (call centre and plan), then to the plan.
    await page.locator('#filter-currency').selectOption('CNY');
    await expect(page.getByTestId('library-status')).toHaveText('2 of 1000 reports match');
    expect(await page.locator('.card').evaluateAll((cs) => cs.map((c) => c.getAttribute('data-report'))))
      .toEqual(['china-call-center', 'parent-child-community']);
    await page.locator('#filter-kind').selectOption('plan');
    await expect(page.locator('.card')).toHaveCount(1);
    await expect(page.locator('.card[data-report="parent-child-community"]')).toBeVisible();
    await page.getByRole('button', { name: 'Clear search and filters' }).click();

    await page.locator('#library-search').fill('0777');
    await page.locator('.card[data-report="generated-0777"] a.open-report').click();
    await expect(page.locator('article.report[data-report="generated-0777"] h1')).toHaveText('Generated market 0777');
    await fullShot(page, 'tests/e2e/screenshots/catalogue-1000-open.png');

    // A link straight to a report on a late page of the catalogue.
    await page.goto(served.url + '?r=generated-0990');
    await expect(page.locator('article.report[data-report="generated-0990"] h1')).toHaveText('Generated market 0990');
  } finally {
    await served.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
