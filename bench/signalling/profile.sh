#!/usr/bin/env bash
# Profiles the signalling WAR on Payara Micro under load: JFR (CPU samples, allocation) while the load
# generator runs a warm-up and one measured phase. Not part of run.sh; for finding hot spots.
#
#   bench/signalling/profile.sh [ROOMS=1000] [RATE=2000] [SECONDS=30] [OUTDIR=/tmp/signalling-profile]
#
# Writes OUTDIR/server.jfr, OUTDIR/load.json, OUTDIR/top-frames.txt (top sampled frames, own and total) and
# OUTDIR/thread-cpu.txt (CPU of the measured phase by thread group: GC, JIT, selector, workers).
set -Eeuo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
ROOMS="${1:-1000}"; RATE="${2:-2000}"; DURATION="${3:-30}"; OUTDIR="${4:-/tmp/signalling-profile}"
PORT="${BENCH_PORT:-48700}"; GRID_PORT="${BENCH_GRID_PORT:-48710}"
PAYARA_VERSION="${VIDEOTERMIN_PAYARA_VERSION:-6.2025.10}"
M2="${MAVEN_REPOSITORY:-$HOME/.m2/repository}"
MICRO="$M2/fish/payara/extras/payara-micro/$PAYARA_VERSION/payara-micro-$PAYARA_VERSION.jar"
WAR="$REPO/websocket/signalling/target/videotermin-signalling.war"
TICKET_JAR="$(ls "$REPO"/websocket/ticket/target/videotermin-ticket-*.jar | grep -v sources | head -1)"
SECRET="$(head -c 32 /dev/urandom | base64 | tr -d '/+=\n' | head -c 43)"
WORK="$(mktemp -d)"; mkdir -p "$OUTDIR"; PID=""
cleanup() { [[ -n "$PID" ]] && kill "$PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
ulimit -n $((2 * ROOMS + 1000)) 2>/dev/null || true
[[ -d "$HERE/node_modules/ws" ]] || (cd "$HERE" && npm ci --no-audit --no-fund >/dev/null)
source "$HERE/micro-options.sh"
sed "s/@@BIND@@/127.0.0.1/" "$REPO/server-config/payara/micro-preboot.asadmin" > "$WORK/preboot.asadmin"
VIDEOTERMIN_TICKET_SECRET="$SECRET" java "${MICRO_JVM_OPTIONS[@]}" \
  -jar "$MICRO" "${MICRO_OPTIONS[@]}" --deploy "$WAR" --contextroot signalling --addlibs "$TICKET_JAR" --port "$PORT" \
  --prebootcommandfile "$WORK/preboot.asadmin" --clustermode "tcpip:127.0.0.1:$GRID_PORT" \
  --clustername "videotermin-prof-$GRID_PORT" --interfaces 127.0.0.1 --startport "$GRID_PORT" --nohostaware \
  --rootdir "$WORK/micro" > "$OUTDIR/server.log" 2>&1 &
PID=$!
for _ in $(seq 180); do grep -q "was successfully deployed" "$OUTDIR/server.log" && break; kill -0 "$PID" || exit 1; sleep 1; done
grep -q "was successfully deployed" "$OUTDIR/server.log" || { echo "deployment failed"; exit 1; }
node "$HERE/loadgen.js" --target=videotermin --url="ws://127.0.0.1:$PORT/signalling" --pid="$PID" --secret="$SECRET" \
  --rooms="$ROOMS" --rate="$RATE" --seconds=30 > "$OUTDIR/warmup.json"
[[ -n "${JFR_AFTER:-}" ]] || jcmd "$PID" JFR.start name=prof settings=profile >/dev/null
node "$HERE/loadgen.js" --target=videotermin --url="ws://127.0.0.1:$PORT/signalling" --pid="$PID" --secret="$SECRET" \
  --rooms="$ROOMS" --rate="$RATE" --seconds="$DURATION" > "$OUTDIR/load.json" &
LOAD=$!
# JFR_AFTER=<seconds>: record only from then on (after the sessions are open: the message phase alone)
[[ -z "${JFR_AFTER:-}" ]] || { sleep "$JFR_AFTER"; jcmd "$PID" JFR.start name=prof settings=profile >/dev/null; }
"$HERE/thread-cpu.sh" "$PID" > "$WORK/threads-before"
[[ -n "${JFR_AFTER:-}" ]] || sleep "${HISTOGRAM_AFTER:-20}" # the sessions are open by then: which objects each of them holds
jcmd "$PID" GC.class_histogram > "$OUTDIR/histogram.txt" 2>&1 || true
wait "$LOAD"
"$HERE/thread-cpu.sh" "$PID" > "$WORK/threads-after"
"$HERE/thread-cpu.sh" --diff "$WORK/threads-before" "$WORK/threads-after" > "$OUTDIR/thread-cpu.txt"
jcmd "$PID" JFR.dump name=prof filename="$OUTDIR/server.jfr" >/dev/null
JFR=/usr/lib/jvm/temurin-25-jdk-amd64/bin/jfr; [[ -x $JFR ]] || JFR=jfr
"$JFR" view --width 220 hot-methods "$OUTDIR/server.jfr" > "$OUTDIR/top-frames.txt" 2>&1 || true
node -e 'const r=require(process.argv[1]); console.log(JSON.stringify({cpuUsPerMsg:r.serverCpuMicrosPerMessage, lat:r.latencyMs, lost:r.lost, heapPerSessionKb:r.heapPerIdleSessionKb, rssPerSessionKb:r.rssPerIdleSessionKb}))' "$OUTDIR/load.json"
