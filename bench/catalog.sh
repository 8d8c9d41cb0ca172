#!/usr/bin/env bash
# Cached product-listing throughput and latency, side by side in one run on loopback: the BFF's cache hit (embedded
# sandbox as Centra), a bare Spring Boot MVC controller returning the very same bytes (bench/baseline, built here with
# the product's Spring Boot version; Boot defaults, nothing else) and nginx serving the bytes from a file. Each server
# gets WARMUPS rounds of load first; then ROUNDS measured rounds, the servers interleaved within each, and the
# round with the median BFF/bare ratio is reported. Prints req/s, p50/p99, the ratios, and the BFF's
# p99 at half of its max rate.
#
#   bench/catalog.sh   # DURATION=10 WARMUPS=2 ROUNDS=3 CONNECTIONS=32 THREADS=1 BFF_PORT=18080 NGINX_PORT=18081 BARE_PORT=18082
#
# Needs Java 17; installs wrk, hey (rate-limited load for the p99) and nginx with apt-get when missing.
set -euo pipefail

cd "$(dirname "$0")/.."
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-1}
BFF_PORT=${BFF_PORT:-18080}
NGINX_PORT=${NGINX_PORT:-18081}
BARE_PORT=${BARE_PORT:-18082}
WARMUPS=${WARMUPS:-2}
ROUNDS=${ROUNDS:-3}
BODY='{"limit":10,"onlyAvailable":true}'
WORK=$(mktemp -d)
chmod 755 "$WORK"   # nginx workers run as an unprivileged user
BFF_PID=""
BARE_PID=""
NGINX_STARTED=""

cleanup() {
  [ -n "$BFF_PID" ] && kill "$BFF_PID" 2>/dev/null && wait "$BFF_PID" 2>/dev/null || true
  [ -n "$BARE_PID" ] && kill "$BARE_PID" 2>/dev/null && wait "$BARE_PID" 2>/dev/null || true
  [ -n "$NGINX_STARTED" ] && nginx -p "$WORK" -c "$WORK/nginx.conf" -s stop 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 143' INT TERM

need() {
  local missing=()
  for tool in "$@"; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  if [ ${#missing[@]} -gt 0 ]; then
    local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}
need wrk hey nginx curl
export PATH="$PATH:/usr/sbin"

# The packaged application, rebuilt when the sources are newer than it; the bare controller, built on the fly with
# the product's Spring Boot version.
. bench/lib.sh
JAR=$(product_jar)
BARE_JAR=$(baseline_jar "$WORK")

wait_ready() { # url pid log
  for _ in $(seq 1 240); do
    curl -fs "$1" >/dev/null 2>&1 && return 0
    kill -0 "$2" 2>/dev/null || { cat "$3"; exit 1; }
    sleep 0.5
  done
  echo "not ready: $1"; cat "$3"; exit 1
}

echo "Starting the BFF (sandbox mode) on 127.0.0.1:$BFF_PORT"
java -jar "$JAR" --spring.profiles.active=sandbox --server.address=127.0.0.1 --server.port="$BFF_PORT" \
  --management.server.port="$BFF_PORT" --bff.catalog.server-key=bench-key --logging.level.root=WARN \
  >"$WORK/bff.log" 2>&1 &
BFF_PID=$!
wait_ready "http://127.0.0.1:$BFF_PORT/actuator/health/readiness" "$BFF_PID" "$WORK/bff.log"

URL_BFF="http://127.0.0.1:$BFF_PORT/api/checkout/products"
URL_NGINX="http://127.0.0.1:$NGINX_PORT/api/checkout/products"
URL_BARE="http://127.0.0.1:$BARE_PORT/api/checkout/products"
curl -fs -X POST -H 'Content-Type: application/json' -H 'X-BFF-Server-Key: bench-key' -d "$BODY" "$URL_BFF" >/dev/null   # warm the cache
curl -fs -X POST -H 'Content-Type: application/json' -H 'X-BFF-Server-Key: bench-key' -d "$BODY" -D "$WORK/headers" -o "$WORK/listing.json" "$URL_BFF"
grep -qi "^X-BFF-Cache: hit" "$WORK/headers" || { echo "warm-up did not produce a cache hit"; exit 1; }
chmod 644 "$WORK/listing.json"
echo "Cached listing: $(wc -c <"$WORK/listing.json") bytes"

echo "Starting the bare MVC controller on 127.0.0.1:$BARE_PORT"
java -jar "$BARE_JAR" --listing="$WORK/listing.json" --server.address=127.0.0.1 --server.port="$BARE_PORT" \
  --logging.level.root=WARN >"$WORK/bare.log" 2>&1 &
BARE_PID=$!
for _ in $(seq 1 240); do
  curl -fs -X POST -H 'Content-Type: application/json' -d "$BODY" "$URL_BARE" >/dev/null 2>&1 && break
  kill -0 "$BARE_PID" 2>/dev/null || { cat "$WORK/bare.log"; exit 1; }
  sleep 0.5
done
cmp -s <(curl -fs -X POST -H 'Content-Type: application/json' -d "$BODY" "$URL_BARE") "$WORK/listing.json" \
  || { echo "the bare controller does not serve the same bytes"; exit 1; }

mkdir -p "$WORK/logs"
cat >"$WORK/nginx.conf" <<CONF
worker_processes 1;
error_log $WORK/logs/error.log;
pid $WORK/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/tmp; proxy_temp_path $WORK/tmp; fastcgi_temp_path $WORK/tmp;
  uwsgi_temp_path $WORK/tmp; scgi_temp_path $WORK/tmp;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    # The static module refuses POST; answering the 405 with the file serves the same bytes to the same request.
    location = /api/checkout/products { error_page 405 =200 /listing.json; return 405; }
    location = /listing.json { internal; root $WORK; default_type application/json; }
  }
}
CONF
mkdir -p "$WORK/tmp"
nginx -p "$WORK" -c "$WORK/nginx.conf"
NGINX_STARTED=1
cmp -s <(curl -fs -X POST -H 'Content-Type: application/json' -d "$BODY" "$URL_NGINX") "$WORK/listing.json" \
  || { echo "nginx does not serve the same bytes"; exit 1; }

cat >"$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.body = '$BODY'
wrk.headers["Content-Type"] = "application/json"
LUA

rps() { awk '/Requests\/sec/ {print $2}'; }
# wrk prints latency percentiles in us, ms or s; in ms.
pct() { awk -v p="$1" '$1 == p {v = $2; if (v ~ /us$/) m = v / 1000; else if (v ~ /ms$/) m = v + 0; \
  else if (v ~ /s$/) m = v * 1000; print m}'; }
run_wrk() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$WORK/post.lua" "$1"; }

for round in $(seq 1 "$WARMUPS"); do
  echo "Warm-up round $round of $WARMUPS (${DURATION}s each: BFF, bare MVC, nginx)"
  run_wrk "$URL_BFF" >/dev/null; run_wrk "$URL_BARE" >/dev/null; run_wrk "$URL_NGINX" >/dev/null
done
# X-BFF-Cache is only shown to server-key callers.
curl -fs -X POST -H 'Content-Type: application/json' -H 'X-BFF-Server-Key: bench-key' -d "$BODY" -D "$WORK/headers" \
  -o /dev/null "$URL_BFF"
grep -qi "^X-BFF-Cache: hit" "$WORK/headers" || { echo "the BFF did not answer from its cache"; exit 1; }

echo "Load before the measured rounds: $(uptime)"
echo "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency, POST $BODY; $ROUNDS measured rounds, servers interleaved"
for round in $(seq 1 "$ROUNDS"); do
  for name in bff bare nginx; do
    url=$(case $name in bff) echo "$URL_BFF";; bare) echo "$URL_BARE";; nginx) echo "$URL_NGINX";; esac)
    run_wrk "$url" >"$WORK/wrk-$name-$round.txt"
  done
  printf '  round %s: BFF %s req/s, bare MVC %s req/s, nginx %s req/s; BFF/bare %s\n' "$round" \
    "$(rps <"$WORK/wrk-bff-$round.txt")" "$(rps <"$WORK/wrk-bare-$round.txt")" "$(rps <"$WORK/wrk-nginx-$round.txt")" \
    "$(awk -v a="$(rps <"$WORK/wrk-bff-$round.txt")" -v b="$(rps <"$WORK/wrk-bare-$round.txt")" 'BEGIN {printf "%.2f", a / b}')"
