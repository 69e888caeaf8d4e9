#!/usr/bin/env bash
# Heartbeat ingestion benchmark (a command, not a test): signed heartbeats/s and p50/p99 on the two paths a heartbeat
# can take, beside two baselines measured in the same run with the same connections:
#   - standIn:   the verify-only stand-in (bench/heartbeat/VerifyStandIn.java: JDK HTTP server + one BouncyCastle
#                ed25519 verification per body, no storage) - the least a heartbeat can cost on this machine;
#   - direct:    POST /api/v1/validators/heartbeat of the heartbeat-service (:8083), stored durably;
#   - public:    the same through the public endpoint the local agent uses (https://localhost:8443, the api-gateway's
#                TLS listener forwarding to the heartbeat-service), when the local stack's gateway is running;
#   - ping:      the empty GET /internal/v1/ping of the heartbeat-service.
#
#   bench/heartbeat/run.sh   (env: DURATION=10 WARMUP=3 CONNECTIONS=64 THREADS=2 BODIES=80000 PUBLIC=auto|yes|no
#                              JFR=api-gateway|heartbeat-service: a JFR profile of that service during the measured
#                              run of JFR_PHASE=public (default) or direct; JFR_SETTINGS=<.jfc>, default profile)
#
# The bodies come from freshly generated ed25519 keys (one bench wallet), ROUNDS=4 heartbeats per key sent round after
# round with increasing timestamps (GenHeartbeats.java), so nothing is a replay and no key hits its rate limit (each
# key sends ROUNDS heartbeats within the run, a few seconds apart): a key's first heartbeat is a new row, the others are
# what a running node sends, an update of its row. ROUNDS=1 sends only first heartbeats (the benchmark before
# 2026-12-04). Each key is linked to the bench wallet first (rows in consensus_key_links, as the gateway's
# ConsensusKeyLinked events would make them): heartbeats of unlinked keys are refused with 403. Bodies are signed just
# before the phase that sends them (they must stay inside the service's +-60 s window). Needs wrk (apt-get install -y
# wrk), a JDK, PostgreSQL and Kafka (./dev infra up); the public phase needs the stack in the bench profile
# (OMNIPHI_STACK_PROFILE=bench ./dev start: the gateway's per-IP limit would refuse a load generator otherwise).
# Loopback only. Starts the service if it is not running (and stops it again), deletes its bench rows afterwards.
# Figures: bench/results/heartbeat-<date>.json (also printed), with the load average before and after.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh" # ROOT, RESULTS, GATEWAY, need_tool
HERE="$ROOT/bench/heartbeat"
BASE="http://127.0.0.1:8083"
# health on the management interface (dev profile: 9083)
MANAGEMENT="http://127.0.0.1:9083"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-3}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
BODIES="${BODIES:-80000}"
export ROUNDS="${ROUNDS:-4}"
PUBLIC="${PUBLIC:-auto}"
JFR="${JFR:-}"
JFR_PHASE="${JFR_PHASE:-public}"
STANDIN_PORT="${STANDIN_PORT:-8093}"
WARM_BODIES=$((BODIES / 4))
WALLET="omni1h6lta047h6lta047h6lta047h6lta0470waza3" # bech32 "omni" of 20 x 0xbe: marks the bench rows
JAR="$ROOT/heartbeat-service/target/quarkus-app/quarkus-run.jar"
WORK="$(mktemp -d)"
STARTED_PID=""
STANDIN_PID=""
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
export PGPASSWORD="${PGPASSWORD:-heartbeat}"
PSQL=(psql -h 127.0.0.1 -p 5432 -U "${PGUSER:-heartbeat}" -d "${PGDATABASE:-heartbeat}" -tAq)

