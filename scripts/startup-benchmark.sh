#!/usr/bin/env bash
# Time from `java -jar` to /q/health/ready UP for the packaged app on the embedded defaults, with
# and without the class-data archive demo.sh records, alternating, on fresh data directories.
# Writes docs/benchmarks/startup.md. Needs a build (./mvnw -DskipTests install), curl and bc.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=bootstrap/target/quarkus-app/quarkus-run.jar
CDS=bootstrap/target/quarkus-app/augment-cds.jsa
ROUNDS="${ROUNDS:-5}"
PORT="${PORT:-18391}"
export DJL_CACHE_DIR="${DJL_CACHE_DIR:-$PWD/target/djl-cache}"
[ -f "$JAR" ] || { echo "no $JAR: run ./mvnw -DskipTests install first" >&2; exit 1; }

record_archive() {
  local scratch; scratch=$(mktemp -d)
  java -XX:ArchiveClassesAtExit="$CDS" -Dai.djl.offline=true -Dquarkus.http.port="$PORT" \
    -Daugment.data-dir="$scratch" -jar "$JAR" > "$scratch/log" 2>&1 &
  local pid=$!
  until curl -sf "localhost:$PORT/q/health/ready" > /dev/null 2>&1; do sleep 0.2; done
  kill $pid; wait $pid 2>/dev/null || true
  rm -rf "$scratch"
}

# Prints seconds from launch to ready.
ready_after() {
  local scratch; scratch=$(mktemp -d)
  local start; start=$(date +%s%N)
  java "$@" -Dai.djl.offline=true -Dquarkus.http.port="$PORT" -Daugment.data-dir="$scratch" -jar "$JAR" \
    > "$scratch/log" 2>&1 &
  local pid=$!
  until curl -sf "localhost:$PORT/q/health/ready" > /dev/null 2>&1; do sleep 0.05; done
  local end; end=$(date +%s%N)
  kill $pid; wait $pid 2>/dev/null || true
  rm -rf "$scratch"
  echo "scale=2; ($end - $start) / 1000000000" | bc
}

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}'; }

if [ ! -f "$CDS" ] || [ "$JAR" -nt "$CDS" ]; then record_archive; fi
plain=(); shared=()
for i in $(seq 1 "$ROUNDS"); do
  plain+=("$(ready_after -Xshare:auto)")
  shared+=("$(ready_after -XX:SharedArchiveFile="$CDS")")
  echo "round $i: plain ${plain[-1]} s, with archive ${shared[-1]} s"
done
mp=$(median "${plain[@]}"); ms=$(median "${shared[@]}")
ratio=$(printf "%.2f" "$(echo "scale=4; $ms / $mp" | bc)")
out=docs/benchmarks/startup.md
{
  echo "# Start-up: launch to ready"
  echo
  echo "Seconds from \`java -jar quarkus-run.jar\` to \`/q/health/ready\` UP (index open, embedding model"
  echo "loaded and warm) on the embedded defaults, fresh data directory each time, alternating runs."
  echo "Machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)."
  echo "Reproduce: \`./mvnw -DskipTests install && scripts/startup-benchmark.sh\` ($(date -u +%Y-%m-%d))."
  echo
  echo "| run | rounds (s) | median (s) |"
  echo "|---|---|---:|"
  echo "| plain | ${plain[*]} | $mp |"
  echo "| with the class-data archive (demo.sh) | ${shared[*]} | $ms |"
  echo
  echo "With the archive / plain: **${ratio}x** (same run, same machine)."
} > "$out"
cat "$out"
