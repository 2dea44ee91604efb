#!/usr/bin/env bash
# Checks the packaged jar: it must carry the provider catalog (models/*.json) and the agent templates
# (config/agents/*.json); without them the gateway starts with 0 providers and chat fails.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$(ls target/ownpilot-gateway-*.jar | grep -v original | head -1)
list() { if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/jar" ]; then "$JAVA_HOME/bin/jar" tf "$1"; else unzip -Z1 "$1"; fi; }
entries=$(list "$jar")
providers=$(grep -c '^BOOT-INF/classes/models/[^/]*\.json$' <<<"$entries" || true)
templates=$(grep -c '^BOOT-INF/classes/config/agents/[^/]*\.json$' <<<"$entries" || true)
echo "$jar: $providers provider files, $templates agent templates"
if [ "$providers" -lt 10 ] || [ "$templates" -lt 1 ]; then
  echo "the packaged jar lacks the catalog or the agent templates" >&2
  exit 1
fi
