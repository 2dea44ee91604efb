#!/usr/bin/env bash
# Foundation benchmark: starts the packaged gateway on a throw-away data dir (embedded PostgreSQL),
# seeds 50 tasks, then measures GET /health and GET /api/v1/tasks with wrk (-t2 -c32 -d10s).
# Target on a 2-core machine, client and server together: /api/v1/tasks >= 2,500 req/s, p99 < 50 ms.
# Usage: bench/foundation.sh            (builds the jar first unless SKIP_BUILD=1)
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${BENCH_PORT:-18080}
DURATION=${BENCH_DURATION:-10s}
WARMUP=${BENCH_WARMUP:-10s}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }

if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -B -q -ntp -DskipTests package
JAR=$(ls target/ownpilot-gateway-*.jar | grep -v plain | head -1)

DATA=$(mktemp -d /tmp/ownpilot-bench-XXXX)
mkdir -p bench/results
LOG=bench/results/gateway.log
"$JAVA" ${JAVA_OPTS:-} -jar "$JAR" --ownpilot.data-dir="$DATA" --server.port="$PORT" --logging.level.root=WARN ${GATEWAY_ARGS:-} >"$LOG" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DATA"' EXIT

BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 120); do
  curl -fs "$BASE/health/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "$BASE/health/ready" >/dev/null || { echo "gateway did not become ready; see $LOG" >&2; exit 1; }

for i in $(seq 1 50); do
  curl -fs -o /dev/null -X POST "$BASE/api/v1/tasks" -H 'Content-Type: application/json' \
    -d "{\"title\":\"Benchmark task $i\",\"description\":\"Seeded for the benchmark\",\"priority\":\"medium\",\"dueDate\":\"2030-01-$(printf %02d $(( (i % 28) + 1 )))\",\"tags\":[\"bench\"]}"
done
echo "seeded $(curl -fs "$BASE/api/v1/tasks?limit=1000" | grep -o '"id"' | wc -l) tasks"

run() {
  local path=$1
  wrk -t2 -c32 -d"$WARMUP" "$BASE$path" >/dev/null
  local out
  out=$(wrk -t2 -c32 -d"$DURATION" --latency "$BASE$path")
  local rps p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(grep -E 'Non-2xx|Socket errors' <<<"$out" || true)
  printf '%-18s %10s req/s   p99 %8s   %s\n' "GET $path" "$rps" "$p99" "${errors:-no errors}"
}

echo "wrk -t2 -c32 -d$DURATION (after a $WARMUP warm-up), $(nproc) cores"
run /health
run /api/v1/tasks
