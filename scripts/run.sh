#!/usr/bin/env bash
# Starts the gateway from its jar, the fast way: builds the jar when the sources changed, extracts it
# (classes load from plain jars, not from inside the fat jar) and, on JDK 25+, records an AOT cache once
# (a training start on a throw-away data directory that serves a few requests and stops) and starts
# with it: loaded, linked classes and profiles from the cache instead of from scratch.
# Arguments go to the gateway (e.g. --server.port=9090). OWNPILOT_AOT=off starts without the cache.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
RUN_DIR=target/run
# A ceiling on the heap (the JVM would otherwise allow a quarter of the machine's memory) with room
# for two sandbox runs at their 256 MB limit, and G1's periodic collection with tight free-heap ratios,
# which hands the heap a load left behind back to the system once the gateway is idle (without the
# ratios the periodic collection kept it all; bench/README.md: 506 -> 364 MiB RSS 30 s after a load).
# JAVA_OPTS come later, so they win.
# Native memory: glibc keeps what the JIT and GC threads freed in per-thread arenas and returns none of
# it on its own, so the arenas are capped at two and the JVM trims the C heap every 5 s (bench/README.md:
# 318-323 -> 299-308 MiB RSS 30 s after a load).
MEMORY_FLAGS=(-Xmx768m -XX:G1PeriodicGCInterval=10000 -XX:MaxHeapFreeRatio=20 -XX:MinHeapFreeRatio=5
  -XX:TrimNativeHeapInterval=5000)
if [ "${OWNPILOT_JVM_DEFAULTS:-on}" = off ]; then
  MEMORY_FLAGS=()
else
  export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
fi
# Spring AOT: the context as the build wrote it down (no configuration parsing, no condition
# evaluation at start; about a second less here). Conditions on spring.* / management.* properties are
# then fixed as the build saw them; OWNPILOT_SPRING_AOT=off starts without (bench/README.md).
SPRING_AOT=(-Dspring.aot.enabled=true)
[ "${OWNPILOT_SPRING_AOT:-on}" = off ] && SPRING_AOT=()
flags=(--enable-native-access=ALL-UNNAMED "${MEMORY_FLAGS[@]}" "${SPRING_AOT[@]}" ${JAVA_OPTS:-})

jar=$(ls target/ownpilot-gateway-*.jar 2>/dev/null | grep -v plain | head -1 || true)
if [ -z "$jar" ] || [ -n "$(find src pom.xml models -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then
  ./mvnw -B -q -ntp -DskipTests package
  jar=$(ls target/ownpilot-gateway-*.jar | grep -v plain | head -1)
fi
app="$RUN_DIR/$(basename "$jar")"
if [ ! -f "$app" ] || [ "$jar" -nt "$app" ]; then
  rm -rf "$RUN_DIR"
  java -Djarmode=tools -jar "$jar" extract --destination "$RUN_DIR" >/dev/null
fi

# one cache per set of JVM flags: a cache recorded with other flags (another collector, heap size) is
# refused by the JVM, so changing JAVA_OPTS records a new one instead of silently starting without
cache="$RUN_DIR/app-$(printf '%s ' "${flags[@]}" | sha256sum | cut -c1-12).aot"
if [ "${OWNPILOT_AOT:-on}" != off ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 25 ]; then
  if [ ! -f "$cache" ]; then
    echo "Recording the AOT cache (once per build, about 20 s)..." >&2
    . scripts/aot-training.sh
    record_aot_cache "$cache" "$app" "$RUN_DIR/aot-training.log" "${flags[@]}" \
      || echo "The AOT cache could not be recorded (see $RUN_DIR/aot-training.log); starting without it." >&2
  fi
  [ -f "$cache" ] && flags=(-XX:AOTCache="$cache" "-Xlog:aot*=off" "-Xlog:cds*=off" "${flags[@]}")
fi
exec java "${flags[@]}" -jar "$app" "$@"
