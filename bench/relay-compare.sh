#!/usr/bin/env bash
# Two builds of the BFF side by side on the relayed part of the shopper mix (bench/load.lua, MIX=relayed), both in
# front of the same nginx stand-in for Centra (100 ms per call, bench/load-stub.conf): what a change to the relay path
# does to latency and to CPU per request, in one run, so both builds see the same machine. Loopback only, bounded in
# time, stops everything it started.
#
#   BEFORE_JAR=/tmp/before.jar bench/relay-compare.sh          # AFTER_JAR defaults to this checkout's jar
#   BEFORE_JAR=... AFTER_JAR=... WARMUP_SECONDS=60 ROUNDS=4 CONNECTIONS=16 SECONDS_PER_RUN=10 bench/relay-compare.sh
#   THINK_MS=50 BEFORE_JAR=... bench/relay-compare.sh        # shoppers that pause (bench/load.lua), not in lockstep
#   BEFORE_JAR=x.jar AFTER_JAR=x.jar AFTER_ARGS='--some.setting=value' bench/relay-compare.sh   # one setting's cost
#   BEFORE_JAR=x.jar AFTER_JAR=x.jar AFTER_JAVA_OPTS='-Dsome.property=value' bench/relay-compare.sh   # a JVM option's
#
# Both are warmed at the same time (WARMUP_SECONDS, 32 connections each), then every round runs the stand-in alone,
# then the two builds one after the other, alternating which goes first. Per run: wrk's latency percentiles and the
# process's CPU time per request (/proc/<pid>/stat), which a shared machine disturbs far less than latency.
set -euo pipefail
cd "$(dirname "$0")/.."

: "${BEFORE_JAR:?set BEFORE_JAR to the build to compare against (e.g. a jar built from an earlier commit)}"
STUB_PORT=${STUB_PORT:-18081}
BEFORE_PORT=${BEFORE_PORT:-18080}
AFTER_PORT=${AFTER_PORT:-18083}
WARMUP_SECONDS=${WARMUP_SECONDS:-60}
ROUNDS=${ROUNDS:-4}
CONNECTIONS=${CONNECTIONS:-16}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-10}
THREADS=$((CONNECTIONS < 2 ? 1 : 2))

. bench/lib.sh
bench_work relay
need_stub_tools
AFTER_JAR=${AFTER_JAR:-$(product_jar)}

sed -e "s#__PORT__#$STUB_PORT#g" -e "s#__DIR__#$WORK#g" bench/load-stub.conf > "$WORK/nginx.conf"
nginx -c "$WORK/nginx.conf" -p "$WORK" &
PIDS+=($!)

start() { # start JAR PORT [ARGUMENTS] [JVM OPTIONS]: prints the JVM's pid
  # shellcheck disable=SC2086
  java -Xmx512m ${4:-} -jar "$1" --server.port="$2" --management.server.port="$2" \
    --centra.base-url="http://127.0.0.1:$STUB_PORT/api/checkout" --centra.max-connections=2500 \
    --bff.rate-limits.enabled=false --logging.level.root=WARN ${3:-} > "$WORK/$2.log" 2>&1 &
  echo $!
}
BEFORE_PID=$(start "$BEFORE_JAR" "$BEFORE_PORT" "${BEFORE_ARGS:-}" "${BEFORE_JAVA_OPTS:-}")
PIDS+=("$BEFORE_PID")
AFTER_PID=$(start "$AFTER_JAR" "$AFTER_PORT" "${AFTER_ARGS:-}" "${AFTER_JAVA_OPTS:-}")
PIDS+=("$AFTER_PID")
for port in "$BEFORE_PORT" "$AFTER_PORT"; do
  for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 && break
    sleep 0.5
  done
  curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null || { cat "$WORK/$port.log"; exit 1; }
done

export MIX=relayed
echo "cores: $(nproc), load average before the warm-up: $(cut -d' ' -f1-3 /proc/loadavg)"
MIX=relayed wrk -t1 -c32 -d"${WARMUP_SECONDS}"s -s bench/load.lua "http://127.0.0.1:$BEFORE_PORT" >/dev/null &
WARMING=$!
wrk -t1 -c32 -d"${WARMUP_SECONDS}"s -s bench/load.lua "http://127.0.0.1:$AFTER_PORT" >/dev/null
wait "$WARMING"
echo "load average before the rounds: $(cut -d' ' -f1-3 /proc/loadavg)"

measure() { # measure LABEL PORT PID
  local before after
  before=$(cpu_ms "$3")
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$SECONDS_PER_RUN"s --timeout 30s -s bench/load.lua "http://127.0.0.1:$2" \
    | awk '/^RESULT/' > "$WORK/run.txt"
  after=$(cpu_ms "$3")
  awk -v label="$1" -v used=$((after - before)) '{
      n = $0; sub(/.*requests=/, "", n); sub(/ .*/, "", n)
      line = $0; sub(/^RESULT /, "", line); sub(/ errors_connect.*non2xx/, " non2xx", line)
      printf "%s %s cpu_ms_per_request=%.2f\n", label, line, used / n }' "$WORK/run.txt"
}
for round in $(seq 1 "$ROUNDS"); do
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$SECONDS_PER_RUN"s -s bench/load.lua "http://127.0.0.1:$STUB_PORT" \
    | awk -v r="$round" '/^RESULT/ { sub(/^RESULT/, "round " r " direct"); sub(/ errors_connect.*non2xx/, " non2xx"); print }'
  if [ $((round % 2)) = 1 ]; then
    measure "round $round before" "$BEFORE_PORT" "$BEFORE_PID"
    measure "round $round after " "$AFTER_PORT" "$AFTER_PID"
  else
    measure "round $round after " "$AFTER_PORT" "$AFTER_PID"
    measure "round $round before" "$BEFORE_PORT" "$BEFORE_PID"
  fi
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
