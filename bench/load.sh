#!/usr/bin/env bash
# Load test: the BFF (-Xmx512m) in front of a Centra stand-in that answers in ~100 ms (nginx + echo module), driven by
# wrk with a shopper mix (bench/load.lua). Loopback only, bounded in time, stops everything it started.
#   bench/load.sh                      # defaults below; needs root for apt-get the first time
#   HOLD_CONNECTIONS=3000 HOLD_SECONDS=60 bench/load.sh
# Phases: (1) the relayed operations at low concurrency, LATENCY_ROUNDS rounds, each round straight to the stub, through
# a bare Spring MVC + WebClient relay (bench/baseline: the framework's own floor on this machine) and through the BFF,
# back to back; the median round's figures stand: what the BFF adds to a Centra call, what the bare relay adds, and
# the difference, which is the BFF's own; for both relays also the CPU per request and what the JIT compilers used;
# measured twice: (1a) in lockstep, every connection sending again the moment its answer arrives, which behind the
# stand-in's fixed 100 ms makes every round trip one burst of all the connections at once, and (1b) paced, each request
# after a random pause of 0 to 2 x PACED_THINK_MS ms (50 by default), so that requests arrive spread out as shoppers'
# do;
# (2) HOLD_CONNECTIONS concurrent connections through the BFF: throughput, latency, in-flight, threads, heap.
set -euo pipefail
cd "$(dirname "$0")/.."

STUB_PORT=${STUB_PORT:-18081}
BFF_PORT=${BFF_PORT:-18080}
BARE_PORT=${BARE_PORT:-18082}
LATENCY_CONNECTIONS=${LATENCY_CONNECTIONS:-16}
LATENCY_SECONDS=${LATENCY_SECONDS:-10}
LATENCY_ROUNDS=${LATENCY_ROUNDS:-3}
PACED_THINK_MS=${PACED_THINK_MS:-50}
HOLD_CONNECTIONS=${HOLD_CONNECTIONS:-2000}
HOLD_SECONDS=${HOLD_SECONDS:-30}
STUB="http://127.0.0.1:$STUB_PORT"
unset THINK_MS   # bench/load.lua's pause: set below for phase 1b only
BFF="http://127.0.0.1:$BFF_PORT"
BARE="http://127.0.0.1:$BARE_PORT"

. bench/lib.sh
bench_work load
need_stub_tools
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true  # 2,000 client + 2,000 upstream sockets need more than 1,024
JAR=$(product_jar)
BARE_JAR=$(baseline_jar "$WORK")

sed -e "s#__PORT__#$STUB_PORT#g" -e "s#__DIR__#$WORK#g" bench/load-stub.conf > "$WORK/nginx.conf"
nginx -c "$WORK/nginx.conf" -p "$WORK" &
PIDS+=($!)

java -Xmx512m -jar "$JAR" \
  --server.port="$BFF_PORT" \
  --management.server.port="$BFF_PORT" \
  --centra.base-url="$STUB/api/checkout" \
  --centra.max-connections=2500 \
  --bff.rate-limits.enabled=false \
  --logging.level.root=WARN ${BFF_ARGS:-} > "$WORK/bff.log" 2>&1 &
PIDS+=($!)
BFF_PID=$!
java -Xmx512m -jar "$BARE_JAR" --upstream="$STUB" --server.address=127.0.0.1 --server.port="$BARE_PORT" \
  --logging.level.root=WARN > "$WORK/bare.log" 2>&1 &
PIDS+=($!)
BARE_PID=$!

for _ in $(seq 1 120); do
  curl -fs "$BFF/actuator/health/readiness" >/dev/null 2>&1 && break
  kill -0 "$BFF_PID" 2>/dev/null || { cat "$WORK/bff.log"; exit 1; }
  sleep 0.5
done
for _ in $(seq 1 120); do
  curl -fs "$BARE/api/checkout/selection" >/dev/null 2>&1 && break
  kill -0 "$BARE_PID" 2>/dev/null || { cat "$WORK/bare.log"; exit 1; }
  sleep 0.5
done
curl -fs "$STUB/stub_status" >/dev/null

metric() { # sum of a Prometheus sample by name and optional label filter
  curl -s "$BFF/actuator/prometheus" | awk -v name="$1" -v filter="${2:-}" \
    '(index($1, name "{") == 1 || $1 == name) && index($1, filter) && $1 !~ /outcome="rejected"/ { s += $NF }
     END { printf "%.0f", s }'
}
stub_requests() { curl -s "$STUB/stub_status" | awk 'NR==3 { print $3 }'; }
run() { # run NAME URL CONNECTIONS SECONDS
  wrk -t2 -c"$3" -d"$4"s --timeout 30s -s bench/load.lua "$2" | awk -v n="$1" '/^RESULT/ { sub(/^RESULT/, n); print }'
}
# run_measured NAME URL PID FILE: run() at the phase-1 settings, plus the process's CPU per request and, for a JVM,
# how much of it its JIT compilers took (a relay whose compilers are still busy is not warm yet).
run_measured() {
  local before jit_before
  before=$(cpu_ms "$3"); jit_before=$(cpu_ms "$3" jit)
  run "$1" "$2" "$LATENCY_CONNECTIONS" "$LATENCY_SECONDS" > "$4"
  awk -v used=$(($(cpu_ms "$3") - before)) -v jit=$(($(cpu_ms "$3" jit) - jit_before)) \
    '{ n = $0; sub(/.*requests=/, "", n); sub(/ .*/, "", n)
       printf "%s cpu_ms_per_request=%.2f jit_cpu_ms=%d\n", $0, used / n, jit }' "$4" > "$4.tmp"
  mv "$4.tmp" "$4"
  cat "$4"
}