log() { printf '[bench] %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
ready() { curl -sf -o /dev/null "$MANAGEMENT/q/health/ready"; }

cleanup() {
  "${PSQL[@]}" -c "DELETE FROM local_validator_heartbeats WHERE wallet_address = '$WALLET'" >/dev/null 2>&1 || true
  "${PSQL[@]}" -c "DELETE FROM consensus_key_links WHERE wallet_address = '$WALLET'" >/dev/null 2>&1 || true
  [ -z "$STANDIN_PID" ] || { kill "$STANDIN_PID" 2>/dev/null; wait "$STANDIN_PID" 2>/dev/null; } || true
  if [ -n "$STARTED_PID" ]; then
    log "stopping the heartbeat-service started by this run (pid $STARTED_PID)"
    kill "$STARTED_PID" 2>/dev/null || true
    wait "$STARTED_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

[ "$ROUNDS" -ge 1 ] || die "ROUNDS must be at least 1"
[ "$DURATION" -le 30 ] && [ "$WARMUP" -le 10 ] || die "keep DURATION <= 30 and WARMUP <= 10 (bodies must stay inside the 60 s window)"
need_tool wrk wrk
command -v java >/dev/null || die "java is missing"
case "$PUBLIC" in
  auto) if curl -ksf -o /dev/null "$GATEWAY/api/v1/health"; then PUBLIC=yes; else PUBLIC=no; fi ;;
  yes) curl -ksf -o /dev/null "$GATEWAY/api/v1/health" || die "PUBLIC=yes but the gateway ($GATEWAY) is not running" ;;
  no) ;;
  *) die "PUBLIC must be auto, yes or no" ;;
esac

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
sign() { # name count [link]: signs <count> bodies (ROUNDS per key) into $WORK/<name>.txt (and links their keys)
  local keys=$(($2 / ROUNDS))
  [ $((keys % 2)) -eq 0 ] || keys=$((keys + 1)) # an even number of keys: all of a key's bodies go to one wrk thread
  java -cp "$BCPROV" "$HERE/GenHeartbeats.java" "$WORK/$1.txt" "$keys" "$WALLET" 30 "$WORK/$1-links.csv" "$ROUNDS"
  [ -z "${3:-}" ] || "${PSQL[@]}" -c "\copy consensus_key_links (consensus_pubkey, setup_request_id, wallet_address) FROM '$WORK/$1-links.csv' WITH (FORMAT csv)"
}

PROFILE_FILE=""
start_jfr() { # a JFR profile of $JFR for the next measured run (written 2 s after it ends)
  [ -n "$JFR" ] || return 0
  [ -f "$ROOT/.run/pids/$JFR.pid" ] || die "JFR=$JFR: no such service of the running stack (.run/pids/$JFR.pid)"
  PROFILE_FILE="$RESULTS/heartbeat-$STAMP-$JFR-$JFR_PHASE.jfr"
  jcmd "$(cat "$ROOT/.run/pids/$JFR.pid")" JFR.start name=bench settings="${JFR_SETTINGS:-profile}" duration="$((DURATION + 2))s" \
    filename="$PROFILE_FILE" >/dev/null || die "could not start JFR on $JFR"
}

# CPU time (ms) used so far by the processes a heartbeat passes through: the gateway, the heartbeat service, every
# PostgreSQL backend and the stand-in (utime + stime of /proc/<pid>/stat; a backend that exits mid-run is not counted)
cpu_ms() {
  python3 - "$ROOT/.run/pids" "${STANDIN_PID:-}" <<'PY'
import json, os, sys
tick = os.sysconf("SC_CLK_TCK")
def cpu(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) * 1000 // tick
    except (OSError, ValueError):
        return 0
def pidfile(name):
    try:
        return int(open(os.path.join(sys.argv[1], name + ".pid")).read().strip())
    except (OSError, ValueError):
        return None
out = {}
for name in ("api-gateway", "heartbeat-service"):
    pid = pidfile(name)
    out[name] = cpu(pid) if pid else 0
pg = 0
for pid in os.listdir("/proc"):
    if pid.isdigit():
        try:
            if open(f"/proc/{pid}/comm").read().strip() == "postgres":
                pg += cpu(pid)
        except OSError:
            pass
out["postgres"] = pg
out["standIn"] = cpu(int(sys.argv[2])) if sys.argv[2] else 0
print(json.dumps(out))
PY
}

