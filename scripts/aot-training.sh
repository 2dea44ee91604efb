# Sourced by scripts/run.sh. record_aot_cache CACHE APP LOG JVM-FLAGS...: records the JDK 25 AOT cache
# from a training start on a throw-away data directory. The start serves a few requests of the routes a
# client opens with (probes, the task and tool lists, a tool run) and is then stopped with SIGTERM; the
# JVM writes the cache as it exits. Stopping when the context is up instead (spring.context.exit) left
# out everything a running server loads: Tomcat's connector and request classes, the filter chain, the
# dispatcher, Jackson's writers; those then loaded on the first request (bench/README.md: restart
# about 0.15-0.2 s slower). Returns non-zero, with the cache absent, when the training start fails.
record_aot_cache() {
  local cache=$1 app=$2 log=$3
  shift 3
  local training port="" pid
  training=$(mktemp -d /tmp/ownpilot-aot-training-XXXX)
  rm -f "$cache"
  # port 0: any free port; the start-up report names it
  java -XX:AOTCacheOutput="$cache" "$@" -jar "$app" --ownpilot.data-dir="$training" --server.port=0 \
    --server.address=127.0.0.1 --logging.level.root=WARN --logging.level.ownpilot.gateway.health.StartupReport=INFO \
    >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    port=$(sed -nE 's#.*ready on http://127\.0\.0\.1:([0-9]+).*#\1#p' "$log" | head -1)
    [ -n "$port" ] || ! kill -0 "$pid" 2>/dev/null && break
    sleep 0.2
  done
  if [ -n "$port" ]; then
    local base="http://127.0.0.1:$port" path
    for path in /health/live /health/ready /health /api/v1/tasks /api/v1/tools /api/v1/agents /api/v1/settings; do
      curl -s -m 10 -o /dev/null "$base$path" || true
    done
    curl -s -m 10 -o /dev/null -H 'Content-Type: application/json' \
      -d '{"arguments":{"expression":"2*(3+4)^2"}}' "$base/api/v1/tools/calculate/execute" || true
  fi
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$training"
  [ -n "$port" ] && [ -f "$cache" ]
}
