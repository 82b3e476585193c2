#!/usr/bin/env bash
# Runs every test: native (unit, integration, property, table), browser (wasm-bindgen-test in
# headless Chromium), the release build with its size budget, and end-to-end (Playwright
# against dist/ served under a sub-path). Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
NEED_BROWSER=1 source scripts/tools.sh

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "native tests (domain, engine, i18n; property tests run 10,000 cases)"
cargo test --locked

step "browser tests (wasm-bindgen-test in headless Chromium)"
export CHROMEDRIVER=/usr/bin/chromedriver
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
cargo test --locked --target wasm32-unknown-unknown --test browser_app

step "release build and size budget"
scripts/build.sh
total=0
for f in dist/*; do [ -f "$f" ] && total=$((total + $(gzip -9c "$f" | wc -c))); done
if [ "$total" -gt $((180 * 1024)) ]; then
  echo "FAILED: first-visit transfer $((total / 1024)) KB gzip exceeds the 180 KB budget"
  exit 1
fi

step "end-to-end tests (Playwright, machine Chromium, dist/ under /a/b/)"
npx playwright test
