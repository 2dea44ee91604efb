#!/usr/bin/env bash
# Regenerates models/ (one JSON file per provider) from a models.dev api.json.
# Usage: scripts/generate-models.sh [path/to/api.json]   (default: ../shared/data/models-dev.json)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
SOURCE=${1:-../shared/data/models-dev.json}
./mvnw -B -q -ntp -DskipTests compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
java -cp "target/classes:$(cat target/classpath.txt)" ownpilot.gateway.models.CatalogGenerator "$SOURCE" models
