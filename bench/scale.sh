#!/usr/bin/env bash
# Two BFF instances behind nginx (round robin), with Redis and one shared Centra sandbox: the docker compose "scale"
# profile without Docker, on loopback only. Beside them, a second pair without Redis behind its own nginx port, so the
# cost of coordination is measured side by side: catalog reads, cart reads and cart mutations through each pair with
# wrk, the two pairs back to back in each of ROUNDS rounds (the median round's ratio stands). Shows how the requests
# spread over the instances, then stops everything it started.
#
#   bench/scale.sh              # DURATION=10 ROUNDS=3 CONNECTIONS=32 THREADS=2 BASE_PORT=18380 WARMUP_SECONDS=60
#                               # CARTS_PER_CONNECTION=4 (carts per wrk thread: its connections × this)
#
# BFF_JAR runs that jar instead of the packaged application (target/centra-bff-*.jar, rebuilt when older than the
# sources), e.g. a copy of an earlier build to compare with; BFF_JAVA_OPTS adds JVM options to the four instances (not
# the sandbox), e.g. a profiler agent. Besides req/s, each round prints the CPU time the two instances of a pair used
# per cart mutation (utime + stime from /proc, both instances, divided by the requests wrk completed).
#
# Needs Java 17; installs wrk, nginx and redis-server with apt-get when missing.
set -euo pipefail

cd "$(dirname "$0")/.."
DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
BASE_PORT=${BASE_PORT:-18380}
SANDBOX_SECRET=bench-sandbox-shared-secret
WEBHOOK_SECRET=bench-webhook-secret
. bench/lib.sh
bench_work scale
chmod 755 "$WORK"   # nginx workers run as an unprivileged user

