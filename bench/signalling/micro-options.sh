# Options for running the signalling WAR on Payara Micro in the benchmark (sourced by run.sh and profile.sh).
MICRO_JVM_OPTIONS=(-Xms512m -Xmx1g -Dhazelcast.socket.bind.any=false)
MICRO_OPTIONS=()
