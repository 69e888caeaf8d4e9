#!/usr/bin/env bash
# Gateway read benchmark on the running local stack (a command, not a test): GET setup-requests/{id} over HTTPS with
# a valid token — requests/s and p50/p99 latency — beside the gateway's liveness check (/q/health/live on its
# management port 9080: no database, no Kafka, no authentication) measured in the same run with the same connections.
#   OMNIPHI_STACK_PROFILE=bench ./dev start && bench/gateway/run.sh    (env: DURATION=10 CONNECTIONS=32 THREADS=2)
#   FRESH=1 bench/gateway/run.sh: restarts the gateway first and measures the first FRESH_SECONDS=30 s of load on it
#   (CONNECTIONS=16 unless set): the cold tail a rolling deploy's new pod shows, with its RSS before and after.
# Figures: bench/results/gateway-<date>.json
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
DURATION="${DURATION:-10}"
FRESH="${FRESH:-0}"
FRESH_SECONDS="${FRESH_SECONDS:-30}"
if [ "$FRESH" = 1 ]; then CONNECTIONS="${CONNECTIONS:-16}"; else CONNECTIONS="${CONNECTIONS:-32}"; fi
LIVENESS="${LIVENESS:-http://127.0.0.1:9080/q/health/live}"
THREADS="${THREADS:-2}"
[ "$DURATION" -le 60 ] || bdie "DURATION is capped at 60 s"
need_tool wrk wrk
require_stack

read -r TOKEN SETUP < <(bench_java network.omniphi.e2e.BenchFixture)
lua="$RESULTS/.auth.lua"
printf 'wrk.headers["Authorization"] = "Bearer %s"\n' "$TOKEN" >"$lua"

wrk_figures() { # url seconds -> "rps p50ms p99ms non2xx"
  run_wrk "$2" "$1" --latency -s "$lua" | python3 -c '
import re, sys
t = sys.stdin.read()
def ms(label):
    m = re.search(r"^\s*" + label + r"%\s+([\d.]+)(us|ms|s)", t, re.M)
    v, u = float(m.group(1)), m.group(2)
    return v / 1000 if u == "us" else v * 1000 if u == "s" else v
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", t)
print(rps, ms("50"), ms("99"), bad.group(1) if bad else 0)'
}
rss_mib() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$(cat "$ROOT/.run/pids/api-gateway.pid")/status"; }
GET="$GATEWAY/api/v1/validators/setup-requests/$SETUP"
out="$RESULTS/gateway-$STAMP.json"

if [ "$FRESH" = 1 ]; then
  blog "restarting the gateway"
  restart_service api-gateway "http://127.0.0.1:9080/q/health/ready"
  rss_start=$(rss_mib)
  blog "first ${FRESH_SECONDS}s of GET setup-requests/{id} on the fresh gateway, $CONNECTIONS connections"
  read -r g_rps g_p50 g_p99 g_bad < <(wrk_figures "$GET" "$FRESH_SECONDS")
  rss_end=$(rss_mib)
  rm -f "$lua"
  cat >"$out" <<JSON
{
  "mode": "fresh", "secondsAfterReady": $FRESH_SECONDS, "connections": $CONNECTIONS, "threads": $THREADS,
  "startedIn": "$(grep -oE 'started in [0-9.]+s' "$ROOT/.run/logs/api-gateway.log" | tail -1)",
  "rssMiB": {"atReady": $rss_start, "after": $rss_end},
  "getSetup": {"path": "/api/v1/validators/setup-requests/{id}", "rps": $g_rps, "p50Ms": $g_p50, "p99Ms": $g_p99, "non2xx": $g_bad}
}
JSON
else
  blog "warm-up"
  wrk_figures "$LIVENESS" 3 >/dev/null
  wrk_figures "$GET" 3 >/dev/null
  blog "baseline: $LIVENESS"
  read -r b_rps b_p50 b_p99 b_bad < <(wrk_figures "$LIVENESS" "$DURATION")
  blog "GET /api/v1/validators/setup-requests/$SETUP"
  read -r g_rps g_p50 g_p99 g_bad < <(wrk_figures "$GET" "$DURATION")
  rm -f "$lua"
  ratio=$(python3 -c "print(round($g_rps / $b_rps, 3))")
  cat >"$out" <<JSON
{
  "mode": "warm", "durationSeconds": $DURATION, "connections": $CONNECTIONS, "threads": $THREADS,
  "baseline": {"path": "$LIVENESS", "rps": $b_rps, "p50Ms": $b_p50, "p99Ms": $b_p99, "non2xx": $b_bad},
  "getSetup": {"path": "/api/v1/validators/setup-requests/{id}", "rps": $g_rps, "p50Ms": $g_p50, "p99Ms": $g_p99, "non2xx": $g_bad},
  "getSetupVsLiveness": $ratio
}
JSON
fi
cat "$out"
blog "figures written to $out"
