#!/usr/bin/env bash
# Builds Augment, starts it on the embedded defaults (data in ./data), seeds the sample knowledge
# base from docs/sample-kb and asks it questions, then runs the knowledge-injection benchmark at its
# small size (RAG vs LoRA vs full fine-tuning on invented facts, base model trained right here, a few
# minutes on 2 cores; AUGMENT_KNOWLEDGE_DEMO=0 skips it). The server keeps running; Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")"
export DJL_CACHE_DIR="${DJL_CACHE_DIR:-$PWD/data/djl-cache}"
PORT="${AUGMENT_PORT:-8080}"
JAR=bootstrap/target/quarkus-app/quarkus-run.jar

if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f "$JAR" ]; then
  ./mvnw -B -q -DskipTests install
fi

# A class-data-sharing archive of the classes a start-up loads makes later starts ~30% faster
# (docs/benchmarks/startup.md). Recorded once per build by starting the app on a scratch data
# directory until it is ready; AUGMENT_CDS=0 skips it.
CDS=bootstrap/target/quarkus-app/augment-cds.jsa
CDS_OPTS=()
if [ "${AUGMENT_CDS:-1}" = 1 ]; then
  if [ ! -f "$CDS" ] || [ "$JAR" -nt "$CDS" ]; then
    echo "Recording the class-data archive for faster start-up (once per build)..."
    SCRATCH=$(mktemp -d)
    java -XX:ArchiveClassesAtExit="$CDS" -Dai.djl.offline=true -Dquarkus.http.port=0 \
      -Daugment.data-dir="$SCRATCH" -jar "$JAR" > "$SCRATCH/record.log" 2>&1 &
    RECORDER=$!
    for _ in $(seq 1 600); do
      grep -q "ready after" "$SCRATCH/record.log" 2>/dev/null && break
      kill -0 $RECORDER 2>/dev/null || break
      sleep 0.2
    done
    kill $RECORDER 2>/dev/null || true
    wait $RECORDER 2>/dev/null || true
    rm -rf "$SCRATCH"
  fi
  [ -f "$CDS" ] && CDS_OPTS=(-XX:SharedArchiveFile="$CDS")
fi

# Models pretrained from scratch on this demo server have the small benchmark's size (vocabulary 512,
# context 256, width 128, 2 layers, 4 heads): the whole small benchmark took 2 minutes on 2 cores.
SCRATCH_OPTS=(-Daugment.engine.scratch.vocab-size=512 -Daugment.engine.scratch.width=128
  -Daugment.engine.scratch.layers=2 -Daugment.engine.scratch.heads=4)
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
java ${CDS_OPTS[@]+"${CDS_OPTS[@]}"} -Dai.djl.offline=true "${SCRATCH_OPTS[@]}" -Dquarkus.http.port="$PORT" -jar "$JAR" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT INT TERM

if [ "${AUGMENT_KNOWLEDGE_DEMO:-1}" = 1 ]; then
  java scripts/Demo.java "http://127.0.0.1:$PORT" docs/sample-kb small data/knowledge-injection-demo.html
else
  java scripts/Demo.java "http://127.0.0.1:$PORT" docs/sample-kb
fi
echo
echo "Augment is running on http://127.0.0.1:$PORT (loopback only; QUARKUS_HTTP_HOST=0.0.0.0 listens wider, with AUGMENT_AUTH_ENABLED=true; Swagger UI: /q/swagger-ui, gRPC on the same port). Ctrl-C to stop."
wait $SERVER
