#!/usr/bin/env bash
# Memory benchmark on the embedded default:
#  1. insert-with-dedup: POST /api/v1/memories of distinct random sentences, wrk -t2 -c4: memories per
#     second (each one embedded, compared with its nearest stored neighbours, stored and indexed) and latency;
#  2. hybrid search (vector + full-text, fused): GET /api/v1/memories/search?q=... one request at a time,
#     p50/p95/p99 at 10,000 and at 100,000 memories (target p95 <= 20 ms at 100,000);
#  3. the memory the vector index takes (GET /api/v1/memories/stats).
# Usage: bench/memories.sh (SKIP_BUILD=1 to reuse the jar; MEMORIES_MAX=10000 to stop at the first size)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
start_gateway

LUA=$(mktemp /tmp/ownpilot-bench-XXXX.lua)
trap 'rm -f "$LUA"; stop_gateway' EXIT

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
local limit = tonumber(os.getenv("REQUESTS") or "0")
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
response = function()
  if limit > 0 and counter >= limit then wrk.thread:stop() end
end
done = function(summary, latency, requests)
  io.write(string.format("  p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  %d requests, %.0f/s\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.requests / (summary.duration / 1e6)))
end
LUA

count() { curl -fs "$BASE/api/v1/memories/stats" | sed -E 's/.*"total":([0-9]+).*/\1/'; }

fill_to() {
  local target=$1
  while [ "$(count)" -lt "$target" ]; do
    local missing=$(( target - $(count) ))
    REQUESTS=$(( missing / 2 + 1 )) MODE=insert wrk -t2 -c4 -d3600s -s "$LUA" "$BASE" >/dev/null
  done
}

echo "insert-with-dedup (t2 c4, 2,000 memories):"
REQUESTS=1000 MODE=insert wrk -t2 -c4 -d600s -s "$LUA" "$BASE" | grep p50
for size in 10000 100000; do
  [ "$size" -le "${MEMORIES_MAX:-100000}" ] || break
  fill_to "$size"
  echo "hybrid search at $(count) memories (t1 c1, 20 s after a 5 s warm-up):"
  MODE=search wrk -t1 -c1 -d5s -s "$LUA" "$BASE" >/dev/null
  MODE=search wrk -t1 -c1 -d20s -s "$LUA" "$BASE" | grep p50
  curl -fs "$BASE/api/v1/memories/stats" | sed -E 's/.*"index":(\{[^}]*\}).*/  index: \1/'
done
