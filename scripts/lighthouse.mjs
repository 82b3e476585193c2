// Lighthouse on the built dist/ (the fast-views issue's last figure): `node scripts/lighthouse.mjs
// <node> <lighthouse cli/index.js>`, normally through scripts/lighthouse.sh, which installs the
// pinned Lighthouse and the Node.js it runs on, and passes both.
//
// Serves dist/ with scripts/serve-dist.mjs under a sub-path (gzip-compressed like a host, unless
// LH_GZIP=0) and runs the Lighthouse CLI with its default settings — mobile: Moto G Power-class
// screen emulation, simulated throttling (150 ms RTT, 1.6 Mbps down, 4× CPU slowdown), every
// category — in the machine's Chromium (CHROME_PATH) with a fresh profile each run. Pages: the
// library and a report link, LH_RUNS runs each, interleaved. Prints, per page, the four category
// scores and FCP, LCP, TBT, CLS and Speed Index for every run and their medians; then, from the
// median run (by performance score), what each metric cost the performance score (its weight ×
// (1 − its score)); then the audits that did not pass in any run (how many runs) and the
// opportunities and insights Lighthouse names with their estimated savings. JSON reports go to
// target/lighthouse/. Figures are printed, never asserted; exits 1 when a run fails (Lighthouse
// exits non-zero or reports a runtime error).
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Failure, fail, freePort, intEnv, median, serveDist, runBench } from './bench-common.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The build to measure: dist/, or another one (LH_DIST=path) to compare two builds in one session. */
const DIST = process.env.LH_DIST ? resolve(process.env.LH_DIST) : join(ROOT, 'dist');
const OUT = join(ROOT, 'target', 'lighthouse');
const PREFIX = '/lh/';
const [LH_NODE, CLI] = process.argv.slice(2);
if (!CLI) fail('usage: node scripts/lighthouse.mjs <node> <lighthouse cli/index.js> (run scripts/lighthouse.sh)');
/** The machine's Chromium, started as the end-to-end tests and the benchmark start it. */
const CHROME_FLAGS = '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run';
const RUNS = intEnv('LH_RUNS', 3, 1);
const PORT = intEnv('LH_PORT', 0, 0);
const GZIP = intEnv('LH_GZIP', 1, 0) !== 0;
const PAGES = (process.env.LH_PAGES ?? "'' ?r=smartphone-leasing").split(/\s+/).filter(Boolean)
  .map((q) => (q === "''" ? '' : q))
  .map((query) => ({ query, name: query === '' ? 'library' : query.replace(/^\?/, '').replace(/[^A-Za-z0-9-]+/g, '-') }));

const CATEGORIES = [['performance', 'perf'], ['accessibility', 'a11y'], ['best-practices', 'best pr.'], ['seo', 'SEO']];
const METRICS = [
  ['first-contentful-paint', 'FCP', 'ms'], ['largest-contentful-paint', 'LCP', 'ms'], ['total-blocking-time', 'TBT', 'ms'],
  ['cumulative-layout-shift', 'CLS', ''], ['speed-index', 'SI', 'ms'],
];

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const score = (x) => (x === null || x === undefined ? '—' : String(Math.round(x * 100)));
const metric = (v, unit) => (v === undefined || v === null ? '—' : unit === 'ms' ? `${Math.round(v).toLocaleString('en')} ms` : v.toFixed(3));


