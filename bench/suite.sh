#!/usr/bin/env bash
# The whole benchmark suite into one Markdown file (bench/results/suite-<date>.md): throughput and
# tails per route (bench/routes.sh; BENCH_TARGET=http://host:port to measure another gateway, the
# original included), start-up and memory (bench/startup.sh), streamed-chat first chunk and
# concurrency (bench/chat.sh) and channels (bench/channels.sh). The last three start this gateway.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/results
. scripts/jdk.sh
# the jar and the test classes (the fake model server) once, for every script below
[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -B -q -ntp -DskipTests package
out="bench/results/suite-$(date -u +%Y%m%d-%H%M).md"
{
  echo "# Benchmark suite, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(uname -sr)."
  echo
  echo "## Routes"
  echo
  bench/routes.sh
  if [ -z "${BENCH_TARGET:-}" ]; then
    echo
    echo "## Start-up and memory"
    echo
    SKIP_BUILD=1 bench/startup.sh | grep '^|'
    echo
    echo "## Streamed chat"
    echo
    echo '```'
    SKIP_BUILD=1 bench/chat.sh 2>&1 | grep -v '^WARNING'
    echo '```'
    echo
    echo "## Channels"
    echo
    echo '```'
    SKIP_BUILD=1 bench/channels.sh 2>&1 | grep -v '^WARNING'
    echo '```'
  fi
} | tee "$out"
echo "written: $out" >&2
