#!/usr/bin/env bash
# Prints the first-visit transfer of a built site in KB (gzip -9): every top-level file of
# DIR that the first visit fetches (the page, module loader, glue, chunk loader, main wasm, CSS,
# icon, boot.js, sw.js) and the catalogue's first file, which the library fetches at start.
# Not counted: the lazy-*.wasm chunks (each view's code, fetched when the view is first
# opened; the service worker precaches them after the first screen) and report files
# (fetched only when opened).
set -euo pipefail
DIR="${1:-dist}"
total=0
for f in "$DIR"/* "$DIR/reports/index.json"; do
  [ -f "$f" ] || continue
  case "$(basename "$f")" in lazy-*) continue ;; esac
  total=$((total + $(gzip -9c "$f" | wc -c)))
done
echo $((total / 1024))
