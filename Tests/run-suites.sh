#!/usr/bin/env bash
# The Swift test suites of `make test`, in two processes side by side: the end-to-end suites in one, the
# rest in the other.
#
# Usage: Tests/run-suites.sh BIN_DIR   (BIN_DIR holds the built MalakaPackageTests.xctest and malaka)
#
# Swift Testing runs tests on the cooperative thread pool, which has one thread per core. An end-to-end
# test waits, blocking its thread, while the `malaka` it started works and syncs the database to disk, so
# in one process at most two of them ran at once on this 2-core machine and the cores were mostly idle.
# Two processes give each kind of test its own pool. Each process writes its own log, printed when
# both are done, so that the two never interleave; the script fails if either failed.
#
# A process still running after MALAKA_SUITE_LIMIT seconds (default 1800; each takes about 4 minutes on
# 2 cores) is stuck: the script prints the tests it started and did not finish, every thread's stack (with
# gdb, when it is installed) and the processes it started, then stops it and fails. Without this, a test
# that never returned was only seen as CI's own time limit, with nothing printed.
set -uo pipefail
cd "$(dirname "$0")/.."

bin="${1:?Usage: Tests/run-suites.sh BIN_DIR}"
tests="$bin/MalakaPackageTests.xctest"
limit="${MALAKA_SUITE_LIMIT:-1800}"
[ -x "$tests" ] || { echo "error: $tests is not built; run swift build --build-tests first." >&2; exit 1; }
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

# Prints what a stuck test process is doing, then stops it and the processes it started.
report_stuck() {
  local pid=$1 shard=$2
  echo "error: the $shard suites still run after $limit s; stopping them." >&2
  echo "== Tests started and not finished ($shard):"
  # Swift Testing prints `◇ Test NAME started.` and, when it ends, `✔ Test NAME passed…` or `✘ Test NAME failed…`.
  sed -n 's/^.*◇ Test \(.*\) started\.$/\1/p' "$logs/$shard.log" | sort > "$logs/started"
  sed -n 's/^.*[✔✘] Test \(.*\) \(passed\|failed\).*$/\1/p' "$logs/$shard.log" | sort -u > "$logs/ended"
  comm -23 "$logs/started" "$logs/ended"
  echo "== Processes it started:"
  ps -o pid,etimes,args --ppid "$pid" 2>/dev/null || true
  if command -v gdb > /dev/null; then
    echo "== Its threads' stacks:"
    gdb -p "$pid" -batch -nx -ex 'thread apply all bt 25' 2>&1 | grep -E '^(Thread|#)' || true
  fi
  pkill -KILL -P "$pid" 2>/dev/null
  kill -KILL "$pid" 2>/dev/null
}

# Waits for a test process until `limit` seconds after both started; its exit status, or 124 when it was stopped.
wait_at_most() {
  local pid=$1 shard=$2
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$SECONDS" -ge "$limit" ]; then
      report_stuck "$pid" "$shard" > "$logs/$shard.stuck" 2>&1
      wait "$pid" 2>/dev/null
      return 124
    fi
    sleep 2
  done
  wait "$pid"
}

SECONDS=0
"$tests" --testing-library swift-testing --filter MalakaEndToEndTests > "$logs/end-to-end.log" 2>&1 &
endToEnd=$!
"$tests" --testing-library swift-testing --skip MalakaEndToEndTests > "$logs/other.log" 2>&1 &
other=$!
wait_at_most "$endToEnd" end-to-end; endToEndStatus=$?
wait_at_most "$other" other; otherStatus=$?

status=0
for shard in other end-to-end; do
  echo "== Swift tests: $shard suites"
  cat "$logs/$shard.log"
  [ -f "$logs/$shard.stuck" ] && cat "$logs/$shard.stuck"
done
echo
for pair in "the end-to-end suites:$endToEndStatus" "the other suites:$otherStatus"; do
  name=${pair%:*}; code=${pair##*:}
  if [ "$code" -ne 0 ]; then echo "error: $name failed (exit $code); see their log above." >&2; status=1; fi
done
[ "$status" -eq 0 ] && echo "Swift tests: both processes passed."
exit $status
