#!/usr/bin/env bash
# Heartbeat ingestion benchmark (a command, not a test): signed heartbeats/s through the public endpoint of the
# packaged heartbeat-service, beside the empty GET /internal/v1/ping of the same service measured in the same run.
#
#   bench/heartbeat/run.sh            (env: DURATION=10 WARMUP=3 CONNECTIONS=64 THREADS=2 BODIES=80000)
#
# Every body comes from a distinct, freshly generated ed25519 key (one bench wallet), so nothing is a replay and no
# key hits its rate limit. Each key is linked to the bench wallet first (rows in consensus_key_links, as the gateway's
# ConsensusKeyLinked events would make them): heartbeats of unlinked keys are refused with 403. Needs wrk (apt-get install -y wrk), a JDK, PostgreSQL and Kafka (./dev infra up).
# Loopback only. Starts the service if it is not running (and stops it again), deletes its bench rows afterwards.
# Figures: bench/results/heartbeat-<date>.json (also printed).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh" # ROOT, RESULTS, need_tool
HERE="$ROOT/bench/heartbeat"
BASE="http://127.0.0.1:8083"
# health on the management interface (dev profile: 9083)
MANAGEMENT="http://127.0.0.1:9083"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-3}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
BODIES="${BODIES:-80000}"
WARM_BODIES=$((BODIES / 4))
WALLET="omni1h6lta047h6lta047h6lta047h6lta0470waza3" # bech32 "omni" of 20 x 0xbe: marks the bench rows
JAR="$ROOT/heartbeat-service/target/quarkus-app/quarkus-run.jar"
WORK="$(mktemp -d)"
STARTED_PID=""
export PGPASSWORD="${PGPASSWORD:-heartbeat}"
PSQL=(psql -h 127.0.0.1 -p 5432 -U "${PGUSER:-heartbeat}" -d "${PGDATABASE:-heartbeat}" -tAq)