done
# The round with the median BFF/bare ratio stands for the run (rounds on a shared machine see different loads).
MEDIAN=$(for round in $(seq 1 "$ROUNDS"); do
  awk -v r="$round" -v a="$(rps <"$WORK/wrk-bff-$round.txt")" -v b="$(rps <"$WORK/wrk-bare-$round.txt")" \
    'BEGIN {printf "%.6f %s\n", a / b, r}'
done | sort -n | awk '{a[NR] = $2} END {print a[int((NR + 1) / 2)]}')
for name in bff bare nginx; do cp "$WORK/wrk-$name-$MEDIAN.txt" "$WORK/wrk-$name.txt"; done
echo "Median round: $MEDIAN"
BFF_RPS=$(rps <"$WORK/wrk-bff.txt"); BARE_RPS=$(rps <"$WORK/wrk-bare.txt"); NGINX_RPS=$(rps <"$WORK/wrk-nginx.txt")

# p99 at half of the BFF's max rate: hey holds a fixed rate (-q per worker), which Debian's wrk (no -R) cannot.
HALF=$(awk -v r="$BFF_RPS" 'BEGIN {printf "%d", r / 2}')
WORKERS=16
PER_WORKER=$(awk -v h="$HALF" -v w="$WORKERS" 'BEGIN {q = int(h / w); print (q < 1 ? 1 : q)}')
hey -z "${DURATION}s" -c "$WORKERS" -q "$PER_WORKER" -m POST -T application/json -d "$BODY" "$URL_BFF" >"$WORK/hey.txt"
P99=$(awk '/ 99% in/ && $3 > 0 {print $3 * 1000}' "$WORK/hey.txt")
P99=${P99:-nan}   # hey leaves the 99th percentile out when it has too few samples
HALF_RPS=$(awk '/Requests\/sec/ {print $2}' "$WORK/hey.txt")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
echo
printf '%-26s %10s %9s %9s %10s\n' server req/s p50_ms p99_ms "to nginx"
for name in bff bare nginx; do
  file="$WORK/wrk-$name.txt"
  printf '%-26s %10.0f %9.2f %9.2f %10s\n' "$(case $name in bff) echo "BFF cache hit";; bare) echo "bare Spring MVC";; \
    nginx) echo "nginx (file)";; esac)" "$(rps <"$file")" "$(pct 50% <"$file")" "$(pct 99% <"$file")" \
    "$(ratio "$(rps <"$file")" "$NGINX_RPS")"
done
for name in bff bare nginx; do
  if grep -q "Non-2xx" "$WORK/wrk-$name.txt"; then echo "$name: $(grep 'Non-2xx' "$WORK/wrk-$name.txt")"; fi
done
printf 'ratio BFF/bare MVC:  %s   (target >= 1.0)\n' "$(ratio "$BFF_RPS" "$BARE_RPS")"
printf 'BFF p99 at %s req/s (half of max, hey -c %s -q %s): %.2f ms   (target <= 10 ms)\n' \
  "$HALF_RPS" "$WORKERS" "$PER_WORKER" "$P99"