echo "cores: $(nproc), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java bench/WakeUp.java 1 100   # the machine's price of one hand-off between threads, at low load
echo "warm-up (JIT, pools)..."
wrk -t2 -c64 -d15s -s bench/load.lua "$BFF" >/dev/null
# The relayed path needs its own warm-up: in the full mix catalog hits outnumber it, and a relayed call that still runs
# partly interpreted costs several milliseconds more.
MIX=relayed wrk -t2 -c64 -d"${RELAYED_WARMUP_SECONDS:-120}"s -s bench/load.lua "$BFF" >/dev/null
MIX=relayed wrk -t2 -c64 -d"${RELAYED_WARMUP_SECONDS:-120}"s -s bench/load.lua "$BARE" >/dev/null
run "warm-up-stub" "$STUB" 16 3 >/dev/null

export MIX=relayed   # operations that reach Centra on every call: the stub sees the same requests as the BFF does
field() { sed -n "s/.* $2=\([0-9.]*\).*/\1/p" "$1"; }
# phase1 NAME: direct, bare relay and BFF back to back in each round, so all three see the same machine; the median
# round stands.
phase1() {
  local name=$1 round
  for round in $(seq 1 "$LATENCY_ROUNDS"); do
    run "direct-to-stub" "$STUB" "$LATENCY_CONNECTIONS" "$LATENCY_SECONDS" | tee "$WORK/$name-direct-$round.txt"
    run_measured "bare-relay    " "$BARE" "$BARE_PID" "$WORK/$name-bare-$round.txt"
    run_measured "through-bff   " "$BFF" "$BFF_PID" "$WORK/$name-bff-$round.txt"
    awk -v r="$round" -v d50="$(field "$WORK/$name-direct-$round.txt" p50_ms)" \
        -v b50="$(field "$WORK/$name-bff-$round.txt" p50_ms)" -v d99="$(field "$WORK/$name-direct-$round.txt" p99_ms)" \
        -v b99="$(field "$WORK/$name-bff-$round.txt" p99_ms)" -v r50="$(field "$WORK/$name-bare-$round.txt" p50_ms)" \
        -v r99="$(field "$WORK/$name-bare-$round.txt" p99_ms)" \
        'BEGIN { printf "round %d added-by-bff p50_ms=%.2f p99_ms=%.2f added-by-bare-relay p50_ms=%.2f p99_ms=%.2f bff-own p50_ms=%.2f p99_ms=%.2f\n",
                 r, b50 - d50, b99 - d99, r50 - d50, r99 - d99, b50 - r50, b99 - r99 }' | tee -a "$WORK/$name-added.txt"
  done
  sort -t= -k2 -n "$WORK/$name-added.txt" | awk -v n="$LATENCY_ROUNDS" -v name="$name" \
    'NR == int((n + 1) / 2) { sub(/^round [0-9]+ /, ""); print "median round, " name ": " $0 }'
}
echo "== phase 1a: added latency, lockstep: $LATENCY_CONNECTIONS connections, ${LATENCY_SECONDS}s each, $LATENCY_ROUNDS rounds =="
# Every connection sends its next request the moment its answer arrives; behind the stand-in's fixed 100 ms they fall
# into step, so each round trip is a burst of all of them at once, and the added latency includes waiting for the
# burst's other requests on two cores.
unset THINK_MS
phase1 lockstep
echo "== phase 1b: added latency, paced: the same, each request after a random 0 to $((2 * PACED_THINK_MS)) ms pause =="
# Shoppers' requests do not arrive in step: the pause spreads them out, so the added latency is the path's own.
export THINK_MS=$PACED_THINK_MS
phase1 paced
unset MIX THINK_MS

echo "== phase 2: $HOLD_CONNECTIONS concurrent connections through the BFF for ${HOLD_SECONDS}s =="
upstream_before=$(metric centra_requests_seconds_count)
stub_before=$(stub_requests)
: > "$WORK/samples.txt"
(
  end=$((SECONDS + HOLD_SECONDS))
  while [ $SECONDS -lt $end ]; do
    sleep 2
    curl -s "$BFF/actuator/prometheus" | awk '
      /^http_server_requests_active_seconds_count/ && !/actuator/ { a += $NF }
      /^jvm_threads_live_threads/ { t = $NF }
      /^jvm_memory_used_bytes/ && /area="heap"/ { h += $NF }
      END { printf "in_flight=%d threads=%d heap_mb=%.0f\n", a, t, h / 1048576 }' >> "$WORK/samples.txt"
  done
) &
SAMPLER=$!
run "hold-$HOLD_CONNECTIONS" "$BFF" "$HOLD_CONNECTIONS" "$HOLD_SECONDS" | tee "$WORK/hold.txt"
wait "$SAMPLER" || true
upstream_after=$(metric centra_requests_seconds_count)
stub_after=$(stub_requests)
requests=$(field "$WORK/hold.txt" requests)
awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); if (kv[2] + 0 > max[kv[1]]) max[kv[1]] = kv[2] + 0 } }
     END { printf "peak in_flight=%d threads=%d heap_mb=%d (sampled every 2 s)\n", max["in_flight"], max["threads"], max["heap_mb"] }' "$WORK/samples.txt"
awk -v u=$((upstream_after - upstream_before)) -v s=$((stub_after - stub_before)) -v r="$requests" \
  'BEGIN { printf "upstream calls per request: %.3f (BFF metric), %.3f (stub count)\n", u / r, s / r }'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
grep -E "ERROR|Exception" "$WORK/bff.log" | head -5 || true
