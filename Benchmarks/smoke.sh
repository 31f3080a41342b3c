#!/usr/bin/env bash
# The smoke run (`make bench-smoke`): every benchmark once at a tiny size, from the debug build, so that a
# benchmark that no longer runs is found in a minute or two instead of in `make bench`. It checks that each one
# runs to its end, not how fast: the figures it prints mean nothing.
#
# Usage: Benchmarks/smoke.sh BIN_DIR   (the folder of a `MALAKA_BENCHMARKS=1 swift build`)
set -uo pipefail
cd "$(dirname "$0")/.."

bin="${1:?Usage: Benchmarks/smoke.sh BIN_DIR}"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

run() {
  echo "== benchmark smoke run: ${*#"$bin/"}"
  if ! "$@"; then
    echo "error: the benchmark smoke run failed: $* (exit status above); run it alone to see why." >&2
    exit 1
  fi
}

run "$bin/malaka-bench" --tiny
# Also runs TypesettingBenchmark and certificate-baseline, as its baselines, in both their modes.
run "$bin/certificates-bench" --tiny
run "$bin/RegionSummaryBenchmark" run --tiny --db "$scratch/national-programme.sqlite"
run "$bin/SpreadsheetsBenchmark" 200
run "$bin/NameMatchingBenchmark" 200
echo "Every benchmark ran to its end."
