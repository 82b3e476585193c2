// Writes the "limits" report: the documented example stretched to the sizes the app promises
// to handle — a 50-year forecast and a dimension of 200 segments (with a second dimension of
// 200 bottom-up members). Used by tests/e2e/limits.spec.ts and scripts/bench-limits.sh.
//   node scripts/limits-report.mjs OUT.json
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LIMITS = { years: 50, segments: 200 };

export function limitsReport() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const r = JSON.parse(readFileSync(join(root, 'docs', 'example-report.json'), 'utf8'));
  const from = r.meta.base_year;
  const to = from + LIMITS.years;
  r.id = 'limits-200-segments-50-years';
  r.meta.title = { en: `Limits: ${LIMITS.segments} segments over ${LIMITS.years} years` };
  r.meta.forecast = { from: from + 1, to };
  r.meta.headline = { en: `US$1.2 bn (${from}) → US$12 bn (${to})` };
  r.series[0].points = [
    { year: from, value: 1.2e9, provenance: 'reported' },
    { year: to, value: 1.2e10, provenance: 'reported' },
  ];
  r.forecast.published_rate = { implied: { from, to } };
  const n = LIMITS.segments;
  // Shares fall off like a long tail (a few big, many small) and add up to one.
  const weights = Array.from({ length: n }, (_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const member = (i, w) => {
    const share = Math.round((w / total) * 1e6) / 1e6;
    return {
      id: `segment-${String(i + 1).padStart(3, '0')}`,
      name: { en: `Segment ${i + 1}` },
      share: { default: share, min: 0, max: Math.min(1, share * 2), step: 0.000001 },
      growth: { default: 0.02 + (i % 20) * 0.004, min: 0, max: 0.3, step: 0.005 },
    };
  };
  const members = weights.map((w, i) => member(i, w));
  // Rounding leaves the shares a few millionths off one: the first member takes the rest.
  const sum = members.reduce((a, m) => a + m.share.default, 0);
  members[0].share.default = Math.round((members[0].share.default + 1 - sum) * 1e6) / 1e6;
  members[0].share.max = Math.min(1, members[0].share.default * 2);
  r.dimensions = [{ id: 'product', name: { en: 'Product' }, mode: 'top_down', members }];
  return r;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = process.argv[2];
  if (!out) { console.error('usage: node scripts/limits-report.mjs OUT.json'); process.exit(2); }
  writeFileSync(out, JSON.stringify(limitsReport(), null, 1));
}
