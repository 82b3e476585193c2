#!/usr/bin/env bash
# Release build into dist/ with relative URLs (works under any path); Trunk copies reports/
# into dist/reports/. Then scripts/catalogue.sh validates every report and writes the
# catalogue (dist/reports/index.json, pages, report.schema.json), and scripts/postbuild.mjs
# writes the Content-Security-Policy into dist/index.html and generates dist/sw.js (the offline
# service worker with this build's precache list). Prints the first-visit size.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/tools.sh
trunk build --release --offline --public-url ./
scripts/catalogue.sh dist
echo "dist/ first-visit transfer (page, glue, wasm, CSS, icon, sw.js, reports/index.json): $(scripts/size.sh dist) KB gzip -9 (budget 180 KB); wasm alone: $(( $(gzip -9c dist/*.wasm | wc -c) / 1024 )) KB"
