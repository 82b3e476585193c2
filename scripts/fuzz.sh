#!/usr/bin/env bash
# Fuzzes the pure domain (src/domain/) with cargo-fuzz (libFuzzer): every target in fuzz/ for
# SECONDS each (default 300), one after the other, each checking an invariant besides "no
# panic" (see README, "Fuzzing"). Installs the pinned nightly and cargo-fuzz if missing
# (idempotent, like tools.sh), seeds each working corpus (fuzz/corpus/<target>, gitignored)
# from the repo, and prints one line per target: seconds, executions, coverage (libFuzzer's
# cov and ft) and crashes. Exits non-zero if any target crashed, naming the artifact.
#
#   scripts/fuzz.sh [SECONDS] [TARGET…]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# rustc 1.96.0-nightly (f5eca4fcf 2026-04-09), beside stable 1.95; one pin for fuzzing and the
# release wasm (scripts/build-wasm.sh).
NIGHTLY=$(cat scripts/nightly-toolchain)
CARGO_FUZZ_VERSION=0.13.2

SECONDS_EACH=${1:-300}
shift $(( $# > 0 ? 1 : 0 ))

say() { printf '\033[1m[fuzz]\033[0m %s\n' "$*"; }

export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup toolchain list 2>/dev/null | grep -q "^$NIGHTLY"; then
  say "installing the $NIGHTLY toolchain (minimal profile)"
  rustup toolchain install "$NIGHTLY" --profile minimal
fi

if ! cargo fuzz --version 2>/dev/null | grep -q " $CARGO_FUZZ_VERSION\$"; then
  say "installing cargo-fuzz $CARGO_FUZZ_VERSION (takes a minute once)"
  cargo install --locked cargo-fuzz --version "$CARGO_FUZZ_VERSION"
fi

fuzz() { cargo "+$NIGHTLY" fuzz "$@"; }

if [ $# -gt 0 ]; then
  TARGETS=("$@")
else
  mapfile -t TARGETS < <(fuzz list)
fi

# Largest input per target: report and CSV files up to 64 KB, links up to 8 KB.
max_len() {
  case "$1" in
    share_link) echo 8192 ;;
    *) echo 65536 ;;
  esac
}

say "building ${#TARGETS[@]} targets (release, debug assertions, AddressSanitizer)"
# The lockfile is committed: fail if it is stale rather than resolve anew.
cargo "+$NIGHTLY" fetch --locked --manifest-path fuzz/Cargo.toml >/dev/null 2>&1 \
  || cargo "+$NIGHTLY" fetch --locked --manifest-path fuzz/Cargo.toml
fuzz build

bin_dir=fuzz/target/x86_64-unknown-linux-gnu/release
logs=fuzz/target/fuzz-logs
mkdir -p "$logs"
rows=()
failed=()
for t in "${TARGETS[@]}"; do
  corpus="fuzz/corpus/$t"
  mkdir -p "$corpus"
  # Seed mode: the target writes its seeds (derived from the repo) and exits.
  REPORT_EXPLORER_FUZZ_SEEDS="$corpus" "$bin_dir/$t" >/dev/null 2>&1 \
    || { say "$t: writing seeds failed"; REPORT_EXPLORER_FUZZ_SEEDS="$corpus" "$bin_dir/$t"; }
  say "$t: ${SECONDS_EACH}s from $(find "$corpus" -type f | wc -l) corpus files"
  log="$logs/$t.log"
  status=0
  fuzz run "$t" -- -max_total_time="$SECONDS_EACH" -max_len="$(max_len "$t")" \
    -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 >"$log" 2>&1 || status=$?
  # libFuzzer's final stats, and the last status line's coverage (absent after an early crash).
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$( { grep -o 'cov: [0-9]*' "$log" || true; } | tail -1 | cut -d' ' -f2)
  ft=$( { grep -o 'ft: [0-9]*' "$log" || true; } | tail -1 | cut -d' ' -f2)
  artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
  crashes=0
  if [ "$status" -ne 0 ] || [ -n "$artifact" ]; then
    crashes=1
    failed+=("$t: ${artifact:-exit status $status} (log: $log)")
    grep -m1 -A3 "panicked at\|ERROR: libFuzzer\|ERROR: AddressSanitizer" "$log" || tail -20 "$log"
  fi
  rows+=("$(printf '%-16s %6ss %12s runs  cov %-6s ft %-7s crashes %s' \
    "$t" "$SECONDS_EACH" "${runs:-?}" "${cov:-?}" "${ft:-?}" "$crashes")")
done

printf '\n'
printf '%s\n' "${rows[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  printf '\nFAILED: crash artifacts:\n'
  printf '  %s\n' "${failed[@]}"
  exit 1
fi