need() {
  local missing=()
  for tool in "$@"; do command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || missing+=("$tool"); done
  if [ ${#missing[@]} -gt 0 ]; then
    local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}
need wrk nginx redis-server curl
export PATH="$PATH:/usr/sbin"

# The next port from $1 on that nothing listens on.
free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}
REDIS_PORT=$(free_port "$BASE_PORT")
SANDBOX_PORT=$(free_port $((REDIS_PORT + 1)))
CENTRA_PORT=$(free_port $((SANDBOX_PORT + 1)))
A_PORT=$(free_port $((CENTRA_PORT + 1)))
B_PORT=$(free_port $((A_PORT + 1)))
C_PORT=$(free_port $((B_PORT + 1)))
D_PORT=$(free_port $((C_PORT + 1)))
NGINX_PORT=$(free_port $((D_PORT + 1)))
LOCAL_NGINX_PORT=$(free_port $((NGINX_PORT + 1)))
LB="http://127.0.0.1:$NGINX_PORT"
LOCAL_LB="http://127.0.0.1:$LOCAL_NGINX_PORT"

# The packaged application, rebuilt when the sources are newer than it.
JAR=${BFF_JAR:-$(product_jar)}

declare -A PID_OF
start() { # start NAME COMMAND...: runs in the background, logs to $WORK/NAME.log
  local name=$1; shift
  "$@" >"$WORK/$name.log" 2>&1 &
  PIDS+=($!)
  PID_OF[$name]=$!
}
ready() { # ready NAME URL: waits until URL answers 2xx, or fails with the log if the process died
  local name=$1 url=$2 pid=${PID_OF[$1]}
  for _ in $(seq 1 240); do
    curl -fs "$url" >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || { echo "$name died:"; tail -40 "$WORK/$name.log"; exit 1; }
    sleep 0.5
  done
  echo "$name not ready after 120 s:"; tail -40 "$WORK/$name.log"; exit 1
}

start redis redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no --daemonize no
for _ in $(seq 1 40); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.25; done

# Small heaps: three JVMs share the machine with Redis, nginx and wrk. Each instance serves its actuator on its own
# public port (management.server.port = server.port), so the three do not compete for 8081.
read -r -a EXTRA_OPTS <<<"${BFF_JAVA_OPTS:-}"
JAVA=(env -u MANAGEMENT_SERVER_PORT -u CENTRA_BASE_URL java -Xmx384m -jar "$JAR" --server.address=127.0.0.1
  --bff.webhook.secret="$WEBHOOK_SECRET" --logging.level.root=WARN)
BFF_JAVA=(env -u MANAGEMENT_SERVER_PORT -u CENTRA_BASE_URL java -Xmx384m "${EXTRA_OPTS[@]}" -jar "$JAR"
  --server.address=127.0.0.1 --bff.webhook.secret="$WEBHOOK_SECRET" --logging.level.root=WARN)

echo "Starting the shared Centra sandbox on 127.0.0.1:$SANDBOX_PORT (hosted by a BFF on :$CENTRA_PORT)"
start centra "${JAVA[@]}" --spring.profiles.active=sandbox --server.port="$CENTRA_PORT" \
  --management.server.port="$CENTRA_PORT" --bff.sandbox.port="$SANDBOX_PORT" \
  --bff.sandbox.shared-secret="$SANDBOX_SECRET" --bff.sandbox.webhook-url="$LB/api/webhooks/centra"
ready centra "http://127.0.0.1:$CENTRA_PORT/actuator/health/readiness"

# start_pair FIRST:PORT SECOND:PORT [ARGS...]: two instances against the shared sandbox, with extra arguments.
start_pair() {
  local first=$1 second=$2; shift 2
  for instance in "$first" "$second"; do
    name=bff-${instance%%:*}; port=${instance##*:}
    start "$name" "${BFF_JAVA[@]}" --server.port="$port" --management.server.port="$port" \
      --centra.base-url="http://127.0.0.1:$SANDBOX_PORT/api/checkout/52" --centra.shared-secret="$SANDBOX_SECRET" \
      --bff.session.trusted-proxies=127.0.0.1 --bff.session.cookie-secure=false "$@"
  done
}
echo "Starting bff-a on 127.0.0.1:$A_PORT and bff-b on 127.0.0.1:$B_PORT (Redis on :$REDIS_PORT)"
start_pair a:$A_PORT b:$B_PORT --spring.data.redis.host=127.0.0.1 --spring.data.redis.port="$REDIS_PORT"
echo "Starting bff-c on 127.0.0.1:$C_PORT and bff-d on 127.0.0.1:$D_PORT (no Redis)"
start_pair c:$C_PORT d:$D_PORT
for instance in a:$A_PORT b:$B_PORT c:$C_PORT d:$D_PORT; do
  ready "bff-${instance%%:*}" "http://127.0.0.1:${instance##*:}/actuator/health/readiness"
done
echo "pids: sandbox ${PID_OF[centra]}, bff-a ${PID_OF[bff-a]}, bff-b ${PID_OF[bff-b]}, bff-c ${PID_OF[bff-c]}, bff-d ${PID_OF[bff-d]}"

# The compose profile's nginx config, with loopback addresses for the compose host names, inside a minimal http block;
# once for each pair (its upstream renamed).
mkdir -p "$WORK/tmp"
sed -e "s/bff-a:8080/127.0.0.1:$A_PORT/" -e "s/bff-b:8080/127.0.0.1:$B_PORT/" \
  -e "s/listen 80;/listen 127.0.0.1:$NGINX_PORT;/" -e "s/upstream bff /upstream bff_redis /" \
  -e "s#http://bff;#http://bff_redis;#" ops/nginx/scale.conf >"$WORK/scale.conf"
sed -e "s/bff-a:8080/127.0.0.1:$C_PORT/" -e "s/bff-b:8080/127.0.0.1:$D_PORT/" \
  -e "s/listen 80;/listen 127.0.0.1:$LOCAL_NGINX_PORT;/" -e "s/upstream bff /upstream bff_local /" \
  -e "s#http://bff;#http://bff_local;#" ops/nginx/scale.conf >"$WORK/scale-local.conf"
cat >"$WORK/nginx.conf" <<CONF
worker_processes 1;
daemon off;
error_log $WORK/nginx-error.log warn;
pid $WORK/nginx.pid;
events { worker_connections 4096; }
http {
  access_log off;
  default_type application/octet-stream;
  client_body_temp_path $WORK/tmp; proxy_temp_path $WORK/tmp; fastcgi_temp_path $WORK/tmp;
  uwsgi_temp_path $WORK/tmp; scgi_temp_path $WORK/tmp;
  include $WORK/scale.conf;
  include $WORK/scale-local.conf;
}
CONF
start nginx nginx -p "$WORK" -c "$WORK/nginx.conf"
CATALOG_PATH="/api/checkout/products/1001"
CATALOG="$LB$CATALOG_PATH"
ready nginx "$CATALOG"
curl -fs -o /dev/null "$LOCAL_LB$CATALOG_PATH" || { echo "the second nginx port does not answer"; exit 1; }
status=$(curl -s -o /dev/null -w '%{http_code}' "$LB/actuator/health")
[ "$status" = 404 ] || { echo "nginx exposes /actuator (status $status)"; exit 1; }

# Carts on the shared sandbox, read and changed through either instance with their cookie. Each wrk thread cycles
# through carts of its own, CARTS_PER_CONNECTION times as many as it has connections: as with real shoppers, a cart
# is rarely changed twice at the same time (a request would have to take that many times the others' time to meet
# the next one on its cart). Until 2026-11-30 both threads cycled through the same CONNECTIONS carts, so the same cart
# was often changed from two connections at once: the pair with Redis then serialized those changes across its
# instances (the lease) while the pair without Redis let both instances change the cart at once.
CARTS_PER_CONNECTION=${CARTS_PER_CONNECTION:-4}
CARTS_PER_THREAD=$((CONNECTIONS / THREADS * CARTS_PER_CONNECTION))
printf 'local cookies = {\n' >"$WORK/carts.lua"
for i in $(seq 1 $((CARTS_PER_THREAD * THREADS))); do
  rm -f "$WORK/cookies"
  # Each from a shopper's address of its own: new carts from one address are limited (the cart-adds rule), and nginx,
  # the edge, replaces a client's X-Forwarded-For; so the carts are made on bff-a directly, which believes the header
  # from a loopback peer (--bff.session.trusted-proxies).
  status=$(curl -s -o "$WORK/answer" -w '%{http_code}' -c "$WORK/cookies" \
    -H "X-Forwarded-For: 10.77.$((i / 250)).$((i % 250 + 1))" \
    -X POST "http://127.0.0.1:$A_PORT/api/checkout/items/1001-$((i % 3 + 1))")
  [ "$status" = 200 ] || { echo "POST /items for cart $i: $status $(head -c 300 "$WORK/answer")"; exit 1; }
  session=$(awk '$6 == "centra-session" { print $7 }' "$WORK/cookies")
  [ -n "$session" ] || { echo "no session cookie from POST /items"; exit 1; }
  printf '  "centra-session=%s",\n' "$session" >>"$WORK/carts.lua"
done
cat >>"$WORK/carts.lua" <<LUA
}
local per_thread = $CARTS_PER_THREAD
LUA
cat >>"$WORK/carts.lua" <<'LUA'
local threads = 0
setup = function(thread)
  thread:set("first", threads * per_thread)
  threads = threads + 1
end
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", "/api/checkout/selection", { ["Cookie"] = cookies[first + n % per_thread + 1] })
end
LUA
CART="$LB/api/checkout/selection"
# The same carts changed: a country change is a cart mutation (the per-cart lane, widget state, cart events).
sed -e 's|wrk.format("GET", "/api/checkout/selection"|wrk.format("PUT", "/api/checkout/countries/SE"|' \
  "$WORK/carts.lua" >"$WORK/mutations.lua"

served() { # requests an instance served, actuator excluded
  curl -s "http://127.0.0.1:$1/actuator/prometheus" | awk '/^http_server_requests_seconds_count/ && !/actuator/ { s += $NF }
    END { printf "%d", s }'
}
run_wrk() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@"; }
TICKS=$(getconf CLK_TCK)
cpu_ticks() { # CPU time (user + system, clock ticks) of the given processes
  local sum=0 pid
  for pid in "$@"; do sum=$((sum + $(awk '{ print $14 + $15 }' "/proc/$pid/stat"))); done
  echo "$sum"
}
completed() { awk '/requests in/ { print $1 }' "$1"; }
rps() { awk '/Requests\/sec/ { print $2 }' "$1"; }
report() { # report NAME < wrk output
  awk -v n="$1" '
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = $2 } /^ +90%/ { p90 = $2 } /^ +99%/ { p99 = $2 }
    /Non-2xx/ { non2xx = $NF }
    /Socket errors/ { errors = $0; sub(/^ *Socket errors: */, "", errors) }
    END { printf "%-14s %10.0f req/s   p50 %8s   p90 %8s   p99 %8s   non-2xx %s%s\n", n, rps, p50, p90, p99,
      (non2xx == "" ? 0 : non2xx), (errors == "" ? "" : "   socket errors: " errors) }'
}

