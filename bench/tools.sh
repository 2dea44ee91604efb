#!/usr/bin/env bash
# Tool platform benchmark:
#  1. POST /api/v1/tools/calculate/execute throughput, wrk -t2 -c32 (target >= 2,000 executions/s);
#  2. a custom JavaScript tool called one request at a time, wrk -t1 -c1 (target p50 <= 5 ms after warm-up).
# Every execution is validated, audited (one row each) and, for the custom tool, counted.
# Usage: bench/tools.sh (SKIP_BUILD=1 to reuse the jar)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
start_gateway_with_lua
post_lua() {
  cat >"$LUA" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '$1'
LUA
}

post_lua '{"arguments":{"expression":"(2 + 3) * sqrt(16) - 2^3 / 4"}}'
URL="$BASE/api/v1/tools/calculate/execute"
curl -fs -X POST "$URL" -H 'Content-Type: application/json' -d '{"arguments":{"expression":"1+1"}}' >/dev/null
wrk -t2 -c32 -d"$WARMUP" -s "$LUA" "$URL" >/dev/null
wrk_report "calculate (t2 c32)" -t2 -c32 -d"$DURATION" -s "$LUA" "$URL"

curl -fs -o /dev/null -X POST "$BASE/api/v1/custom-tools" -H 'Content-Type: application/json' -d '{
  "name": "bench_format_phone", "description": "Format a phone number",
  "parameters": {"type": "object", "properties": {"phone": {"type": "string"}}, "required": ["phone"]},
  "code": "const digits = args.phone.replace(/\\D/g, \"\"); return { e164: \"+\" + digits, length: digits.length };"}'
post_lua '{"arguments":{"phone":"(555) 123-4567"}}'
URL="$BASE/api/v1/tools/bench_format_phone/execute"
curl -fs -X POST "$URL" -H 'Content-Type: application/json' -d '{"arguments":{"phone":"1"}}' >/dev/null
wrk -t1 -c1 -d"$WARMUP" -s "$LUA" "$URL" >/dev/null
wrk_report "custom JS tool (t1 c1)" -t1 -c1 -d"$DURATION" -s "$LUA" "$URL"
wrk_report "custom JS tool (t2 c8)" -t2 -c8 -d"$DURATION" -s "$LUA" "$URL"
