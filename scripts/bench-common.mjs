// What the benchmark scripts (bench-ui, bench-catalogue, bench-limits, lighthouse) share:
// failures with a plain message, a free port, the built site served, the statistics they
// print, and a run that always cleans up (also on Ctrl-C / kill) and exits 1 on failure, 130
// when interrupted.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A failure the script explains itself: printed as its message, without a stack. */
export class Failure extends Error {}
export const fail = (msg) => { throw new Failure(msg); };

/** A port nothing listens on now (the OS picks it). */
export function freePort() {
  return new Promise((ok, bad) => {
    const srv = createServer();
    srv.on('error', bad);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => ok(port)); });
  });
}

const sorted = (xs) => [...xs].sort((a, b) => a - b);
export const median = (xs) => { const s = sorted(xs); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
/** Nearest-rank percentile. */
export const pct = (xs, p) => { const s = sorted(xs); return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]; };

/**
 * Runs `main`, then `cleanup` (one run however often called), and exits: 0, 1 with
 * "NAME: FAILED — reason", or 130 on SIGINT/SIGTERM. `onExit` is the synchronous last resort
 * if the process ends some other way (kill servers, remove temp dirs).
 */
export async function runBench(name, { main, cleanup, onExit = () => {} }) {
  let cleaning = null;
  const cleanOnce = () => (cleaning ??= Promise.resolve().then(cleanup));
  let interrupted = false;
  process.on('exit', onExit);
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => {
      interrupted = true;
      console.error(`${name}: ${sig}, cleaning up`);
      cleanOnce().finally(() => process.exit(130));
    });
  }
  let code = 0;
  try {
    await main();
  } catch (e) {
    code = interrupted ? 130 : 1;
    if (!interrupted) console.error(`${name}: FAILED — ${e instanceof Failure ? e.message : (e?.stack ?? e)}`);
  } finally {
    await cleanOnce().catch(() => {});
  }
  process.exit(code);
}

/**
 * Serves `dist` under `prefix` with scripts/serve-dist.mjs (run from `root`, with `extra`
 * arguments such as `--gzip`), once it says it is serving. `portEnv` names the variable that
 * picks another port, for the message when the port is taken.
 */
export async function serveDist({ root, dist, port, prefix, extra = [], portEnv }) {
  const proc = spawn(process.execPath, ['scripts/serve-dist.mjs', dist, String(port), prefix, ...extra],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((ok) => proc.once('exit', () => ok()));
  const s = {
    url: `http://127.0.0.1:${port}${prefix}`,
    kill: () => { if (proc.exitCode === null && proc.signalCode === null) proc.kill(); },
    stop: async () => { s.kill(); await exited; },
  };
  await new Promise((ok, bad) => {
    let out = '';
    const timer = setTimeout(() => bad(new Failure(`serve-dist did not start on port ${port}: ${out}`)), 10_000);
    proc.stdout.on('data', (d) => { out += String(d); if (out.includes('Serving')) { clearTimeout(timer); ok(); } });
    proc.stderr.on('data', (d) => { out += String(d); });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      bad(new Failure(`serve-dist exited with ${code} (port ${port} in use? stop what serves on it or set ${portEnv}): ${out.trim()}`));
    });
  });
  return s;
}

/** A whole number ≥ `min` from the environment variable `name`, else `fallback`. */
export function intEnv(name, fallback, min) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) fail(`${name}=${raw}: expected a whole number ≥ ${min}`);
  return n;
}
