#!/usr/bin/env bash
# Channels benchmark: a fake Telegram Bot API (in bench/ChannelBench.java) and the tests' fake model
# server (one chunk, no delay), the gateway on its embedded default:
#  1. inbound-to-answer latency: BENCH_COUNT webhook updates one at a time (after 50 warm-up ones),
#     from the POST to the answer arriving at the fake sendMessage, against a plain POST /api/v1/chat
#     (non-streamed) with the same fake model: the difference is what the channel path adds;
#  2. a burst of BENCH_BURST distinct updates, each posted twice (Telegram retries), BENCH_PARALLEL at
#     a time: are all accepted, each stored once and answered exactly once?
# Usage: bench/channels.sh (SKIP_BUILD=1 to reuse the jar and test classes)
set -euo pipefail
cd "$(dirname "$0")/.."
FAKE_PORT=${BENCH_FAKE_PORT:-18090}
TELEGRAM_PORT=${BENCH_TELEGRAM_PORT:-18091}
GATEWAY_ARGS="${GATEWAY_ARGS:-} --ownpilot.channels.telegram-api-url=http://127.0.0.1:$TELEGRAM_PORT/telegram"
. bench/lib.sh
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

start_fake_llm 1 0
start_gateway_with_fake_llm

echo "== inbound to answer, one at a time"
"$java" -Dsun.net.httpserver.nodelay=true bench/ChannelBench.java latency "$BASE" "$TELEGRAM_PORT" "${BENCH_COUNT:-200}"
echo "== burst"
"$java" -Dsun.net.httpserver.nodelay=true bench/ChannelBench.java burst "$BASE" "$TELEGRAM_PORT" "${BENCH_BURST:-1000}" "${BENCH_PARALLEL:-64}"
