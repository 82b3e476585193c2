#!/usr/bin/env bash
# Builds the release bundle and serves dist/ on localhost. PORT=… to change the port.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
exec node scripts/serve-dist.mjs dist "${PORT:-8080}" /
