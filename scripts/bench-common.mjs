// What the benchmark scripts (bench-ui, bench-catalogue, bench-limits) share: failures with a
// plain message, a free port, the statistics they print, and a run that always cleans up (also
// on Ctrl-C / kill) and exits 1 on failure, 130 when interrupted.
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
