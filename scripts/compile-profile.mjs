// What a load makes V8 compile: Chromium compiles each wasm function the first time it is
// called (lazy compilation), on the main thread, so the code a load runs costs compile time
// as well as run time. This loads a page of a build whose names were kept
// (`KEEP_NAMES=1 scripts/build.sh`; otherwise functions are numbers), traces V8's lazy
// compiles until the first chart has painted (or WAIT_FOR matches) and one second more, and
// prints the functions compiled, their body bytes and the compile time, in total and by owner
// (a crate, or one of our modules; a generic function counts for the crate that defines it).
//
//   node scripts/compile-profile.mjs [DIST] [QUERY]       # defaults: dist, ?r=smartphone-leasing
//
// Environment: RATE (CPU throttling, default 1: as Lighthouse observes), TOP (owners, 25),
// WAIT_FOR (a selector, default the first chart with data), PORT. Figures, not assertions.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { fail, freePort, intEnv, runBench, serveDist } from './bench-common.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const DIST = resolve(process.argv[2] ?? join(ROOT, 'dist'));
const QUERY = process.argv[3] ?? '?r=smartphone-leasing';
const RATE = intEnv('RATE', 1, 1);
const TOP = intEnv('TOP', 25, 1);
const WAIT_FOR = process.env.WAIT_FOR ?? '[data-chart] svg path[data-series]';

/** Function index → name, from the wasm's name section (empty when names were stripped). */
function functionNames(bytes) {
  let i = 8;
  const leb = () => { let r = 0, s = 0, b; do { b = bytes[i++]; r += (b & 0x7f) * 2 ** s; s += 7; } while (b & 0x80); return r; };
  const text = (n) => { const t = new TextDecoder().decode(bytes.subarray(i, i + n)); i += n; return t; };
  const names = new Map();
  while (i < bytes.length) {
    const id = bytes[i++];
    const size = leb();
    const end = i + size;
    if (id === 0 && text(leb()) === 'name') {
      while (i < end) {
        const sub = bytes[i++];
        const subEnd = leb() + i;
        if (sub === 1) for (let n = leb(); n > 0; n--) { const index = leb(); names.set(index, text(leb())); }
        i = subEnd;
      }
    }
    i = end;
  }
  return names;
}

/** Who a (v0-mangled) function belongs to: its crate, or `report_explorer::<area>::<module>`. */
function owner(name) {
  if (name.includes('drop_in_place')) return 'drop glue';
  const m = /C[0-9A-Za-z]*?_(\d+)([A-Za-z_]\w*)/.exec(name);
  if (!m) return 'other (unnamed, imports, tables)';
  const crate = m[2].slice(0, Number(m[1]));
  if (crate !== 'report_explorer') return crate;
  let rest = name.slice(m.index + m[0].length - m[2].length + crate.length);
  const parts = [];
  for (let p; parts.length < 2 && (p = /^(\d+)([A-Za-z_]\w*)/.exec(rest));) {
    const n = Number(p[1]);
    parts.push(p[2].slice(0, n));
    rest = rest.slice(p[1].length + n);
  }
  return ['report_explorer', ...parts].join('::');
}

let server, browser;
await runBench('compile-profile', {
  async main() {
    const main = readdirSync(DIST).find((f) => /^report-explorer-[0-9a-f]+_bg\.wasm$/.test(f)) ?? fail(`${DIST}: no main module (build first)`);
    const names = functionNames(readFileSync(join(DIST, main)));
    if (names.size === 0) console.log(`${main} has no names: run KEEP_NAMES=1 scripts/build.sh for owners`);
    server = await serveDist({ root: ROOT, dist: DIST, port: intEnv('PORT', 0, 0) || await freePort(), prefix: '/profile/', portEnv: 'PORT' });
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'] });
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    if (RATE > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
    // Functions are named from the main module; a chunk's have numbers of their own.
    const chunks = [];
    page.on('request', (r) => { if (/\/lazy-[^/]*\.wasm$/.test(r.url())) chunks.push(r.url().split('/').pop()); });
    const events = [];
    cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
    const done = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
    await cdp.send('Tracing.start', { categories: 'v8.wasm,disabled-by-default-v8.wasm.detailed', transferMode: 'ReportEvents' });
    await page.goto(server.url + QUERY);
    await page.locator(WAIT_FOR).first().waitFor({ timeout: 60_000 }).catch(() => fail(`${QUERY}: nothing matched ${WAIT_FOR}`));
    await page.waitForTimeout(1000);
    await cdp.send('Tracing.end');
    await done;
    // CompileLazy: the whole on-demand compile of one function (its time); CompileBaseline
    // inside it: the function's index and body size.
    const time = new Map(events.filter((e) => e.name === 'wasm.CompileLazy').map((e) => [e.args.func_index, e.dur / 1000]));
    const compiled = events.filter((e) => e.name === 'wasm.CompileBaseline' && e.args?.funcIndex !== undefined);
    if (compiled.length === 0) fail('the trace has no lazy compiles (a Chromium without lazy wasm compilation?)');
    const by = new Map();
    let bytes = 0, ms = 0;
    for (const e of compiled) {
      const f = e.args.funcIndex;
      const o = owner(names.get(f) ?? '');
      const row = by.get(o) ?? { fns: 0, bytes: 0, ms: 0 };
      row.fns++; row.bytes += e.args.bodySize; row.ms += time.get(f) ?? 0;
      by.set(o, row);
      bytes += e.args.bodySize; ms += time.get(f) ?? 0;
    }
    console.log(`compile-profile: ${QUERY} from ${DIST} (${main}), CPU ${RATE}×, until ${WAIT_FOR} + 1 s`);
    if (chunks.length) console.log(`  NOTE: the page also loaded ${chunks.length} lazy chunk(s) (${chunks.join(', ')}): their functions are counted with numbers the main module's names do not fit, so owners are approximate`);
    console.log(`  ${compiled.length} functions compiled on first call, ${(bytes / 1024).toFixed(0)} KB of function bodies, ${ms.toFixed(1)} ms of compiling (traced)`);
    console.log('  owner                                             functions   body KB   compile ms');
    for (const [o, r] of [...by].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, TOP)) {
      console.log(`  ${o.padEnd(48)} ${String(r.fns).padStart(10)} ${(r.bytes / 1024).toFixed(1).padStart(9)} ${r.ms.toFixed(1).padStart(12)}`);
    }
  },
  async cleanup() {
    await browser?.close();
    await server?.stop();
  },
  onExit: () => server?.kill(),
});
