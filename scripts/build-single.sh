#!/usr/bin/env bash
# Builds the single-file edition: dist-single/report-explorer.html, one self-contained HTML
# file (CSS, JS glue and wasm inlined) that opens from disk (file://) with no server.
# Runs the release build first (scripts/build.sh), then scripts/single-file.mjs on dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
node scripts/single-file.mjs dist dist-single
