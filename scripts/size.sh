#!/usr/bin/env bash
# Prints the first-visit transfer of a built site in KB (gzip -9): every top-level file of
# DIR (the page, glue, wasm, CSS, icon, sw.js) and the catalogue's first file, which the
# library fetches at start. Report files are fetched only when opened and are not counted.
set -euo pipefail
DIR="${1:-dist}"
total=0
for f in "$DIR"/* "$DIR/reports/index.json"; do
  [ -f "$f" ] || continue
  total=$((total + $(gzip -9c "$f" | wc -c)))
done
echo $((total / 1024))
