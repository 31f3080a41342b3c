#!/usr/bin/env bash
# `make fuzz`: builds each libFuzzer target and runs it for FUZZ_SECONDS seconds.
#
# Usage: Fuzz/run-fuzz.sh [SECONDS] [TARGET…]
#   SECONDS  per target (default 60); TARGET is FuzzCSV, FuzzXLSX, FuzzTemplate, FuzzToken, FuzzCourseYAML
#            or FuzzAttendance (default: all six).
#
# Every target is built with libFuzzer and AddressSanitizer, so that a read or write out of
# bounds in the C libraries or unsafe Swift is a finding even when it does not crash.
#
# Seeds are the repository's own fixtures (good files and the hostile ones) and
# earlier findings; the corpus each run grows is kept in .build-fuzz/corpus/ so
# that a later run starts where this one stopped. A crash, a trap or a timeout
# leaves its input in .build-fuzz/findings/TARGET/; copy it into
# Tests/MalakaEndToEndTests/__Fixtures__/fuzz-findings/TARGET/ so the test suite
# keeps it as a regression case, then fix the code. The script exits non-zero
# when any target found something.
set -uo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(FuzzCSV FuzzXLSX FuzzTemplate FuzzToken FuzzCourseYAML FuzzAttendance)
scratch=.build-fuzz
findings_fixtures=Tests/MalakaEndToEndTests/__Fixtures__/fuzz-findings

# The seed folders and file patterns of each target.
seeds() {
  case "$1" in
    FuzzCSV) find Tests/SpreadsheetsTests/__Fixtures__ Tests/ImportExportTests/__Fixtures__ \
               -maxdepth 1 -type f \( -name '*.csv' -o -name '*.tsv' -o -name '*.txt' \) ;;
    FuzzXLSX) find Tests/SpreadsheetsTests/__Fixtures__ Tests/ImportExportTests/__Fixtures__ -maxdepth 1 -type f -name '*.xlsx' ;;
    FuzzTemplate) find certificate-templates courses -maxdepth 1 -type f -name '*.yaml' ;;
    FuzzToken) find Fuzz/seeds/FuzzToken -type f ;;
    FuzzCourseYAML) find courses -maxdepth 1 -type f -name '*.yaml'
                    find Tests/MalakaEndToEndTests/__Fixtures__ -path '*course*' -type f -name '*.yaml' ;;
    FuzzAttendance) find Tests/SpreadsheetsTests/__Fixtures__ Tests/ImportExportTests/__Fixtures__ \
                      -maxdepth 1 -type f \( -name 'sign-in*' -o -name '*attendance*' \) ;;
  esac
  [ -d "$findings_fixtures/$1" ] && find "$findings_fixtures/$1" -type f
}

# Inputs larger than this are not tried: the readers' own size limits are tested by the corpus.
max_len() {
  case "$1" in
    FuzzXLSX) echo 65536 ;;
    FuzzTemplate) echo 16384 ;;
    FuzzToken) echo 1024 ;;
    *) echo 16384 ;;
  esac
}

# The Swift driver does not recompile a file when only -Xswiftc flags change, so a build made with
# other flags is thrown away (the corpora and findings are kept).
coverage=edge,inline-8bit-counters,pc-table,trace-cmp
if [ -d "$scratch/debug" ] && [ "$(cat "$scratch/coverage-flags" 2>/dev/null)" != "$coverage" ]; then
  echo "== $scratch was built with other coverage flags: building again"
  rm -rf "$scratch/debug" "$scratch"/x86_64-* "$scratch"/aarch64-*
fi
mkdir -p "$scratch" && echo "$coverage" > "$scratch/coverage-flags"

status=0
summary=()
for target in "${targets[@]}"; do
  echo "== $target: building (debug, --sanitize=fuzzer --sanitize=address, $scratch)"
  # Swift code asks for libFuzzer's kind of coverage itself (inline 8-bit counters, a PC table and
  # comparison tracing), so that libFuzzer sees Swift's edges and not only the C packages'; the older
  # trace-pc-guard kind (`edge` alone) makes libFuzzer refuse to start.
  if ! MALAKA_FUZZ=1 swift build --scratch-path "$scratch" --sanitize=fuzzer --sanitize=address \
       -Xswiftc -sanitize-coverage="$coverage" --product "$target" 2>&1 | tail -3; then
    echo "error: building $target failed." >&2
    exit 1
  fi
  binary="$scratch/debug/$target"
  corpus="$scratch/corpus/$target"
  seed_dir="$scratch/seeds/$target"
  artifacts="$scratch/findings/$target"
  mkdir -p "$corpus" "$artifacts" "$seed_dir"
  rm -f "$seed_dir"/*
  while IFS= read -r file; do cp "$file" "$seed_dir/$(echo "$file" | tr '/' '_')"; done < <(seeds "$target")
  before=$(ls "$artifacts" | wc -l)
  echo "== $target: fuzzing for $seconds s from $(ls "$seed_dir" | wc -l) seeds and $(ls "$corpus" | wc -l) inputs kept from earlier runs"
  log="$scratch/$target.log"
  # Leaks inside other projects' code, each with its reason, are listed in Fuzz/lsan-suppressions.txt.
  # Swift's own backtracer is kept out of the way: libFuzzer writes the input that crashed and stops.
  SWIFT_BACKTRACE=enable=no LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan-suppressions.txt${LSAN_OPTIONS:+:$LSAN_OPTIONS}" \
  "$binary" "$corpus" "$seed_dir" -max_total_time="$seconds" -max_len="$(max_len "$target")" -timeout=10 \
    -rss_limit_mb=3072 -artifact_prefix="$artifacts/" -print_final_stats=1 >"$log" 2>&1
  code=$?
  runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo "?")
  rate=$(grep -oE 'stat::average_exec_per_sec: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo "?")
  cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || echo "?")
  after=$(ls "$artifacts" | wc -l)
  found=$((after - before))
  line="$target: $runs executions in $seconds s ($rate/s), coverage $cov edges, corpus $(ls "$corpus" | wc -l) inputs, $found new finding(s)"
  summary+=("$line")
  echo "$line"
  if [ "$code" -ne 0 ] || [ "$found" -ne 0 ]; then
    status=1
    grep -E 'ERROR: libFuzzer|Fatal error|SUMMARY|artifact_prefix|Test unit written' "$log" | head -5
    echo "   Full log: $log. Keep the input in $findings_fixtures/$target/ and fix the code."
  fi
done
echo
echo "Fuzzing summary (FUZZ_SECONDS=$seconds):"
printf '  %s\n' "${summary[@]}"
exit $status
