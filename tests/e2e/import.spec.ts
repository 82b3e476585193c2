// A reader imports their own report: picked, dropped or pasted; previewed; kept on this device
// across reloads; opened like a bundled one; exported as report JSON; removed. Bad files get a
// message naming the file and the reason, and nothing kept before is changed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, openApp, watchErrors, ROOT, type Page, chooseLanguage, fullShot } from './helpers';

const EXAMPLE = readFileSync(join(ROOT, 'docs', 'example-report.json'), 'utf8');
const TITLE = 'Global Widget Market to 2030';

async function pick(page: Page, name: string, text: string, mimeType = 'application/json') {
  await page.locator('#import-file').setInputFiles({ name, mimeType, buffer: Buffer.from(text) });
}

async function importExample(page: Page) {
  await pick(page, 'widgets.json', EXAMPLE);
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText('Preview: widgets.json');
  await expect(preview).toContainText(TITLE);
  await page.getByTestId('confirm-import').click();
  await expect(page.getByTestId('import-status')).toContainText(`Imported “${TITLE}”. It is kept on this device only.`);
}

const imported = (page: Page) => page.getByTestId('imported').locator('.card');

test('a report JSON picked, previewed, kept across a reload, opened, exported and removed', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  await importExample(page);
  await expect(imported(page)).toHaveCount(1);
  const card = imported(page).first();
  await expect(card).toHaveAttribute('data-report', 'imported-example-widgets');
  await expect(card).toContainText('Imported — on this device only');
  await fullShot(page, 'tests/e2e/screenshots/import-json-desktop.png');

  await page.reload();
  await expect(imported(page)).toHaveCount(1);
  await expect(page.locator('.card')).toHaveCount(4);

  // Explored like a bundled report, and a link to it works on this device.
  await card.getByRole('link', { name: 'Open report' }).click();
  await expect(page.locator('article.report[data-report="imported-example-widgets"] h1')).toHaveText(TITLE);
  await expect(page.getByTestId('headline')).toHaveText('US$1.2 bn (2024) → US$2.4 bn (2030)');
  await page.locator('[role=tab][data-view="scenarios"]').click();
  await expect(page.locator('#headline-cagr-slider')).toBeVisible();
  await expect(page).toHaveURL(/r=imported-example-widgets/);
  await page.getByRole('link', { name: /Back to library/ }).click();
  await expect(page).not.toHaveURL(/r=imported-example-widgets/);

  // Exported as a report file a publisher can add with scripts/catalogue.sh.
  const download = page.waitForEvent('download');
  await card.getByTestId('export-imported').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('imported-example-widgets.json');
  const exported = JSON.parse(readFileSync(await file.path(), 'utf8'));
  expect(exported.id).toBe('imported-example-widgets');
  expect(exported.meta.title.en).toBe(TITLE);
  expect(exported.series).toEqual(JSON.parse(EXAMPLE).series);

  await card.getByTestId('remove-imported').click();
  await expect(page.getByTestId('import-status')).toContainText(`Removed “${TITLE}” from this device.`);
  await expect(page.getByTestId('imported')).toHaveCount(0);
  await page.reload();
  await expect(page.locator('.card')).toHaveCount(3);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('report-explorer.imported.'))))
    .toEqual([]);
  expect(errors).toEqual([]);
});

test('dropped on the page and pasted: the same preview', async ({ page }) => {
  await openApp(page);
  // A drop anywhere on the page.
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    window.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, cancelable: true }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, cancelable: true }));
  }, EXAMPLE);
  await expect(page.getByTestId('import-preview')).toContainText('Preview: dropped.json');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('import-preview')).toHaveCount(0);

  await page.locator('.import-paste summary').click();
  await page.locator('#import-paste').fill(EXAMPLE);
  await page.getByTestId('read-pasted').click();
  await expect(page.getByTestId('import-preview')).toContainText('Preview: pasted text');
  await page.getByTestId('confirm-import').click();
  await expect(imported(page)).toHaveCount(1);
});

