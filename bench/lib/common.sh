# Shared helpers of the bench/ commands. Loopback only; every run is bounded in requests and time.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RESULTS="$ROOT/bench/results"
GATEWAY="${GATEWAY:-https://localhost:8443}"
STAMP="$(date -u +%Y-%m-%dT%H%M%SZ)"
mkdir -p "$RESULTS"

blog() { printf '[bench] %s\n' "$*" >&2; }
bdie() { blog "$*"; exit 1; }

require_stack() {
  curl -ksf -o /dev/null "$GATEWAY/api/v1/health" ||
    bdie "the local stack is not running: start it with 'OMNIPHI_STACK_PROFILE=bench ./dev start' (or ./dev up)"
}

# Java classpath of the bench drivers and the stack clients they use (e2e/src/main: SetupBench, BenchFixture,
# FaultAudit; Api, Session, Wallet, Adr036, NodeKey, Stack)
bench_classpath() {
  local cp="$ROOT/e2e/target/bench-main.classpath"
  if [ ! -f "$cp" ] || [ ! -d "$ROOT/e2e/target/classes/network/omniphi/e2e" ]; then
    blog "compiling the bench drivers (e2e main classes)"
    "$ROOT/mvnw" -q -pl e2e -am compile dependency:build-classpath -DskipTests \
      -Dmdep.outputFile="$cp" -Dmdep.includeScope=runtime >/dev/null || bdie "could not build the bench drivers"
  fi
  echo "$ROOT/e2e/target/classes:$(cat "$cp")"
}

bench_java() { java -Domniphi.repo="$ROOT" -De2e.gateway="$GATEWAY" -cp "$(bench_classpath)" "$@"; }

# runs wrk for $1 seconds against $2 with the caller's THREADS and CONNECTIONS; the rest are wrk options (-s script,
# --latency, --timeout), then optionally -- and the script's arguments. Prints wrk's report.
run_wrk() { # seconds url [wrk options...] [-- script args...]
  local secs=$1 url=$2 opts=()
  shift 2
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do
    opts+=("$1")
    shift
  done
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${secs}s" "${opts[@]}" "$url" "$@"
}

# installs an OS package the benchmarks need (wrk, pgbench) when it is missing, as ./dev does for kubectl
need_tool() { # command package
  command -v "$1" >/dev/null && return 0
  blog "installing $2 from the OS packages"
  { apt-get install -y -qq "$2" >/dev/null 2>&1 ||
    { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null; }; } ||
    bdie "$1 is missing and could not be installed (apt-get install -y $2)"
}

# restarts one service of the running local stack with the command line, environment and directory ./dev gave it, and
# waits until its readiness URL answers: restart_service <name> <ready url>
restart_service() {
  local name=$1 ready=$2 pidf="$ROOT/.run/pids/$1.pid" pid cmd=() dir
  pid=$(cat "$pidf")
  mapfile -d '' -t cmd <"/proc/$pid/cmdline"
  dir=$(readlink "/proc/$pid/cwd")
  kill "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  (cd "$dir" && { OMNIPHI_RUN_DIR="$ROOT/.run" nohup "${cmd[@]}" >"$ROOT/.run/logs/$name.log" 2>&1 & echo $! >"$pidf"; })
  for _ in $(seq 1 480); do curl -sf -o /dev/null "$ready" && return 0; sleep 0.25; done
  bdie "$name did not become ready after a restart"
}