/** One Lighthouse CLI run: the report's JSON (also written to `out`). */
let current = null;
function lighthouse(url, out) {
  return new Promise((ok, bad) => {
    const args = [CLI, url, '--output=json', `--output-path=${out}`, `--chrome-flags=${CHROME_FLAGS}`, '--quiet'];
    const proc = spawn(LH_NODE, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    current = proc;
    let err = '';
    proc.stderr.on('data', (d) => { err += String(d); });
    proc.once('exit', (code, signal) => {
      current = null;
      if (code !== 0) { bad(new Failure(`Lighthouse on ${url} exited with ${code ?? signal}: ${err.trim().split('\n').slice(-5).join(' | ')}`)); return; }
      const lhr = JSON.parse(readFileSync(out, 'utf8'));
      if (lhr.runtimeError) { bad(new Failure(`Lighthouse on ${url}: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`)); return; }
      ok(lhr);
    });
  });
}

/** Audits that did not pass: score below 1 in a scored mode (not informative, manual or n/a); not the metrics. */
function failing(lhr, category) {
  return lhr.categories[category].auditRefs
    .map((ref) => ({ ref, a: lhr.audits[ref.id] }))
    .filter(({ ref, a }) => a && !['metrics', 'hidden'].includes(ref.group) && a.score !== null && a.score < 1
      && ['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode));
}

/** "LCP −1,200 ms, FCP −300 ms, 80 KB" from an audit's estimated savings. */
function savings(a) {
  const parts = Object.entries(a.metricSavings ?? {}).filter(([, v]) => v > 0)
    .map(([k, v]) => (k === 'CLS' ? `CLS −${v.toFixed(3)}` : `${k} −${Math.round(v).toLocaleString('en')} ms`));
  const bytes = a.details?.overallSavingsBytes;
  if (bytes) parts.push(`${(bytes / 1024).toFixed(1)} KB`);
  return parts.join(', ');
}

/** One line for an item of a failing audit's details: the element, URL or message it names. */
function what(item) {
  const text = item.node?.snippet ?? item.description ?? item.url ?? item.source?.url ?? JSON.stringify(item);
  const url = item.sourceLocation?.url ?? (item.node ? item.node.selector : undefined);
  return `${String(text).replace(/\s+/g, ' ').slice(0, 140)}${url ? ` (${String(url).slice(0, 100)})` : ''}`;
}

let server = null;
await runBench('lighthouse', {
  main: async () => {
    statSync(join(DIST, 'index.html'));
    mkdirSync(OUT, { recursive: true });
    const load0 = loadavg();
    server = await serveDist({ root: ROOT, dist: DIST, port: PORT || await freePort(), prefix: PREFIX, extra: GZIP ? ['--gzip'] : [], portEnv: 'LH_PORT' });
    const results = Object.fromEntries(PAGES.map((p) => [p.name, []]));
    for (let run = 1; run <= RUNS; run++) {
      for (const p of PAGES) {
        const out = join(OUT, `${p.name}-${run}.json`);
        const t0 = Date.now();
        const lhr = await lighthouse(server.url + p.query, out);
        results[p.name].push(lhr);
        console.error(`lighthouse: ${p.name} run ${run}/${RUNS}: performance ${score(lhr.categories.performance.score)} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
      }
    }

    let commit = 'unknown';
    try {
      commit = execFileSync('git', ['-C', ROOT, 'log', '-1', '--format=%h %cs'], { encoding: 'utf8' }).trim();
      if (execFileSync('git', ['-C', ROOT, 'status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim()) commit += ' (with uncommitted changes)';
    } catch { /* not a git checkout */ }
    const any = results[PAGES[0].name][0];
    const s = any.configSettings;
    const built = statSync(join(DIST, 'index.html')).mtime.toISOString().slice(0, 16).replace('T', ' ');
    console.log(`Report Explorer Lighthouse — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
    console.log(`  HEAD ${commit}; ${DIST} built ${built} UTC; Lighthouse ${any.lighthouseVersion}; ${any.environment.hostUserAgent.match(/(Headless)?Chrome\/[\d.]+/)?.[0] ?? 'Chromium'}; ${cpus().length} cores, load average ${load0.map((x) => x.toFixed(1)).join(' ')} at start; benchmarkIndex ${Math.round(median(PAGES.flatMap((p) => results[p.name].map((r) => r.environment.benchmarkIndex))))}`);
    console.log(`  Settings: ${s.formFactor}, ${s.screenEmulation.width}×${s.screenEmulation.height} @${s.screenEmulation.deviceScaleFactor}x, throttling ${s.throttlingMethod} (RTT ${s.throttling.rttMs} ms, ${(s.throttling.throughputKbps / 1024).toFixed(1)} Mbps down, CPU ${s.throttling.cpuSlowdownMultiplier}×); dist/ served ${GZIP ? 'gzip-compressed' : 'uncompressed'} by scripts/serve-dist.mjs under ${PREFIX}; ${RUNS} run(s) per page; reports in target/lighthouse/`);

    for (const p of PAGES) {
      const runs = results[p.name];
      console.log('');
      console.log(`${p.name} (${PREFIX}${p.query})`);
      const head = CATEGORIES.map(([, h]) => lpad(h, 9)).join('') + METRICS.map(([, h]) => lpad(h, 10)).join('');
      console.log(`  ${pad('', 8)}${head}`);
      runs.forEach((r, i) => {
        console.log(`  ${pad(`run ${i + 1}`, 8)}${CATEGORIES.map(([c]) => lpad(score(r.categories[c].score), 9)).join('')}`
          + METRICS.map(([id, , u]) => lpad(metric(r.audits[id].numericValue, u), 10)).join(''));
      });
      console.log(`  ${pad('median', 8)}${CATEGORIES.map(([c]) => lpad(score(median(runs.map((r) => r.categories[c].score))), 9)).join('')}`
        + METRICS.map(([id, , u]) => lpad(metric(median(runs.map((r) => r.audits[id].numericValue)), u), 10)).join(''));

      // The median run by performance score (the lower middle one for an even count).
      const order = runs.map((r, i) => [r.categories.performance.score, i]).sort((a, b) => a[0] - b[0]);
      const mid = runs[order[(order.length - 1) >> 1][1]];
      const midNo = order[(order.length - 1) >> 1][1] + 1;
      console.log(`  What the performance score is made of (run ${midNo}): metric, its score, weight, points lost`);
      for (const ref of mid.categories.performance.auditRefs.filter((r) => r.weight > 0)) {
        const a = mid.audits[ref.id];
        console.log(`    ${pad(a.title, 28)}${lpad(a.displayValue ?? '', 10)}${lpad(score(a.score), 6)}${lpad(`${ref.weight}%`, 6)}${lpad((ref.weight * (1 - (a.score ?? 0))).toFixed(1), 7)}`);
      }

      for (const [c, h] of CATEGORIES) {
        const seen = new Map();
        for (const r of runs) {
          for (const { a } of failing(r, c)) {
            const x = seen.get(a.id) ?? { a, n: 0 };
            x.n += 1;
            seen.set(a.id, x);
          }
        }
        if (!seen.size) continue;
        console.log(`  ${c === 'performance' ? 'Opportunities and insights (estimated savings as in the run that named them)' : `Not passed (${h})`}:`);
        const list = [...seen.values()].sort((x, y) => (y.a.metricSavings?.LCP ?? 0) + (y.a.metricSavings?.FCP ?? 0) - (x.a.metricSavings?.LCP ?? 0) - (x.a.metricSavings?.FCP ?? 0));
        for (const { a, n } of list) {
          const sav = savings(a);
          const unscored = c !== 'performance' && !(runs[0].categories[c].auditRefs.find((r) => r.id === a.id)?.weight > 0);
          console.log(`    ${a.id}: ${a.title}${unscored ? ' (weight 0: no points)' : ''}${a.displayValue ? ` — ${a.displayValue}` : ''}${sav ? ` [${sav}]` : ''} (${n}/${runs.length} runs)`);
          if (c !== 'performance') for (const item of (a.details?.items ?? []).slice(0, 4)) console.log(`      ${what(item)}`);
        }
      }
      const errored = new Map(runs.flatMap((r) => Object.values(r.audits).filter((a) => a.scoreDisplayMode === 'error').map((a) => [a.id, a.errorMessage])));
      for (const [id, msg] of errored) console.log(`  Audit failed to run: ${id}: ${msg}`);
      const warnings = [...new Set(runs.flatMap((r) => r.runWarnings ?? []))];
      for (const w of warnings) console.log(`  Lighthouse warning: ${w}`);
    }
  },
  cleanup: async () => {
    if (current) current.kill();
    if (server) await server.stop();
  },
  onExit: () => { current?.kill(); server?.kill(); },
});