# CPU ms per 1,000 accepted heartbeats of one measured run, per process: cpu_cost <before> <after> <wrk RESULT line>
cpu_cost() {
  python3 -c 'import json,sys
b, a, r = (json.loads(x) for x in sys.argv[1:4]); ok = r["requests"] - r["non2xx"]
print(json.dumps({k: round((a[k] - b[k]) * 1000 / ok, 1) if ok else None for k in a}))' "$1" "$2" "$3"
}

wrk_result() { # seconds script url [script args...] -> the script's RESULT line
  local secs=$1 script=$2 url=$3
  shift 3
  run_wrk "$secs" "$url" --timeout 10s -s "$script" -- "$@" | sed -n 's/^RESULT //p'
}
# accepted answers of a RESULT line
accepted() { python3 -c 'import json,sys; r=json.loads(sys.argv[1]); print(r["requests"]-r["non2xx"])' "$1"; }

log "verify-only stand-in: signing $BODIES bodies"
sign standin "$BODIES"
java -Dsun.net.httpserver.nodelay=true -cp "$BCPROV" "$HERE/VerifyStandIn.java" "$STANDIN_PORT" >"$WORK/standin.log" 2>&1 &
STANDIN_PID=$!
for _ in $(seq 1 100); do curl -sf -o /dev/null "http://127.0.0.1:$STANDIN_PORT/ready" && break; sleep 0.2; done
curl -sf -o /dev/null "http://127.0.0.1:$STANDIN_PORT/ready" || { cat "$WORK/standin.log"; die "the stand-in did not start"; }
log "stand-in: warm-up ${WARMUP}s, then ${DURATION}s"
wrk_result "$WARMUP" "$HERE/heartbeat.lua" "http://127.0.0.1:$STANDIN_PORT" "$WORK/standin.txt" "$THREADS" >/dev/null
C0=$(cpu_ms)
STANDIN=$(wrk_result "$DURATION" "$HERE/heartbeat.lua" "http://127.0.0.1:$STANDIN_PORT" "$WORK/standin.txt" "$THREADS")
STANDIN_CPU=$(cpu_cost "$C0" "$(cpu_ms)" "$STANDIN")
kill "$STANDIN_PID"; wait "$STANDIN_PID" 2>/dev/null || true; STANDIN_PID=""

log "direct: signing and linking $BODIES + $WARM_BODIES bodies"
sign warm "$WARM_BODIES" link
sign main "$BODIES" link
log "warm-up ${WARMUP}s each"
wrk_result "$WARMUP" "$HERE/ping.lua" "$BASE/internal/v1/ping" >/dev/null
WARM=$(wrk_result "$WARMUP" "$HERE/heartbeat.lua" "$BASE" "$WORK/warm.txt" "$THREADS")
log "measuring GET /internal/v1/ping for ${DURATION}s"
PING=$(wrk_result "$DURATION" "$HERE/ping.lua" "$BASE/internal/v1/ping")
log "measuring POST $BASE/api/v1/validators/heartbeat for ${DURATION}s"
[ "$JFR_PHASE" != direct ] || start_jfr
C0=$(cpu_ms)
HB=$(wrk_result "$DURATION" "$HERE/heartbeat.lua" "$BASE" "$WORK/main.txt" "$THREADS")
HB_CPU=$(cpu_cost "$C0" "$(cpu_ms)" "$HB")
[ "$JFR_PHASE" != direct ] || [ -z "$PROFILE_FILE" ] || sleep 3 # the recording ends 2 s after the run
ACCEPTED=$(( $(accepted "$WARM") + $(accepted "$HB") ))

