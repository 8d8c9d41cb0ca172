#!/usr/bin/env bash
# Start-up time of the packaged application in sandbox mode: from launching the JVM to 200 on
# /actuator/health/readiness, in one run, for
#   plain      java -jar target/centra-bff-*.jar
#   extracted  java -jar on the jar extracted by Boot's tools jarmode (the layout the image uses)
#   cds        the extracted jar with a class-data-sharing archive from a training run
#              (src/main/docker/cds-training.sh: started until ready, then stopped, as the Dockerfile does)
# The configuration is the one users run (./mvnw spring-boot:run, the image): the actuator on its own management port
# (8081 unless MANAGEMENT_SERVER_PORT says otherwise), here PORT + 1 so that a running instance does not get in the way.
# Each variant is started RUNS times, interleaved; prints every time, the median and the best.
#
#   bench/startup.sh   # RUNS=5 PORT=18090
#
# Needs Java 17 and bash.
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
PORT=${PORT:-18090}
MANAGEMENT_PORT=$((PORT + 1))
WORK=$(mktemp -d)
PID=""

cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 143' INT TERM

# The packaged application, rebuilt when the sources are newer than it.
. bench/lib.sh
JAR=$(product_jar)

ARGS=(--spring.profiles.active=sandbox --server.address=127.0.0.1 --server.port="$PORT"
  --management.server.port="$MANAGEMENT_PORT" --logging.level.root=WARN)

java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null
EXTRACTED="$WORK/app/$(basename "$JAR")"
echo "Training run for the CDS archive"
src/main/docker/cds-training.sh "$WORK/app.jsa" "$MANAGEMENT_PORT" -jar "$EXTRACTED" "${ARGS[@]}" \
  >"$WORK/training.log" 2>&1 || { cat "$WORK/training.log"; echo "no CDS archive written"; exit 1; }

# The probe and the pause between probes run inside this shell: a curl and a sleep process every 20 ms cost about
# 6 ms of CPU each time, half a second or more over a start, which the JVM being measured would lose on a two-core
# machine. The probe speaks HTTP over bash's /dev/tcp (as cds-training.sh does); the pause is a read that times out
# on a pipe nothing writes to.
exec {PAUSE}<> <(:)
ready() {
  local status
  exec {PROBE}<>"/dev/tcp/127.0.0.1/$MANAGEMENT_PORT" || return 1
  printf 'GET /actuator/health/readiness HTTP/1.0\r\nHost: localhost\r\n\r\n' >&"$PROBE"
  read -r -t 5 status <&"$PROBE" || status=""
  exec {PROBE}<&-
  [[ $status == 'HTTP/1.'?' 200'* ]]
}

# Sets MS to the milliseconds from launching the JVM to the readiness probe's first 200.
measure() {
  local start end
  start=$(date +%s%N)
  java "$@" "${ARGS[@]}" >"$WORK/run.log" 2>&1 &
  PID=$!
  until ready 2>/dev/null; do
    kill -0 "$PID" 2>/dev/null || { cat "$WORK/run.log"; exit 1; }
    read -r -t 0.02 -u "$PAUSE" || true
  done
  end=$(date +%s%N)
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
  MS=$(((end - start) / 1000000))
}

declare -A TIMES
VARIANTS=(plain extracted cds)
echo "Load before the run: $(uptime)"
for run in $(seq 1 "$RUNS"); do
  for variant in "${VARIANTS[@]}"; do
    case $variant in
      plain) measure -jar "$JAR" ;;
      extracted) measure -jar "$EXTRACTED" ;;
      cds) measure -XX:SharedArchiveFile="$WORK/app.jsa" -Xlog:cds=off -jar "$EXTRACTED" ;;
    esac
    TIMES[$variant]="${TIMES[$variant]:-} $MS"
    echo "run $run $variant: $MS ms"
  done
done

echo
printf '%-10s %8s %8s  %s\n' variant median best "all (ms to readiness 200)"
for variant in "${VARIANTS[@]}"; do
  read -r -a all <<<"${TIMES[$variant]}"
  sorted=($(printf '%s\n' "${all[@]}" | sort -n))
  printf '%-10s %8s %8s  %s\n' "$variant" "${sorted[$((${#sorted[@]} / 2))]}" "${sorted[0]}" "${all[*]}"
done
