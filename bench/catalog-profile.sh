#!/usr/bin/env bash
# Where a catalog cache hit's time goes: the BFF (sandbox mode) under wrk load on the cached listing while Java Flight
# Recorder samples it, once with hits answered ahead of MVC dispatch (the default) and once through the controller
# (bff.catalog.http.fast-path=false). Prints each recording's share of samples per layer (filters, MVC dispatch,
# message conversion, metrics, tracing) and the top leaf frames (bench/jfr-summary.py).
#
#   bench/catalog-profile.sh   # SECONDS_LOADED=30 WARMUP=10 CONNECTIONS=32 PORT=18085 KEEP=/tmp (keeps the .jfr files there)
#
# Needs Java 17 (jfr), wrk and curl.
set -euo pipefail

cd "$(dirname "$0")/.."
SECONDS_LOADED=${SECONDS_LOADED:-30}
WARMUP=${WARMUP:-10}
CONNECTIONS=${CONNECTIONS:-32}
PORT=${PORT:-18085}
KEEP=${KEEP:-}
BODY='{"limit":10,"onlyAvailable":true}'
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
URL="http://127.0.0.1:$PORT/api/checkout/products"
cat >"$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.body = '$BODY'
wrk.headers["Content-Type"] = "application/json"
LUA

profile() { # name fast-path
  java -XX:FlightRecorderOptions:stackdepth=256 -jar "$JAR" --spring.profiles.active=sandbox \
    --server.address=127.0.0.1 --server.port="$PORT" --management.server.port="$PORT" --logging.level.root=WARN \
    --bff.catalog.http.fast-path="$2" >"$WORK/$1.log" 2>&1 &
  PID=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness"; do
    kill -0 "$PID" 2>/dev/null || { cat "$WORK/$1.log"; exit 1; }
    sleep 0.2
  done
  for _ in 1 2 3; do curl -fs -o /dev/null -X POST -H 'Content-Type: application/json' -d "$BODY" "$URL"; done
  wrk -t1 -c"$CONNECTIONS" -d"${WARMUP}s" -s "$WORK/post.lua" "$URL" >/dev/null   # JIT warm-up, not recorded
  jcmd "$PID" JFR.start name=hit settings=profile filename="$WORK/$1.jfr" duration="${SECONDS_LOADED}s" >/dev/null
  echo "== $1 (bff.catalog.http.fast-path=$2): wrk -t1 -c$CONNECTIONS -d${SECONDS_LOADED}s under JFR; load: $(uptime)"
  wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_LOADED}s" -s "$WORK/post.lua" "$URL" | grep -E "Requests/sec"
  sleep 2
  until [ -s "$WORK/$1.jfr" ]; do sleep 0.5; done
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
  jfr print --events jdk.ExecutionSample --stack-depth 256 "$WORK/$1.jfr" | python3 bench/jfr-summary.py
  [ -z "$KEEP" ] || cp "$WORK/$1.jfr" "$KEEP/catalog-$1.jfr"
  echo
}

profile controller false
profile fast-path true
