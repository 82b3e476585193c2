#!/usr/bin/env bash
# Prints the UI benchmark (see scripts/bench-ui.mjs and the README's "UI benchmark"): bytes of
# the first visit and of opening each view, load → first chart, slider input → paint and
# hover → callout, in Chromium with CPU throttling. Figures are printed, never asserted.
#
#   scripts/bench-ui.sh [--build]
#
# Runs against the built dist/; builds it with scripts/build.sh only when dist/ is missing or
# with --build. On the shared machine wrap it in the heavy-step lock:
#   flock /tmp/heavy.lock scripts/bench-ui.sh
# Environment: BENCH_RUNS (fresh-context loads per report and CPU rate, default 5),
# BENCH_INTERACTION_RUNS (fresh-context runs of each slider and hover, default 3), BENCH_INPUTS
# (slider steps per run, default 30), BENCH_HOVERS (hovers per run, default 20), BENCH_PORT
# (port to serve on, default a free one), BENCH_LATENCY (ms of round-trip latency added to every
# request, default 0), CHROMIUM (default /usr/bin/chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

NAME=bench-ui HELP_END=15 source scripts/need-dist.sh "$@"
export PATH="$PWD/node_modules/.bin:$PATH"
exec node scripts/bench-ui.mjs
