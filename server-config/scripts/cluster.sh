#!/usr/bin/env bash
# Videotermin across several nodes on this machine: Payara Micro signalling nodes joining the data grid
# of the running Payara Server (started by ./run), and haproxy in front of all of them.
#
#   server-config/scripts/cluster.sh start [NODES]   start NODES (default 1, at most 4) Micro signalling nodes + haproxy
#   server-config/scripts/cluster.sh stop            stop them (the Payara Server stays up)
#   server-config/scripts/cluster.sh status          what runs, and the data grid size the nodes see
#   server-config/scripts/cluster.sh kill-node N     end node N at once (SIGKILL), as a crash would
#   server-config/scripts/cluster.sh start-node N    start node N again
#
# Also reachable as `./run cluster ...`. Same settings as ./run (VIDEOTERMIN_* environment variables) plus:
#   VIDEOTERMIN_LB_PORT         haproxy's port (default HTTP port + 10)
#   VIDEOTERMIN_NODE_HTTP_BASE  node N listens on this + N (default HTTP port + 10)
#   VIDEOTERMIN_SIGNALLING_HEAP a node's heap (default 2g, server-config/payara/micro-jvm.options)
#   node N's data grid port is VIDEOTERMIN_DATA_GRID_PORT + N.  See docs/scale.md.
set -Eeuo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
: "${VIDEOTERMIN_HOME:=$REPO/.videotermin/demo}"
: "${VIDEOTERMIN_HTTP_PORT:=8080}"
: "${VIDEOTERMIN_ADMIN_PORT:=4848}"
: "${VIDEOTERMIN_DATA_GRID_PORT:=6900}"
: "${VIDEOTERMIN_BIND_ADDRESS:=127.0.0.1}"
: "${VIDEOTERMIN_PAYARA_VERSION:=6.2025.10}"
: "${VIDEOTERMIN_LB_PORT:=$((VIDEOTERMIN_HTTP_PORT + 10))}"
: "${VIDEOTERMIN_NODE_HTTP_BASE:=$((VIDEOTERMIN_HTTP_PORT + 10))}"
MAX_NODES=4

STATE="$VIDEOTERMIN_HOME"
CLUSTER="$STATE/cluster"
LOGS="$STATE/logs"
M2="${MAVEN_REPOSITORY:-$HOME/.m2/repository}"
ASADMIN="$STATE/payara6/bin/asadmin"
WAR="$REPO/websocket/signalling/target/videotermin-signalling.war"
TICKET_JAR="$(ls "$REPO"/websocket/ticket/target/videotermin-ticket-*.jar 2>/dev/null | grep -v sources | head -1 || true)"

say()  { printf '\033[1m▸ %s\033[0m\n' "$*"; }
fail() { printf '\033[31m✗ %s\033[0m\n' "$*" >&2; exit 1; }

grid_cluster_name() { printf 'videotermin-%s' "$VIDEOTERMIN_DATA_GRID_PORT"; }
grid_members() { # the Payara Server's grid port and every node's
  local members="$VIDEOTERMIN_BIND_ADDRESS:$VIDEOTERMIN_DATA_GRID_PORT" n
  for n in $(seq 1 "$MAX_NODES"); do members+=",$VIDEOTERMIN_BIND_ADDRESS:$((VIDEOTERMIN_DATA_GRID_PORT + n))"; done
  printf '%s' "$members"
}
# JVM options of a signalling node, shared with bench/signalling (server-config/payara/micro-jvm.options)
micro_jvm_options() {
  local heap="${VIDEOTERMIN_SIGNALLING_HEAP:-}"
  grep -v '^#' "$REPO/server-config/payara/micro-jvm.options" | tr '\n' ' ' \
    | { if [[ -n "$heap" ]]; then sed -E "s/-Xms[^ ]+/-Xms$heap/; s/-Xmx[^ ]+/-Xmx$heap/"; else cat; fi; }
}

