#!/usr/bin/env bash
# CPU time of a process's threads grouped by thread name (digits removed), in clock ticks (1/100 s):
#   thread-cpu.sh PID > snapshot     # then: thread-cpu.sh --diff before after
# JFR's execution samples only see Java code on Java threads; this shows what the GC, the JIT compiler,
# Grizzly's selector and the worker threads each cost, straight from /proc.
set -Eeuo pipefail
if [[ "${1:-}" == --diff ]]; then
  join -a2 -e0 -o 0,1.2,2.2 <(sort "$2") <(sort "$3") | awk '{d=$3-$2; t+=d; r[$1]=d} END {for (k in r) if (r[k] > 0) printf "%6.1f%% %8d %s\n", 100*r[k]/t, r[k], k; printf "%6.1f%% %8d %s\n", 100, t, "TOTAL"}' | sort -rn
  exit 0
fi
for t in /proc/"$1"/task/*; do
  name="$(tr ' ' '_' < "$t/comm" | tr -d '0-9')"
  # fields 14 and 15 of stat are utime and stime; the name in field 2 may contain spaces, so cut after ')'
  read -r ut st < <(sed 's/.*) //' "$t/stat" | awk '{print $12, $13}')
  echo "$name $((ut + st))"
done | awk '{s[$1]+=$2} END {for (k in s) print k, s[k]}'
