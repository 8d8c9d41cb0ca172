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
#   BASELINE_JAR=/tmp/before.jar bench/startup.sh   # adds that build the image's way (extracted + CDS), interleaved
#   AOT_CACHE_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/startup.sh
#       # adds the extracted jar on that JVM (Java 25 or later), once with a CDS archive and once with an AOT cache
#       # (JEP 483, 514, 515), each from its own training run until ready: what the JDK after 17 would give
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

# extract_and_train JAR DIR: the jar extracted into DIR and a CDS archive DIR.jsa from a training run (the image's way)
extract_and_train() {
  java -Djarmode=tools -jar "$1" extract --destination "$2" >/dev/null
  echo "Training run for the CDS archive of $1"
  src/main/docker/cds-training.sh "$2.jsa" "$MANAGEMENT_PORT" -jar "$2/$(basename "$1")" "${ARGS[@]}" \
    >"$WORK/training.log" 2>&1 || { cat "$WORK/training.log"; echo "no CDS archive written"; exit 1; }
}
extract_and_train "$JAR" "$WORK/app"
EXTRACTED="$WORK/app/$(basename "$JAR")"
if [ -n "${AOT_CACHE_JAVA:-}" ]; then
  echo "Training runs for the CDS archive and the AOT cache on $AOT_CACHE_JAVA"
  for archive in "$WORK/later.jsa" "$WORK/later.aot"; do
    CDS_TRAINING_JAVA=$AOT_CACHE_JAVA src/main/docker/cds-training.sh "$archive" "$MANAGEMENT_PORT" -jar "$EXTRACTED" \
      "${ARGS[@]}" >"$WORK/training.log" 2>&1 || { cat "$WORK/training.log"; echo "no $archive written"; exit 1; }
  done
fi
if [ -n "${BASELINE_JAR:-}" ]; then
  extract_and_train "$BASELINE_JAR" "$WORK/baseline"
  BASELINE_EXTRACTED="$WORK/baseline/$(basename "$BASELINE_JAR")"
fi

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
  local start end java=java
  if [ "$1" = --java ]; then
    java=$2
    shift 2
  fi
  start=$(date +%s%N)
  "$java" "$@" "${ARGS[@]}" >"$WORK/run.log" 2>&1 &
  PID=$!
  until ready 2>/dev/null; do
    kill -0 "$PID" 2>/dev/null || { cat "$WORK/run.log"; exit 1; }
    read -r -t 0.02 -u "$PAUSE" || true
  done
  end=$(date +%s%N)
  MAIN_CPU_MS=$(main_thread_cpu_ms "$PID")
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
  MS=$(((end - start) / 1000000))
}

# CPU milliseconds the JVM's main thread (the busiest thread named "java": the launcher's own thread is the other one)
# had used when readiness answered: what the start itself costs, which a busy machine disturbs far less than the wall
# time.
main_thread_cpu_ms() {
  local hz task best=0 ticks
  hz=$(getconf CLK_TCK)
  for task in /proc/"$1"/task/*; do
    [ "$(cat "$task/comm" 2>/dev/null)" = java ] || continue
    ticks=$(sed 's/.*) //' "$task/stat" | awk '{ print $12 + $13 }')
    [ "$ticks" -gt "$best" ] && best=$ticks
  done
  echo $((best * 1000 / hz))
}

declare -A TIMES MAIN_CPU
VARIANTS=(plain extracted cds)
[ -n "${BASELINE_JAR:-}" ] && VARIANTS+=(baseline-cds)
[ -n "${AOT_CACHE_JAVA:-}" ] && VARIANTS+=(later-cds later-aot)
echo "Load before the run: $(uptime)"
for run in $(seq 1 "$RUNS"); do
  for variant in "${VARIANTS[@]}"; do
    case $variant in
      plain) measure -jar "$JAR" ;;
      extracted) measure -jar "$EXTRACTED" ;;
      cds) measure -XX:SharedArchiveFile="$WORK/app.jsa" -Xlog:cds=off -jar "$EXTRACTED" ;;
      baseline-cds) measure -XX:SharedArchiveFile="$WORK/baseline.jsa" -Xlog:cds=off -jar "$BASELINE_EXTRACTED" ;;
      later-cds) measure --java "$AOT_CACHE_JAVA" -XX:SharedArchiveFile="$WORK/later.jsa" -Xlog:cds=off -jar "$EXTRACTED" ;;
      later-aot) measure --java "$AOT_CACHE_JAVA" -XX:AOTCache="$WORK/later.aot" -Xlog:aot=off -Xlog:cds=off \
        -jar "$EXTRACTED" ;;
    esac
    TIMES[$variant]="${TIMES[$variant]:-} $MS"
    MAIN_CPU[$variant]="${MAIN_CPU[$variant]:-} $MAIN_CPU_MS"
    echo "run $run $variant: $MS ms (main thread CPU $MAIN_CPU_MS ms)"
  done
done

echo
printf '%-12s %8s %8s %12s  %s\n' variant median best "main CPU" "all (ms to readiness 200)"
for variant in "${VARIANTS[@]}"; do
  read -r -a all <<<"${TIMES[$variant]}"
  sorted=($(printf '%s\n' "${all[@]}" | sort -n))
  cpu=($(printf '%s\n' ${MAIN_CPU[$variant]} | sort -n))
  printf '%-12s %8s %8s %12s  %s\n' "$variant" "${sorted[$((${#sorted[@]} / 2))]}" "${sorted[0]}" \
    "${cpu[$((${#cpu[@]} / 2))]}" "${all[*]}"
done
echo "(median and best wall ms from launching java to readiness 200; main CPU: median CPU ms of the main thread then)"
