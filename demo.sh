#!/usr/bin/env bash
# Builds Augment, starts it on the embedded defaults (data in ./data), seeds the sample knowledge
# base from docs/sample-kb and asks it questions. The server keeps running; Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")"
export DJL_CACHE_DIR="${DJL_CACHE_DIR:-$PWD/data/djl-cache}"
PORT="${AUGMENT_PORT:-8080}"
JAR=bootstrap/target/quarkus-app/quarkus-run.jar

if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f "$JAR" ]; then
  ./mvnw -B -q -DskipTests install
fi

java -Dai.djl.offline=true -Dquarkus.http.port="$PORT" -jar "$JAR" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT INT TERM

java scripts/Demo.java "http://localhost:$PORT" docs/sample-kb
echo
echo "Augment is running on http://localhost:$PORT (Swagger UI: /q/swagger-ui, gRPC on the same port). Ctrl-C to stop."
wait $SERVER
