#!/usr/bin/env bash
# Installs what building and testing need, idempotently and pinned. Sourced by serve.sh and
# test.sh; safe to run again (each step checks before it installs).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130   # must equal the exact wasm-bindgen pin in Cargo.toml
WASM_SPLIT_VERSION=0.2.3       # wasm-split-cli; the app's wasm_split_helpers (via leptos) is 0.2.3

say() { printf '\033[1m[tools]\033[0m %s\n' "$*"; }

export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

# Rust toolchain and the wasm target (rust-toolchain.toml names both; rustup installs on use).
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The lint gate needs rustfmt and clippy (named in rust-toolchain.toml; rustup may be set not to
# install on use).
for component in rustfmt clippy; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    say "adding the $component component"
    rustup component add "$component"
  fi
done

# The release wasm is built on a pinned nightly with the standard library rebuilt for size and
# panics as immediate aborts (scripts/release-flags.sh): less wasm than stable's prebuilt std with
# its panic messages (README, "Release toolchain"). Needs the nightly's library sources and their
# crates (fetched here, so the build itself runs offline). Stable stays the default toolchain for
# everything else.
NIGHTLY=$(cat scripts/nightly-toolchain)
if ! rustup component list --toolchain "$NIGHTLY" --installed 2>/dev/null | grep -q '^rust-src'; then
  say "installing the $NIGHTLY toolchain with rust-src (for the release wasm and fuzzing)"
  rustup toolchain install "$NIGHTLY" --profile minimal --component rust-src
fi
NIGHTLY_LIBRARY="$(rustc "+$NIGHTLY" --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
cargo "+$NIGHTLY" fetch --manifest-path "$NIGHTLY_LIBRARY" >/dev/null 2>&1 \
  || cargo "+$NIGHTLY" fetch --manifest-path "$NIGHTLY_LIBRARY"

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (takes a few minutes once)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: the CLI's own lockfile names a yanked crate.
  cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION"
fi

# wasm-split-cli cuts the app's wasm into lazily loaded chunks (scripts/build-wasm.sh). It has no
# --version flag: cargo's list of installed crates says which version is there.
if ! command -v wasm-split-cli >/dev/null \
   || ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli (wasm_split_cli_support $WASM_SPLIT_VERSION)"
  cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary
fi

# npm dev tools (wasm-opt from binaryen, esbuild, Playwright) exactly as the lockfile says.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/esbuild ] || [ ! -d node_modules/@playwright/test ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm dev tools from package-lock.json"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi

# Crates, so the builds below need no network.
cargo fetch --locked >/dev/null 2>&1 || cargo fetch --locked

# Chromium and its driver for the tests, and CJK fonts so Chinese renders in screenshots and
# in the contrast checks.
if [ "${NEED_BROWSER:-0}" = 1 ] && { ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
     || [ ! -d /usr/share/fonts/opentype/noto ]; }; then
  say "installing Debian chromium, chromium-driver and fonts-noto-cjk for the browser tests"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver fonts-noto-cjk
fi
