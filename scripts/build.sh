#!/usr/bin/env bash
# Release build into dist/ with relative URLs (works under any path). Trunk builds the page, CSS,
# icon and boot.js and copies reports/ into dist/reports/; its post_build hook,
# scripts/build-wasm.sh, builds the wasm and splits it (the first visit's main module, one lazy
# chunk per view), with content-hashed names and a module loader file. Then
# scripts/catalogue.sh validates every report and writes the catalogue (dist/reports/index.json,
# pages, report.schema.json), and scripts/postbuild.mjs writes the Content-Security-Policy into
# dist/index.html and generates dist/sw.js (the offline service worker with this build's
# precache list, chunks included). scripts/first-screens.mjs then draws each report's first
# screen for its links (needs Chromium). Prints the first-visit size.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/tools.sh
trunk build --release --offline --public-url ./
scripts/catalogue.sh dist
# A report link's first screen, drawn by the app in Chromium (scripts/first-screens.mjs); then the
# service worker's precache list again, with those files. Without Chromium the build has none
# (a report link then shows the loading line until the app has drawn the report).
if [ -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  node scripts/first-screens.mjs dist
  node scripts/postbuild.mjs dist > /dev/null
else
  echo "build: no Chromium at ${CHROMIUM:-/usr/bin/chromium}: no first screens drawn for report links" >&2
fi
main_wasm=$(ls dist/report-explorer-*_bg.wasm)
lazy_gz=0
for f in dist/lazy-*.wasm; do lazy_gz=$((lazy_gz + $(gzip -9c "$f" | wc -c))); done
echo "dist/ first-visit transfer (page, loader, glue, main wasm, CSS, icon, boot.js, sw.js, reports/index.json): $(scripts/size.sh dist) KB gzip -9 (budget 180 KB); main wasm alone: $(( $(gzip -9c "$main_wasm" | wc -c) / 1024 )) KB; lazy chunks (not in the first visit): $(ls dist/lazy-*.wasm | wc -l) files, $((lazy_gz / 1024)) KB gzip -9 together"
