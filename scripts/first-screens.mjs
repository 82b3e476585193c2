// A report link's first screen, drawn at build time: `node scripts/first-screens.mjs DIST`.
//
// For every report on the catalogue's first page (DIST/reports/index.json), in each language
// and at both of the app's layouts (narrow: a phone, below 640 px; wide), this loads the built
// app at `?r=<id>&l=<lang>` in Chromium and keeps what the app itself painted in its first
// frame of the report: the report's header, its tabs, the headline and the headline chart
// (`Overview` builds the rest in the next task). It writes that to
// DIST/reports/first/<id>.<lang>.<narrow|wide>.html, which `public/boot.js` shows while the
// program downloads, on a link that opens the report as published (no scenario, currency or
// other view in the link). The app, once its own first screen of that report is drawn, takes
// the page over in the same frame (`ui::first_screen`), so nothing moves.
//
// In the copy: ids are prefixed with "first-" (and what refers to them), buttons and fields are
// `inert` (they work once the app has started; links stay links), the tests' `data-testid`s
// are left out, and the article names its report (`data-first-report`) and the report file's
// content hash (`data-first-hash`): a screen whose report has since changed is not shown (the
// app checks it, and scripts/postbuild.mjs deletes such files when the catalogue is rewritten).
//
// Needs Chromium (/usr/bin/chromium, or CHROMIUM) and the npm dev tools; prints what it wrote.
import { chromium } from '@playwright/test';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fail, freePort, runBench, serveDist } from './bench-common.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const DIST = resolve(process.argv[2] ?? join(ROOT, 'dist'));
const FIRST_DIR = 'reports/first';
const LANGS = ['en', 'zh-Hans', 'zh-Hant'];
// Either side of the app's breakpoint (ui::state::NARROW_BELOW, 640 px): a phone, a laptop.
const LAYOUTS = { narrow: { width: 390, height: 844 }, wide: { width: 1280, height: 800 } };

/** In the page: clones the report as it is in the frame that first paints its chart. */
function captureFirstFrame() {
  window.__firstFrame = new Promise((done) => {
    const drawn = () => document.querySelector('article.report #view-panel [data-chart] svg path[data-series], article.report #view-panel [data-chart] svg path.mk');
    const take = () => requestAnimationFrame(() => {
      // rAF: after every microtask of the task that drew it, before its paint and before the
      // overview's next task adds what lies below.
      const article = document.querySelector('article.report[data-report]');
      done(article ? article.cloneNode(true) : null);
    });
    const watch = new MutationObserver(() => {
      if (drawn()) {
        watch.disconnect();
        take();
      }
    });
    watch.observe(document, { childList: true, subtree: true, attributes: true });
  });
}

/** In the page: the first frame's article, made a static copy, as HTML. */
async function staticCopy(hash) {
  const article = await window.__firstFrame;
  if (!article) return null;
  const ids = new Map();
  for (const el of article.querySelectorAll('[id]')) ids.set(el.id, `first-${el.id}`);
  const mapIds = (v) => v.split(/\s+/).map((t) => ids.get(t) ?? t).join(' ');
  const refs = ['aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'for', 'list'];
  for (const el of [article, ...article.querySelectorAll('*')]) {
    for (const a of [...el.attributes]) {
      let v = a.value;
      if (a.name === 'id') v = ids.get(v) ?? v;
      else if (refs.includes(a.name)) v = mapIds(v);
      else if ((a.name === 'href' || a.name === 'xlink:href') && v.startsWith('#')) v = `#${ids.get(v.slice(1)) ?? v.slice(1)}`;
      if (v.includes('url(#')) v = v.replace(/url\(#([^)]+)\)/g, (m, id) => `url(#${ids.get(id) ?? id})`);
      if (v !== a.value) el.setAttribute(a.name, v);
    }
    if (['BUTTON', 'SELECT', 'INPUT', 'TEXTAREA'].includes(el.tagName)) el.setAttribute('inert', '');
    // Every tab reachable by Tab (the app's arrow keys are not here yet); a chart's marks,
    // which answer nothing without the app, not in the tab order.
    if (el.getAttribute('role') === 'tab') el.removeAttribute('tabindex');
    if (el.closest('svg')) el.removeAttribute('tabindex');
    // The tests' handles are the app's: nothing that finds the app's parts finds this copy.
    el.removeAttribute('data-testid');
  }
  article.setAttribute('data-first-report', article.getAttribute('data-report'));
  article.removeAttribute('data-report');
  article.setAttribute('data-first-hash', hash);
  return article.outerHTML;
}

let server;
let browser;
await runBench('first-screens', {
  main: async () => {
    const index = JSON.parse(readFileSync(join(DIST, 'reports/index.json'), 'utf8'));
    // Drawn beside the old ones and swapped in at the end: a run that fails leaves them as they
    // were (and sw.js's list true).
    const out = join(DIST, FIRST_DIR);
    const drawing = join(DIST, 'reports/.first-drawing'); // a dot-file: never in sw.js's list
    rmSync(drawing, { recursive: true, force: true });
    mkdirSync(drawing, { recursive: true });
    server = await serveDist({ root: ROOT, dist: DIST, port: await freePort(), prefix: '/first/' });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    let files = 0;
    let bytes = 0;
    for (const entry of index.entries) {
      for (const lang of LANGS) {
        for (const [layout, viewport] of Object.entries(LAYOUTS)) {
          const context = await browser.newContext({ viewport, serviceWorkers: 'block', locale: lang === 'en' ? 'en-US' : lang });
          try {
            await context.addInitScript(captureFirstFrame);
            // The app's own first frame, never a screen drawn before (boot.js would show it).
            await context.route('**/reports/first/**', (route) => route.fulfill({ status: 404, body: '' }));
            const page = await context.newPage();
            const errors = [];
            page.on('pageerror', (e) => errors.push(String(e)));
            await page.goto(`${server.url}?r=${encodeURIComponent(entry.id)}&l=${lang}`);
            const html = await Promise.race([
              page.evaluate(staticCopy, entry.hash),
              new Promise((_, bad) => setTimeout(() => bad(new Error('timeout')), 30_000)),
            ]).catch((e) => fail(`${entry.id} (${lang}, ${layout}): no first frame with a chart (${e.message})`));
            if (errors.length) fail(`${entry.id} (${lang}, ${layout}): error in the page: ${errors[0]}`);
            if (!html) fail(`${entry.id} (${lang}, ${layout}): the page has no article.report`);
            const file = join(drawing, `${entry.id}.${lang}.${layout}.html`);
            writeFileSync(file, `${html}\n`);
            files += 1;
            bytes += Buffer.byteLength(html);
          } finally {
            await context.close();
          }
        }
      }
    }
    rmSync(out, { recursive: true, force: true });
    renameSync(drawing, out);
    console.log(`first-screens: ${files} files in ${FIRST_DIR}/ (${(bytes / 1024).toFixed(1)} KB together), ${index.entries.length} reports × ${LANGS.length} languages × 2 layouts`);
  },
  cleanup: async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
  },
  onExit: () => server?.kill(),
});
