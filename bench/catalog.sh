#!/usr/bin/env bash
# Cached product-listing throughput and latency: the BFF (embedded sandbox as Centra) against nginx serving the very
# same response bytes, in one run, on loopback. Prints both, the ratio, and p99 at half of the BFF's max rate.
#
#   bench/catalog.sh            # DURATION=10 CONNECTIONS=32 THREADS=1 BFF_PORT=18080 NGINX_PORT=18081
#
# Needs Java 17; installs wrk, hey (rate-limited load for the p99) and nginx with apt-get when missing.
set -euo pipefail

cd "$(dirname "$0")/.."
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-1}
BFF_PORT=${BFF_PORT:-18080}
NGINX_PORT=${NGINX_PORT:-18081}
BODY='{"limit":10,"onlyAvailable":true}'
WORK=$(mktemp -d)
chmod 755 "$WORK"   # nginx workers run as an unprivileged user
BFF_PID=""
NGINX_STARTED=""

cleanup() {
  [ -n "$BFF_PID" ] && kill "$BFF_PID" 2>/dev/null && wait "$BFF_PID" 2>/dev/null || true
  [ -n "$NGINX_STARTED" ] && nginx -p "$WORK" -c "$WORK/nginx.conf" -s stop 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

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

JAR=$(ls target/centra-bff-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$JAR" ]; then
  ./mvnw -q -DskipTests package
  JAR=$(ls target/centra-bff-*.jar | grep -v original | head -1)
fi

echo "Starting the BFF (sandbox mode) on 127.0.0.1:$BFF_PORT"
java -jar "$JAR" --spring.profiles.active=sandbox --server.address=127.0.0.1 --server.port="$BFF_PORT" \
  --management.server.port="$BFF_PORT" --bff.catalog.server-key=bench-key --logging.level.root=WARN \
  >"$WORK/bff.log" 2>&1 &
BFF_PID=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$BFF_PORT/actuator/health/readiness" >/dev/null 2>&1 && break
  kill -0 "$BFF_PID" 2>/dev/null || { cat "$WORK/bff.log"; exit 1; }
  sleep 0.5
done

URL_BFF="http://127.0.0.1:$BFF_PORT/api/checkout/products"
URL_NGINX="http://127.0.0.1:$NGINX_PORT/api/checkout/products"
curl -fs -X POST -H 'Content-Type: application/json' -H 'X-BFF-Server-Key: bench-key' -d "$BODY" "$URL_BFF" >/dev/null   # warm the cache
curl -fs -X POST -H 'Content-Type: application/json' -H 'X-BFF-Server-Key: bench-key' -d "$BODY" -D "$WORK/headers" -o "$WORK/listing.json" "$URL_BFF"
grep -qi "^X-BFF-Cache: hit" "$WORK/headers" || { echo "warm-up did not produce a cache hit"; exit 1; }
chmod 644 "$WORK/listing.json"
echo "Cached listing: $(wc -c <"$WORK/listing.json") bytes"

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
run_wrk() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$WORK/post.lua" "$1"; }

echo "JIT warm-up of the BFF (${DURATION}s)"; run_wrk "$URL_BFF" >/dev/null
echo "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s, POST $BODY"
run_wrk "$URL_BFF" | tee "$WORK/wrk-bff.txt" | sed 's/^/  bff   /'
run_wrk "$URL_NGINX" | tee "$WORK/wrk-nginx.txt" | sed 's/^/  nginx /'
BFF_RPS=$(rps <"$WORK/wrk-bff.txt"); NGINX_RPS=$(rps <"$WORK/wrk-nginx.txt")

# p99 at half of the BFF's max rate: hey holds a fixed rate (-q per worker), which wrk cannot.
HALF=$(awk -v r="$BFF_RPS" 'BEGIN {printf "%d", r / 2}')
WORKERS=16
PER_WORKER=$(awk -v h="$HALF" -v w="$WORKERS" 'BEGIN {q = int(h / w); print (q < 1 ? 1 : q)}')
hey -z "${DURATION}s" -c "$WORKERS" -q "$PER_WORKER" -m POST -T application/json -d "$BODY" "$URL_BFF" >"$WORK/hey.txt"
P99=$(awk '/99% in/ {print $3 * 1000}' "$WORK/hey.txt")
HALF_RPS=$(awk '/Requests\/sec/ {print $2}' "$WORK/hey.txt")

echo
printf 'BFF   max throughput: %10.0f req/s\n' "$BFF_RPS"
printf 'nginx max throughput: %10.0f req/s\n' "$NGINX_RPS"
printf 'ratio BFF/nginx:      %10.2f   (target >= 0.70)\n' "$(awk -v b="$BFF_RPS" -v n="$NGINX_RPS" 'BEGIN {print b / n}')"
printf 'BFF p99 at %s req/s (half load, hey -c %s -q %s): %.2f ms   (target <= 10 ms)\n' \
  "$HALF_RPS" "$WORKERS" "$PER_WORKER" "$P99"
