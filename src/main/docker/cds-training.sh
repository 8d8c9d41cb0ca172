#!/usr/bin/env bash
# Training run for a class-data-sharing archive: starts the application with -XX:ArchiveClassesAtExit, waits for the
# first 200 from /actuator/health/readiness on the management port, then stops it with SIGTERM; the JVM writes the
# archive as it exits. A start that runs until it is ready archives what a real start needs: also the web servers
# (the API's and the management port's), the management child context and the probe's request handling, which a
# training run that exits once the context is refreshed (-Dspring.context.exit=onRefresh) never loads.
#
#   cds-training.sh ARCHIVE MANAGEMENT_PORT JAVA_ARGUMENTS...
#   cds-training.sh application.jsa 8081 -jar application.jar --spring.profiles.active=sandbox
#
# CDS_TRAINING_TIMEOUT_SECONDS (600) bounds the wait for readiness (an emulated build platform is slow).
# CDS_TRAINING_JAVA (java) is the JVM to train; an ARCHIVE named *.aot is written as an AOT cache instead
# (-XX:AOTCacheOutput, Java 25 and later: bench/startup.sh measures it with AOT_CACHE_JAVA).
# The probe speaks HTTP over bash's /dev/tcp, so the script needs neither curl nor wget. Used by the Dockerfile and by
# bench/startup.sh, so both train the same way.
set -euo pipefail

ARCHIVE=$1
MANAGEMENT_PORT=$2
shift 2
TIMEOUT_SECONDS=${CDS_TRAINING_TIMEOUT_SECONDS:-600}

JAVA=${CDS_TRAINING_JAVA:-java}
if [[ $ARCHIVE == *.aot ]]; then
  "$JAVA" -XX:AOTCacheOutput="$ARCHIVE" -Xlog:aot=off -Xlog:cds=off "$@" &
else
  "$JAVA" -XX:ArchiveClassesAtExit="$ARCHIVE" -Xlog:cds=off -Xlog:cds+dynamic=off "$@" &
fi
PID=$!
trap 'kill "$PID" 2>/dev/null || true' EXIT

ready() {
  local status
  exec 3<>"/dev/tcp/127.0.0.1/$MANAGEMENT_PORT" || return 1
  printf 'GET /actuator/health/readiness HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
  read -r -t 5 status <&3 || status=""
  exec 3<&-
  [[ $status == 'HTTP/1.'?' 200'* ]]
}

deadline=$((SECONDS + TIMEOUT_SECONDS))
until ready 2>/dev/null; do
  if ! kill -0 "$PID" 2>/dev/null; then
    echo "cds-training: the application exited before it was ready" >&2
    exit 1
  fi
  if ((SECONDS >= deadline)); then
    echo "cds-training: not ready after ${TIMEOUT_SECONDS}s" >&2
    exit 1
  fi
  sleep 0.2
done

kill -TERM "$PID"
# 143: stopped by SIGTERM, as asked; the archive is written on the way out.
status=0
wait "$PID" || status=$?
trap - EXIT
if ((status != 0 && status != 143)); then
  echo "cds-training: the application exited with $status" >&2
  exit "$status"
fi
[ -s "$ARCHIVE" ] || { echo "cds-training: no archive written to $ARCHIVE" >&2; exit 1; }
