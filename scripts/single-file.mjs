// Builds one self-contained HTML file from a release build:
//   node scripts/single-file.mjs dist dist-single   →   dist-single/report-explorer.html
// (scripts/build-single.sh runs the release build first.) Node built-ins only.
//
// Starting from dist/index.html: the stylesheet becomes a <style>, the favicon a data: URL,
// preload links go, a classic script by URL (boot.js) goes inline, and the module loader
// (start-<hash>.js, written by scripts/split-assets.mjs) is replaced by one inline module script
// holding the wasm-bindgen glue and the chunk loader (their `import`s and `export`s removed),
// the main wasm as a base64 string, decoded in JS and handed to the glue's init as bytes, and
// every lazy chunk as base64 too, which the chunk loader reads instead of fetching (no fetch at
// all, so it runs from file:// with no server). The page carries the same CSP as
// dist/index.html, with the sha256 of the inline script and of the inline style.
import { readFileSync, writeFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve, extname, basename } from 'node:path';
import { withCsp, stripCspMeta } from './postbuild.mjs';

const OUT_NAME = 'report-explorer.html';
const MIME = { '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.webp': 'image/webp' };

const src = resolve(process.argv[2] ?? 'dist');
const outDir = resolve(process.argv[3] ?? 'dist-single');

