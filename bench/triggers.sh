#!/usr/bin/env bash
# Triggers and plans benchmark on the embedded default:
#  1. 1,000 schedule triggers due in the same minute (cron "M H * * *", UTC, a memory_summary action):
#     how many fired within that minute, and the fire delay (scheduled time to action start) p50/p99/max;
#  2. the per-step overhead of a plan run: a plan of STEPS condition steps ("true", no tool, no model),
#     run by the background workers; (completedAt - startedAt) / steps.
# Usage: bench/triggers.sh (SKIP_BUILD=1 to reuse the jar; TRIGGERS=1000, STEPS=200)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
start_gateway

TRIGGERS=${TRIGGERS:-1000}
STEPS=${STEPS:-200}
api() { curl -fsS "${AUTH[@]}" -H 'Content-Type: application/json' "$@"; }

# the first whole minute at least 45 s away, so that creating the triggers finishes before it
target=$(( ( $(date +%s) + 45 + 59 ) / 60 * 60 ))
minute=$(date -u -d "@$target" +%M | sed 's/^0//'); minute=${minute:-0}
hour=$(date -u -d "@$target" +%H | sed 's/^0//'); hour=${hour:-0}
echo "creating $TRIGGERS triggers due at $(date -u -d "@$target" +%H:%M) UTC"
seq 1 "$TRIGGERS" | xargs -P 8 -I{} curl -fsS -o /dev/null "${AUTH[@]}" -H 'Content-Type: application/json' \
  -d "{\"name\":\"bench {}\",\"type\":\"schedule\",\"config\":{\"cron\":\"$minute $hour * * *\",\"timezone\":\"UTC\"},\"action\":{\"type\":\"memory_summary\"}}" \
  "$BASE/api/v1/triggers"
now=$(date +%s)
[ "$now" -lt "$target" ] || { echo "creating the triggers took past the due minute; lower TRIGGERS" >&2; exit 1; }
sleep $(( target - now + 62 ))

api "$BASE/api/v1/triggers/history?limit=$TRIGGERS" | python3 -c '
import json, sys
from datetime import datetime
rows = json.load(sys.stdin)["data"]["history"]
def t(s): return datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp()
delays = sorted((t(r["firedAt"]) - t(r["scheduledFor"])) * 1000 for r in rows if r.get("scheduledFor"))
ok = sum(1 for r in rows if r["status"] == "success")
within = sum(1 for d in delays if d < 60000)
pick = lambda q: delays[min(len(delays) - 1, int(q * len(delays)))] if delays else float("nan")
print(f"fired {len(rows)} of '"$TRIGGERS"' ({ok} success), {within} within the minute")
print(f"fire delay  p50 {pick(0.50):8.0f} ms   p99 {pick(0.99):8.0f} ms   max {delays[-1] if delays else 0:8.0f} ms")
'

steps=$(python3 -c "import json; print(json.dumps([{'type':'condition','name':f's{i}','config':{'condition':'true'}} for i in range($STEPS)]))")
plan=$(api -d "{\"name\":\"bench\",\"goal\":\"overhead\",\"steps\":$steps}" "$BASE/api/v1/plans" | jq -r .data.plan.id)
api -X POST "$BASE/api/v1/plans/$plan/execute?wait=true&waitMs=120000" >/dev/null
api "$BASE/api/v1/plans/$plan" | python3 -c '
import json, sys
from datetime import datetime
p = json.load(sys.stdin)["data"]
def t(s): return datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp()
ms = (t(p["completedAt"]) - t(p["startedAt"])) * 1000
n, status = p["totalSteps"], p["status"]
print(f"plan of {n} steps: {status} in {ms:.0f} ms, {ms / n:.2f} ms per step")
'
