#!/usr/bin/env bash
# Start time and memory of each service of the running local stack (a command, not a test). Each service is
# restarted on its own, with the command line ./dev gave it, while the others keep running (as in a rolling deploy),
# so no two start-ups share the cores: the "started in" time Quarkus logs, the wall time until its readiness check
# answers, and its resident set size at ready; then, once all are restarted and the stack has been idle for
# SETTLE=20 seconds, each one's RSS again. The devnet is not restarted (it keeps its chain in memory, and a restart
# would start a new chain under the running services): its figures are those of its start with the stack.
#   bench/startup/run.sh   (env: SERVICES="chain-service provisioning-service heartbeat-service api-gateway")
# Figures: bench/results/startup-<date>.json
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
require_stack
SERVICES="${SERVICES:-chain-service provisioning-service heartbeat-service api-gateway}"
SETTLE="${SETTLE:-20}"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
ready_url() {
  case "$1" in
    devnet) echo "http://127.0.0.1:26657/status" ;;
    api-gateway) echo "http://127.0.0.1:9080/q/health/ready" ;;
    provisioning-service) echo "http://127.0.0.1:9081/q/health/ready" ;;
    chain-service) echo "http://127.0.0.1:9082/q/health/ready" ;;
    heartbeat-service) echo "http://127.0.0.1:9083/q/health/ready" ;;
    *) bdie "unknown service $1" ;;
  esac
}
rss_mib() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$(cat "$ROOT/.run/pids/$1.pid")/status"; }
out="$RESULTS/startup-$STAMP.json"
rows=("devnet $(grep -oE 'started in [0-9.]+s' "$ROOT/.run/logs/devnet.log" | tail -1 | grep -oE '[0-9.]+' || echo null) null $(rss_mib devnet)")
for svc in $SERVICES; do
  [ -f "$ROOT/.run/pids/$svc.pid" ] || continue
  blog "restarting $svc alone"
  t0=$(date +%s.%N)
  restart_service "$svc" "$(ready_url "$svc")"
  t1=$(date +%s.%N)
  started=$(grep -oE 'started in [0-9.]+s' "$ROOT/.run/logs/$svc.log" | tail -1 | grep -oE '[0-9.]+' || echo null)
  rows+=("$svc $started $(python3 -c "print(round($t1 - $t0, 2))") $(rss_mib "$svc")")
done
blog "idle for ${SETTLE}s"
sleep "$SETTLE"
{
  echo "{"
  echo "  \"loadAverageBefore\": \"$LOAD_BEFORE\", \"settleSeconds\": $SETTLE,"
  first=1
  for row in "${rows[@]}"; do
    read -r svc started wall rss <<<"$row"
    [ $first -eq 1 ] || echo ","
    first=0
    printf '  "%s": {"startedInSeconds": %s, "wallSecondsToReady": %s, "rssMiBAtReady": %s, "rssMiBAfterSettle": %s}' \
      "$svc" "$started" "$wall" "$rss" "$(rss_mib "$svc")"
  done
  echo
  echo "}"
} >"$out"
cat "$out"
blog "figures written to $out"
