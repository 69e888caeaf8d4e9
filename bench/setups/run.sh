#!/usr/bin/env bash
# Setup benchmarks on the running local stack (a command, not a test):
#  1. latency: time from POST setup-requests (cloud) to ready_for_chain_tx, p50/p99 over LATENCY_N setups
#     (one node at a time: each is stopped again after it is measured);
#  2. burst: BURST_N local setups at once, each linked to its node's key by the owner and made ready by one signed
#     heartbeat of that key; all must reach
#     ready_for_chain_tx, none lost, none duplicated; total time.
# Baseline in the same run: a bare PostgreSQL insert (pgbench, one INSERT per transaction) on the same machine.
#   OMNIPHI_STACK_PROFILE=bench ./dev start && bench/setups/run.sh     (env: LATENCY_N=100 BURST_N=1000)
# Figures: bench/results/setups-<date>.json
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
LATENCY_N="${LATENCY_N:-100}"
BURST_N="${BURST_N:-1000}"
require_stack

blog "baseline: bare PostgreSQL INSERT, 2 clients, 10 s"
need_tool pgbench postgresql-contrib
export PGPASSWORD=gateway
psql -h 127.0.0.1 -U gateway -d gateway -qc "CREATE TABLE IF NOT EXISTS bench_baseline (id bigserial PRIMARY KEY, v text)"
echo "INSERT INTO bench_baseline (v) VALUES ('x');" >"$RESULTS/.baseline.sql"
tps=$(pgbench -h 127.0.0.1 -U gateway -n -c 2 -j 2 -T 10 -f "$RESULTS/.baseline.sql" gateway 2>/dev/null |
  awk -F'= ' '/^tps/ {print $2+0; exit}')
psql -h 127.0.0.1 -U gateway -d gateway -qc "DROP TABLE bench_baseline"
rm -f "$RESULTS/.baseline.sql"

blog "latency: $LATENCY_N cloud setups, POST -> ready_for_chain_tx"
bench_java network.omniphi.e2e.SetupBench latency "$LATENCY_N" "$RESULTS/.latency.json" >/dev/null
blog "burst: $BURST_N local setups at once"
bench_java network.omniphi.e2e.SetupBench burst "$BURST_N" "$RESULTS/.burst.json" >/dev/null || true

out="$RESULTS/setups-$STAMP.json"
python3 - "$out" "$tps" "$RESULTS/.latency.json" "$RESULTS/.burst.json" <<'PY'
import json, sys
out, tps, lat, burst = sys.argv[1], float(sys.argv[2] or 0), json.load(open(sys.argv[3])), json.load(open(sys.argv[4]))
burst.pop("setupIds", None)
doc = {"baseline": {"postgresInsertTps2Clients": tps}, "latency": lat, "burst": burst}
json.dump(doc, open(out, "w"), indent=2)
print(json.dumps(doc, indent=2))
PY
rm -f "$RESULTS/.latency.json" "$RESULTS/.burst.json"
blog "figures written to $out"
