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
set -uo pipefail
cd "$(dirname "$0")/.."

bin="${1:?Usage: Tests/run-suites.sh BIN_DIR}"
tests="$bin/MalakaPackageTests.xctest"
[ -x "$tests" ] || { echo "error: $tests is not built; run swift build --build-tests first." >&2; exit 1; }
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

"$tests" --testing-library swift-testing --filter MalakaEndToEndTests > "$logs/end-to-end.log" 2>&1 &
endToEnd=$!
"$tests" --testing-library swift-testing --skip MalakaEndToEndTests > "$logs/other.log" 2>&1 &
other=$!
wait "$endToEnd"; endToEndStatus=$?
wait "$other"; otherStatus=$?

status=0
for shard in other end-to-end; do
  echo "== Swift tests: $shard suites"
  cat "$logs/$shard.log"
done
echo
for pair in "the end-to-end suites:$endToEndStatus" "the other suites:$otherStatus"; do
  name=${pair%:*}; code=${pair##*:}
  if [ "$code" -ne 0 ]; then echo "error: $name failed (exit $code); see their log above." >&2; status=1; fi
done
[ "$status" -eq 0 ] && echo "Swift tests: both processes passed."
exit $status
