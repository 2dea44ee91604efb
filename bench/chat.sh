#!/usr/bin/env bash
# Chat streaming benchmark against the fake OpenAI-compatible server of the tests:
#  1. after a warm-up (BENCH_WARMUP_CHATS each way, 8 at a time, default 2000), time to first chunk and
#     total time of a streamed chat, straight to the fake provider versus through the gateway, one
#     request at a time (targets: added time to first chunk <= 2 ms median, <= 5 ms p99);
#  2. 2,000 concurrent streamed chats through the gateway (targets: all complete with a done event;
#     /health/live, probed every 20 ms meanwhile on the main port and on the probe port
#     (BENCH_PROBE_PORT, default 18081), answers under 100 ms).
# The fake streams BENCH_CHUNKS chunks (default 20) BENCH_CHUNK_DELAY_MS apart (default 5).
# Every gateway chat is a real run: a new conversation, messages, request log and usage stored in PostgreSQL.
# Usage: bench/chat.sh (SKIP_BUILD=1 to reuse the jar and test classes)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
FAKE_PORT=${BENCH_FAKE_PORT:-18090}
COUNT=${BENCH_COUNT:-300}
CONCURRENCY=${BENCH_CONCURRENCY:-2000}
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

start_fake_llm "${BENCH_CHUNKS:-20}" "${BENCH_CHUNK_DELAY_MS:-5}"
PROBE_PORT=${BENCH_PROBE_PORT:-18081}
GATEWAY_ARGS="${GATEWAY_ARGS:-} --ownpilot.database.pool-size=${BENCH_POOL:-20} --ownpilot.health.probe-port=$PROBE_PORT"
start_gateway_with_fake_llm

echo "== floor: a plain GET through the gateway's HTTP stack"
"$java" bench/ChatBench.java ping "$BASE/health/live" 500
"$java" bench/ChatBench.java warmup "http://127.0.0.1:$FAKE_PORT/v1/chat/completions" "$BASE/api/v1/chat" \
  "${BENCH_WARMUP_CHATS:-2000}" 8
echo "== latency: $COUNT streamed chats each way, one at a time"
"$java" bench/ChatBench.java latency "http://127.0.0.1:$FAKE_PORT/v1/chat/completions" "$BASE/api/v1/chat" "$COUNT"
echo "== $CONCURRENCY concurrent streamed chats"
"$java" bench/ChatBench.java parallel "$BASE/api/v1/chat" "$CONCURRENCY" "http://127.0.0.1:$PROBE_PORT/health/live"
