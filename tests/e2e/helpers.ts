import { test as base, expect, type Locator, type Page, type Request } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export { expect };
export type { Page };

export const ROOT = resolve(__dirname, '../..');
export const PHONE = { width: 360, height: 780 };
export const DESKTOP = { width: 1440, height: 900 };
export const SHOTS = 'tests/e2e/screenshots';
mkdirSync(SHOTS, { recursive: true });

/** The views each bundled report offers, in tab order. */
export const REPORTS = {
  'smartphone-leasing': ['overview', 'segments', 'scenarios', 'dynamics', 'contents'],
  'china-call-center': ['overview', 'scenarios', 'dynamics', 'contents'],
  'parent-child-community': ['overview', 'dynamics', 'contents', 'kpis'],
} as const;

/** What the guard fixture saw during one test. */
export type Guard = {
  /** Every request of the test (pages and service workers), as URLs. */
  requests: string[];
  /** Requests that left the origin of the page (or worker) that made them. */
  offOrigin: string[];
  /** Content-Security-Policy violations (securitypolicyviolation events, "Refused to …" logs). */
  cspViolations: string[];
  /** Violations matching one of these are expected by the test (a deliberate probe). */
  allowCsp: RegExp[];
};

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function scheme(url: string) {
  return url.slice(0, Math.max(0, url.indexOf(':'))).toLowerCase();
}

/** Whether `url`, requested by a document or worker at `docUrl`, stays at its origin. */
function staysAtOrigin(docUrl: string, url: string): boolean {
  const s = scheme(url);
  if (s === 'data' || s === 'blob' || s === 'about') return true; // never leave the browser
  const d = scheme(docUrl);
  if (d === 'file') return s === 'file'; // from disk: any http(s) request is a leak
  if (d !== 'http' && d !== 'https') return false; // no origin to stay at
  return new URL(url).origin === new URL(docUrl).origin;
}

/** The origin check for one request; returns a description when it leaves the origin. */
function checkRequest(req: Request): string | null {
  const url = req.url();
  const worker = req.serviceWorker();
  if (worker) return staysAtOrigin(worker.url(), url) ? null : `${url} (from worker ${worker.url()})`;
  let frame;
  try { frame = req.frame(); } catch { return null; }
  const parent = frame.parentFrame();
  if (req.isNavigationRequest() && !parent) {
    // A top-level navigation starts a new page: fine when the test drives it to its own
    // local servers or to a file; anything else is the page leaving for somewhere else.
    const s = scheme(url);
    if (s === 'file' || s === 'about' || s === 'data') return null;
    return LOCAL_HOSTS.has(new URL(url).hostname) ? null : `${url} (top-level navigation)`;
  }
  const docUrl = req.isNavigationRequest() && parent ? parent.url() : frame.url();
  return staysAtOrigin(docUrl, url) ? null : `${url} (from ${docUrl})`;
}

/**
 * `test` with an automatic guard for every test: it records every request and every
 * Content-Security-Policy violation in the test's browser context, and fails the test after
 * it ran on any violation or any request that leaves the page's origin.
 */
export const test = base.extend<{ guard: Guard }>({
  guard: [async ({ context }, use) => {
    const guard: Guard = { requests: [], offOrigin: [], cspViolations: [], allowCsp: [] };
    await context.exposeBinding('__reportCspViolation', (_source, v: string) => {
      guard.cspViolations.push(v);
    });
    await context.addInitScript(() => {
      const w = window as unknown as { __cspViolations: string[]; __reportCspViolation?: (v: string) => void };
      w.__cspViolations = [];
      addEventListener('securitypolicyviolation', (e) => {
        const v = `CSP ${e.disposition}: ${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}`
          + ` at ${e.sourceFile || location.href}:${e.lineNumber}`;
        w.__cspViolations.push(v);
        w.__reportCspViolation?.(v);
      }, true);
    });
    context.on('console', (m) => {
      if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) guard.cspViolations.push(m.text());
    });
    context.on('request', (req) => {
      guard.requests.push(req.url());
      const leak = checkRequest(req);
      if (leak) guard.offOrigin.push(leak);
    });

    await use(guard);

    // Also what the open pages recorded themselves (in case a report did not get through).
    for (const p of context.pages()) {
      const seen = await p.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])
        .catch(() => [] as string[]);
      for (const v of seen) if (!guard.cspViolations.includes(v)) guard.cspViolations.push(v);
    }
    const unexpected = guard.cspViolations.filter((v) => !guard.allowCsp.some((re) => re.test(v)));
    expect(unexpected, 'Content-Security-Policy violations').toEqual([]);
    expect(guard.offOrigin, 'requests that left the page origin').toEqual([]);
  }, { auto: true }],
});

/** Fails the test on any console error or uncaught exception (a panic shows up as one). */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/** Opens the app and waits until the library has rendered. */
export async function openApp(page: Page, query = '') {
  await page.goto(`./${query}`);
  await expect(page.locator('.card')).toHaveCount(3);
}

/** Opens a report from the library and waits for its page. */
export async function openReport(page: Page, id: string) {
  await page.locator(`.card[data-report="${id}"] a.open-report`).click();
  await expect(page.locator(`article.report[data-report="${id}"]`)).toBeVisible();
}

