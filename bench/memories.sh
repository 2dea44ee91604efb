#!/usr/bin/env bash
# Memory benchmark on the embedded default:
#  1. insert-with-dedup: POST /api/v1/memories of distinct random sentences, wrk -t2 -c4: memories per
#     second (each one embedded, compared with its nearest stored neighbours, stored, indexed, audited) and
#     latency; then the bulk path, POST /memories/import of 1,000 at a time (embedding throughput);
#  2. hybrid search (vector + full-text, fused): GET /api/v1/memories/search?q=... one request at a time,
#     p50/p95/p99 at 10,000 and at 100,000 memories (target p95 <= 20 ms at 100,000);
#  3. the memory the vector index takes (GET /api/v1/memories/stats).
# Usage: bench/memories.sh (SKIP_BUILD=1 to reuse the jar; MEMORIES_MAX=10000 to stop at the first size)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
start_gateway_with_lua

# Sentences of seven words drawn from 2,000 made-up words, with a serial number: distinct in meaning
# often enough that dedup rarely merges them, as a user's real memories are.
cat >"$LUA" <<'LUA'
local syllables = {"ka","lo","mi","ra","te","su","no","vi","da","pe","zo","ru","fi","ga","he","ju","wa","qi","xo","by"}
local words = {}
math.randomseed(os.time() + math.floor(os.clock() * 1000000))
for i = 1, 2000 do
  local w = ""
  for _ = 1, 2 + (i % 3) do w = w .. syllables[math.random(#syllables)] end
  words[i] = w
end
local counter = 0
local mode = os.getenv("MODE") or "insert"
local function sentence(n)
  local s = {}
  for i = 1, n do s[i] = words[math.random(#words)] end
  return table.concat(s, " ")
end
request = function()
  counter = counter + 1
  if mode == "search" then
    return wrk.format("GET", "/api/v1/memories/search?limit=10&q=" .. sentence(4):gsub(" ", "%%20"))
  end
  local body = '{"content":"Note ' .. counter .. ' ' .. math.random(1e9) .. ': the user said ' .. sentence(7) ..
      '","type":"fact"}'
  return wrk.format("POST", "/api/v1/memories", {["Content-Type"] = "application/json"}, body)
end
done = function(summary, latency, requests)
  io.write(string.format("  p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  %d requests, %.0f/s\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.requests / (summary.duration / 1e6)))
end
LUA

count() { curl -fs "$BASE/api/v1/memories/stats" | sed -E 's/.*"total":([0-9]+).*/\1/'; }

# Fills up with POST /memories/import batches of 1,000 generated sentences (each still embedded and
# deduplicated), which is how a user's memories arrive in bulk; prints memories per second.
fill_to() {
  local target=$1 started batch
  started=$(date +%s.%N)
  local before
  before=$(count)
  batch=$(mktemp /tmp/ownpilot-bench-XXXX.json)
  while [ "$(count)" -lt "$target" ]; do
    python3 - "$batch" <<'PY'
import json, random, sys
syl = ["ka","lo","mi","ra","te","su","no","vi","da","pe","zo","ru","fi","ga","he","ju","wa","qi","xo","by"]
random.seed()
words = ["".join(random.choice(syl) for _ in range(2 + i % 3)) for i in range(2000)]
items = [{"content": "Note %d: the user said %s" % (random.randrange(10**9), " ".join(random.choice(words)
          for _ in range(7))), "type": "fact"} for _ in range(1000)]
json.dump({"memories": items}, open(sys.argv[1], "w"))
PY
    curl -fs -o /dev/null -X POST "$BASE/api/v1/memories/import" -H 'Content-Type: application/json' \
      --data-binary @"$batch"
  done
  rm -f "$batch"
  awk -v n=$(( $(count) - before )) -v s="$started" -v e="$(date +%s.%N)" \
    'BEGIN { printf "  imported %d memories at %.0f/s\n", n, n / (e - s) }'
}

echo "insert-with-dedup, one POST /memories each (t2 c4, 20 s):"
MODE=insert wrk -t2 -c4 -d20s -s "$LUA" "$BASE" | grep p50
for size in 10000 100000; do
  [ "$size" -le "${MEMORIES_MAX:-100000}" ] || break
  fill_to "$size"
  echo "hybrid search at $(count) memories (t1 c1, 20 s after a 5 s warm-up):"
  MODE=search wrk -t1 -c1 -d5s -s "$LUA" "$BASE" >/dev/null
  MODE=search wrk -t1 -c1 -d20s -s "$LUA" "$BASE" | grep p50
  curl -fs "$BASE/api/v1/memories/stats" | sed -E 's/.*"index":(\{[^}]*\}).*/  index: \1/'
  echo
done

# A restart on the same data: how long the index takes to build from PostgreSQL, and what a search
# costs meanwhile (it scans the stored vectors exactly until the graph is built).
echo "restart with $(count) memories:"
kill "$GATEWAY_PID"
wait "$GATEWAY_PID" 2>/dev/null || true
jar=$(ls target/ownpilot-gateway-*.jar | grep -v plain | head -1)
# shellcheck disable=SC2086
"${JAVA_HOME:+$JAVA_HOME/bin/}java" --enable-native-access=ALL-UNNAMED ${JAVA_OPTS:-} -jar "$jar" \
  --ownpilot.data-dir="$BENCH_DATA" --server.port="$PORT" --logging.level.root=WARN ${GATEWAY_ARGS:-} \
  >>bench/results/gateway.log 2>&1 &
GATEWAY_PID=$!
started=$(date +%s.%N)
until curl -fs "$BASE/health/ready" >/dev/null 2>&1; do sleep 0.2; done
ready=$(date +%s.%N)
during=$(curl -fs -o /dev/null -w '%{time_total}' "$BASE/api/v1/memories/search?q=kalo%20mira%20tesu")
until curl -fs "$BASE/api/v1/memories/stats" | grep -q '"built":true'; do sleep 0.2; done
awk -v s="$started" -v r="$ready" -v b="$(date +%s.%N)" -v d="$during" 'BEGIN {
  printf "  ready after %.1f s, index built %.1f s later; a search during the build took %.0f ms\n",
    r - s, b - r, d * 1000 }'
MODE=search wrk -t1 -c1 -d10s -s "$LUA" "$BASE" | grep p50
