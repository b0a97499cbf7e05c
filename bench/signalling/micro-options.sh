# Options for running the signalling WAR on Payara Micro in the benchmark (sourced by run.sh and profile.sh).
# the production node's JVM options (server-config/payara/micro-jvm.options), so the benchmark measures what runs
mapfile -t MICRO_JVM_OPTIONS < <(grep -v '^#' "$REPO/server-config/payara/micro-jvm.options" | grep -v '^$')
MICRO_JVM_OPTIONS+=(-Dhazelcast.socket.bind.any=false)
MICRO_OPTIONS=()