/** Chooses an interface language and waits until it applies (a Chinese language's texts are a
 * chunk of their own, fetched the first time it is chosen: the switch follows their arrival). */
export async function chooseLanguage(page: Page, tag: 'en' | 'zh-Hans' | 'zh-Hant') {
  await page.locator('#language').selectOption(tag);
  await expect(page.locator('html')).toHaveAttribute('lang', tag);
}

/** Switches to a report view by its tab and waits until it is selected. */
export async function openView(page: Page, view: string) {
  await page.locator(`[role=tab][data-view="${view}"]`).click();
  await expect(page.locator(`[role=tab][data-view="${view}"]`)).toHaveAttribute('aria-selected', 'true');
}

/**
 * What a reader reads in `locator`: scrolled to first, as a reader would, since charts and
 * tables far off screen are not rendered (`content-visibility: auto`) and read empty, and
 * follow a moving slider only once it rests or they come into view (`ui::seen`).
 */
export async function readText(locator: Locator): Promise<string> {
  await locator.scrollIntoViewIfNeeded();
  // Rendered a frame or two later: wait until it is no longer skipped, then for the frame
  // after that (the browser says it came into view; the part takes its latest data).
  return locator.evaluate(
    (e) =>
      new Promise<string>((ok) => {
        const settled = () =>
          requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => ok((e as HTMLElement).innerText))));
        const read = (frames: number) => {
          if (frames === 0 || e.checkVisibility({ contentVisibilityAuto: true })) settled();
          else requestAnimationFrame(() => read(frames - 1));
        };
        read(30);
      }),
  );
}

/** How long the data stays still before charts and tables off screen draw it (`ui::seen`). */
export const OFF_SCREEN_REST_MS = 400;

export async function shot(page: Page, name: string) {
  await fullShot(page, `${SHOTS}/${name}.png`);
}

/**
 * The whole page as a reader sees each part of it when scrolled there (once it rests). Boxes far off screen
 * skip rendering (`content-visibility: auto`) and a full-page capture would show them blank, so
 * they render for the capture (set through the CSSOM, which the strict CSP allows) and skip
 * again after it.
 */
export async function fullShot(page: Page, path: string) {
  // Parts off screen draw the latest state once it has rested.
  await page.waitForTimeout(OFF_SCREEN_REST_MS + 100);
  await page.evaluate(() =>
    document.querySelectorAll<HTMLElement>('*').forEach((e) => {
      if (getComputedStyle(e).contentVisibility === 'auto') {
        e.style.contentVisibility = 'visible';
        e.dataset.shotRendered = '';
      }
    }),
  );
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  await page.screenshot({ path, fullPage: true });
  await page.evaluate(() =>
    document.querySelectorAll<HTMLElement>('[data-shot-rendered]').forEach((e) => {
      e.style.contentVisibility = '';
      delete e.dataset.shotRendered;
    }),
  );
}

/** Moves the Scenarios view's headline-rate slider by keyboard and checks the field follows. */
export async function moveHeadlineSlider(page: Page) {
  const slider = page.locator('#headline-cagr-slider');
  const field = page.locator('#headline-cagr-field');
  const before = Number(await field.inputValue());
  await slider.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(async () => Number(await field.inputValue())).toBeGreaterThan(before);
}

/**
 * From the library: opens every report, every view of it (checking the tabs are the expected
 * ones and each view renders), moves the headline slider where there is one, and goes back.
 */
export async function walkEveryView(page: Page) {
  await expect(page.locator('.card')).toHaveCount(3);
  for (const [id, views] of Object.entries(REPORTS)) {
    await page.locator(`.card[data-report="${id}"] a.open-report`).click();
    await expect(page.locator(`article.report[data-report="${id}"]`)).toBeVisible();
    const tabs = await page.locator('[role=tab]').evaluateAll((ts) => ts.map((t) => t.getAttribute('data-view')));
    expect(tabs).toEqual([...views]);
    for (const view of views) {
      const tab = page.locator(`[role=tab][data-view="${view}"]`);
      await tab.click();
      await expect(tab).toHaveAttribute('aria-selected', 'true');
      await expect(page.locator('#view-panel .view-body > *').first()).toBeVisible();
      if (view === 'scenarios') await moveHeadlineSlider(page);
    }
    await page.getByRole('link', { name: /Back to library/ }).click();
    await expect(page.locator('.card')).toHaveCount(3);
  }
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => ok(port));
    });
  });
}

export type Served = { url: string; origin: string; stop: () => Promise<void> };

/** Serves `dir` under `prefix` with scripts/serve-dist.mjs (no SPA fallback), on `port` or a free one. */
export async function serveDist(prefix: string, dir = 'dist', port?: number): Promise<Served> {
  port ??= await freePort();
  const proc: ChildProcess = spawn(process.execPath, ['scripts/serve-dist.mjs', dir, String(port), prefix],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((ok) => proc.once('exit', () => ok()));
  await new Promise<void>((ok, fail) => {
    let out = '';
    proc.stdout!.on('data', (d) => { out += String(d); if (out.includes('Serving')) ok(); });
    proc.once('exit', (code) => fail(new Error(`serve-dist exited with ${code}: ${out}`)));
  });
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${prefix}`,
    origin,
    // Idempotent: stopping a stopped server resolves at once.
    stop: async () => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill();
      await exited;
    },
  };
}
