#!/usr/bin/env bash
# Prints the limits benchmark (see scripts/bench-limits.mjs). Needs a built dist/.
cd "$(dirname "$0")/.."
exec node scripts/bench-limits.mjs "$@"
