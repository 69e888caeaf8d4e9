#!/usr/bin/env bash
# Start time and memory of each service of the running local stack (a command, not a test): the "started in" time
# each Quarkus process logged and its resident set size now. Figures: bench/results/startup-<date>.json
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
require_stack
out="$RESULTS/startup-$STAMP.json"
{
  echo "{"
  first=1
  for svc in devnet chain-service provisioning-service heartbeat-service api-gateway; do
    pidf="$ROOT/.run/pids/$svc.pid"
    [ -f "$pidf" ] || continue
    pid=$(cat "$pidf")
    rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    started=$(grep -oE 'started in [0-9.]+s' "$ROOT/.run/logs/$svc.log" | tail -1 | grep -oE '[0-9.]+' || echo null)
    [ $first -eq 1 ] || echo ","
    first=0
    printf '  "%s": {"startSeconds": %s, "rssMiB": %s}' "$svc" "${started:-null}" "$((rss_kb / 1024))"
  done
  echo
  echo "}"
} >"$out"
cat "$out"
blog "figures written to $out"