test('bad files get a clear message and change nothing already kept', async ({ page }) => {
  await openApp(page);
  await importExample(page);

  await pick(page, 'broken.json', EXAMPLE.slice(0, 300));
  const status = page.getByTestId('import-status');
  await expect(status).toContainText('broken.json could not be imported: Nothing you had imported before was changed.');
  await expect(status).toContainText(/broken\.json: .*\(line \d+, column \d+\)/);

  const bad = JSON.parse(EXAMPLE);
  bad.series[0].points[0].year = 20240;
  await pick(page, 'bad-year.json', JSON.stringify(bad));
  await expect(status).toContainText('bad-year.json: series[0].points[0].year: year 20240 out of range 1900–2100');
  // In Chinese the same refusal reads in Chinese (the file's names and path stay as they are).
  await chooseLanguage(page, 'zh-Hant');
  await expect(status).toContainText('bad-year.json：series[0].points[0].year：年份 20240 超出範圍 1900–2100');
  await pick(page, 'broken.json', EXAMPLE.slice(0, 300));
  await expect(status).toContainText(/broken\.json：檔案在中途結束（檔案可能不完整）：.*（第 \d+ 行，第 \d+ 欄）/);
  await pick(page, 'typo.json', JSON.stringify({ ...JSON.parse(EXAMPLE), titel: 'x' }));
  await expect(status).toContainText('typo.json：未知欄位「titel」（可能拼寫有誤），此處可用：「id」、「kind」');
  await fullShot(page, 'tests/e2e/screenshots/import-refused-zh-Hant.png');
  await chooseLanguage(page, 'en');

  // Markup in an imported text is shown as text, never run.
  const evil = JSON.parse(EXAMPLE);
  evil.id = 'evil';
  evil.meta.title.en = '<img src=x onerror="window.__pwned=1">Evil';
  await pick(page, 'evil.json', JSON.stringify(evil));
  await page.getByTestId('confirm-import').click();
  await expect(imported(page)).toHaveCount(2);
  await expect(page.locator('.card[data-report="imported-evil"] h2')).toHaveText('<img src=x onerror="window.__pwned=1">Evil');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  // Storage full in the middle of an import: a message, the earlier imports intact.
  await page.evaluate(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('full', 'QuotaExceededError');
    };
  });
  const third = JSON.parse(EXAMPLE);
  third.id = 'third';
  await pick(page, 'third.json', JSON.stringify(third));
  await page.getByTestId('confirm-import').click();
  await expect(status).toContainText('storage for the app is full');
  await page.reload();
  await expect(imported(page)).toHaveCount(2);
});

test('a kept report damaged or lost in storage is listed with the reason, in the reader\'s language, and can be removed', async ({ page }) => {
  await openApp(page);
  await importExample(page);
  const key = 'report-explorer.imported.imported-example-widgets';
  // Another program (or a half-written save) cut the stored text short.
  await page.evaluate((k) => localStorage.setItem(k, (localStorage.getItem(k) ?? '').slice(0, 200)), key);
  await page.reload();
  const card = page.locator('.card.unusable[data-report="imported-example-widgets"]');
  await expect(card).toContainText('This imported report can no longer be opened:');
  await expect(card.locator('.reason')).toContainText(/^widgets\.json: the file ends too early: .*\(line \d+(, column \d+)?\)$/);
  await chooseLanguage(page, 'zh-Hans');
  await expect(card).toContainText('此导入的报告已无法打开：');
  await expect(card.locator('.reason')).toContainText(/^widgets\.json：文件在中途结束（文件可能不完整）：.*（第 \d+ 行(，第 \d+ 列)?）$/);
  await fullShot(page, 'tests/e2e/screenshots/import-unusable-zh-Hans.png');
  // The bundled reports are untouched.
  await expect(page.locator('.card[data-report="smartphone-leasing"]')).toBeVisible();

  // Its text gone altogether: said so, nothing else listed as broken.
  await page.evaluate((k) => localStorage.removeItem(k), key);
  await page.reload();
  await expect(card.locator('.reason')).toHaveText('它的数据已不在此设备的存储中');
  await chooseLanguage(page, 'zh-Hant');
  await expect(card.locator('.reason')).toHaveText('它的資料已不在此裝置的儲存空間中');
  await chooseLanguage(page, 'en');
  await expect(card.locator('.reason')).toHaveText("its data is missing from this device's storage");
  await card.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByTestId('imported')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('imported')).toHaveCount(0);
});

