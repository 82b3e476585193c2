// Draws public/favicon.svg (the icon's source) into public/favicon.png, the icon the page
// links: 32×32, transparent corners. A PNG because Chromium fetches and draws the page's icon
// again after every history entry and URL write (a view opened, a slider at rest), and an SVG
// icon costs a whole SVG document each time (about 15 ms of main thread at 4× CPU; a PNG
// under 1 ms). Run after changing the SVG: `node scripts/favicon-png.mjs`.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';

const SIZE = 32;
const svg = readFileSync('public/favicon.svg', 'utf8').replace('<svg ', `<svg width="${SIZE}" height="${SIZE}" `);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } });
await page.setContent(`<!DOCTYPE html><body style="margin:0">${svg}</body>`);
await page.locator('svg').screenshot({ path: 'public/favicon.png', omitBackground: true });
await browser.close();