log() { printf '[bench] %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
ready() { curl -sf -o /dev/null "$MANAGEMENT/q/health/ready"; }

cleanup() {
  "${PSQL[@]}" -c "DELETE FROM local_validator_heartbeats WHERE wallet_address = '$WALLET'" >/dev/null 2>&1 || true
  "${PSQL[@]}" -c "DELETE FROM consensus_key_links WHERE wallet_address = '$WALLET'" >/dev/null 2>&1 || true
  if [ -n "$STARTED_PID" ]; then
    log "stopping the heartbeat-service started by this run (pid $STARTED_PID)"
    kill "$STARTED_PID" 2>/dev/null || true
    wait "$STARTED_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

[ "$DURATION" -le 30 ] && [ "$WARMUP" -le 10 ] || die "keep DURATION <= 30 and WARMUP <= 10 (bodies must stay inside the 60 s window)"
need_tool wrk wrk
command -v java >/dev/null || die "java is missing"

if ! ready; then
  port_open 5432 && port_open 9092 || die "PostgreSQL/Kafka are not up: run ./dev infra up"
  if [ ! -f "$JAR" ]; then
    log "packaging heartbeat-service"
    (cd "$ROOT" && ./mvnw -q -o -pl heartbeat-service -am install -DskipTests)
  fi
  log "starting heartbeat-service"
  java -Xmx512m -Dquarkus.profile=dev -Dquarkus.log.level=WARN -jar "$JAR" >"$WORK/service.log" 2>&1 &
  STARTED_PID=$!
  for _ in $(seq 1 240); do ready && break; kill -0 "$STARTED_PID" 2>/dev/null || { tail -20 "$WORK/service.log"; die "service exited"; }; sleep 0.5; done
  ready || die "heartbeat-service not ready after 120 s"
fi
"${PSQL[@]}" -c "DELETE FROM local_validator_heartbeats WHERE wallet_address = '$WALLET'" >/dev/null
"${PSQL[@]}" -c "DELETE FROM consensus_key_links WHERE wallet_address = '$WALLET'" >/dev/null

BCPROV="$(ls "$ROOT"/heartbeat-service/target/quarkus-app/lib/main/org.bouncycastle.bcprov-jdk18on-*.jar | head -1)"
log "signing $BODIES + $WARM_BODIES heartbeat bodies with fresh keys"
java -cp "$BCPROV" "$HERE/GenHeartbeats.java" "$WORK/warm.txt" "$WARM_BODIES" "$WALLET" 30 "$WORK/warm-links.csv"
java -cp "$BCPROV" "$HERE/GenHeartbeats.java" "$WORK/main.txt" "$BODIES" "$WALLET" 30 "$WORK/main-links.csv"
log "linking the bench keys to the bench wallet"
for links in "$WORK/warm-links.csv" "$WORK/main-links.csv"; do
  "${PSQL[@]}" -c "\copy consensus_key_links (consensus_pubkey, setup_request_id, wallet_address) FROM '$links' WITH (FORMAT csv)"
done

run_wrk() { # seconds script url [args...]
  local secs=$1 script=$2 url=$3; shift 3
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${secs}s" --timeout 10s -s "$script" "$url" -- "$@" | sed -n 's/^RESULT //p'
}

log "warm-up ${WARMUP}s each"
run_wrk "$WARMUP" "$HERE/ping.lua" "$BASE/internal/v1/ping" >/dev/null
WARM=$(run_wrk "$WARMUP" "$HERE/heartbeat.lua" "$BASE" "$WORK/warm.txt" "$THREADS")
log "measuring GET /internal/v1/ping for ${DURATION}s"
PING=$(run_wrk "$DURATION" "$HERE/ping.lua" "$BASE/internal/v1/ping")
log "measuring POST /api/v1/validators/heartbeat for ${DURATION}s"
HB=$(run_wrk "$DURATION" "$HERE/heartbeat.lua" "$BASE" "$WORK/main.txt" "$THREADS")
STORED=$("${PSQL[@]}" -c "SELECT count(*) FROM local_validator_heartbeats WHERE wallet_address = '$WALLET'")

mkdir -p "$RESULTS"
OUT="$RESULTS/heartbeat-$(date -u +%Y-%m-%dT%H%M%SZ).json"
python3 - "$PING" "$HB" "$WARM" "$STORED" "$OUT" "$DURATION" "$CONNECTIONS" "$THREADS" "$BODIES" <<'PY'
import json, os, sys, datetime
ping, hb, warm = (json.loads(a) for a in sys.argv[1:4])
stored, out = int(sys.argv[4]), sys.argv[5]
def rate(r): return round((r["requests"] - r["non2xx"]) / (r["duration_us"] / 1e6), 1)
def figures(r): return {"requests": r["requests"], "non2xx": r["non2xx"], "socketErrors": r["socket_errors"],
                        "okPerSecond": rate(r), "p50Ms": r["p50_us"] / 1000, "p99Ms": r["p99_us"] / 1000}
accepted = (warm["requests"] - warm["non2xx"]) + (hb["requests"] - hb["non2xx"])
result = {
    "benchmark": "heartbeat-ingestion",
    "at": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
    "machine": {"cpus": os.cpu_count(), "loadAverage1m": os.getloadavg()[0], "note": "wrk runs on the same cores"},
    "settings": {"durationSeconds": int(sys.argv[6]), "connections": int(sys.argv[7]), "wrkThreads": int(sys.argv[8]),
                 "distinctKeys": int(sys.argv[9]), "endpoint": "POST /api/v1/validators/heartbeat",
                 "baseline": "GET /internal/v1/ping"},
    "baseline": figures(ping),
    "heartbeats": figures(hb),
    "heartbeatsVsBaseline": round(rate(hb) / rate(ping), 3) if rate(ping) else None,
    "durability": {"acceptedAnswers": accepted, "rowsStored": stored, "allAcceptedStored": stored >= accepted},
}
with open(out, "w") as f:
    json.dump(result, f, indent=2)
print(json.dumps(result, indent=2))
print("written to " + out, file=sys.stderr)
PY