test('a link to an imported report, opened on another device, says the report is not there', async ({ page, browser }) => {
  await openApp(page);
  await importExample(page);
  await imported(page).first().getByRole('link', { name: 'Open report' }).click();
  await expect(page.locator('article.report[data-report="imported-example-widgets"]')).toBeVisible();
  await expect(page).toHaveURL(/r=imported-example-widgets/);
  const link = page.url();
  const other = await browser.newContext();
  try {
    const elsewhere = await other.newPage();
    await elsewhere.goto(link);
    await expect(elsewhere.getByTestId('report-error')).toContainText(
      'This link is to a report that someone imported on their own device');
    await elsewhere.locator('.report-error a.link').click();
    await expect(elsewhere.locator('.card')).toHaveCount(3);
  } finally {
    await other.close();
  }
});

test('CSV exports of an imported report: formula-like names neutralised, optional BOM for Excel', async ({ page }) => {
  await openApp(page);
  const hostile = JSON.parse(EXAMPLE);
  hostile.id = 'hostile';
  hostile.series[0].name.en = '=HYPERLINK("http://x","click")';
  await pick(page, 'hostile.json', JSON.stringify(hostile));
  await page.getByTestId('confirm-import').click();
  await page.locator('.card[data-report="imported-hostile"]').getByRole('link', { name: 'Open report' }).click();
  const read = async () => {
    const download = page.waitForEvent('download');
    await page.getByTestId('export-report-csv').click();
    return readFileSync(await (await download).path(), 'utf8');
  };
  const plain = await read();
  expect(plain.startsWith('\uFEFF')).toBe(false);
  const row = plain.split('\r\n')[1];
  expect(row.startsWith(`"'=HYPERLINK(""http://x"",""click"")`)).toBe(true);
  expect(Number(row.split(',').at(-4))).toBeGreaterThan(0); // the value stays a number
  await page.locator('#export-bom').check();
  const withBom = await read();
  expect(withBom).toBe('\uFEFF' + plain);
});

// ---- CSV / TSV ------------------------------------------------------------------------------

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'import');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

async function pickFixture(page: Page, name: string) {
  await page.locator('#import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: fixture(name) });
}

test('a long CSV (Our World in Data style): guessed, previewed, imported, explored, kept', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  await pickFixture(page, 'owid_long.csv');
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText('Preview: owid_long.csv');
  await expect(preview).toContainText('Separator: comma');
  await expect(preview).toContainText('Layout: long: a column names the series');
  await expect(preview.locator('.preview-table thead th')).toHaveText(['Entity', 'Code', 'Year', 'Annual CO2 emissions (tonnes)']);
  await expect(page.locator('#csv-time')).toHaveValue('2');
  await fullShot(page, 'tests/e2e/screenshots/import-csv-preview-desktop.png');
  await page.locator('#csv-title').fill('CO2 emissions');
  await page.getByTestId('confirm-import').click();
  await expect(page.getByTestId('import-status')).toContainText('Imported “CO2 emissions”');
  const card = page.getByTestId('imported').locator('.card');
  await expect(card).toHaveCount(1);
  await card.getByRole('link', { name: 'Open report' }).click();
  await expect(page.locator('article.report h1')).toHaveText('CO2 emissions');
  await expect(page).toHaveURL(/r=imported-/);
  await page.reload();
  await expect(page.locator('article.report h1')).toHaveText('CO2 emissions');
  expect(errors).toEqual([]);
});

test('the preview corrects what was guessed: separator, decimal comma, scale', async ({ page }) => {
  await openApp(page);
  await pickFixture(page, 'semicolon_decimal_comma.csv');
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText('Separator: semicolon');
  await expect(page.locator('#csv-decimal-comma')).toBeChecked();
  // Read with commas the file has no time column: the preview says so and stays as it was.
  const header = preview.locator('.preview-table thead th');
  await page.locator('#csv-delimiter').selectOption('comma');
  await expect(page.getByTestId('import-status')).toContainText('semicolon_decimal_comma.csv could not be imported');
  await expect(header).toHaveText(['Jahr', 'Umsatz (Mio. EUR)', 'Kosten (Mio. EUR)']);
  await page.locator('#csv-delimiter').selectOption('semicolon');
  await page.locator('#csv-scale').selectOption({ label: 'millions' });
  await page.getByTestId('confirm-import').click();
  await expect(page.getByTestId('imported').locator('.card')).toHaveCount(1);
  await page.getByTestId('imported').locator('.card').getByRole('link', { name: 'Open report' }).click();
  // 1.234,5 million euros in 2019, read with the decimal comma.
  await expect(page.getByTestId('headline')).toContainText('€1.23 bn (2019)');
});

