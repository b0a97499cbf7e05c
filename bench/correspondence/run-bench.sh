#!/usr/bin/env bash
# Books and invites a whole agency day (default 14,000 appointments across 1,000 sites) through the
# REST API against a running stack (./run), with every invitation going to the stack's GreenMail.
# Measures the booking phase (throughput, p50/p99 latency per request) and the time until every
# invitation has left the outbox (status SENT). Appends the results to RESULTS.md.
#
#   set -a; . ./.env.local; set +a      # if the stack runs on other ports
#   bench/correspondence/run-bench.sh   # SITES=1000 PER_SITE=14 THREADS=16 by default
set -Eeuo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
: "${VIDEOTERMIN_HOME:=$REPO/.videotermin/demo}"
: "${VIDEOTERMIN_HTTP_PORT:=8080}"
: "${VIDEOTERMIN_KEYCLOAK_PORT:=8180}"
: "${VIDEOTERMIN_DB_PORT:=5433}"
: "${SITES:=1000}"
: "${PER_SITE:=14}"
: "${THREADS:=16}"
: "${LABEL:=}"   # a note for the results heading, e.g. "before the outbox change"
# shellcheck disable=SC1091
source "$VIDEOTERMIN_HOME/secrets.env"
BASE="http://localhost:$VIDEOTERMIN_HTTP_PORT"
REALM="http://localhost:$VIDEOTERMIN_KEYCLOAK_PORT/realms/videotermin"
RUN="$(date +%s)"
DAY="$(date -d "+$((30 + RUN % 300)) days" +%F)"
psql_() { PGPASSWORD="$DB_PASSWORD" psql -h 127.0.0.1 -p "$VIDEOTERMIN_DB_PORT" -U videotermin -d videotermin -tAq "$@"; }

psql_ -c "insert into site (code, name) select format('BENCH-%s', lpad(i::text, 4, '0')), format('Benchmark site %s', i)
          from generate_series(0, $((SITES - 1))) i on conflict do nothing"
# The client is compiled before the clock starts (source-file mode compiled it inside the measured time).
CLASSES="$(mktemp -d)"; trap 'rm -rf "$CLASSES"' EXIT
javac -d "$CLASSES" "$HERE/Bench.java"
# GreenMail keeps every mail in memory: after a few 14,000-mail days its garbage collector, not the
# product, sets the pace (its heap filled up with the mailboxes of earlier runs even after their mails were
# purged). GreenMail is reset first, so earlier mails are gone from its web view (RESET_MAIL=no keeps them).
if [[ "${RESET_MAIL:-yes}" != no ]]; then
  curl -fsS -X POST "http://127.0.0.1:${VIDEOTERMIN_MAIL_API_PORT:-8025}/api/service/reset" >/dev/null || echo "could not reset GreenMail"
fi
start=$(date +%s.%N)
line="$(java -Dsites="$SITES" -Dpersite="$PER_SITE" -DperSite="$PER_SITE" -Dthreads="$THREADS" -cp "$CLASSES" Bench "$BASE" "$REALM" "$AGENCY_CLIENT_SECRET" "$RUN" "$DAY")"
echo "$line"
total=$((SITES * PER_SITE))
while :; do
  # one statement for both counts: two would race with the senders (SENT read before PENDING ran out)
  read -r sent pending <<<"$(psql_ -F ' ' -c "select count(*) filter (where m.status = 'SENT'),
                    count(*) filter (where m.status in ('PENDING','RETRYING'))
                    from outbox_message m join appointment a on a.id = m.appointment_id
                    where a.advisor_username like 'bench-$RUN-%'")"
  if (( sent >= total )) || [[ "$pending" == "0" ]]; then break; fi
  if (( $(date +%s) - ${start%.*} > 900 )); then echo "gave up waiting for the outbox"; break; fi
  sleep 0.2
done
end=$(date +%s.%N)
all="$(awk -v a="$start" -v b="$end" 'BEGIN{printf "%.1f", b-a}')"
failed="$(psql_ -c "select count(*) from outbox_message m join appointment a on a.id = m.appointment_id
                    where a.advisor_username like 'bench-$RUN-%' and m.status = 'FAILED'")"
echo "invitations_sent=$sent of $total, booked_and_invited_seconds=$all, failed=$failed"
{
  echo
  echo "## Run $(date -u +%FT%TZ) — $SITES sites × $PER_SITE appointments, $THREADS client threads${LABEL:+ — $LABEL}"
  echo
  echo "Machine: $(nproc) cores, load average at the end $(cut -d' ' -f1-3 /proc/loadavg), $(free -g | awk '/Mem/{print $2}') GB RAM, shared with other engineers' stacks and tests. Day booked: $DAY."
  echo
  echo "- Booking phase: \`$line\`"
  echo "- Whole day booked **and** every invitation delivered to SMTP: **${all} s** ($sent of $total invitations SENT, $failed FAILED)"
} >> "$HERE/RESULTS.md"