node_port() { printf '%s' $((VIDEOTERMIN_NODE_HTTP_BASE + $1)); }
node_pid() { cat "$CLUSTER/node-$1.pid" 2>/dev/null || true; }
node_running() { local pid; pid="$(node_pid "$1")"; [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; }
node_ready() { curl -fsS "http://127.0.0.1:$(node_port "$1")/health" >/dev/null 2>&1 \
               && grep -q "was successfully deployed" "$LOGS/signalling-node-$1.log"; }
lb_running() { [[ -f "$CLUSTER/haproxy.pid" ]] && kill -0 "$(cat "$CLUSTER/haproxy.pid")" 2>/dev/null; }

micro_jar() {
  local path="$M2/fish/payara/extras/payara-micro/$VIDEOTERMIN_PAYARA_VERSION/payara-micro-$VIDEOTERMIN_PAYARA_VERSION.jar"
  if [[ ! -f "$path" ]]; then
    say "Downloading Payara Micro $VIDEOTERMIN_PAYARA_VERSION from Maven Central (first start only) …"
    mvn -B -q dependency:get -Dartifact="fish.payara.extras:payara-micro:$VIDEOTERMIN_PAYARA_VERSION:jar" -Dtransitive=false >/dev/null \
      || fail "could not download Payara Micro"
  fi
  printf '%s' "$path"
}

load_secrets() {
  [[ -f "$STATE/secrets.env" ]] || fail "no $STATE/secrets.env — start the stack with ./run first"
  # shellcheck disable=SC1091
  source "$STATE/secrets.env"
}

# The Payara Server must find the nodes: TCP/IP discovery with every node's grid port (the DAS's own member
# listens on --dasport, not --startport) and a cluster name
# of this stack's own (two stacks on one machine never merge). Fresh domains get this from
# domain-setup.asadmin; an older domain is changed here once and restarted.
configure_das_grid() {
  local current
  current="$("$ASADMIN" --port "$VIDEOTERMIN_ADMIN_PORT" get-hazelcast-configuration 2>/dev/null || true)"
  if grep -q "$(grid_cluster_name)" <<<"$current" && grep -qi "tcpip" <<<"$current" \
     && grep -qE "DAS Port +$VIDEOTERMIN_DATA_GRID_PORT " <<<"$current"; then
    return
  fi
  say "Configuring the Payara Server's data grid for TCP/IP discovery (one-time restart)"
  "$ASADMIN" --port "$VIDEOTERMIN_ADMIN_PORT" set-hazelcast-configuration --dynamic=false --clustermode=tcpip \
    --dasport="$VIDEOTERMIN_DATA_GRID_PORT" \
    --tcpipmembers="$(grid_members)" --clustername="$(grid_cluster_name)" >>"$LOGS/cluster.log" 2>&1 \
    || fail "set-hazelcast-configuration failed, see $LOGS/cluster.log"
  "$ASADMIN" --port "$VIDEOTERMIN_ADMIN_PORT" restart-domain --domaindir "$STATE/domains" videotermin >>"$LOGS/cluster.log" 2>&1 \
    || fail "restarting Payara failed, see $LOGS/cluster.log"
  local i
  for i in $(seq 180); do
    curl -fsS "http://127.0.0.1:$VIDEOTERMIN_HTTP_PORT/health/ready" 2>/dev/null | grep -q '"UP"' && return
    sleep 1
  done
  fail "the Payara Server did not come back after the restart"
}

start_node() { # N
  local n="$1"
  (( n >= 1 && n <= MAX_NODES )) || fail "node number must be 1..$MAX_NODES"
  node_running "$n" && { say "signalling node $n already running"; return; }
  [[ -f "$WAR" && -f "$TICKET_JAR" ]] || fail "build first: mvn -B -q -DskipTests install"
  mkdir -p "$CLUSTER" "$LOGS"
  sed -e "s#@@BIND@@#$VIDEOTERMIN_BIND_ADDRESS#g" "$REPO/server-config/payara/micro-preboot.asadmin" > "$CLUSTER/micro-preboot.asadmin"
  say "Starting signalling node $n (Payara Micro) on $VIDEOTERMIN_BIND_ADDRESS:$(node_port "$n"), data grid port $((VIDEOTERMIN_DATA_GRID_PORT + n))"
  (
    # MicroProfile Config reads the ticket secret from the environment, as on the Payara Server
    export VIDEOTERMIN_TICKET_SECRET="$TICKET_SECRET"
    # heap: see micro-jvm.options; VIDEOTERMIN_SIGNALLING_HEAP overrides its size (e.g. 512m for a small test node)
    # shellcheck disable=SC2046
    exec nohup java $(micro_jvm_options) -Dhazelcast.socket.bind.any=false -jar "$(micro_jar)" \
      --deploy "$WAR" --contextroot signalling --addlibs "$TICKET_JAR" \
      --port "$(node_port "$n")" --prebootcommandfile "$CLUSTER/micro-preboot.asadmin" \
      --clustermode "tcpip:$(grid_members)" --clustername "$(grid_cluster_name)" \
      --interfaces "$VIDEOTERMIN_BIND_ADDRESS" --startport "$((VIDEOTERMIN_DATA_GRID_PORT + n))" \
      --name "signalling-$n" --rootdir "$CLUSTER/node-$n" \
      >"$LOGS/signalling-node-$n.log" 2>&1
  ) &
  echo $! > "$CLUSTER/node-$n.pid"
}

await_node() { # N
  local i
  for i in $(seq 180); do
    node_ready "$1" && { say "signalling node $1 is up after ${i}s"; return; }
    node_running "$1" || fail "signalling node $1 died, see $LOGS/signalling-node-$1.log"
    sleep 1
  done
  fail "signalling node $1 not ready after 180 s, see $LOGS/signalling-node-$1.log"
}

stop_node() { # N [signal]
  local pid; pid="$(node_pid "$1")"
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    say "Stopping signalling node $1"
    kill "-${2:-TERM}" "$pid" 2>/dev/null || true
    for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$CLUSTER/node-$1.pid"
}

start_lb() {
  local nodes="$1" lines="" n
  command -v haproxy >/dev/null || fail "haproxy is missing — install it with: sudo apt-get install haproxy"
  for n in $(seq 1 "$nodes"); do
    lines+="    server node$n $VIDEOTERMIN_BIND_ADDRESS:$(node_port "$n")"$'\n'
  done
  sed -e "s#@@BIND@@#$VIDEOTERMIN_BIND_ADDRESS#g" -e "s#@@LB_PORT@@#$VIDEOTERMIN_LB_PORT#g" \
      -e "s#@@DAS_HTTP_PORT@@#$VIDEOTERMIN_HTTP_PORT#g" -e "/@@SIGNALLING_NODES@@/d" \
      "$REPO/server-config/haproxy/haproxy.cfg.template" > "$CLUSTER/haproxy.cfg"
  printf '%s' "$lines" >> "$CLUSTER/haproxy.cfg"
  haproxy -c -q -f "$CLUSTER/haproxy.cfg" || fail "haproxy rejects $CLUSTER/haproxy.cfg"
  if lb_running; then
    kill -USR2 "$(cat "$CLUSTER/haproxy.pid")" 2>/dev/null || true   # master-worker reload
    return
  fi
  say "Starting haproxy on http://localhost:$VIDEOTERMIN_LB_PORT (signalling over the Payara Server and $nodes node(s))"
  nohup haproxy -W -db -f "$CLUSTER/haproxy.cfg" >"$LOGS/haproxy.log" 2>&1 &
  echo $! > "$CLUSTER/haproxy.pid"
  sleep 1
  lb_running || fail "haproxy did not start: $(tail -n 3 "$LOGS/haproxy.log" | tr '\n' ' ')"
}

stop_lb() {
  if lb_running; then
    say "Stopping haproxy"
    kill -TERM "$(cat "$CLUSTER/haproxy.pid")" 2>/dev/null || true
  fi
  rm -f "$CLUSTER/haproxy.pid"
}

case "${1:-status}" in
  start)
    nodes="${2:-1}"
    (( nodes >= 1 && nodes <= MAX_NODES )) || fail "between 1 and $MAX_NODES nodes"
    load_secrets
    configure_das_grid
    for n in $(seq 1 "$nodes"); do start_node "$n"; done
    for n in $(seq 1 "$nodes"); do await_node "$n"; done
    start_lb "$nodes"
    cat <<EOF

  Videotermin through haproxy: http://localhost:$VIDEOTERMIN_LB_PORT/   (signalling spread over $((nodes + 1)) nodes)
  Nodes: Payara Server :$VIDEOTERMIN_HTTP_PORT, Micro $(for n in $(seq 1 "$nodes"); do printf ':%s ' "$(node_port "$n")"; done)
  Stop with: server-config/scripts/cluster.sh stop
EOF
    ;;
  stop)
    stop_lb
    for n in $(seq 1 "$MAX_NODES"); do stop_node "$n"; done
    ;;
  status)
    lb_running && echo "haproxy     running  http://localhost:$VIDEOTERMIN_LB_PORT" || echo "haproxy     stopped"
    for n in $(seq 1 "$MAX_NODES"); do
      if node_running "$n"; then
        echo "node $n      running  :$(node_port "$n")  $(grep -o 'DG Size: [0-9]*' "$LOGS/signalling-node-$n.log" | tail -1)"
      fi
    done
    ;;
  kill-node)  stop_node "${2:?node number}" KILL ;;
  start-node) load_secrets; start_node "${2:?node number}"; await_node "$2" ;;
  *) echo "usage: cluster.sh start [NODES] | stop | status | kill-node N | start-node N" >&2; exit 2 ;;
esac