test('encodings Excel writes: GB18030 and UTF-16 are read, Chinese headers included', async ({ page }) => {
  await openApp(page);
  await pickFixture(page, 'gb18030.csv');
  await expect(page.getByTestId('import-preview')).toContainText('Encoding: gb18030');
  await expect(page.getByTestId('import-preview').locator('tbody tr').first()).toContainText('华东');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await pickFixture(page, 'utf16le.txt');
  await expect(page.getByTestId('import-preview')).toContainText('Encoding: utf-16le');
  await expect(page.getByTestId('import-preview').locator('tbody tr')).toHaveCount(3);
});

test('bad tables: each message names the file, the row and column and the reason, in the reader\'s language', async ({ page }) => {
  await openApp(page);
  const status = page.getByTestId('import-status');
  await pickFixture(page, 'empty.csv');
  await expect(status).toContainText('empty.csv: the file is empty');
  await pickFixture(page, 'header_only.csv');
  await expect(status).toContainText('header_only.csv: the file has a header row but no data rows');
  await pickFixture(page, 'non_numeric.csv');
  await page.getByTestId('confirm-import').click();
  await expect(status).toContainText('non_numeric.csv, row 3, column 2: "abc" is not a number');
  await pickFixture(page, 'duplicate_years.csv');
  await page.getByTestId('confirm-import').click();
  await expect(status).toContainText('a second value for');
  await chooseLanguage(page, 'zh-Hans');
  await pickFixture(page, 'non_numeric.csv');
  await page.getByTestId('confirm-import').click();
  await expect(status).toContainText('non_numeric.csv，第 3 行第 2 列：“abc”不是数字');
  await expect(page.getByTestId('imported')).toHaveCount(0);
});

test('a 100,000-row CSV imports in steps with a progress bar, and can be cancelled', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  // 250 regions × 400 months (1990-01 … 2023-04) = 100,000 rows.
  const rows = ['Entity,Month,Value'];
  for (let r = 0; r < 250; r++) {
    for (let m = 0; m < 400; m++) {
      const month = `${1990 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
      rows.push(`Region ${r},${month},${((r + m) % 97) + 1}`);
    }
  }
  const big = Buffer.from(rows.join('\n'));
  await page.locator('#import-file').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: big });
  await expect(page.getByTestId('import-preview')).toContainText('100000 data rows');
  // Cancel the first run mid-way: nothing is kept.
  await page.getByTestId('confirm-import').click();
  await expect(page.locator('.import-progress progress')).toBeVisible();
  await page.getByTestId('cancel-import').click();
  await expect(page.getByTestId('import-status')).toContainText('Import cancelled: nothing was kept.');
  await expect(page.getByTestId('imported')).toHaveCount(0);
  // Then the whole file: the page keeps answering while it runs, and the report is kept.
  await page.getByTestId('confirm-import').click();
  await expect(page.locator('.import-progress progress')).toBeVisible();
  await expect(page.locator('#library-search')).toBeEditable();
  await expect(page.getByTestId('import-status')).toContainText('Imported “big”', { timeout: 60_000 });
  await expect(page.getByTestId('imported').locator('.card')).toHaveCount(1);
});

test('values at or below zero (temperature anomalies) chart normally; growth tools say why they do not apply', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  await pickFixture(page, 'temperature.csv');
  await page.getByTestId('confirm-import').click();
  const card = page.getByTestId('imported').locator('.card');
  await expect(card).toContainText('Market report');
  await card.getByRole('link', { name: 'Open report' }).click();
  const chart = page.locator('figure[data-chart="history"]');
  await expect(chart).toBeVisible();
  // The axis reaches below zero, and every marker lies inside the plot.
  await expect(chart.locator('text.tick.y').first()).toHaveText(/^[−-]/);
  await expect(page.locator('.history-note h3')).toContainText(['Why there is no forecast']);
  expect(await page.locator('[role=tab]').evaluateAll((ts) => ts.map((t) => t.getAttribute('data-view'))))
    .not.toContain('scenarios');
  await fullShot(page, 'tests/e2e/screenshots/import-temperature-desktop.png');
  await page.setViewportSize({ width: 360, height: 780 });
  await page.getByRole('link', { name: /Back to library/ }).click();
  await pickFixture(page, 'owid_long.csv');
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await fullShot(page, 'tests/e2e/screenshots/import-csv-preview-phone.png');
  expect(errors).toEqual([]);
});
