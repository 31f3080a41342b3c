#!/usr/bin/env bash
# The load test of `malaka serve` (part of `make bench`): the scheduling benchmark's database of 10,000
# events, a trainer of Khorezm and a manager of Uzbekistan signed in through the sign-in page, then for
# SECONDS at once: 50 connections marking attendance (wrk, Benchmarks/WebLoad/mark.lua) and 10 reading
# the 2019 region summary (summary.lua). It fails unless nothing failed and every mark answered is in the
# database, and says whether the 99th percentile of marking is under 50 ms.
#
# Usage: Benchmarks/web-load.sh BIN_DIR [SECONDS]   (BIN_DIR holds a release malaka and malaka-bench)
# WEB_LOAD_DATABASE=FILE: start from a copy of that scheduling database instead of building one (to compare
# two builds on the same data; a newer malaka brings an older database up to date as it opens it).
set -euo pipefail
cd "$(dirname "$0")/.."

bin="${1:?Usage: Benchmarks/web-load.sh BIN_DIR [SECONDS]}"
seconds="${2:-30}"
command -v wrk >/dev/null || { echo "error: wrk is not installed; make deps installs it (Debian package wrk)." >&2; exit 1; }

work=$(mktemp -d)
server=
cleanup() {
  if [[ -n $server ]]; then kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

db="$work/scheduling.sqlite"
if [[ -n ${WEB_LOAD_DATABASE:-} ]]; then
  # A database made once, copied for each run: two builds compared on the same data.
  echo "== web load test: a copy of $WEB_LOAD_DATABASE"
  cp "$WEB_LOAD_DATABASE" "$db"
else
  echo "== web load test: building the scheduling benchmark's database (10,000 events)"
  MALAKA_BENCH=scheduling MALAKA_BENCH_KEEP="$work" "$bin/malaka-bench" > "$work/scheduling.log"
fi
echo "load test password" | "$bin/malaka" user add loadtrainer --role trainer --region UZ-XO --db "$db" > /dev/null
echo "load test password" | "$bin/malaka" user add loadmanager --role manager --country UZ --db "$db" > /dev/null

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$bin/malaka" serve --db "$db" --port "$port" --log-level warning 2> "$work/serve.log" &
server=$!
for _ in $(seq 100); do
  curl -sf -o /dev/null "http://127.0.0.1:$port/login" 2>/dev/null && break
  sleep 0.1
done

eval "$(python3 Benchmarks/WebLoad/prepare.py "$db" "http://127.0.0.1:$port" "$work")"
export WEB_LOAD_DIR="$work" WEB_LOAD_TRAINER_COOKIE WEB_LOAD_TRAINER_CSRF WEB_LOAD_MANAGER_COOKIE
echo "== web load test: ${seconds} s, 50 connections marking ($WEB_LOAD_MARKS marks to choose from), 10 reading the region summary"
wrk -t2 -c50 -d"${seconds}s" --timeout 10s --latency -s Benchmarks/WebLoad/mark.lua "http://127.0.0.1:$port" > "$work/mark.txt" &
marking=$!
wrk -t1 -c10 -d"${seconds}s" --timeout 10s --latency -s Benchmarks/WebLoad/summary.lua "http://127.0.0.1:$port" > "$work/summary.txt"
wait "$marking"
python3 Benchmarks/WebLoad/check.py "$db" "$work" 50
