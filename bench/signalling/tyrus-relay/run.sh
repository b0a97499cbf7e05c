#!/usr/bin/env bash
# The container's share of the signalling cost: the same minimal relay (Relay.java, PeerJS's protocol) on
#   grizzly - Tyrus's own Grizzly server, no Servlet container
#   micro   - a WAR on Payara Micro 6.2025.10: Tyrus over Catalina's Servlet upgrade, like the signalling WAR
#   bare    - no Jakarta WebSocket at all: ../grizzly-relay, a Grizzly filter with hand-written RFC 6455
#             framing (what the JVM and Grizzly's NIO transport cost without Tyrus and without Catalina)
#   payara  - the same filter inside Payara Micro, on a network listener of Payara's own
#             (../grizzly-relay/payara-listener.asadmin: create-protocol-filter), beside its HTTP listener
#   peerjs  - the PeerJS server itself (../peerjs-server.js), for ratios from the same minutes
# with the same JVM options as a signalling node, measured by ../loadgen.js in PeerJS mode with the same
# workload as ../run.sh. Writes $RELAY_OUT/relay-<variant>.json (default ../results/session4-experiments).
#
#   bench/signalling/tyrus-relay/run.sh [ROOMS=5000] [RATE=5000] [SECONDS=20] [VARIANTS="grizzly micro"]
set -Eeuo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BENCH="$(cd "$HERE/.." && pwd)"; REPO="$(cd "$BENCH/../.." && pwd)"
ROOMS="${1:-5000}"; RATE="${2:-5000}"; DURATION="${3:-20}"; VARIANTS="${4:-grizzly micro}"
PORT="${RELAY_PORT:-48720}"
M2="${MAVEN_REPOSITORY:-$HOME/.m2/repository}"
MICRO="$M2/fish/payara/extras/payara-micro/6.2025.10/payara-micro-6.2025.10.jar"
OUT="${RELAY_OUT:-$BENCH/results/session4-experiments}"; WORK="$(mktemp -d)"; PID=""
mkdir -p "$OUT"
cleanup() { [[ -n "$PID" ]] && kill "$PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
ulimit -n $((2 * ROOMS + 1000)) 2>/dev/null || true
for module in "$HERE" "$BENCH/grizzly-relay"; do
  (cd "$module" && mvn -B -q package && mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt)
done
source "$BENCH/micro-options.sh"   # MICRO_JVM_OPTIONS: the signalling node's heap and flags

measure() { # variant
  local jvm=true; [[ "$1" != peerjs ]] || jvm=false
  for round in 1 2; do
    node "$BENCH/loadgen.js" --target=peerjs --url="ws://127.0.0.1:$PORT" --pid="$PID" --jvm=false \
      --rooms=1000 --rate=3000 --seconds=30 > "$WORK/warmup-$round.json"
    sleep 2
  done
  sleep 3
  node "$BENCH/loadgen.js" --target=peerjs --url="ws://127.0.0.1:$PORT" --pid="$PID" --jvm="$jvm" \
    --rooms="$ROOMS" --rate="$RATE" --seconds="$DURATION" > "$OUT/relay-$1.json"
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
  node -e 'const r=require(process.argv[1]); console.log(process.argv[2], JSON.stringify({held: r.sessionsHeld,
    cpuUsPerMsg: r.serverCpuMicrosPerMessage, p50: r.latencyMs.p50, p99: r.latencyMs.p99, p999: r.latencyMs.p999,
    heapKbPerSession: r.heapPerIdleSessionKb, rssKbPerSession: r.rssPerIdleSessionKb, clientLagMs: r.maxSchedulerLagMs,
    threads: r.serverCpuSecondsByThreadGroup}))' "$OUT/relay-$1.json" "$1"
}

for variant in $VARIANTS; do
  case "$variant" in
    grizzly)
      java "${MICRO_JVM_OPTIONS[@]}" -cp "$HERE/target/tyrus-relay-1.jar:$(cat "$HERE/target/cp.txt")" bench.relay.Main "$PORT" \
        > "$WORK/grizzly.log" 2>&1 &
      PID=$!
      for _ in $(seq 60); do grep -q "listening" "$WORK/grizzly.log" && break; sleep 1; done ;;
    bare)
      java "${MICRO_JVM_OPTIONS[@]}" -cp "$BENCH/grizzly-relay/target/grizzly-relay-1.jar:$(cat "$BENCH/grizzly-relay/target/cp.txt")" \
        bench.grizzly.Main "$PORT" > "$WORK/bare.log" 2>&1 &
      PID=$!
      for _ in $(seq 60); do grep -q "listening" "$WORK/bare.log" && break; sleep 1; done ;;
    payara)
      sed "s/@@BIND@@/127.0.0.1/" "$REPO/server-config/payara/micro-preboot.asadmin" > "$WORK/preboot.asadmin"
      sed "s/@@PORT@@/$PORT/" "$BENCH/grizzly-relay/payara-listener.asadmin" >> "$WORK/preboot.asadmin"
      java "${MICRO_JVM_OPTIONS[@]}" -jar "$MICRO" --addlibs "$BENCH/grizzly-relay/target/grizzly-relay-1.jar" --port "$((PORT + 1))" \
        --prebootcommandfile "$WORK/preboot.asadmin" --nocluster --rootdir "$WORK/micro" > "$WORK/payara.log" 2>&1 &
      PID=$!
      for _ in $(seq 180); do grep -q "Payara Micro .* ready" "$WORK/payara.log" && break; sleep 1; done
      grep -q "relay-listener started" "$WORK/payara.log" || { echo "relay listener did not start"; exit 1; } ;;
    peerjs)
      node "$BENCH/peerjs-server.js" "$PORT" > "$WORK/peerjs.log" 2>&1 &
      PID=$!
      for _ in $(seq 60); do grep -q "listening" "$WORK/peerjs.log" && break; sleep 1; done ;;
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