PUB='null'
PUB_WARM='null'
PUB_CPU='null'
if [ "$PUBLIC" = yes ]; then
  log "public path: signing and linking $BODIES + $WARM_BODIES bodies"
  sign pubwarm "$WARM_BODIES" link
  sign pub "$BODIES" link
  log "public path: warm-up ${WARMUP}s, then ${DURATION}s through $GATEWAY"
  PUB_WARM=$(wrk_result "$WARMUP" "$HERE/heartbeat.lua" "$GATEWAY" "$WORK/pubwarm.txt" "$THREADS")
  [ "$JFR_PHASE" != public ] || start_jfr
  C0=$(cpu_ms)
  PUB=$(wrk_result "$DURATION" "$HERE/heartbeat.lua" "$GATEWAY" "$WORK/pub.txt" "$THREADS")
  PUB_CPU=$(cpu_cost "$C0" "$(cpu_ms)" "$PUB")
  ACCEPTED=$(( ACCEPTED + $(accepted "$PUB_WARM") + $(accepted "$PUB") ))
  [ "$JFR_PHASE" != public ] || [ -z "$PROFILE_FILE" ] || sleep 3 # the recording ends 2 s after the run
fi
# a few ms for the last group commit: the service answers 202 only once durable, so this is only the read's snapshot
# each row holds its key's heartbeats up to round uptime_seconds - 3600 (GenHeartbeats), so this counts them
STORED=$("${PSQL[@]}" -c "SELECT coalesce(sum(uptime_seconds - 3599), 0) FROM local_validator_heartbeats WHERE wallet_address = '$WALLET'")

mkdir -p "$RESULTS"
OUT="$RESULTS/heartbeat-$STAMP.json"
python3 - "$STANDIN" "$PING" "$HB" "$PUB" "$ACCEPTED" "$STORED" "$OUT" "$DURATION" "$CONNECTIONS" "$THREADS" \
  "$BODIES" "$LOAD_BEFORE" "$GATEWAY" "$PROFILE_FILE" "$STANDIN_CPU" "$HB_CPU" "$PUB_CPU" <<'PY'
import json, os, sys, datetime
standin, ping, hb, pub = (json.loads(a) for a in sys.argv[1:5])
accepted, stored, out = int(sys.argv[5]), int(sys.argv[6]), sys.argv[7]
def rate(r): return round((r["requests"] - r["non2xx"]) / (r["duration_us"] / 1e6), 1)
def figures(r): return None if r is None else {
    "requests": r["requests"], "non2xx": r["non2xx"], "socketErrors": r["socket_errors"],
    "okPerSecond": rate(r), "p50Ms": r["p50_us"] / 1000, "p99Ms": r["p99_us"] / 1000}
def ratio(a, b): return None if a is None or not rate(b) else round(rate(a) / rate(b), 3)
result = {
    "benchmark": "heartbeat-ingestion",
    "at": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
    "machine": {"cpus": os.cpu_count(), "loadAverageBefore": sys.argv[12],
                "loadAverageAfter": " ".join(f"{x:.2f}" for x in os.getloadavg()),
                "note": "wrk, the stand-in, the services and PostgreSQL share the same cores"},
    "settings": {"durationSeconds": int(sys.argv[8]), "connections": int(sys.argv[9]), "wrkThreads": int(sys.argv[10]),
                 "bodiesPerPhase": int(sys.argv[11]), "heartbeatsPerKey": int(os.environ["ROUNDS"]), "endpoint": "POST /api/v1/validators/heartbeat",
                 "gateway": sys.argv[13]},
    "standIn": figures(standin),
    "ping": figures(ping),
    "direct": figures(hb),
    "public": figures(pub),
    "directVsStandIn": ratio(hb, standin),
    "publicVsStandIn": ratio(pub, standin),
    "directVsPing": ratio(hb, ping),
    "durability": {"acceptedAnswers": accepted, "heartbeatsStored": stored, "allAcceptedStored": stored >= accepted},
    "profile": sys.argv[14] or None,
    "cpuMsPer1000Accepted": {"standIn": json.loads(sys.argv[15]), "direct": json.loads(sys.argv[16]),
                             "public": json.loads(sys.argv[17]),
                             "note": "CPU time of each process during the measured run per 1,000 accepted heartbeats"},
}
with open(out, "w") as f:
    json.dump(result, f, indent=2)
print(json.dumps(result, indent=2))
print("written to " + out, file=sys.stderr)
PY
