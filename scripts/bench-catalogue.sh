#!/usr/bin/env bash
cd "$(dirname "$0")/.."
exec node scripts/bench-catalogue.mjs "$@"
