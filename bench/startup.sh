#!/usr/bin/env bash
# Start-up benchmark: time from launching the gateway to the first /health/live 200 (and /health/ready),
# on a fresh data directory and on restarts of the same one, and the JVM's RSS once it is up.
# Two ways to launch: the fat jar (java -jar target/ownpilot-gateway-*.jar) and scripts/run.sh
# (the extracted jar with the JDK 25 AOT cache, recorded before the first measured start).
# Usage: bench/startup.sh (ROUNDS=3; SKIP_BUILD=1 reuses the jar)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
PORT=${BENCH_PORT:-18080}
ROUNDS=${ROUNDS:-3}
[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -B -q -ntp -DskipTests package
jar=$(ls target/ownpilot-gateway-*.jar | grep -v plain | head -1)
# record the AOT cache now (scripts/run.sh does it once per build), so no measured start pays for it
timeout 120 scripts/run.sh --server.port="$PORT" --ownpilot.data-dir="$(mktemp -d)" >/dev/null 2>&1 &
until curl -fs "http://127.0.0.1:$PORT/health/live" >/dev/null 2>&1; do sleep 0.2; done
pkill -f "server.port=$PORT" || true
sleep 3

# one_start LABEL DATA_DIR COMMAND...: prints "LABEL live_ms ready_ms rss_mib"
one_start() {
  local label=$1 dir=$2
  shift 2
  local start live ready pid
  start=$(date +%s%N)
  "$@" --server.port="$PORT" --ownpilot.data-dir="$dir" --logging.level.root=WARN >/tmp/ownpilot-startup.log 2>&1 &
  until curl -fs "http://127.0.0.1:$PORT/health/live" >/dev/null 2>&1; do sleep 0.01; done
  live=$(( ($(date +%s%N) - start) / 1000000 ))
  until curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1; do sleep 0.01; done
  ready=$(( ($(date +%s%N) - start) / 1000000 ))
  sleep 2
  pid=$(pgrep -f "server.port=$PORT" | head -1)
  echo "$label $live $ready $(( $(ps -o rss= -p "$pid") / 1024 ))"
  pkill -f "server.port=$PORT" || true
  while pgrep -f "server.port=$PORT" >/dev/null; do sleep 0.1; done
  sleep 1
}

results=$(mktemp)
for round in $(seq 1 "$ROUNDS"); do
  for way in jar run.sh; do
    if [ "$way" = jar ]; then cmd=(java --enable-native-access=ALL-UNNAMED -jar "$jar"); else cmd=(scripts/run.sh); fi
    dir=$(mktemp -d /tmp/ownpilot-startup-XXXX)
    one_start "$way fresh" "$dir" "${cmd[@]}" >>"$results"
    one_start "$way restart" "$dir" "${cmd[@]}" >>"$results"
    rm -rf "$dir"
  done
done
echo "| Launch | Data dir | /health/live (ms, each round) | /health/ready (ms) | RSS after start (MiB) |"
echo "|---|---|---|---|---|"
for way in jar run.sh; do
  for kind in fresh restart; do
    awk -v k="$way $kind" '$1" "$2==k {l=l (l?" / ":"") $3; r=r (r?" / ":"") $4; m=m (m?" / ":"") $5}
      END {split(k, p, " "); printf "| %s | %s | %s | %s | %s |\n", p[1], p[2], l, r, m}' "$results"
  done
done
rm -f "$results"