echo "cores: $(nproc), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# Until the JIT has compiled the relayed path, a cart change costs several times its steady CPU, and the pair with
# Redis has more code to compile: measured in the first minute, the ratio is partly a ratio of compile work.
WARMUP_SECONDS=${WARMUP_SECONDS:-60}
echo "JIT warm-up through both pairs (${WARMUP_SECONDS}s each: catalog and cart mutations)"
for lb in "$LB" "$LOCAL_LB"; do
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP_SECONDS}s" "$lb$CATALOG_PATH" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP_SECONDS}s" -s "$WORK/mutations.lua" "$lb/api/checkout/selection" >/dev/null
done
a_before=$(served "$A_PORT"); b_before=$(served "$B_PORT")
echo "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s; $ROUNDS rounds, each: catalog, cart read, cart mutation, through one pair then the other (Redis first in odd rounds)"
for round in $(seq 1 "$ROUNDS"); do
  # The pair that goes first alternates, so neither is always the one measured earlier (less warm, other load).
  order=$([ $((round % 2)) = 1 ] && echo "redis local" || echo "local redis")
  for pair in $order; do
    lb=$([ "$pair" = redis ] && echo "$LB" || echo "$LOCAL_LB")
    run_wrk "$lb$CATALOG_PATH" >"$WORK/$pair-catalog-$round.txt"
    run_wrk -s "$WORK/carts.lua" "$lb/api/checkout/selection" >"$WORK/$pair-cart-$round.txt"
    pids=$([ "$pair" = redis ] && echo "${PID_OF[bff-a]} ${PID_OF[bff-b]}" || echo "${PID_OF[bff-c]} ${PID_OF[bff-d]}")
    # shellcheck disable=SC2086
    cpu_before=$(cpu_ticks $pids)
    run_wrk -s "$WORK/mutations.lua" "$lb/api/checkout/selection" >"$WORK/$pair-mutation-$round.txt"
    # shellcheck disable=SC2086
    cpu_after=$(cpu_ticks $pids)
    awk -v t=$((cpu_after - cpu_before)) -v hz="$TICKS" -v n="$(completed "$WORK/$pair-mutation-$round.txt")" \
      'BEGIN { printf "%.2f\n", (n > 0 ? 1000 * t / hz / n : 0) }' >"$WORK/$pair-mutation-cpu-$round.txt"
  done
  for kind in catalog cart mutation; do
    printf '  round %s %-9s with Redis %8.0f req/s, without %8.0f req/s, ratio %s\n' "$round" "$kind" \
      "$(rps "$WORK/redis-$kind-$round.txt")" "$(rps "$WORK/local-$kind-$round.txt")" \
      "$(awk -v r="$(rps "$WORK/redis-$kind-$round.txt")" -v l="$(rps "$WORK/local-$kind-$round.txt")" 'BEGIN {printf "%.2f", r / l}')"
  done
  printf '  round %s CPU per mutation (both instances of the pair): with Redis %s ms, without %s ms\n' "$round" \
    "$(cat "$WORK/redis-mutation-cpu-$round.txt")" "$(cat "$WORK/local-mutation-cpu-$round.txt")"
