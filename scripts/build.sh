#!/usr/bin/env bash
# Release build into dist/ with relative URLs (works under any path). Then scripts/postbuild.mjs
# writes the Content-Security-Policy into dist/index.html and generates dist/sw.js (the offline
# service worker with this build's precache list). Prints the size budget (sw.js included).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/tools.sh
trunk build --release --offline --public-url ./
node scripts/postbuild.mjs dist
total=0
for f in dist/*; do
  [ -f "$f" ] || continue
  total=$((total + $(gzip -9c "$f" | wc -c)))
done
echo "dist/ first-visit transfer (every file, sw.js included): $((total / 1024)) KB gzip -9 (budget 180 KB); wasm alone: $(( $(gzip -9c dist/*.wasm | wc -c) / 1024 )) KB"
