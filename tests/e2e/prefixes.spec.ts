// dist/ on any static host: served unchanged from `/` and from a deep sub-path, by a server
// with no SPA fallback (scripts/serve-dist.mjs, like a plain CDN). Also checks the
// Content-Security-Policy the build writes into dist/index.html.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, openApp, walkEveryView, moveHeadlineSlider, serveDist, watchErrors, ROOT, type Served } from './helpers';

for (const prefix of ['/', '/deep/sub/path/']) {
  test.describe(`dist/ served under ${prefix}`, () => {
    test.describe.configure({ mode: 'serial' });
    let served: Served;
    test.beforeAll(async () => { served = await serveDist(prefix); });
    test.afterAll(async () => { await served?.stop(); });

    test('the app loads from the prefix root, every request stays under it, every view works', async ({ page, guard }) => {
      const errors = watchErrors(page);
      await page.goto(served.url);
      await expect(page.locator('.card')).toHaveCount(3);
      await walkEveryView(page);
      const http = guard.requests.filter((u) => /^https?:/.test(u));
      expect(http.length).toBeGreaterThanOrEqual(5); // page, css, js, wasm, favicon at least
      for (const u of http) expect(u.startsWith(served.url), `${u} is under ${served.url}`).toBe(true);
      expect(errors).toEqual([]);
    });

    test('index.html by name and a query string load the same app', async ({ page }) => {
      for (const path of ['index.html', '?report=unknown&lang=xx', 'index.html?x=1#main']) {
        await page.goto(served.url + path);
        await expect(page.locator('.card')).toHaveCount(3);
      }
      await page.locator('.card[data-report="smartphone-leasing"] a.open-report').click();
      await page.locator('[role=tab][data-view="scenarios"]').click();
      await moveHeadlineSlider(page);
    });

    test('no SPA fallback is needed: unknown paths are 404 and the root still loads', async ({ page, request }) => {
      for (const path of ['no/such/page', 'reports/smartphone-leasing', 'segments/']) {
        expect((await request.get(served.url + path)).status(), path).toBe(404);
      }
      const missing = await page.goto(served.url + 'no/such/page');
      expect(missing?.status()).toBe(404);
      if (prefix !== '/') {
        // Outside the prefix there is nothing: the app really lives under the sub-path.
        expect((await request.get(served.origin + '/')).status()).toBe(404);
        expect((await request.get(served.origin + '/index.html')).status()).toBe(404);
      }
      const root = await page.goto(served.url);
      expect(root?.status()).toBe(200);
      await expect(page.locator('.card')).toHaveCount(3);
    });
  });
}

test.describe('the Content-Security-Policy in dist/index.html', () => {
  const html = () => readFileSync(join(ROOT, 'dist', 'index.html'), 'utf8');

  test('is the first element of <head>, strict, with the hash of every inline script (there are none)', () => {
    const page = html();
    const first = page.match(/<head>\s*(<[^>]+>)/)![1];
    const policy = first.match(/^<meta http-equiv="Content-Security-Policy" content="([^"]+)">$/)?.[1];
    expect(policy, `first element of <head>: ${first}`).toBeTruthy();
    // The app starts from a module loader file (start-<hash>.js, scripts/split-assets.mjs): the
    // page has no inline script, so the policy lists no hash at all.
    const inline = [...page.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(inline).toEqual([]);
    expect(page).toMatch(/<script type="module" src="\.\/start-[0-9a-f]{16}\.js" crossorigin="anonymous" integrity="sha384-[^"]+"><\/script>/);
    expect(policy).toBe(`default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; `
      + "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'");
    expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'/);
    // Subresource integrity and CORS mode stay on the links the policy allows.
    expect(page).toMatch(/<link rel="modulepreload" href="\.\/[^"]+\.js" crossorigin="anonymous" integrity="sha384-/);
    expect(page).toMatch(/<link rel="stylesheet" href="\.\/[^"]+\.css" integrity="sha384-/);
  });

  test('is enforced: an injected inline script is blocked and reported', async ({ page, guard }) => {
    guard.allowCsp.push(/script-src/);
    await openApp(page);
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__cspProbe = 1;';
      document.head.append(s);
      return (window as unknown as { __cspProbe?: number }).__cspProbe ?? null;
    });
    expect(ran).toBeNull();
    await expect.poll(() => guard.cspViolations.some((v) => /script-src/.test(v))).toBe(true);
    // The app itself keeps working under the policy.
    await page.locator('.card[data-report="china-call-center"] a.open-report').click();
    await expect(page.getByTestId('headline')).toBeVisible();
  });
});
