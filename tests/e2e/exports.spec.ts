// Exports: the data files (CSV, JSON) a view and the whole report give, chart files (SVG, PNG)
// with their header, and the printed page (charts and tables, no controls).
import { readFileSync } from 'node:fs';
import { test, expect, openApp, moveHeadlineSlider, watchErrors, type Page, openReport, openView, readText } from './helpers';

/** A strict RFC 4180 reader: CRLF record ends, plain or quoted fields, `""` for a quote. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      if (field !== '') throw new Error(`quote inside a plain field at ${i}`);
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
          i++;
          break;
        }
        field += text[i++];
      }
      if (i < text.length && text[i] !== ',' && text[i] !== '\r') throw new Error(`text after a closing quote at ${i}`);
    } else if (c === ',') {
      record.push(field); field = ''; i++;
    } else if (c === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`CR without LF at ${i}`);
      record.push(field); field = '';
      records.push(record); record = [];
      i += 2;
    } else if (c === '\n') {
      throw new Error(`bare LF at ${i}`);
    } else {
      field += c; i++;
    }
  }
  if (field !== '' || record.length) throw new Error('last record without CRLF');
  return records;
}

test('the CSV reader follows RFC 4180', () => {
  expect(parseCsv('a,"b,c","say ""hi""",\r\n"two\r\nlines",x,,\r\n')).toEqual([
    ['a', 'b,c', 'say "hi"', ''],
    ['two\r\nlines', 'x', '', ''],
  ]);
  expect(() => parseCsv('a\nb\r\n')).toThrow();
  expect(() => parseCsv('a,b')).toThrow();
});



/** Clicks and returns the file the page offers: its suggested name and bytes. */
async function download(page: Page, click: () => Promise<void>) {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await d.path();
  return { name: d.suggestedFilename(), bytes: readFileSync(path) };
}

/** "US$1.23 bn" → 1.23e9, with the half-unit of its last shown digit. */
function shownAmount(text: string): { value: number; tolerance: number } {
  const m = /US\$([\d,]+(?:\.(\d+))?)\s*(bn|m)?/.exec(text);
  if (!m) throw new Error(`not an amount: ${text}`);
  const scale = m[3] === 'bn' ? 1e9 : m[3] === 'm' ? 1e6 : 1;
  const decimals = m[2]?.length ?? 0;
  return { value: Number(m[1].replace(/,/g, '')) * scale, tolerance: 0.5 * 10 ** -decimals * scale };
}

const HEADER = ['series', 'year', 'value', 'unit', 'provenance', 'scenario'];
const CHART_TITLE = 'Headline: Global modular smartphone leasing market';

test('segments: this view as CSV matches the segment table; the whole report as JSON', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  await openReport(page, 'smartphone-leasing');
  await openView(page, 'segments');
  await page.getByTestId('year-picker').selectOption('2032');
  const cell = page.locator('[data-testid="segment-table"] tr[data-member="camera-modules"] td').first();
  const shown = shownAmount(await readText(cell));

  const csv = await download(page, () => page.getByTestId('export-view-csv').click());
  expect(csv.name).toBe('smartphone-leasing-segments.csv');
  await expect(page.getByTestId('export-status')).toHaveText('Downloaded smartphone-leasing-segments.csv');
  const rows = parseCsv(csv.bytes.toString('utf8'));
  expect(rows[0]).toEqual(HEADER);
  for (const r of rows) expect(r).toHaveLength(HEADER.length);
  const camera = rows.filter((r) => r[0] === 'Type / Camera Modules' && r[1] === '2032');
  expect(camera).toHaveLength(1);
  const [, , value, unit, provenance, scenario] = camera[0];
  expect(value).toMatch(/^\d+(\.\d+)?$/); // plain decimal, absolute units
  expect(Math.abs(Number(value) - shown.value)).toBeLessThanOrEqual(shown.tolerance);
  expect(unit).toBe('USD');
  expect(provenance).toBe('assumption');
  expect(scenario).toBe('published');
  // Every dimension is in the view's export, the headline is not.
  expect(rows.some((r) => r[0].startsWith('Geography / North America / '))).toBe(true);
  expect(rows.some((r) => r[0].endsWith('(published)'))).toBe(false);

  const json = await download(page, () => page.getByTestId('export-report-json').click());
  expect(json.name).toBe('smartphone-leasing-report.json');
  const data = JSON.parse(json.bytes.toString('utf8'));
  expect(data.format).toBe('report-explorer/data');
  expect(data.scope).toBe('report');
  expect(data.report.id).toBe('smartphone-leasing');
  expect(data.report.title).toContain('Modular Smartphone Leasing Market');
  expect(data.report.code).toBe('SMRC30744 / 1813283');
  expect(data.scenario).toMatchObject({ name: 'published', modified: false });
  const ids = data.series.map((s: { id: string }) => s.id);
  expect(ids).toContain('type/camera-modules');
  expect(ids.some((id: string) => id.endsWith('/published'))).toBe(true);
  const cam = data.series.find((s: { id: string }) => s.id === 'type/camera-modules');
  expect(cam.points.find((p: { year: number }) => p.year === 2032).value).toBe(Number(value));
  await expect(page.getByTestId('export-status')).toHaveText('Downloaded smartphone-leasing-report.json');
  expect(errors).toEqual([]);
});

