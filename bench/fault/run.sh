#!/usr/bin/env bash
# Fault run on the local stack (a command, not a test). While FAULT_N setups are being created and made ready
# (local mode: each by a signed heartbeat; CLOUD_N cloud setups provisioned by the local runtime), it
#   kill -9s each service in turn and restarts it, stops Kafka for 30 s, and restarts PostgreSQL.
# Afterwards every setup must reach ready_for_chain_tx exactly once (none lost, none duplicated), no validator node is
# created twice, and every service reports healthy again.
#   OMNIPHI_STACK_PROFILE=bench ./dev start && bench/fault/run.sh     (env: FAULT_N=200 CLOUD_N=10)
# Figures: bench/results/fault-<date>.json
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
FAULT_N="${FAULT_N:-200}"
CLOUD_N="${CLOUD_N:-10}"
require_stack
DEV="$ROOT/dev"
CP="$(bench_classpath)"

java -Domniphi.repo="$ROOT" -De2e.gateway="$GATEWAY" -cp "$CP" network.omniphi.e2e.SetupBench fault "$FAULT_N" \
  "$RESULTS/.fault-local.json" >"$ROOT/.run/logs/bench-fault-local.log" 2>&1 &
local_pid=$!
java -Domniphi.repo="$ROOT" -De2e.gateway="$GATEWAY" -cp "$CP" network.omniphi.e2e.SetupBench cloud-fault "$CLOUD_N" \
  "$RESULTS/.fault-cloud.json" >"$ROOT/.run/logs/bench-fault-cloud.log" 2>&1 &
cloud_pid=$!

kill9_and_restart() {
  local svc=$1 pid
  pid=$(cat "$ROOT/.run/pids/$svc.pid")
  blog "kill -9 $svc (pid $pid)"
  kill -9 "$pid" 2>/dev/null || true
  sleep 2
  OMNIPHI_STACK_PROFILE=bench "$DEV" start >/dev/null 2>&1 || bdie "$svc did not come back"
}

sleep 5
for svc in api-gateway heartbeat-service provisioning-service chain-service; do
  kill9_and_restart "$svc"
done
blog "stopping Kafka for 30 s"
kill "$(cat "$ROOT/.run/pids/kafka.pid")"
sleep 30
"$DEV" infra up >/dev/null
blog "restarting PostgreSQL"
pg_ctlcluster "$(pg_lsclusters -h | awk 'NR==1{print $1}')" main restart
"$DEV" infra up >/dev/null

blog "waiting for the drivers to finish"
rc=0
wait "$local_pid" || rc=1
wait "$cloud_pid" || rc=1
healthy=true
for url in http://127.0.0.1:8080/q/health/ready http://127.0.0.1:8081/q/health/ready \
  http://127.0.0.1:8082/q/health/ready http://127.0.0.1:8083/q/health/ready; do
  curl -sf -o /dev/null "$url" || healthy=false
done

out="$RESULTS/fault-$STAMP.json"
python3 - "$out" "$healthy" "$RESULTS/.fault-local.json" "$RESULTS/.fault-cloud.json" <<'PY'
import json, sys
out, healthy = sys.argv[1], sys.argv[2] == "true"
local, cloud = json.load(open(sys.argv[3])), json.load(open(sys.argv[4]))
doc = {"faults": ["kill -9 api-gateway", "kill -9 heartbeat-service", "kill -9 provisioning-service",
                  "kill -9 chain-service", "Kafka stopped 30 s", "PostgreSQL restarted"],
       "local": local, "cloud": cloud, "servicesHealthyAfter": healthy,
       "lost": local["lost"] + cloud["lost"], "duplicated": local["duplicated"] + cloud["duplicated"]}
doc["ok"] = healthy and local["ok"] and cloud["ok"]
json.dump(doc, open(out, "w"), indent=2)
print(json.dumps(doc, indent=2))
PY
rm -f "$RESULTS/.fault-local.json" "$RESULTS/.fault-cloud.json"
blog "figures written to $out"
exit $rc
