#!/usr/bin/env bash
# Fault run on the local stack (a command, not a test). While FAULT_N local setups are created and made ready (each
# by their owner linking the node's key and one signed heartbeat of it, spread over FAULT_SPREAD seconds) and CLOUD_N cloud setups go the whole way (provisioned by
# the local runtime → unsigned MsgCreateValidator → CosmJS wallet signs → broadcast → active → stop → stopped), it
#   kill -9s each service in turn and restarts it, stops Kafka for 30 s, and restarts PostgreSQL.
# Afterwards every setup must reach its final status, and an audit of the services' databases and of the broker
# (FaultAudit) must find every outbox drained and published, every event consumed, and each setup's
# SetupRequested / ConsensusKeyLinked / NodeFirstSeen / NodeProvisioned / ValidatorBonded exactly once; no node created twice; every
# service healthy again.
#   OMNIPHI_STACK_PROFILE=bench ./dev start && bench/fault/run.sh     (env: FAULT_N=200 CLOUD_N=10 FAULT_SPREAD=150)
#   then ./dev reset   (the run leaves stopped nodes and 200 setups behind)
# Figures: bench/results/fault-<date>.json
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
FAULT_N="${FAULT_N:-200}"
CLOUD_N="${CLOUD_N:-10}"
FAULT_SPREAD="${FAULT_SPREAD:-150}"
require_stack
DEV="$ROOT/dev"
RUN="${OMNIPHI_RUN_DIR:-$ROOT/.run}"
bench_classpath >/dev/null # compiled once here, before the two drivers start side by side
# other work on this machine (module tests) must not run while PostgreSQL and Kafka are taken away
touch "$RUN/INFRA_BUSY"
trap 'rm -f "$RUN/INFRA_BUSY"' EXIT

driver() { # mode n figures-file log-file
  bench_java -Dfault.spread-seconds="$FAULT_SPREAD" \
    network.omniphi.e2e.SetupBench "$1" "$2" "$3" >"$4" 2>&1
}
driver fault "$FAULT_N" "$RESULTS/.fault-local.json" "$RUN/logs/bench-fault-local.log" &
local_pid=$!
driver cloud-fault "$CLOUD_N" "$RESULTS/.fault-cloud.json" "$RUN/logs/bench-fault-cloud.log" &
cloud_pid=$!

restart_stack() {
  OMNIPHI_STACK_PROFILE=bench "$DEV" start >>"$RUN/logs/bench-fault-restarts.log" 2>&1 || bdie "$1 did not come back"
}

kill9_and_restart() {
  local svc=$1 pid
  pid=$(cat "$RUN/pids/$svc.pid")
  blog "kill -9 $svc (pid $pid)"
  kill -9 "$pid" 2>/dev/null || true
  sleep 2
  restart_stack "$svc"
  blog "$svc is back"
}

t0=$(date +%s)
sleep 10
for svc in api-gateway heartbeat-service provisioning-service chain-service; do
  kill9_and_restart "$svc"
  sleep 5
done
blog "stopping Kafka for 30 s"
kill "$(cat "$RUN/pids/kafka.pid")"
sleep 30
"$DEV" infra up >>"$RUN/logs/bench-fault-restarts.log" 2>&1 || bdie "Kafka did not come back"
blog "Kafka is back"
sleep 5
blog "restarting PostgreSQL"
pg_ctlcluster "$(pg_lsclusters -h | awk 'NR==1{print $1}')" main restart
"$DEV" infra up >>"$RUN/logs/bench-fault-restarts.log" 2>&1 || bdie "PostgreSQL did not come back"
blog "PostgreSQL is back; all faults done after $(($(date +%s) - t0)) s"

blog "waiting for the drivers to finish"
rc=0
wait "$local_pid" || rc=1
wait "$cloud_pid" || rc=1
rm -f "$RUN/INFRA_BUSY"

# every service must report ready again; each gets up to 180 s after the drivers finished (connection pools and
# consumers re-establish themselves on their own schedules), and the time it took is recorded
healthy=true
health_wait="{"
# health is on each service's management interface (dev profile: 9080-9083)
for svc in api-gateway:9080 provisioning-service:9081 chain-service:9082 heartbeat-service:9083; do
  url="http://127.0.0.1:${svc#*:}/q/health/ready" start=$(date +%s)
  until curl -sf -o /dev/null "$url"; do
    if [ $(($(date +%s) - start)) -ge 180 ]; then
      healthy=false
      blog "not healthy 180 s after the run: ${svc%%:*}: $(curl -s "$url" | tr -d '\n ' | cut -c1-400)"
      break
    fi
    sleep 1
  done
  health_wait+="\"${svc%%:*}\": $(($(date +%s) - start)),"
done
health_wait="${health_wait%,}}"

blog "auditing outboxes, the broker and the inboxes"
bench_java network.omniphi.e2e.FaultAudit "$RESULTS/.fault-audit.json" "$RESULTS/.fault-local.json" \
  "$RESULTS/.fault-cloud.json" >"$RUN/logs/bench-fault-audit.log" 2>&1 || rc=1

out="$RESULTS/fault-$STAMP.json"
python3 - "$out" "$healthy" "$RESULTS/.fault-local.json" "$RESULTS/.fault-cloud.json" "$RESULTS/.fault-audit.json" \
  "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" "$health_wait" <<'PY'
import json, sys
out, healthy = sys.argv[1], sys.argv[2] == "true"
local, cloud, audit = (json.load(open(p)) for p in sys.argv[3:6])
for d in (local, cloud):
    d.pop("setupIds", None)
doc = {"faults": ["kill -9 api-gateway", "kill -9 heartbeat-service", "kill -9 provisioning-service",
                  "kill -9 chain-service", "Kafka stopped 30 s", "PostgreSQL restarted"],
       "machine": {"cpus": int(sys.argv[6]), "loadAverageAtEnd": sys.argv[7]},
       "local": local, "cloud": cloud, "audit": audit, "servicesHealthyAfter": healthy,
       "secondsUntilReadyAfterTheDrivers": json.loads(sys.argv[8]),
       "lost": local["lost"] + cloud["lost"] + audit["lost"],
       "duplicated": local["duplicated"] + cloud["duplicated"] + audit["duplicated"]}
doc["ok"] = healthy and local["ok"] and cloud["ok"] and audit["ok"]
json.dump(doc, open(out, "w"), indent=2)
print(json.dumps(doc, indent=2))
PY
rm -f "$RESULTS/.fault-local.json" "$RESULTS/.fault-cloud.json" "$RESULTS/.fault-audit.json"
blog "figures written to $out"
exit $rc