/** The root <svg>'s width and height attributes. */
function svgSize(svg: string): [number, number] {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const w = /\swidth="([\d.]+)"/.exec(root);
  const h = /\sheight="([\d.]+)"/.exec(root);
  if (!w || !h) throw new Error(`no size on ${root}`);
  return [Number(w[1]), Number(h[1])];
}

test('headline chart as SVG and PNG; the modified mark only after changing the rate', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  await openReport(page, 'smartphone-leasing');
  const figure = page.locator('figure[data-chart="headline"]');
  await expect(figure.getByRole('button', { name: 'Download chart as SVG' })).toBeVisible();
  await expect(figure.getByRole('button', { name: 'Download chart as PNG' })).toBeVisible();

  const svg = await download(page, () => figure.getByRole('button', { name: 'Download chart as SVG' }).click());
  expect(svg.name).toBe('smartphone-leasing-headline.svg');
  const text = svg.bytes.toString('utf8');
  expect(text).toMatch(/^<svg\b[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(text).toContain(CHART_TITLE);
  expect(text).toContain('Published scenario');
  expect(text).toContain('Stratistics Market Research Consulting SMRC30744');
  expect(text).toMatch(/\d{4}-\d{2}-\d{2}/);
  expect(text).not.toContain('Modified assumptions');
  expect(text).not.toContain('class="'); // styles are inlined
  // A file an SVG viewer opens: well-formed XML (no HTML entity such as "&nbsp;"), and its
  // figures keep their no-break spaces.
  expect(text).not.toContain('&nbsp;');
  expect(await page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    return doc.querySelector('parsererror') === null && doc.documentElement.localName === 'svg';
  }, text)).toBe(true);
  expect(text).toContain('US$2.5\u00a0bn');
  await expect(page.getByTestId('export-status')).toHaveText('Downloaded smartphone-leasing-headline.svg');

  const png = await download(page, () => figure.getByRole('button', { name: 'Download chart as PNG' }).click());
  expect(png.name).toBe('smartphone-leasing-headline.png');
  expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const [w, h] = svgSize(text);
  expect(png.bytes.readUInt32BE(16)).toBe(2 * Math.round(w));
  expect(png.bytes.readUInt32BE(20)).toBe(2 * Math.round(h));

  // Part two: change the headline rate, then the chart file says so.
  await openView(page, 'scenarios');
  await moveHeadlineSlider(page);
  await expect(page.getByTestId('scenario-status')).toContainText('Modified assumptions');
  await openView(page, 'overview');
  const modified = await download(page, () => figure.getByRole('button', { name: 'Download chart as SVG' }).click());
  const text2 = modified.bytes.toString('utf8');
  expect(text2).toContain(CHART_TITLE);
  expect(text2).toContain('Modified assumptions');
  expect(text2).toContain('Your scenario');
  // The view's data now carries the reader's scenario.
  const csv = await download(page, () => page.getByTestId('export-view-csv').click());
  expect(csv.name).toBe('smartphone-leasing-headline.csv');
  const rows = parseCsv(csv.bytes.toString('utf8'));
  expect(rows[0]).toEqual(HEADER);
  const scenarios = new Set(rows.slice(1).map((r) => r[5]));
  expect([...scenarios].sort()).toEqual(['', 'published', 'your scenario']);
  expect(errors).toEqual([]);
});

