#!/usr/bin/env bash
# Validates every report in DIR/reports/ and regenerates the catalogue the app reads:
# DIR/reports/index.json (and its pages index-2.json, …) and DIR/reports/report.schema.json.
# When DIR is a built site (it has index.html), also regenerates what the build derives from
# the file list: sw.js's precache list (scripts/postbuild.mjs).
#
#   scripts/catalogue.sh dist        # after copying a report file into dist/reports/
#
# Prints file / field / reason for every bad file and exits non-zero without writing anything.
# Needs cargo (the validator is the app's own Rust code, built natively once) and, for a built
# site, node. No rebuild of the app.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIR="${1:?usage: scripts/catalogue.sh DIR   (DIR/reports/*.json)}"
DIR="$(cd "$DIR" && pwd)"
(cd "$ROOT" && cargo build --quiet --locked --profile tool --bin catalogue)
# Cargo puts the binary under CARGO_TARGET_DIR when one is set (relative to where cargo ran).
target="${CARGO_TARGET_DIR:-target}"
case "$target" in /*) ;; *) target="$ROOT/$target" ;; esac
"$target/tool/catalogue" "$DIR"
if [ -f "$DIR/index.html" ]; then
  node "$ROOT/scripts/postbuild.mjs" "$DIR"
fi
