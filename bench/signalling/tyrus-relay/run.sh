#!/usr/bin/env bash
# The container's share of the signalling cost: the same minimal relay (Relay.java, PeerJS's protocol) on
#   grizzly - Tyrus's own Grizzly server, no Servlet container
#   micro   - a WAR on Payara Micro 6.2025.10: Tyrus over Catalina's Servlet upgrade, like the signalling WAR
# with the same JVM options as a signalling node, measured by ../loadgen.js in PeerJS mode with the same
# workload as ../run.sh. Writes ../results/session4-experiments/relay-<variant>.json.
#
#   bench/signalling/tyrus-relay/run.sh [ROOMS=5000] [RATE=5000] [SECONDS=20] [VARIANTS="grizzly micro"]
set -Eeuo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BENCH="$(cd "$HERE/.." && pwd)"; REPO="$(cd "$BENCH/../.." && pwd)"
ROOMS="${1:-5000}"; RATE="${2:-5000}"; DURATION="${3:-20}"; VARIANTS="${4:-grizzly micro}"
PORT="${RELAY_PORT:-48720}"
M2="${MAVEN_REPOSITORY:-$HOME/.m2/repository}"
MICRO="$M2/fish/payara/extras/payara-micro/6.2025.10/payara-micro-6.2025.10.jar"
OUT="$BENCH/results/session4-experiments"; WORK="$(mktemp -d)"; PID=""
mkdir -p "$OUT"
cleanup() { [[ -n "$PID" ]] && kill "$PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
ulimit -n $((2 * ROOMS + 1000)) 2>/dev/null || true
(cd "$HERE" && mvn -B -q package && mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt)
source "$BENCH/micro-options.sh"   # MICRO_JVM_OPTIONS: the signalling node's heap and flags

measure() { # variant
  for round in 1 2; do
    node "$BENCH/loadgen.js" --target=peerjs --url="ws://127.0.0.1:$PORT" --pid="$PID" --jvm=false \
      --rooms=1000 --rate=3000 --seconds=30 > "$WORK/warmup-$round.json"
    sleep 2
  done
  sleep 3
  node "$BENCH/loadgen.js" --target=peerjs --url="ws://127.0.0.1:$PORT" --pid="$PID" --jvm=true \
    --rooms="$ROOMS" --rate="$RATE" --seconds="$DURATION" > "$OUT/relay-$1.json"
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
  node -e 'const r=require(process.argv[1]); console.log(process.argv[2], JSON.stringify({held: r.sessionsHeld,
    cpuUsPerMsg: r.serverCpuMicrosPerMessage, p50: r.latencyMs.p50, p99: r.latencyMs.p99, heapKbPerSession: r.heapPerIdleSessionKb,
    threads: r.serverCpuSecondsByThreadGroup}))' "$OUT/relay-$1.json" "$1"
}

for variant in $VARIANTS; do
  case "$variant" in
    grizzly)
      java "${MICRO_JVM_OPTIONS[@]}" -cp "$HERE/target/tyrus-relay-1.jar:$(cat "$HERE/target/cp.txt")" bench.relay.Main "$PORT" \
        > "$WORK/grizzly.log" 2>&1 &
      PID=$!
      for _ in $(seq 60); do grep -q "listening" "$WORK/grizzly.log" && break; sleep 1; done ;;
    micro)
      mkdir -p "$WORK/war/WEB-INF/classes/bench/relay"
      cp "$HERE/target/classes/bench/relay/Relay.class" "$WORK/war/WEB-INF/classes/bench/relay/"
      (cd "$WORK/war" && jar cf "$WORK/relay.war" .)
      sed "s/@@BIND@@/127.0.0.1/" "$REPO/server-config/payara/micro-preboot.asadmin" > "$WORK/preboot.asadmin"
      java "${MICRO_JVM_OPTIONS[@]}" -jar "$MICRO" --deploy "$WORK/relay.war" --contextroot / --port "$PORT" \
        --prebootcommandfile "$WORK/preboot.asadmin" --nocluster --rootdir "$WORK/micro" > "$WORK/micro.log" 2>&1 &
      PID=$!
      for _ in $(seq 180); do grep -q "was successfully deployed" "$WORK/micro.log" && break; sleep 1; done ;;
    *) echo "unknown variant $variant"; exit 1 ;;
  esac
  sleep 5
  measure "$variant"
done