/** In print: no controls, the view's charts and tables, the print header first. */
async function expectPrintable(page: Page, shown: string[]) {
  const panel = page.locator('#view-panel');
  await expect(page.locator('[role=tablist]')).toBeHidden();
  await expect(page.locator('[role=tab]').first()).toBeHidden();
  await expect(page.getByTestId('export-bar')).toBeHidden();
  await expect(page.getByTestId('export-view-csv')).toBeHidden();
  expect(await panel.locator('input:visible, select:visible').count()).toBe(0);
  // Buttons that stay are content (sortable column headings, legend entries), shown as text.
  const buttons = await panel.locator('button:visible').evaluateAll((bs) => bs.map((b) => b.className));
  for (const c of buttons) expect(c).toMatch(/\b(sort|legend-item)\b/);
  for (const sel of shown) await expect(page.locator(sel).first()).toBeVisible();
  const header = page.getByTestId('print-header');
  await expect(header).toBeVisible();
  await expect(header).toContainText('Modular Smartphone Leasing Market');
  await expect(header).toContainText('Published scenario');
  await expect(header).toHaveText(/\d{4}-\d{2}-\d{2}$/);
  // The header comes before the view's content.
  const first = await panel.locator('.view-body > :not(.exports):visible').first().boundingBox();
  const top = await header.boundingBox();
  expect(top!.y).toBeLessThan(first!.y);
}

test('print: charts and tables without controls, with a header line', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  await openReport(page, 'smartphone-leasing');
  // On screen the print header is hidden.
  await expect(page.getByTestId('print-header')).toBeHidden();
  await expect(page.getByTestId('export-bar')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expectPrintable(page, ['figure[data-chart="headline"] svg', '[data-testid="facts-table"]']);
  await expect(page.locator('figure[data-chart="headline"] .table-toggle')).toBeHidden();
  await expect(page.locator('figure[data-chart="headline"] .chart-export').first()).toBeHidden();

  await page.emulateMedia({ media: 'screen' });
  await openView(page, 'segments');
  await page.emulateMedia({ media: 'print' });
  await expectPrintable(page, ['figure[data-chart="segments-share"] svg', '[data-testid="segment-table"]']);
  await expect(page.locator('[data-testid="segment-table"] th button.sort').first()).toBeVisible();

  await page.emulateMedia({ media: 'screen' });
  await openView(page, 'scenarios');
  await page.emulateMedia({ media: 'print' });
  await expectPrintable(page, ['figure[data-chart="scenario"] svg', '[data-testid="difference-table"]']);
  await expect(page.locator('#headline-cagr-slider')).toBeHidden();
  await expect(page.locator('#headline-cagr-field')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByTestId('export-bar')).toBeVisible();
  expect(errors).toEqual([]);
});

test('Print right after a slider moves prints what the slider gave, below the fold too', async ({ page }) => {
  // Tables and charts off screen follow a moving slider once it rests (`ui::seen`); a page
  // printed before then must still hold the new figures. The browser's print dialog is
  // replaced by a note of what the difference table (far below the fold) says at that moment.
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    const w = window as unknown as { print: () => void; printed?: string };
    w.print = () => {
      w.printed = document.querySelector('[data-testid="difference-table"]')?.textContent ?? '';
    };
  });
  await page.clock.install();
  await openApp(page);
  await openReport(page, 'smartphone-leasing');
  await openView(page, 'scenarios');
  const table = page.getByTestId('difference-table');
  await expect(table).toBeAttached();
  const before = await table.evaluate((e) => e.textContent);
  // Timers stand still from here: nothing off screen catches up on its own.
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
  const field = page.locator('#headline-cagr-field');
  const rate = await field.inputValue();
  await page.locator('#headline-cagr-slider').focus();
  await page.keyboard.press('ArrowRight');
  await expect(field).not.toHaveValue(rate);
  expect(await table.evaluate((e) => e.textContent), 'off screen, not yet redrawn').toBe(before);
  // A click that does not scroll the button (and the table) into view.
  await page.getByTestId('print').dispatchEvent('click');
  await page.clock.runFor(50);
  const printed = await page.waitForFunction(() => (window as unknown as { printed?: string }).printed);
  const onPaper = await printed.jsonValue();
  expect(onPaper).not.toBe(before);
  // What was printed is what the table says once everything has rested.
  await page.clock.resume();
  await page.waitForTimeout(500);
  expect(await table.evaluate((e) => e.textContent)).toBe(onPaper);
  expect(errors).toEqual([]);
});

test('select all and copy takes the tables below the fold too', async ({ page }) => {
  // Charts and tables far off screen skip rendering (content-visibility: auto); a reader's
  // selection must still hold them, row by row.
  const errors = watchErrors(page);
  await page.goto('./?r=smartphone-leasing&v=scenarios');
  const table = page.getByTestId('difference-table');
  await expect(table.locator('tbody tr').last()).toContainText('2032');
  expect(await table.evaluate((t) => t.getBoundingClientRect().top > innerHeight)).toBe(true);
  await page.locator('body').press('Control+A');
  const selected = await page.evaluate(() => document.getSelection()?.toString() ?? '');
  expect(selected).toMatch(/\n2032\tUS\$[\d.]+\sbn\tUS\$[\d.]+\sbn\tUS\$/);
  expect(errors).toEqual([]);
});
