#!/usr/bin/env bash
# Throughput and tails per route, as a Markdown table: GET /health, GET /api/v1/tasks (50 tasks seeded),
# GET /api/v1/tools and POST /api/v1/tools/calculate/execute, each with wrk -t2 -c32 -d10s --latency
# after a warm-up of BENCH_WARMUP (10s), ROUNDS times (3).
# BENCH_TARGET=http://host:port measures a gateway that is already running (ours or the original:
# the routes are the same); without it the script starts ours through scripts/run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-3}
WARMUP=${BENCH_WARMUP:-10s}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
if [ -n "${BENCH_TARGET:-}" ]; then
  BASE=$BENCH_TARGET
else
  PORT=${BENCH_PORT:-18080}
  BASE="http://127.0.0.1:$PORT"
  DATA=$(mktemp -d /tmp/ownpilot-routes-XXXX)
  scripts/run.sh --server.port="$PORT" --ownpilot.data-dir="$DATA" --logging.level.root=WARN >/tmp/ownpilot-routes.log 2>&1 &
  trap 'pkill -f "server.port=$PORT" || true; sleep 2; rm -rf "$DATA"' EXIT
  for _ in $(seq 1 600); do curl -fs "$BASE/health/ready" >/dev/null 2>&1 && break; sleep 0.2; done
fi
for i in $(seq 1 50); do
  curl -fs -o /dev/null -H 'Content-Type: application/json' -d "{\"title\":\"bench task $i\"}" "$BASE/api/v1/tasks"
done
LUA=$(mktemp /tmp/ownpilot-calc-XXXX.lua)
cat >"$LUA" <<'L'
wrk.method = "POST"
wrk.body = '{"arguments":{"expression":"2*(3+4)^2"}}'
wrk.headers["Content-Type"] = "application/json"
L
echo "| Route | Round | Requests/s | p50 | p99 | Errors |"
echo "|---|---|---|---|---|---|"
for route in "GET /health" "GET /api/v1/tasks" "GET /api/v1/tools" "POST /api/v1/tools/calculate/execute"; do
  path=${route#* }
  script=()
  [ "${route%% *}" = POST ] && script=(-s "$LUA")
  wrk -t2 -c32 -d"$WARMUP" "${script[@]}" "$BASE$path" >/dev/null
  for round in $(seq 1 "$ROUNDS"); do
    out=$(wrk -t2 -c32 -d10s --latency "${script[@]}" "$BASE$path")
    printf '| `%s` | %s | %s | %s | %s | %s |\n' "$route" "$round" "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
      "$(awk '$1=="50%" {print $2}' <<<"$out")" "$(awk '$1=="99%" {print $2}' <<<"$out")" \
      "$(grep -E 'Non-2xx|Socket errors' <<<"$out" | tr -s ' ' | tr '\n' ' ' || true)"
  done
done
rm -f "$LUA"
