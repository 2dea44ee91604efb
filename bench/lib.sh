#!/usr/bin/env bash
# Shared by the benchmark scripts: build the jar, start the gateway on a throw-away data dir, stop it.
# Knobs: BENCH_PORT, SKIP_BUILD=1, JAVA_OPTS (JVM flags), GATEWAY_ARGS (extra --key=value arguments),
# BENCH_AUTH=api-key (every request carries an API key; rate limiting on, with limits no run reaches).

PORT=${BENCH_PORT:-18080}
DURATION=${BENCH_DURATION:-10s}
WARMUP=${BENCH_WARMUP:-10s}
BASE="http://127.0.0.1:$PORT"
AUTH=()
if [ "${BENCH_AUTH:-none}" = api-key ]; then
  export BENCH_API_KEY=bench-key-0123456789abcdef
  GATEWAY_ARGS="${GATEWAY_ARGS:-} --ownpilot.auth.mode=api-key --ownpilot.auth.api-keys=bench:$(printf '%s' \
"$BENCH_API_KEY" | sha256sum | cut -d' ' -f1) --ownpilot.auth.rate-limit.per-user-per-minute=1000000000 \
--ownpilot.auth.rate-limit.per-address-per-minute=1000000000"
  AUTH=(-H "X-API-Key: $BENCH_API_KEY")
fi
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi

start_gateway() {
  local java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
  [ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -B -q -ntp -DskipTests package
  local jar
  jar=$(ls target/ownpilot-gateway-*.jar | grep -v plain | head -1)
  BENCH_DATA=$(mktemp -d /tmp/ownpilot-bench-XXXX)
  mkdir -p bench/results
  # shellcheck disable=SC2086
  "$java" --enable-native-access=ALL-UNNAMED ${JAVA_OPTS:-} -jar "$jar" --ownpilot.data-dir="$BENCH_DATA" \
    --server.port="$PORT" --logging.level.root=WARN ${GATEWAY_ARGS:-} >bench/results/gateway.log 2>&1 &
  GATEWAY_PID=$!
  trap stop_gateway EXIT
  for _ in $(seq 1 120); do
    curl -fs "$BASE/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "gateway did not become ready; see bench/results/gateway.log" >&2
  exit 1
}

# start_gateway, plus a temporary wrk script in $LUA removed with the gateway at exit.
start_gateway_with_lua() {
  start_gateway
  LUA=$(mktemp /tmp/ownpilot-bench-XXXX.lua)
  trap 'rm -f "$LUA"; stop_gateway' EXIT
}

stop_gateway() {
  kill "$GATEWAY_PID" 2>/dev/null
  wait "$GATEWAY_PID" 2>/dev/null || true
  rm -rf "$BENCH_DATA"
}

# wrk_report LABEL WRK-ARGS... : prints requests/s, p50, p99 and errors of one wrk run.
wrk_report() {
  local label=$1
  shift
  local out
  out=$(wrk --latency "$@")
  printf '%-34s %10s req/s   p50 %8s   p99 %8s   %s\n' "$label" \
    "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" "$(awk '$1=="50%" {print $2}' <<<"$out")" \
    "$(awk '$1=="99%" {print $2}' <<<"$out")" "$(grep -E 'Non-2xx|Socket errors' <<<"$out" || echo 'no errors')"
}

# start_fake_llm CHUNKS DELAY_MS: the tests' fake OpenAI-compatible server on $FAKE_PORT (test classes
# compiled unless SKIP_BUILD=1), stopped with the gateway; call before start_gateway_with_fake_llm.
start_fake_llm() {
  local java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
  [ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -B -q -ntp -DskipTests test-compile
  CP_FILE=$(mktemp /tmp/ownpilot-bench-cp-XXXX)
  ./mvnw -B -q -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >/dev/null
  "$java" -cp "target/test-classes:$(cat "$CP_FILE")" ownpilot.gateway.support.FakeLlmServer "$FAKE_PORT" "$1" "$2" \
    >/dev/null 2>&1 &
  FAKE_PID=$!
}

# start_gateway_with_fake_llm: start_gateway, then the openai provider pointed at the fake with a key.
start_gateway_with_fake_llm() {
  start_gateway
  trap 'kill $FAKE_PID 2>/dev/null; rm -f "$CP_FILE"; stop_gateway' EXIT
  curl -fs -o /dev/null "${AUTH[@]}" -X PUT "$BASE/api/v1/providers/openai/config" -H 'Content-Type: application/json' \
    -d "{\"baseUrl\": \"http://127.0.0.1:$FAKE_PORT/v1\"}"
  curl -fs -o /dev/null "${AUTH[@]}" -X POST "$BASE/api/v1/settings/api-key/openai" -H 'Content-Type: application/json' \
    -d '{"apiKey": "sk-bench-0123456789abcdef"}'
}
