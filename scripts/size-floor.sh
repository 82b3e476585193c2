#!/usr/bin/env bash
# What the stack costs before any view of ours: builds scripts/size-floor (a page with one
# Leptos slider; then the same with a report fetched, read with serde_json, validated and
# projected by the app's domain) with the app's release toolchain, wasm-bindgen and wasm-opt,
# and prints gzip -9 of each wasm and glue beside the app's first visit (dist/, if built).
# Not part of scripts/test.sh; about 4 minutes the first time (std and Leptos built for it).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/tools.sh >/dev/null
source scripts/release-flags.sh

TARGET="${CARGO_TARGET_DIR:-$PWD/target}/size-floor"
gz() { gzip -9c "$1" | wc -c; }
kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1024 }'; }

# Its lockfile holds the app's versions (seeded from Cargo.lock); tools.sh fetched them.
cargo fetch --locked --manifest-path scripts/size-floor/Cargo.toml >/dev/null

for variant in slider report; do
  features=()
  [ "$variant" = report ] && features=(--features report)
  RUSTFLAGS="$RELEASE_RUSTFLAGS" CARGO_TARGET_DIR="$TARGET" \
    cargo "$RELEASE_TOOLCHAIN" build --locked --offline --release --quiet \
    --manifest-path scripts/size-floor/Cargo.toml --target wasm32-unknown-unknown \
    "${RELEASE_CARGO_FLAGS[@]}" "${features[@]}"
  out="$TARGET/$variant"
  rm -rf "$out"
  wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name floor \
    "$TARGET/wasm32-unknown-unknown/release/size-floor.wasm"
  wasm-opt -Oz --strip-debug --strip-producers "$out/floor_bg.wasm" -o "$out/floor_bg.wasm"
  wasm=$(gz "$out/floor_bg.wasm")
  glue=$(gz "$out/floor.js")
  case "$variant" in
    slider) what="Leptos, one slider and its text" ;;
    report) what="+ a report fetched, read (serde_json), validated and projected" ;;
  esac
  printf '%-66s wasm %s + glue %s = %s gzip -9\n' "$what" "$(kb "$wasm")" "$(kb "$glue")" "$(kb $((wasm + glue)))"
done
if main=$(ls dist/report-explorer-*_bg.wasm 2>/dev/null); then
  printf '%-66s main module %s; first visit %s KB (scripts/size.sh)\n' "the app (dist/)" \
    "$(kb "$(gz "$main")")" "$(scripts/size.sh dist)"
fi
echo "budget for the first visit: 180 KB gzip (page, CSS, scripts and catalogue included)"
