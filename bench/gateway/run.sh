#!/usr/bin/env bash
# Gateway read benchmark on the running local stack (a command, not a test): GET setup-requests/{id} over HTTPS with
# a valid token — requests/s and p50/p99 latency — beside the gateway's public /health endpoint on the same HTTPS
# listener (a database and Kafka check, no authentication; /q/health lives on the management port since issue 14)
# measured in the same run with the same connections.
#   OMNIPHI_STACK_PROFILE=bench ./dev start && bench/gateway/run.sh    (env: DURATION=10 CONNECTIONS=32 THREADS=2)
# Figures: bench/results/gateway-<date>.json
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
DURATION="${DURATION:-10}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
[ "$DURATION" -le 60 ] || bdie "DURATION is capped at 60 s"
need_tool wrk wrk
require_stack

read -r TOKEN SETUP < <(bench_java network.omniphi.e2e.BenchFixture)
lua="$RESULTS/.auth.lua"
printf 'wrk.headers["Authorization"] = "Bearer %s"\n' "$TOKEN" >"$lua"

wrk_figures() { # path -> "rps p50ms p99ms non2xx"
  run_wrk "$DURATION" "$GATEWAY$1" --latency -s "$lua" | python3 -c '
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

blog "warm-up"
DURATION=3 wrk_figures "/health" >/dev/null
blog "baseline: /health"
read -r b_rps b_p50 b_p99 b_bad < <(wrk_figures "/health")
blog "GET /api/v1/validators/setup-requests/$SETUP"
read -r g_rps g_p50 g_p99 g_bad < <(wrk_figures "/api/v1/validators/setup-requests/$SETUP")
rm -f "$lua"

out="$RESULTS/gateway-$STAMP.json"
cat >"$out" <<JSON
{
  "durationSeconds": $DURATION, "connections": $CONNECTIONS, "threads": $THREADS,
  "baseline": {"path": "/health", "rps": $b_rps, "p50Ms": $b_p50, "p99Ms": $b_p99, "non2xx": $b_bad},
  "getSetup": {"path": "/api/v1/validators/setup-requests/{id}", "rps": $g_rps, "p50Ms": $g_p50, "p99Ms": $g_p99, "non2xx": $g_bad}
}
JSON
cat "$out"
blog "figures written to $out"
