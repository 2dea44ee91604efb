#!/usr/bin/env bash
# Durability check of the embedded PostgreSQL: BENCH_RUNS times (default 5), 20 concurrent writers
# create tasks for BENCH_WRITE_SECONDS (default 4), then the JVM and its PostgreSQL are killed together
# with SIGKILL (what a container kill or the OOM killer does), the gateway is started once more on
# the same data directory, and every task that had been answered 201 must be there.
# Then the write throughput: POST /api/v1/tasks with wrk -t2 -c20 for BENCH_DURATION (default 10s).
# Usage: bench/durability.sh (SKIP_BUILD=1 to reuse the jar)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
RUNS=${BENCH_RUNS:-5}
WRITE_SECONDS=${BENCH_WRITE_SECONDS:-4}
WRITERS=20
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -B -q -ntp -DskipTests package
JAR=$(ls target/ownpilot-gateway-*.jar | grep -v plain | head -1)
DATA=$(mktemp -d /tmp/ownpilot-durability-XXXX)
ACKS=$(mktemp -d /tmp/ownpilot-acks-XXXX)
PID=
cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
  rm -rf "$DATA" "$ACKS"
}
trap cleanup EXIT

launch() {
  "$java" --enable-native-access=ALL-UNNAMED -jar "$JAR" --ownpilot.data-dir="$DATA" --server.port="$PORT" \
    --logging.level.root=WARN >>"$DATA/gateway.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 240); do
    curl -fs "$BASE/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$PID" 2>/dev/null || { echo "gateway exited; see $DATA/gateway.log" >&2; tail -20 "$DATA/gateway.log" >&2; exit 1; }
    sleep 0.25
  done
  echo "gateway did not become ready" >&2
  exit 1
}

writer() { # writer N: creates tasks until the gateway dies, one acknowledged id per line
  local n=0 out
  while out=$(curl -s -m 5 -X POST "$BASE/api/v1/tasks" -H 'Content-Type: application/json' \
      -d "{\"title\":\"w$1-$n\"}" -w '\n%{http_code}'); do
    [ "$(tail -1 <<<"$out")" = 201 ] || break
    head -1 <<<"$out" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4 >>"$ACKS/$1"
    n=$((n + 1))
  done
}

stored_ids() { # every task id in the database, through the API
  local offset=0 page
  while :; do
    page=$(curl -fs "$BASE/api/v1/tasks?limit=1000&offset=$offset" | grep -o '"id":"[^"]*"' | cut -d'"' -f4 || true)
    [ -z "$page" ] && break
    echo "$page"
    offset=$((offset + 1000))
  done
}

total_lost=0
for run in $(seq 1 "$RUNS"); do
  launch
  rm -f "$ACKS"/*
  for w in $(seq 1 $WRITERS); do writer "$w" & done
  sleep "$WRITE_SECONDS"
  postmaster=$(head -1 "$DATA/postgres/postmaster.pid")
  kill -9 "$PID" "$postmaster" $(pgrep -P "$postmaster" || true) 2>/dev/null || true
  wait "$PID" 2>/dev/null || true
  wait 2>/dev/null || true
  PID=
  launch
  acked=$(cat "$ACKS"/* | sort -u)
  present=$(comm -12 <(echo "$acked") <(stored_ids | sort -u) | wc -l)
  count=$(echo "$acked" | grep -c . || true)
  lost=$((count - present))
  total_lost=$((total_lost + lost))
  echo "run $run: $count tasks acknowledged before the kill, $present present after the restart, $lost lost"
  kill "$PID"; wait "$PID" 2>/dev/null || true
  PID=
done
echo "lost acknowledged writes over $RUNS runs: $total_lost"

launch
LUA=$(mktemp /tmp/ownpilot-bench-XXXX.lua)
cat >"$LUA" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"title":"throughput","priority":"medium"}'
LUA
wrk -t2 -c20 -d"$WARMUP" -s "$LUA" "$BASE/api/v1/tasks" >/dev/null
wrk_report "POST /api/v1/tasks (t2 c20)" -t2 -c20 -d"$DURATION" -s "$LUA" "$BASE/api/v1/tasks"
rm -f "$LUA"
[ "$total_lost" = 0 ]