done
a_after=$(served "$A_PORT"); b_after=$(served "$B_PORT")
echo
for pair in redis local; do
  for kind in catalog cart mutation; do
    report "$pair $kind" <"$WORK/$pair-$kind-$ROUNDS.txt"
  done
done
awk -v a=$((a_after - a_before)) -v b=$((b_after - b_before)) \
  'BEGIN { printf "with Redis, served by bff-a: %d, bff-b: %d (%.1f%% / %.1f%%)\n", a, b, 100 * a / (a + b), 100 * b / (a + b) }'
echo "(catalog: GET /api/checkout/products/1001 from each instance's cache; cart read: GET /api/checkout/selection and"
echo " cart mutation: PUT /api/checkout/countries/SE on $((CARTS_PER_THREAD * THREADS)) carts, $CARTS_PER_THREAD per wrk thread, relayed to the shared sandbox)"
for kind in catalog cart mutation; do
  for round in $(seq 1 "$ROUNDS"); do
    awk -v r="$(rps "$WORK/redis-$kind-$round.txt")" -v l="$(rps "$WORK/local-$kind-$round.txt")" 'BEGIN {printf "%.6f\n", r / l}'
  done | sort -n | awk -v k="$kind" '{a[NR] = $1} END {printf "%-9s throughput with Redis / without, median of %d rounds: %.2f\n", k, NR, a[int((NR + 1) / 2)]}'
done

# A product change in the sandbox posts its webhook through nginx to one of the instances with Redis.
hook=$(curl -fs -X POST -H 'Content-Type: application/json' -d '{"name":"Scale Tee"}' \
  "http://127.0.0.1:$SANDBOX_PORT/sandbox/products/1002" | sed -n 's/.*"webhookStatus":\([-0-9]*\).*/\1/p')
echo "sandbox product change → webhook through nginx answered: $hook"
clients=$(redis-cli -p "$REDIS_PORT" info clients | awk -F: '/^connected_clients/ { print $2 - 1 }' | tr -d '\r')
echo "Redis connections from the instances: $clients"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
grep -hE "ERROR|Exception" "$WORK"/bff-*.log | head -5 || true
