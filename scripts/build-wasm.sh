#!/usr/bin/env bash
# The app's wasm, split into lazily loaded chunks. Trunk 0.21 cannot split (trunk-rs/trunk#1022),
# so Trunk builds the page, CSS, icon, boot.js and reports, and runs this script as its
# post_build hook (Trunk.toml) for `trunk build` and `trunk serve` alike:
#
#   cargo build --features split (release: pinned nightly, std rebuilt; RUSTFLAGS -Clink-args=--emit-relocs: wasm-split-cli needs the
#     relocations) → wasm-split-cli (the main module, __wasm_split.js, one wasm per lazy view and
#     shared chunks) → wasm-bindgen --target web --keep-lld-exports (the chunks link to the main
#     module's table and memory) → wasm-opt -Oz on every module (release only) →
#     scripts/split-assets.mjs (content-hashed names, the module loader file, index.html links).
#
# Trunk sets TRUNK_STAGING_DIR (where the build is being assembled) and TRUNK_PROFILE.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

STAGE="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook (see Trunk.toml)}"
PROFILE="${TRUNK_PROFILE:-release}"
TARGET_DIR="${CARGO_TARGET_DIR:-target}"
WORK="$TARGET_DIR/split/$PROFILE"

# Release: the pinned nightly with std rebuilt for size and panics as immediate aborts
# (scripts/release-flags.sh; measured in the README's Size section). A panic still stops the
# app, as `panic = "abort"` did. STABLE_RELEASE=1 builds the release on stable instead (the same
# code; the dev build is always stable).
toolchain=()
minify=()
build=(--features split)
rustflags="-Clink-args=--emit-relocs"
if [ "$PROFILE" = release ]; then
  build+=(--release)
  # boot.js and the CSS minified too (esbuild, in split-assets.mjs).
  minify=(--minify)
  if [ -z "${STABLE_RELEASE:-}" ]; then
    source scripts/release-flags.sh
    toolchain=("$RELEASE_TOOLCHAIN")
    build+=("${RELEASE_CARGO_FLAGS[@]}")
    rustflags="$rustflags $RELEASE_RUSTFLAGS"
  fi
fi

RUSTFLAGS="${RUSTFLAGS:+$RUSTFLAGS }$rustflags" \
  cargo "${toolchain[@]}" build --locked --offline "${build[@]}" --target wasm32-unknown-unknown \
  --bin report-explorer

rm -rf "$WORK"
mkdir -p "$WORK/split" "$WORK/bindgen"
wasm-split-cli "$TARGET_DIR/wasm32-unknown-unknown/$PROFILE/report-explorer.wasm" "$WORK/split" \
  --out-name report-explorer
wasm-bindgen --target web --keep-lld-exports --no-demangle --no-typescript \
  --out-dir "$WORK/bindgen" --out-name report-explorer "$WORK/split/report-explorer.wasm"
cp "$WORK/split/__wasm_split.js" "$WORK/bindgen/"
for chunk in "$WORK"/split/*.wasm; do
  [ "$(basename "$chunk")" = report-explorer.wasm ] || cp "$chunk" "$WORK/bindgen/"
done

# KEEP_NAMES=1 keeps the functions' names (wasm-opt -g) in an otherwise identical release, for
# CPU profiles that name Rust functions (larger files: not for shipping or size figures).
names=(--strip-debug)
[ -n "${KEEP_NAMES:-}" ] && names=(-g)
if [ "$PROFILE" = release ]; then
  for module in "$WORK"/bindgen/*.wasm; do
    # Names and producers stripped; the chunks' and main module's exports stay (they link).
    wasm-opt -Oz "${names[@]}" --strip-producers "$module" -o "$module.opt" 2>/dev/null
    mv "$module.opt" "$module"
  done
fi

node scripts/split-assets.mjs "$WORK/bindgen" "$STAGE" "${minify[@]}"
