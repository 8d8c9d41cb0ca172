# Shared by the scripts in bench/: source it after `cd` to the repository root.

# Prints the packaged application's jar, building it first when it is missing or older than the sources.
product_jar() {
  local jar
  jar=$(ls target/centra-bff-*.jar 2>/dev/null | grep -v original | head -1 || true)
  if [ -z "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -type f | head -1)" ]; then
    ./mvnw -q -B -DskipTests -Dspotless.check.skip=true package >&2
    jar=$(ls target/centra-bff-*.jar | grep -v original | head -1)
  fi
  echo "$jar"
}

# Builds bench/baseline (the bare framework: a Spring MVC controller and a WebClient relay) in DIR with the product's
# Spring Boot and Netty versions, and prints its jar.
baseline_jar() {
  local dir=$1 boot netty
  boot=$(sed -n '/<artifactId>spring-boot-starter-parent<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p}' pom.xml)
  netty=$(sed -n 's/.*<netty.version>\(.*\)<\/netty.version>.*/\1/p' pom.xml)
  cp -r bench/baseline "$dir/baseline"
  sed -i -e "s/BOOT_VERSION/$boot/" -e "s/NETTY_VERSION/$netty/" "$dir/baseline/pom.xml"
  echo "Building the bare Spring MVC baseline (Spring Boot $boot, Netty $netty)" >&2
  ./mvnw -q -B -f "$dir/baseline/pom.xml" -DskipTests package >&2
  echo "$dir/baseline/target/bare-mvc.jar"
}

# Sets WORK to a fresh directory under /tmp (named after NAME) and PIDS to an empty list; on exit every process in
# PIDS is stopped and WORK removed. Scripts add what they start to PIDS.
bench_work() {
  WORK=$(mktemp -d "/tmp/centra-bff-$1.XXXXXX")
  PIDS=()
  trap bench_cleanup EXIT
}
bench_cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}

# Installs wrk, and nginx with the echo module the Centra stand-in needs (bench/load-stub.conf), when missing.
need_stub_tools() {
  if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null \
      || [ ! -e /usr/lib/nginx/modules/ngx_http_echo_module.so ]; then
    apt-get update -qq \
      && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx-light libnginx-mod-http-echo >/dev/null
  fi
}

# CPU time in milliseconds (user + system) that process PID has used; with a second argument "jit", only its JIT
# compiler threads' (a JVM whose compilers are still busy is not warm yet).
cpu_ms() {
  local hz
  hz=$(getconf CLK_TCK)
  if [ "${2:-}" = jit ]; then
    for task in /proc/"$1"/task/*; do
      case $(cat "$task/comm" 2>/dev/null) in C1\ Compiler*|C2\ Compiler*) sed 's/.*) //' "$task/stat" ;; esac
    done
  else
    sed 's/.*) //' /proc/"$1"/stat
  fi | awk -v hz="$hz" '{ t += $12 + $13 } END { printf "%d", t * 1000 / hz }'
}
