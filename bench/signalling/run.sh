#!/usr/bin/env bash
# Signalling benchmark: Videotermin's signalling WAR (standalone on Payara Micro, the cheaper runtime;
# same endpoint code as in the EAR) and the PeerJS server (npm `peer` 1.0.2), one after the other on
# this machine, the same workload from the same load generator. Writes results/*.json and RESULTS.md.
#
#   bench/signalling/run.sh [ROOMS=5000] [RATE=5000 msg/s] [SECONDS=20]
#
# BENCH_TARGETS="videotermin" runs one server only (for trying options; RESULTS.md is then not rewritten);
# BENCH_JVM_EXTRA adds JVM options for Payara Micro (for example a different garbage collector).
#
# BENCH_SERVER_CPUS / BENCH_CLIENT_CPUS (taskset lists, e.g. 1 and 0) pin the server and the load generator to
# their own cores, so that the load generator's event loop does not wait behind the server's threads.
#
# Loopback only. Ports: BENCH_PORT (default 48700, Micro HTTP), PEERJS_PORT (48701), BENCH_GRID_PORT (48710).
set -Eeuo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
ROOMS="${1:-5000}"; RATE="${2:-5000}"; DURATION="${3:-20}"
BENCH_PORT="${BENCH_PORT:-48700}"; PEERJS_PORT="${PEERJS_PORT:-48701}"; GRID_PORT="${BENCH_GRID_PORT:-48710}"
PAYARA_VERSION="${VIDEOTERMIN_PAYARA_VERSION:-6.2025.10}"
M2="${MAVEN_REPOSITORY:-$HOME/.m2/repository}"
MICRO="$M2/fish/payara/extras/payara-micro/$PAYARA_VERSION/payara-micro-$PAYARA_VERSION.jar"
OUT="$HERE/results"; WORK="$(mktemp -d)"
mkdir -p "$OUT"
SERVER_PID=""
cleanup() { [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

SERVER_PIN=(); CLIENT_PIN=()
[[ -z "${BENCH_SERVER_CPUS:-}" ]] || SERVER_PIN=(taskset -c "$BENCH_SERVER_CPUS")
[[ -z "${BENCH_CLIENT_CPUS:-}" ]] || CLIENT_PIN=(taskset -c "$BENCH_CLIENT_CPUS")

say() { printf '\033[1m▸ %s\033[0m\n' "$*"; }
(( $(ulimit -n) >= 2 * ROOMS + 500 )) || ulimit -n $((2 * ROOMS + 1000)) 2>/dev/null || { echo "need $((2 * ROOMS + 500)) open files (ulimit -n)"; exit 1; }

[[ -d "$HERE/node_modules/peer" ]] || (cd "$HERE" && npm ci --no-audit --no-fund >/dev/null)
[[ -f "$MICRO" ]] || mvn -B -q dependency:get -Dartifact="fish.payara.extras:payara-micro:$PAYARA_VERSION:jar" -Dtransitive=false
WAR="$REPO/websocket/signalling/target/videotermin-signalling.war"
if [[ ! -f "$WAR" ]]; then (cd "$REPO" && mvn -B -q -DskipTests install -pl websocket/signalling -am); fi
TICKET_JAR="$(ls "$REPO"/websocket/ticket/target/videotermin-ticket-*.jar | grep -v sources | head -1)"
SECRET="$(head -c 32 /dev/urandom | base64 | tr -d '/+=\n' | head -c 43)"

machine() {
  MICRO_JVM="${MICRO_JVM_OPTIONS[*]}" BENCH_SERVER_CPUS="${BENCH_SERVER_CPUS:-}" BENCH_CLIENT_CPUS="${BENCH_CLIENT_CPUS:-}" node -e '
    const os = require("os");
    console.log(JSON.stringify({cpus: os.cpus().length, cpuModel: os.cpus()[0].model, memGb: Math.round(os.totalmem() / 2**30),
      node: process.version, loadavg1: os.loadavg()[0],
      serverCpus: process.env.BENCH_SERVER_CPUS || null, clientCpus: process.env.BENCH_CLIENT_CPUS || null,
      microJvmOptions: process.env.MICRO_JVM}));'
}

wait_http() { # url seconds
  for _ in $(seq "$2"); do curl -fsS "$1" >/dev/null 2>&1 && return 0; sleep 1; done; return 1
}

run_load() { # name target url jvm
  # Warm-up (both servers alike): the JVM compiles its hot paths in the first minute; measuring then
  # would mostly measure the JIT compiler threads.
  say "$1: warm-up (1,000 rooms, 3,000 msg/s, 2 × 30 s)"
  for round in 1 2; do
    "${CLIENT_PIN[@]}" node "$HERE/loadgen.js" --target="$2" --url="$3" --pid="$SERVER_PID" --jvm=false --secret="$SECRET" \
      --rooms=1000 --rate=3000 --seconds=30 > "$WORK/$1-warmup-$round.json"
    sleep 2
  done
  sleep 3
  say "$1: $ROOMS rooms ($((2 * ROOMS)) sessions), $RATE msg/s for $DURATION s"
  "${CLIENT_PIN[@]}" node "$HERE/loadgen.js" --target="$2" --url="$3" --pid="$SERVER_PID" --jvm="$4" --secret="$SECRET" \
    --rooms="$ROOMS" --rate="$RATE" --seconds="$DURATION" > "$OUT/$1.json"
}

source "$HERE/micro-options.sh"
# shellcheck disable=SC2206
MICRO_JVM_OPTIONS+=(${BENCH_JVM_EXTRA:-})
say "Machine: $(machine)"
machine > "$OUT/machine.json"

# ---------------------------------------------------------------- Videotermin on Payara Micro
# the same node configuration as a production signalling node (server-config/scripts/cluster.sh), on loopback
sed "s/@@BIND@@/127.0.0.1/" "$REPO/server-config/payara/micro-preboot.asadmin" > "$WORK/preboot.asadmin"
# BENCH_PREBOOT_EXTRA: more asadmin lines for the node (for trying settings before they go into server-config)
[[ -z "${BENCH_PREBOOT_EXTRA:-}" ]] || printf '%s\n' "$BENCH_PREBOOT_EXTRA" >> "$WORK/preboot.asadmin"
TARGETS="${BENCH_TARGETS:-videotermin peerjs}"
if [[ " $TARGETS " == *" videotermin "* ]]; then
say "Starting the signalling WAR on Payara Micro :$BENCH_PORT (${MICRO_JVM_OPTIONS[*]})"
VIDEOTERMIN_TICKET_SECRET="$SECRET" "${SERVER_PIN[@]}" java "${MICRO_JVM_OPTIONS[@]}" -jar "$MICRO" "${MICRO_OPTIONS[@]}" \
  --deploy "$WAR" --contextroot signalling --addlibs "$TICKET_JAR" --port "$BENCH_PORT" \
  --prebootcommandfile "$WORK/preboot.asadmin" --clustermode "tcpip:127.0.0.1:$GRID_PORT" \
  --clustername "videotermin-bench-$GRID_PORT" --interfaces 127.0.0.1 --startport "$GRID_PORT" --nohostaware \
  --rootdir "$WORK/micro" > "$OUT/videotermin-server.log" 2>&1 &
SERVER_PID=$!
wait_http "http://127.0.0.1:$BENCH_PORT/health" 180 || { tail -20 "$OUT/videotermin-server.log"; exit 1; }
for _ in $(seq 120); do # Micro answers /health before the deployment is done (and says "ready" even if it failed)
  grep -q "was successfully deployed" "$OUT/videotermin-server.log" && break
  kill -0 "$SERVER_PID" 2>/dev/null || break
  sleep 1
done
grep -q "was successfully deployed" "$OUT/videotermin-server.log" || { echo "deployment failed, see $OUT/videotermin-server.log"; exit 1; }
sleep 5
run_load videotermin videotermin "ws://127.0.0.1:$BENCH_PORT/signalling" true
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
fi

# ---------------------------------------------------------------- PeerJS
[[ " $TARGETS " == *" peerjs "* ]] || { say "Written: $OUT/videotermin.json (RESULTS.md left as it is)"; exit 0; }
say "Starting the PeerJS server :$PEERJS_PORT"
"${SERVER_PIN[@]}" node "$HERE/peerjs-server.js" "$PEERJS_PORT" > "$OUT/peerjs-server.log" 2>&1 &
SERVER_PID=$!
wait_http "http://127.0.0.1:$PEERJS_PORT/" 30 || { cat "$OUT/peerjs-server.log"; exit 1; }
sleep 2
run_load peerjs peerjs "ws://127.0.0.1:$PEERJS_PORT" false
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""

node "$HERE/report.js" "$OUT" > "$HERE/RESULTS.md"
say "Written: $HERE/RESULTS.md and $OUT/*.json"
