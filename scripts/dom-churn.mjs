// What one slider input changes in the page's DOM: nodes removed and inserted (by tag and
// class, and where), attributes written (by name and tag) and text changes, per input, over a
// few paced key presses. A fine-grained view writes the attributes and texts that moved and
// inserts nothing; a node removed and inserted again on every input is work to find (this is
// how the chart marks' re-insertions were found: README, "UI benchmark").
//
//   node scripts/dom-churn.mjs            (after scripts/build.sh; no CPU throttling needed)
//
// Environment: CHURN_QUERY (the page after the sub-path, default the KPI board of the plan
// report), CHURN_SLIDER (the range input to press, default its projector's rate), CHURN_PRESSES
// (default 6), CHURN_TOP (lines printed, default 40), CHURN_DIST (another build, default
// dist/), CHURN_PORT (default a free one), CHROMIUM (default /usr/bin/chromium).
import { chromium } from '@playwright/test';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fail, freePort, intEnv, runBench, serveDist } from './bench-common.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = process.env.CHURN_DIST ? resolve(process.env.CHURN_DIST) : join(ROOT, 'dist');
const QUERY = process.env.CHURN_QUERY ?? '?r=parent-child-community&v=kpis';
const SLIDER = process.env.CHURN_SLIDER ?? '#projector-rate-slider';
const PRESSES = intEnv('CHURN_PRESSES', 6, 1);
const TOP = intEnv('CHURN_TOP', 40, 1);
const PORT = intEnv('CHURN_PORT', 0, 0);

let server = null;
let browser = null;
await runBench('dom-churn', {
  main: async () => {
    server = await serveDist({ root: ROOT, dist: DIST, port: PORT || await freePort(), prefix: '/churn/', portEnv: 'CHURN_PORT' });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(server.url + QUERY);
    const slider = page.locator(SLIDER);
    await slider.waitFor({ timeout: 30_000 }).catch(() => fail(`${SLIDER} not found on ${QUERY}`));
    if ((await slider.getAttribute('type')) !== 'range') fail(`${SLIDER} is not an input[type=range]`);
    // Let the view settle (lazy chunks, the first tornado, the catalogue) before observing.
    await page.waitForTimeout(2000);
    await slider.focus();
    await page.evaluate(() => {
      window.__churn = [];
      new MutationObserver((list) => window.__churn.push(...list))
        .observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    const before = await slider.inputValue();
    for (let i = 0; i < PRESSES; i++) {
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(400);
    }
    if ((await slider.inputValue()) === before) fail(`${SLIDER} did not move (at the end of its range?)`);
    const counts = await page.evaluate(() => {
      const name = (n) => n.nodeType === 1
        ? n.tagName.toLowerCase() + (n.getAttribute('class') ? '.' + n.getAttribute('class').trim().split(/\s+/).join('.') : '')
        : n.nodeType === 3 ? '#text' : `#node${n.nodeType}`;
      const c = {};
      const add = (k) => { c[k] = (c[k] ?? 0) + 1; };
      for (const m of window.__churn) {
        if (m.type === 'childList') {
          for (const n of m.removedNodes) add(`removed  ${name(n)} in ${name(m.target)}`);
          for (const n of m.addedNodes) add(`inserted ${name(n)} in ${name(m.target)}`);
        } else if (m.type === 'attributes') add(`@${m.attributeName} on ${m.target.tagName.toLowerCase()}`);
        else add(`text changed in ${name(m.target.parentNode)} in ${name(m.target.parentNode?.parentNode ?? m.target)}`);
      }
      return c;
    });
    console.log(`DOM changes per input: ${PRESSES} ArrowRight presses of ${SLIDER} on ${QUERY} (${DIST})`);
    const rows = Object.entries(counts).sort((a, b) => b[1] - a[1]);
    for (const [what, n] of rows.slice(0, TOP)) console.log(`${(n / PRESSES).toFixed(1).padStart(8)}  ${what}`);
    if (rows.length > TOP) console.log(`  … ${rows.length - TOP} more kinds (CHURN_TOP)`);
  },
  cleanup: async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
  },
  onExit: () => server?.kill(),
});