const fail = (msg) => { throw new Error(`single-file: ${msg}`); };
const attr = (tag, name) => tag.match(new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'))
  ?.slice(2).find((v) => v !== undefined);
/** A file of the build named by a relative URL like ./x.css (no other URLs are expected). */
function local(href) {
  if (!href || !href.startsWith('./') || href.includes('..')) fail(`unexpected URL ${href}`);
  return join(src, decodeURIComponent(href.slice(2).split(/[?#]/)[0]));
}
/** Text for a raw-text element: must not end the element early or open an escape state. */
function rawText(text, what) {
  if (/<\/(script|style)/i.test(text) || text.includes('<!--')) fail(`${what} contains </script, </style or <!--`);
  return text;
}

let html = stripCspMeta(readFileSync(join(src, 'index.html'), 'utf8'));

// The Chinese texts' files and the program boot.js would preload: here they are inline,
// nothing to fetch.
html = html.replace(/[ \t]*<meta name="report-explorer:texts-[^"]*" content="[^"]*">\n?/g, '');
html = html.replace(/[ \t]*<meta name="report-explorer:program" content="[^"]*" data-integrity="[^"]*">\n?/g, '');
// A report's first screen drawn at build time is a file of its own (reports/first/), which the
// single file does not carry: boot.js shows none from disk.
html = html.replace(/[ \t]*<meta name="report-explorer:first-screens" content="[^"]*">\n?/g, '');
// One left behind would have boot.js preload a file the single file does not have.
if (/<meta name="report-explorer:/.test(html)) fail('index.html has a report-explorer <meta> this script does not know');

// <link> elements: stylesheet → <style>, icon → data: URL, preloads → gone.
html = html.replace(/<link\b[^>]*>/gi, (tag) => {
  const rel = (attr(tag, 'rel') ?? '').toLowerCase();
  const href = attr(tag, 'href');
  if (rel === 'stylesheet') {
    const css = readFileSync(local(href), 'utf8');
    if (/url\(\s*(?!["']?data:)|@import/i.test(css)) fail(`${href} refers to other files`);
    return `<style>${rawText(css, href)}</style>`;
  }
  if (rel === 'modulepreload' || rel === 'preload') return '';
  if (rel.split(/\s+/).includes('icon')) {
    const file = local(href);
    const mime = MIME[extname(file)] ?? fail(`no MIME type for ${href}`);
    const data = readFileSync(file).toString('base64');
    return `<link rel="${rel}" type="${mime}" href="data:${mime};base64,${data}">`;
  }
  fail(`do not know how to inline ${tag}`);
});

// The module loader (start-<hash>.js): set aside, replaced below by the inline module.
const LOADER_MARK = '<!--single-file:loader-->';
const loaderTags = [...html.matchAll(/<script\b[^>]*\bsrc="(\.\/start-[0-9a-f]+\.js)"[^>]*>\s*<\/script\s*>/gi)];
if (loaderTags.length !== 1) fail(`expected one module loader (start-<hash>.js) in index.html, found ${loaderTags.length}`);
const loader = readFileSync(local(loaderTags[0][1]), 'utf8');
html = html.replace(loaderTags[0][0], () => LOADER_MARK);

// Classic scripts of the build loaded by URL (public/boot.js: the first screen's language and
// its message when the app cannot start) go inline as they are; their hashes join the CSP.
html = html.replace(/<script\b([^>]*)>\s*<\/script\s*>/gi, (tag, attrs) => {
  const href = attr(`<script${attrs}>`, 'src');
  if (!href) return tag;
  if (/type\s*=\s*["']?module/i.test(attrs)) fail(`a module script by URL (${href}) cannot go inline as is`);
  return `<script>${rawText(readFileSync(local(href), 'utf8'), href)}</script>`;
});

// The loader: `import init, * as bindings from './x.js'; … init({ module_or_path: new URL('./x_bg.wasm', …) })`.
const jsHref = loader.match(/import\s+init\s*,\s*\*\s*as\s+bindings\s+from\s+['"]([^'"]+)['"]/)?.[1]
  ?? fail('the loader does not import the glue as expected');
const wasmHref = loader.match(/module_or_path:\s*new URL\(\s*['"]([^'"]+\.wasm)['"]/)?.[1]
  ?? fail('the loader does not name the wasm as expected');

// The chunk loader (split-<hash>.js) that the glue imports, as an expression: its import of
// the glue's initSync dropped (a function declaration of the same module below), its exports
// returned as an object, and each chunk's fetch answered from the bytes inlined here.
let glue = readFileSync(local(jsHref), 'utf8');
const splitImports = [...glue.matchAll(/^import \* as (\w+) from "(\.\/split-[0-9a-f]+\.js)";?[ \t]*$/gm)];
const splitHrefs = new Set(splitImports.map((m) => m[2]));
if (splitHrefs.size !== 1) fail(`${jsHref} should import one chunk loader, imports ${[...splitHrefs].join(', ') || 'none'}`);
const [splitHref] = splitHrefs;
let split = readFileSync(local(splitHref), 'utf8');
split = split.replace(/^import \{ initSync \} from "[^"]+";?[ \t]*$/m, '');
const splitExports = [];
split = split.replace(/^export const (\w+)/gm, (m, name) => { splitExports.push(name); return `const ${name}`; });
if (/^\s*(import|export)\b/m.test(split)) fail(`${splitHref} has an import or export form this script does not handle`);
const chunks = new Map(); // chunk file name → base64
split = split.replace(/fetch\(new URL\("\.\/(lazy-[\w-]+\.wasm)", import\.meta\.url\)\)/g, (m, name) => {
  chunks.set(name, readFileSync(join(src, name)).toString('base64'));
  return `__single_fetch(${JSON.stringify(name)})`;
});
if (/import\.meta|(?<![\w$])fetch\(/.test(split)) fail(`${splitHref} fetches something this script did not inline`);
for (const f of readdirSync(src).filter((f) => f.startsWith('lazy-'))) {
  if (!chunks.has(f)) fail(`${f} is in the build but ${splitHref} never loads it`);
}
glue = glue.replace(/^import \* as (\w+) from "\.\/split-[0-9a-f]+\.js";?[ \t]*$/gm, (m, name) => `const ${name} = __single_split;`);
const splitModule = `
// ---- the chunk loader (${splitHref}), its chunks inlined as base64 ----
const __single_chunks = {
${[...chunks].map(([name, b64]) => `  ${JSON.stringify(name)}: "${b64}",`).join('\n')}
};
const __single_fetch = (name) => Promise.resolve(new Response(__single_decode(__single_chunks[name]),
  { headers: { 'Content-Type': 'application/wasm' } }));
const __single_split = (() => {
${split}
return { ${splitExports.join(', ')} };
})();
`;

// The glue as plain module-level code: no imports, exports turned into declarations.
if (/^\s*import\s/m.test(glue)) fail(`${jsHref} imports other modules (snippets?); cannot inline`);
const exported = new Map(); // exported name → local name
glue = glue.replace(/^export\s+(?:async\s+)?(class|function\*?|const|let|var)\s+([A-Za-z_$][\w$]*)/gm, (m, kind, name) => {
  exported.set(name, name);
  return m.replace(/^export\s+/, '');
});
glue = glue.replace(/^export\s*\{([^}]*)\};?[ \t]*$/gm, (m, list) => {
  for (const spec of list.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [local_, as] = spec.split(/\s+as\s+/);
    exported.set((as ?? local_).trim(), local_.trim());
  }
  return '';
});
if (/^export\b/m.test(glue)) fail(`${jsHref} has an export form this script does not handle`);
const init = exported.get('default') ?? fail('the glue has no default export (init)');

const wasm = readFileSync(local(wasmHref));
const bindings = [...exported].map(([name, loc]) => `${JSON.stringify(name)}: ${loc}`).join(', ');
const script = `
function __single_decode(b64) {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
${splitModule}
${glue}
// ---- single-file loader (scripts/single-file.mjs): the wasm is inlined as base64 ----
const __single_bytes = __single_decode("${wasm.toString('base64')}");
const __single_instance = await ${init}({ module_or_path: __single_bytes });
window.wasmBindings = { ${bindings} };
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm: __single_instance } }));
`;
const fullScript = rawText(script, 'the script');

html = html.replace(LOADER_MARK, () => `<script type="module">${fullScript}</script>`);

// The catalogue and every report file, as JSON data blocks the app reads instead of fetching
// (src/browser/fetch.rs). `<\/` is the same string in JSON and cannot end the element.
const reportsDir = join(src, 'reports');
const dataFiles = readdirSync(reportsDir).filter((f) => f.endsWith('.json') && f !== 'report.schema.json').sort();
if (!dataFiles.includes('index.json')) fail('dist/reports/index.json is missing (run scripts/catalogue.sh dist)');
const blocks = dataFiles.map((f) => {
  const json = readFileSync(join(reportsDir, f), 'utf8').replace(/<\//g, '<\\/').replace(/<!--/g, '<\\u0021--');
  return `<script type="application/json" data-file="reports/${f}">${rawText(json, f)}</script>`;
}).join('\n');
html = html.replace(/<\/body>/i, () => `${blocks}\n</body>`);

// Nothing may still point at another file.
const markup = html.replace(/<(script|style)\b([^>]*)>[\s\S]*?<\/\1\s*>/gi, '<$1$2></$1>');
const leftover = markup.match(/\s(?:src|href)\s*=\s*["']?(?!data:|#)[^"'\s>]+/i);
if (leftover) fail(`still refers to a file: ${leftover[0].trim()}`);

const page = withCsp(html, OUT_NAME);
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, OUT_NAME), page.html);
const kb = (n) => Math.round(n / 1024);
console.log(`single-file: ${join(basename(outDir), OUT_NAME)} (${kb(Buffer.byteLength(page.html))} KB; `
  + `wasm ${kb(wasm.length)} KB and ${chunks.size} lazy chunks as base64; ${dataFiles.length} catalogue/report files inline; `
  + `${page.scripts} script hash, ${page.styles} style hash)`);
if (readdirSync(outDir).length !== 1) fail('more than one file in the output');
