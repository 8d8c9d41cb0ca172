#!/usr/bin/env bash
# Hostile traffic against the BFF and a misbehaving Centra stand-in (bench/misbehaving_centra.py), both on loopback.
# Prints: hostile requests and 5xx returned, junk fields reaching Centra, upstream calls per 1,000 junk catalog
# requests, heap after GC before/after 10,000 junk requests, liveness latency under 230 slow-body connections, a
# victim's login success while an attacker guesses at the address, cached 5xx answers, and the time from Centra
# recovering to the cart breaker closing. Bounded (about three minutes), stops by itself.
#
#   bench/abuse.sh              # BFF_PORT=18080 MANAGEMENT_PORT=18081 CENTRA_PORT=18090
#
# Needs Java 17 (java, jcmd) and python3.
set -euo pipefail

cd "$(dirname "$0")/.."
BFF_PORT=${BFF_PORT:-18080}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-18081}
CENTRA_PORT=${CENTRA_PORT:-18090}
WORK=$(mktemp -d)
BFF_PID=""
CENTRA_PID=""

cleanup() {
  [ -n "$BFF_PID" ] && kill "$BFF_PID" 2>/dev/null && wait "$BFF_PID" 2>/dev/null || true
  [ -n "$CENTRA_PID" ] && kill "$CENTRA_PID" 2>/dev/null && wait "$CENTRA_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# The packaged application, rebuilt when the sources are newer than it.
. bench/lib.sh
JAR=$(product_jar)

echo "machine load before the run: $(uptime)"
python3 bench/misbehaving_centra.py "$CENTRA_PORT" &
CENTRA_PID=$!

# Loopback is the trusted proxy, so the driver can speak for many clients with X-Forwarded-For.
java -Xmx512m -jar "$JAR" \
  --server.address=127.0.0.1 --server.port="$BFF_PORT" \
  --management.server.port="$MANAGEMENT_PORT" --management.server.address=127.0.0.1 \
  --centra.base-url="http://127.0.0.1:$CENTRA_PORT/api/checkout" --centra.shared-secret=bench-secret \
  --bff.session.mode=HEADER --bff.session.trusted-proxies=127.0.0.1 \
  --bff.catalog.server-key=bench-key --logging.level.root=WARN >"$WORK/bff.log" 2>&1 &
BFF_PID=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$MANAGEMENT_PORT/actuator/health/readiness" >/dev/null 2>&1 && break
  kill -0 "$BFF_PID" 2>/dev/null || { cat "$WORK/bff.log"; exit 1; }
  sleep 0.5
done

timeout 240 python3 bench/abuse_driver.py "$BFF_PORT" "$MANAGEMENT_PORT" "$CENTRA_PORT" "$BFF_PID"
