#!/usr/bin/env bash
# Foundation benchmark: seeds 50 tasks, then measures GET /health and GET /api/v1/tasks with wrk
# (-t2 -c32, 10 s after a 10 s warm-up). Target on a 2-core machine, client and server together:
# GET /api/v1/tasks >= 2,500 req/s with p99 < 50 ms; with BENCH_AUTH=api-key at most 10 % slower than without.
# Usage: bench/foundation.sh (SKIP_BUILD=1 to reuse the jar)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
start_gateway

for i in $(seq 1 50); do
  curl -fs -o /dev/null "${AUTH[@]}" -X POST "$BASE/api/v1/tasks" -H 'Content-Type: application/json' \
    -d "{\"title\":\"Benchmark task $i\",\"description\":\"Seeded for the benchmark\",\"priority\":\"medium\",\"dueDate\":\"2030-01-$(printf %02d $(( (i % 28) + 1 )))\",\"tags\":[\"bench\"]}"
done
echo "seeded $(curl -fs "${AUTH[@]}" "$BASE/api/v1/tasks?limit=1000" | grep -o '"title"' | wc -l) tasks"
echo "wrk -t2 -c32 -d$DURATION (after a $WARMUP warm-up), $(nproc) cores"
for path in /health /api/v1/tasks; do
  wrk -t2 -c32 -d"$WARMUP" "${AUTH[@]}" "$BASE$path" >/dev/null
  wrk_report "GET $path${BENCH_AUTH:+ ($BENCH_AUTH)}" -t2 -c32 -d"$DURATION" "${AUTH[@]}" "$BASE$path"
done
