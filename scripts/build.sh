#!/usr/bin/env bash
# Release build into dist/ with relative URLs (works under any path). Prints the size budget.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/tools.sh
trunk build --release --offline --public-url ./
total=0
for f in dist/*; do
  [ -f "$f" ] || continue
  total=$((total + $(gzip -9c "$f" | wc -c)))
done
echo "dist/ first-visit transfer: $((total / 1024)) KB gzip -9 (budget 180 KB); wasm alone: $(( $(gzip -9c dist/*.wasm | wc -c) / 1024 )) KB"
