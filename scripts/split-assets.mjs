// The last step of scripts/build-wasm.sh: puts the split wasm into a Trunk staging directory.
//   node scripts/split-assets.mjs <bindgen dir> <staging dir> [--minify]
// Node built-ins; with --minify (release builds), esbuild (pinned in package.json) minifies
// Trunk's boot.js and CSS. The module scripts stay as the tools wrote them: the single-file
// build (scripts/single-file.mjs) and scripts/size-profile.py read them.
//
// In: report-explorer.js (wasm-bindgen glue, imports ./__wasm_split.js), report-explorer_bg.wasm
// (the main module), __wasm_split.js (wasm-split-cli's chunk loader, imports the glue's
// initSync) and the chunks: split_<view>.wasm (one per lazy view) and chunk_<n>.wasm (code
// shared by some views).
//
// Out, every name a content hash, so a tab left open across a redeploy never mixes two builds:
// - lazy-<chunk>-<hash>.wasm: each chunk, named by its own bytes; the lazy- prefix marks what
//   a first visit does not fetch (scripts/size.sh);
// - report-explorer-<H>.js, report-explorer-<H>_bg.wasm, split-<H>.js: the glue, the main module
//   and the chunk loader, which import each other, so one hash H over all three (with the
//   chunks' new names in) names them together;
// - start-<hash>.js: the module loader the page runs (no inline script: the CSP stays strict);
//   it starts the glue and announces the start as Trunk's loader did (boot.js listens);
// - index.html: preload links with subresource integrity as Trunk writes them (the main
//   module's as a <meta> that boot.js preloads on a link that opens a report), and the
//   loader's <script type="module">. Every URL is relative (./), so any sub-path works;
// - with --minify: boot-<hash>.js and the CSS minified and renamed by their new bytes (Trunk's
//   name hashes the source: a returning reader's cached copy under it would fail the new
//   integrity), their integrity in index.html rewritten.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, unlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const minifying = args.includes('--minify');
const [from, stage] = args.filter((a) => a !== '--minify').map((p) => resolve(p));
if (!from || !stage) throw new Error('usage: node scripts/split-assets.mjs <bindgen dir> <staging dir> [--minify]');

const fail = (msg) => { throw new Error(`split-assets: ${msg}`); };
const hex = (data) => createHash('sha256').update(data).digest('hex').slice(0, 16);
const sri = (data) => 'sha384-' + createHash('sha384').update(data).digest('base64');
/** Replaces every occurrence of `from`, failing when there is none (the tools' output changed). */
const replaceAll = (text, what, by, where) => {
  if (!text.includes(what)) fail(`${where} does not mention ${what}`);
  return text.split(what).join(by);
};

const GLUE = 'report-explorer.js';
const MAIN = 'report-explorer_bg.wasm';
const SPLIT = '__wasm_split.js';

let glue = readFileSync(join(from, GLUE), 'utf8');
const main = readFileSync(join(from, MAIN));
let split = readFileSync(join(from, SPLIT), 'utf8');

// Chunks: renamed by their own content; the loader's references follow.
const chunks = readdirSync(from).filter((f) => f.endsWith('.wasm') && f !== MAIN).sort();
const out = new Map(); // file name in the stage → bytes or text
let lazyBytes = 0;
for (const chunk of chunks) {
  const bytes = readFileSync(join(from, chunk));
  const name = `lazy-${chunk.replace(/\.wasm$/, '')}-${hex(bytes)}.wasm`;
  split = replaceAll(split, `"./${chunk}"`, `"./${name}"`, SPLIT);
  out.set(name, bytes);
  lazyBytes += bytes.length;
}
const stray = split.match(/"\.\/[^"]+\.wasm"/g)?.filter((u) => !u.startsWith('"./lazy-'));
if (stray?.length) fail(`${SPLIT} names chunks that were not built: ${stray.join(', ')}`);

