#!/usr/bin/env bash
# Cost of authentication: GET /api/v1/tasks (50 tasks seeded) with wrk -t2 -c32, alternating auth mode
# none and api-key (with rate limiting on, limits never reached) BENCH_ROUNDS times (default 3), a
# fresh gateway each time, 10 s warm-up then 10 s measured. Prints every run and the medians.
# Target: api-key at most 10 % slower than none. This machine's figures vary by up to ±25 % from one
# 10 s run to the next, which is why the modes alternate and medians are compared.
# Usage: bench/auth.sh (SKIP_BUILD=1 to reuse the jar)
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${BENCH_ROUNDS:-3}
[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -B -q -ntp -DskipTests package
declare -A results
for round in $(seq 1 "$ROUNDS"); do
  for mode in none api-key; do
    line=$(SKIP_BUILD=1 BENCH_AUTH=$mode bash bench/foundation.sh | grep 'GET /api/v1/tasks')
    rate=$(awk '{for (i = 1; i <= NF; i++) if ($i == "req/s") print $(i - 1)}' <<<"$line")
    echo "round $round  $line"
    results[$mode]="${results[$mode]:-} $rate"
  done
done
median() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
none=$(median "${results[none]}")
key=$(median "${results[api-key]}")
awk -v n="$none" -v k="$key" 'BEGIN {printf "median none %.0f req/s, api-key %.0f req/s: api-key is %.1f %% %s\n",
  n, k, (n - k) / n * 100 < 0 ? (k - n) / n * 100 : (n - k) / n * 100, k < n ? "slower" : "faster"}'