// wasm-split-cli lists the main module's shared exports in a different order from one build to
// the next (a hash map's order): sorted, the same code gives the same loader, hence the same
// names, and a redeploy of unchanged code does not make returning readers fetch it again.
const sortedNames = (list) => list.split(',').map((n) => n.trim()).filter(Boolean).sort().join(', ');
const shared = /\{ ([\w$, ]*?),\s*\} = initSync\(|Object\.assign\(sharedImports\.__wasm_split, \{ ([\w$, ]*?),\s*\}\);/g;
const lists = split.match(shared)?.length ?? 0;
if (lists !== 2) fail(`${SPLIT}: ${lists} shared export lists where 2 were expected (the tool's output changed)`);
split = split.replace(shared, (all, a, b) => all.replace(a ?? b, () => sortedNames(a ?? b)));

// The glue, main module and chunk loader: one hash over the three.
const h = hex(Buffer.concat([main, Buffer.from(glue), Buffer.from(split)]));
const names = {
  glue: `report-explorer-${h}.js`,
  main: `report-explorer-${h}_bg.wasm`,
  split: `split-${h}.js`,
};
// Only the import statements: the imports object keeps the module name the wasm imports.
glue = replaceAll(glue, `from "./${SPLIT}"`, `from "./${names.split}"`, GLUE);
glue = replaceAll(glue, `'${MAIN}'`, `'${names.main}'`, GLUE); // the glue's default URL
split = replaceAll(split, `from "./${GLUE}"`, `from "./${names.glue}"`, SPLIT);
out.set(names.glue, glue);
out.set(names.main, main);
out.set(names.split, split);

// What a split point fetches: its own chunk and the shared chunks it needs, as the loader lists them.
const sharedFile = new Map([...split.matchAll(
  /const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)].map((m) => [m[1], m[2]]));
function filesOf(point) {
  const m = new RegExp(`export const __wasm_split_load_${point} = wrapAsyncCb\\(makeLoad\\(\\(\\) => \\{`
    + `\\s*const src = fetch\\(new URL\\("\\.\\/([^"]+)"[\\s\\S]*?\\n, \\[([^\\]]*)\\]\\)\\);`).exec(split);
  if (!m) fail(`${SPLIT} has no split point ${point}`);
  const deps = m[2].split(',').map((d) => d.trim()).filter(Boolean);
  return [m[1], ...deps.map((d) => sharedFile.get(d) ?? fail(`${SPLIT}: ${point} needs ${d}, which it does not define`))];
}
// A Chinese interface's texts are the chunk of its language's split point (src/ui/lazy.rs);
// public/boot.js preloads them, for that language only, as the page loads.
const texts = { 'zh-Hans': filesOf('texts_hans'), 'zh-Hant': filesOf('texts_hant') };

// The module loader. A link that opens a report has the program on its way already (boot.js
// preloads it: the report's first screen is the program's), unless the build drew that report's
// first screen (scripts/first-screens.mjs): then the loader waits until boot.js says it has
// painted or will not come ('report-explorer:first-screen'). A library visit's first screen is
// in the page, so there the loader asks for the program once that screen has painted (the
// browser's first contentful paint, not a timer: the tests stop timers), and its download does
// not hold the page's own files back. It never waits for long: a hidden tab (it paints nothing)
// starts at once or when hidden, any browser after 3 s at most, and one without paint timing
// (or whose observer throws) at once. Its comments are few: it is sent as written.
const start = `// Starts Report Explorer (written by scripts/split-assets.mjs).
import init, * as bindings from './${names.glue}';
try {
  if (document.documentElement.classList.contains('first-screen-pending')) {
    await new Promise((go) => { addEventListener('report-explorer:first-screen', go, { once: true }); setTimeout(go, 3000); });
  }
  if (!document.querySelector('link[rel="preload"][type="application/wasm"]') && document.visibilityState === 'visible'
    && !performance.getEntriesByName('first-contentful-paint').length && PerformanceObserver.supportedEntryTypes.includes('paint')) {
    await new Promise((go) => {
      const o = new PerformanceObserver((l) => { if (l.getEntriesByName('first-contentful-paint').length) done(); });
      const done = () => { o.disconnect(); go(); };
      o.observe({ type: 'paint', buffered: true });
      addEventListener('visibilitychange', done, { once: true });
      setTimeout(done, 3000);
    });
  }
} catch {}
const wasm = await init({ module_or_path: new URL('./${names.main}', import.meta.url) });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
`;
const startName = `start-${hex(start)}.js`;
out.set(startName, start);

for (const [name, data] of out) writeFileSync(join(stage, name), data);

// index.html: what the first visit needs, preloaded as Trunk does, then the loader.
const indexPath = join(stage, 'index.html');
let html = readFileSync(indexPath, 'utf8');
if (/<script\b[^>]*\bsrc="\.\/start-/.test(html)) fail('index.html already has a loader');
const tags = [
  `<link rel="modulepreload" href="./${names.glue}" crossorigin="anonymous" integrity="${sri(glue)}">`,
  `<link rel="modulepreload" href="./${names.split}" crossorigin="anonymous" integrity="${sri(split)}">`,
  `<script type="module" src="./${startName}" crossorigin="anonymous" integrity="${sri(start)}"></script>`,
];
// Trunk leaves the skipped rust link (index.html) in the page: it has done its job.
html = html.replace(/[ \t]*<link\b[^>]*\bdata-trunk-skip\b[^>]*>\n?/gi, '');
if (/<[a-z][^>]*\sdata-trunk\b/i.test(html)) fail('index.html still has a data-trunk element');
if (!/<\/head>/i.test(html)) fail('index.html has no </head>');
html = html.replace(/<\/head>/i, () => `${tags.join('\n')}\n</head>`);
// Before boot.js, which reads them as it runs.
const bootTag = /<script\b[^>]*\bsrc="\.\/boot-[0-9a-f]+\.js"/i;
if (!bootTag.test(html)) fail('index.html has no boot.js script');
const metas = Object.entries(texts)
  .map(([lang, files]) => `<meta name="report-explorer:texts-${lang}" content="${files.map((f) => `./${f}`).join(' ')}">`);
// The program, for boot.js to preload when the link opens a report (see the loader above).
metas.push(`<meta name="report-explorer:program" content="./${names.main}" data-integrity="${sri(main)}">`);
html = html.replace(bootTag, (tag) => `${metas.join('\n  ')}\n  ${tag}`);
if (minifying) {
  // Loaded only here, so a dev build runs without it.
  const { transformSync } = await import('esbuild');
  for (const file of readdirSync(stage).filter((f) => /^(boot-[0-9a-f]+\.js|[\w-]+-[0-9a-f]+\.css)$/.test(f))) {
    const loader = file.endsWith('.css') ? 'css' : 'js';
    const code = transformSync(readFileSync(join(stage, file), 'utf8'), { loader, minify: true, legalComments: 'none', charset: 'utf8' }).code;
    const name = file.replace(/-[0-9a-f]+\.(js|css)$/, (_, ext) => `-${hex(code)}.${ext}`);
    const tags = html.match(new RegExp(`<(?:script|link)\\b[^>]*"\\./${file.replace(/\./g, '\\.')}"[^>]*>`, 'g')) ?? [];
    if (tags.length !== 1) fail(`index.html names ${file} ${tags.length} times where once was expected`);
    if (!/\bintegrity="sha384-[^"]+"/.test(tags[0])) fail(`index.html names ${file} without its integrity`);
    const now = tags[0].replace(`"./${file}"`, `"./${name}"`)
      .replace(/\bintegrity="sha384-[^"]+"/, () => `integrity="${sri(code)}"`);
    html = html.replace(tags[0], () => now);
    unlinkSync(join(stage, file));
    writeFileSync(join(stage, name), code);
  }
}
writeFileSync(indexPath, html);

const kb = (n) => (n / 1024).toFixed(1);
console.log(`split-assets: main module ${kb(main.length)} KB, ${chunks.length} lazy chunks `
  + `(${kb(lazyBytes)} KB together), loader ${startName}`);
